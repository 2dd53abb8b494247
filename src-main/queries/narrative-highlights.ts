import type { TextHighlight } from '../../shared/api/views';
import type { IndicatorType } from '../../shared/indicators/types';

export const NARRATIVE_FIELD = 'incident.narrative';

export interface NarrativeMention {
  type: IndicatorType;
  value: string;
  raw: string;
  benign: boolean;
}

/**
 * Every place the narrative's indicators stand, as typed (UTF-16 offsets, as the renderer's strings count).
 * Overlaps keep the earlier, then the longer match, so highlights never nest.
 */
export function narrativeHighlights(narrative: string | null, mentions: readonly NarrativeMention[]): TextHighlight[] {
  if (!narrative) return [];
  const found: TextHighlight[] = [];
  for (const mention of mentions) {
    if (mention.raw === '') continue;
    for (let at = narrative.indexOf(mention.raw); at !== -1; at = narrative.indexOf(mention.raw, at + mention.raw.length)) {
      found.push({ start: at, end: at + mention.raw.length, type: mention.type, value: mention.value, benign: mention.benign });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextHighlight[] = [];
  for (const highlight of found) {
    const previous = kept[kept.length - 1];
    if (previous && highlight.start < previous.end) continue;
    kept.push(highlight);
  }
  return kept;
}
