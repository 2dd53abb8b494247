import { parseIntakeLine, validateIntakeRecord } from '../../shared/intake/parse';
import type { IntakeRecord } from '../../shared/intake/schema';
import { redactRecord } from '../../shared/intake/revision-rules';
import type { PreparedLine } from './prepare-line';
import type { ReportInput } from './report-writer';

export type FeedRecordResult = { ok: true; input: ReportInput } | { ok: false; reason: string };

/**
 * A filed revision of a report withdrawn later arrives redacted (only non-personal fields), which the intake
 * contract alone would refuse. It is accepted when it is exactly such a redaction and otherwise valid.
 */
function asRedactedRevision(raw: string): IntakeRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const candidate = value as IntakeRecord;
  if (redactRecord(candidate) !== raw) return null;
  return validateIntakeRecord({ ...candidate, status: 'withdrawn' }).ok ? candidate : null;
}

type FeedReportEntry = { reportId: string; revision: number; record: string };

function matchingEntry(entry: FeedReportEntry, input: ReportInput): FeedRecordResult {
  // The prepared row when there is one: the record itself is parsed on this thread only when read.
  const { reportId, revision } = input.row ?? input.record;
  if (reportId !== entry.reportId || revision !== entry.revision) {
    return { ok: false, reason: 'the record does not match its feed entry (report id or revision)' };
  }
  return { ok: true, input };
}

/**
 * A feed report entry as input for the report writer; the record string is kept as the raw revision. `prepared`
 * is the entry's record prepared like an imported line (parsed, validated, its indicators extracted, on the
 * prepare worker); a record that step refused may still be a withdrawn report's redacted revision.
 */
export function parseFeedRecord(entry: FeedReportEntry, prepared?: PreparedLine): FeedRecordResult {
  if (prepared?.ok === true) return matchingEntry(entry, prepared.input);
  const parsed = parseIntakeLine(entry.record);
  const record = parsed.ok ? parsed.record : asRedactedRevision(entry.record);
  if (!record) return { ok: false, reason: parsed.ok ? 'unreadable record' : parsed.reason };
  return matchingEntry(entry, { record, raw: entry.record });
}
