/**
 * A report's words that may stand in officers' work (a note, a request's text): its reporter and the sentences of its
 * story. Withdrawal and retention redact them wherever they are quoted, on the workstation and on the hub alike.
 */
import type { IntakeRecord, Reporter } from '../intake/schema';
import { createReporterRedactor } from '../requests/reporter-redaction';

export interface ReportWords {
  reporter: Reporter | undefined;
  sentences: string[];
}

/** What stands where a withdrawn report's note text, or a quote of it in a request or a note, was. */
export const WITHDRAWN_NOTE = '[notitie verwijderd: melding ingetrokken]';
export const WITHDRAWN_QUOTE = '[verwijderd: melding ingetrokken]';

/** Sentences shorter than this are too common to be a quote ("Ik betaalde."). */
const MIN_QUOTE_LENGTH = 12;

export function reportWords(records: readonly Pick<IntakeRecord, 'reporter' | 'incident'>[]): ReportWords {
  const sentences = new Set<string>();
  for (const record of records) {
    for (const text of [record.incident?.narrative, record.incident?.summary]) {
      for (const sentence of (text ?? '').split(/(?<=[.!?])\s+|\n/)) if (sentence.trim().length >= MIN_QUOTE_LENGTH) sentences.add(sentence.trim());
    }
  }
  return { reporter: records.find((record) => record.reporter)?.reporter, sentences: [...sentences].sort((a, b) => b.length - a.length) };
}

/** The text with the reporter's data and the report's sentences replaced by the placeholder. */
export function redactReportWords(text: string, words: ReportWords, placeholder: string): string {
  let redacted = createReporterRedactor(words.reporter)(text);
  for (const sentence of words.sentences) redacted = redacted.split(sentence).join(placeholder);
  return redacted;
}
