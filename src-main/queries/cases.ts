import type Database from 'better-sqlite3';
import type { CaseDetail, CaseSummaryView } from '../../shared/api/views';
import { AppError } from '../../shared/errors';
import type { IndicatorType } from '../../shared/indicators/types';
import type { CaseStatus } from '../../shared/mutations/kinds';
import { queueRowsOf } from './queue-rows';

const SUMMARY_SQL = `SELECT k.id AS caseId, k.title, k.status, k.owner, k.team, count(cr.report_id) AS reportCount,
    coalesce(sum(r.loss_cents), 0) AS totalLossCents, k.created_at AS createdAt, k.updated_at AS updatedAt
  FROM cases k
  LEFT JOIN case_reports cr ON cr.case_id = k.id
  LEFT JOIN reports r ON r.report_id = cr.report_id`;

/** Cases with how many reports they hold and the loss those report; most recently changed first. */
export function listCases(sqlite: Database.Database, statuses?: readonly CaseStatus[]): CaseSummaryView[] {
  const filter = statuses && statuses.length > 0 ? `WHERE k.status IN (${statuses.map(() => '?').join(', ')})` : '';
  return sqlite
    .prepare<string[], CaseSummaryView>(`${SUMMARY_SQL} ${filter} GROUP BY k.id ORDER BY k.updated_at DESC, k.id`)
    .all(...(statuses ?? []));
}

export function caseDetail(sqlite: Database.Database, caseId: string): CaseDetail {
  const summary = sqlite.prepare<[string], CaseSummaryView>(`${SUMMARY_SQL} WHERE k.id = ? GROUP BY k.id`).get(caseId);
  if (!summary) throw new AppError('NOT_FOUND', `Case ${caseId} does not exist.`);
  const extra = sqlite
    .prepare<[string], { closeReason: string | null; createdBy: string }>('SELECT close_reason AS closeReason, created_by AS createdBy FROM cases WHERE id = ?')
    .get(caseId)!;
  const reportIds = sqlite.prepare<[string], string>('SELECT report_id FROM case_reports WHERE case_id = ?').pluck().all(caseId);
  return { ...summary, ...extra, reports: queueRowsOf(sqlite, reportIds), indicators: caseIndicators(sqlite, caseId) };
}

function caseIndicators(sqlite: Database.Database, caseId: string): CaseDetail['indicators'] {
  return sqlite
    .prepare<[string], { type: IndicatorType; value: string; reports: number }>(
      `SELECT i.type, i.value, count(DISTINCT m.report_id) AS reports
       FROM case_reports cr
       JOIN reports r ON r.report_id = cr.report_id
       JOIN mentions m ON m.report_id = r.id AND m.benign = 0
       JOIN indicators i ON i.id = m.indicator_id
       WHERE cr.case_id = ?
       GROUP BY i.id ORDER BY reports DESC, i.type, i.value`,
    )
    .all(caseId);
}
