import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { pruneDeepValues } from '../../shared/intake/bounded-json';
import type { IntakeRecord } from '../../shared/intake/schema';
import { revisionText, type StoredRevision } from '../db/stored-revision';

export interface ReportRow {
  id: number;
  reportId: string;
  revision: number;
  status: 'filed' | 'withdrawn';
  receivedAt: string;
  firstReceivedAt: string;
  channel: string;
  kind: 'aangifte' | 'melding';
  category: IntakeRecord['category'];
  region: string | null;
  summary: string | null;
  narrative: string | null;
  lossCents: number;
  workStatus: 'new' | 'in_progress' | 'closed';
  assignee: string | null;
  clusterId: number | null;
  clusterSize: number;
}

/** The report's current row; NOT_FOUND when this store does not hold it. */
export function requireReportRow(sqlite: Database.Database, reportId: string): ReportRow {
  const row = sqlite
    .prepare<[string], ReportRow>(
      `SELECT r.id, r.report_id AS reportId, r.revision, r.status, r.received_at AS receivedAt, r.first_received_at AS firstReceivedAt,
         r.channel, r.kind, r.category, r.region, r.summary, r.narrative, r.loss_cents AS lossCents, r.work_status AS workStatus,
         r.assignee, r.cluster_id AS clusterId, coalesce(c.size, 1) AS clusterSize
       FROM reports r LEFT JOIN clusters c ON c.id = r.cluster_id WHERE r.report_id = ?`,
    )
    .get(reportId);
  if (!row) throw new AppError('NOT_FOUND', `Report ${reportId} is not in this store.`);
  return row;
}

/**
 * The current revision's record as received (redacted when withdrawn), unknown fields included — but never one
 * that cannot be shown: values nested past the intake's limit (stored before it, or by another program) are
 * replaced by a mark, so that answering and sending the record cannot overflow the stack.
 */
export function currentRecord(sqlite: Database.Database, row: Pick<ReportRow, 'id' | 'revision'>): IntakeRecord {
  const stored = sqlite
    .prepare<[number, number], StoredRevision>(
      `SELECT v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ? AND v.revision = ?`,
    )
    .get(row.id, row.revision);
  if (stored === undefined) throw new AppError('INTERNAL', 'The report has no stored record for its current revision.');
  let record: unknown;
  try {
    record = JSON.parse(revisionText(stored));
  } catch {
    throw new AppError('INTERNAL', 'The stored record of this report is damaged and cannot be shown.');
  }
  return pruneDeepValues(record) as IntakeRecord;
}
