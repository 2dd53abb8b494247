import { parseIntakeLine } from '../../shared/intake/parse';
import { extractIndicators } from '../../shared/indicators/extract-record';
import type { ReportInput } from './report-writer';
import { unreadableLineReason, type NdjsonLine } from '../../shared/intake/ndjson-lines';
import { packRevision } from '../db/stored-revision';
import { recordRow } from '../db/report-row';
import { withUrlDomains } from '../benign/benign-matcher';

export type PreparedLine =
  | { line: number; ok: true; input: ReportInput }
  | { line: number; ok: false; reason: string }
  /** Blank lines separate nothing and count for nothing. */
  | { line: number; ok: 'blank' };

/** Everything about a line that needs no store: parse, validate, derive its row, extract, pack. Pure, so it can run on any thread. */
export function prepareLine(line: NdjsonLine): PreparedLine {
  const unreadable = unreadableLineReason(line);
  if (unreadable !== null) return { line: line.number, ok: false, reason: unreadable };
  if (line.text.trim() === '') return { line: line.number, ok: 'blank' };
  const parsed = parseIntakeLine(line.text);
  if (!parsed.ok) return { line: line.number, ok: false, reason: parsed.reason };
  return {
    line: line.number,
    ok: true,
    input: {
      record: parsed.record,
      raw: line.text,
      row: recordRow(parsed.record),
      mentions: withUrlDomains(extractIndicators(parsed.record)),
      // A withdrawal is stored redacted, never as received. A filed revision, as a rule, becomes its report's current one.
      packed: parsed.record.status === 'filed' ? packRevision(line.text, parsed.record.incident?.narrative) : undefined,
    },
  };
}
