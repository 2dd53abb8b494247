/** Evidence lines of a request: where in a report the indicator stands, with the sentence around it. */
import type { EvidenceLine } from '../../shared/api/request-views';

/** Longer sentences are cut around the indicator, so a run-on story does not fill the letter. */
export const MAX_EVIDENCE_LENGTH = 320;

const SENTENCE_END_RE = /[.!?]["')\]]?(?=\s)|\n/g;

/** The text at a path such as `incident.narrative` or `payments[0].reference` of a record, when it is text. */
export function readField(record: unknown, path: string): string | undefined {
  let current: unknown = record;
  for (const part of path.split(/[.[\]]+/).filter((segment) => segment !== '')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return typeof current === 'string' ? current : undefined;
}

/** The sentence of `text` that holds `raw` (or the whole text when `raw` is not in it), at most MAX_EVIDENCE_LENGTH long. */
export function sentenceAround(text: string, raw: string): string {
  const at = raw === '' ? -1 : text.indexOf(raw);
  if (at === -1) return clip(text.trim(), 0, 0);
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_END_RE)) {
    const stop = match.index + match[0].length;
    // A dot inside the indicator itself (a domain, an e-mail address) is not the end of the sentence.
    if (stop <= at) start = stop;
    else if (match.index >= at + raw.length) {
      end = stop;
      break;
    }
  }
  const sentence = text.slice(start, end);
  const offset = sentence.length - sentence.trimStart().length;
  return clip(sentence.trim(), at - start - offset, raw.length);
}

/** Cuts text longer than the maximum to a window around [at, at + length), marking the cuts with "…". */
function clip(text: string, at: number, length: number): string {
  if (text.length <= MAX_EVIDENCE_LENGTH) return text;
  const room = Math.max(0, MAX_EVIDENCE_LENGTH - length);
  const from = Math.max(0, Math.min(at - Math.floor(room / 2), text.length - MAX_EVIDENCE_LENGTH));
  const to = Math.min(text.length, from + MAX_EVIDENCE_LENGTH);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

export interface MentionOfIndicator {
  field: string;
  raw: string;
}

/**
 * One line per place the report mentions the indicator: structured fields as typed, free text as the sentence
 * around it. `redact` takes the reporter's own data out of every line.
 */
export function evidenceLines(record: unknown, mentions: readonly MentionOfIndicator[], redact: (text: string) => string): EvidenceLine[] {
  const lines: EvidenceLine[] = [];
  const seen = new Set<string>();
  for (const mention of mentions) {
    const fieldText = readField(record, mention.field);
    const text = redact(fieldText !== undefined && fieldText.trim() !== mention.raw ? sentenceAround(fieldText, mention.raw) : mention.raw);
    const key = `${mention.field}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push({ field: mention.field, text });
  }
  return lines;
}
