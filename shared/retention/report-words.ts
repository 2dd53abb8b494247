/**
 * A report's words that may stand in officers' work (a note, a request's text): its reporter, what its story names as
 * the reporter's own (an account, a number: quoted on its own, "slachtoffer betaalde vanaf NL91ABNA…"), and the
 * sentences of its story. Withdrawal and retention redact them wherever they are quoted, on the workstation and on the
 * hub alike.
 */
import type { IntakeRecord, Reporter } from '../intake/schema';
import { extractRecord } from '../indicators/extract-record';
import { createReporterRedactor, type ReporterOwnValue } from '../requests/reporter-redaction';

export interface ReportWords {
  reporter: Reporter | undefined;
  /** The accounts, numbers and addresses the story names as the reporter's own, normalized and as typed. */
  own: ReporterOwnValue[];
  sentences: string[];
}

/** What stands where a withdrawn report's note text, or a quote of it in a request or a note, was. */
export const WITHDRAWN_NOTE = '[notitie verwijderd: melding ingetrokken]';
export const WITHDRAWN_QUOTE = '[verwijderd: melding ingetrokken]';

/** Sentences shorter than this are too common to be a quote ("Ik betaalde."). */
const MIN_QUOTE_LENGTH = 12;

/**
 * The words of a report's revisions. Worked out at the first read of them: a withdrawal or purge reads them only when a
 * text may quote the report (a note, a case, a request), and most reports are in none, while reading the reporter's own
 * values means extracting every revision again.
 */
export function reportWords(records: readonly IntakeRecord[]): ReportWords {
  let words: ReportWords | undefined;
  const read = () => (words ??= wordsOf(records));
  return {
    get reporter() {
      return read().reporter;
    },
    get own() {
      return read().own;
    },
    get sentences() {
      return read().sentences;
    },
  };
}

function wordsOf(records: readonly IntakeRecord[]): ReportWords {
  const sentences = new Set<string>();
  const own = new Map<string, ReporterOwnValue>();
  for (const record of records) {
    // A withdrawn revision names nothing (extractRecord); the filed revisions before it named what was quoted.
    for (const { type, value, raw } of extractRecord(record).reporterOwn) own.set(`${type}\u0000${value}\u0000${raw}`, { type, value, raw });
    for (const text of [record.incident?.narrative, record.incident?.summary]) {
      for (const sentence of (text ?? '').split(/(?<=[.!?])\s+|\n/)) if (sentence.trim().length >= MIN_QUOTE_LENGTH) sentences.add(sentence.trim());
    }
  }
  return { reporter: records.find((record) => record.reporter)?.reporter, own: [...own.values()], sentences: [...sentences].sort((a, b) => b.length - a.length) };
}

/** Each report's redactor, compiled once: a purge or withdrawal redacts every text of every case and request with it. */
const reporterRedactors = new WeakMap<ReportWords, (text: string) => string>();

/** The text with the reporter's data (their fields and their own values) and the report's sentences replaced. */
export function redactReportWords(text: string, words: ReportWords, placeholder: string): string {
  // Whole sentences first: one that names the reporter's account would no longer match once the account is blanked.
  let redacted = text;
  for (const sentence of words.sentences) redacted = redacted.split(sentence).join(placeholder);
  let redactReporter = reporterRedactors.get(words);
  if (!redactReporter) reporterRedactors.set(words, (redactReporter = createReporterRedactor(words.reporter, words.own)));
  return redactReporter(redacted);
}
