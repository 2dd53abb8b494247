import type { TextHighlight } from '../../../shared/api/views';

export interface NarrativeSegment {
  /** Offset in the narrative, a stable React key. */
  start: number;
  text: string;
  highlight: TextHighlight | null;
}

/**
 * Cuts the narrative into plain and highlighted pieces by the highlights' UTF-16 offsets. Highlights outside
 * the text or overlapping an earlier one are skipped, so the pieces always add up to the text exactly.
 */
export function segmentNarrative(text: string, highlights: readonly TextHighlight[]): NarrativeSegment[] {
  const usable = highlights
    .filter((highlight) => highlight.start >= 0 && highlight.end <= text.length && highlight.start < highlight.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: NarrativeSegment[] = [];
  let cursor = 0;
  for (const highlight of usable) {
    if (highlight.start < cursor) continue;
    if (highlight.start > cursor) segments.push({ start: cursor, text: text.slice(cursor, highlight.start), highlight: null });
    segments.push({ start: highlight.start, text: text.slice(highlight.start, highlight.end), highlight });
    cursor = highlight.end;
  }
  if (cursor < text.length) segments.push({ start: cursor, text: text.slice(cursor), highlight: null });
  return segments;
}
