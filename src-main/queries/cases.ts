import type Database from 'better-sqlite3';
import type { CaseDetail, CaseSummaryView } from '../../shared/api/views';
import { AppError } from '../../shared/errors';
import type { IndicatorType } from '../../shared/indicators/types';
import type { CaseStatus } from '../../shared/mutations/kinds';
import { caseMembers, findCaseRecord, listCaseRecords, membersByCase, type CaseRecord } from '../mutations/case-members';
import { queueRowsOf } from './queue-rows';

/** The loss each of these reports states (reports not in the store are left out). */
function lossesOf(sqlite: Database.Database, reportIds: readonly string[]): Map<string, number> {
  const rows = sqlite
    .prepare<[string], { reportId: string; lossCents: number | null }>(
      'SELECT report_id AS reportId, loss_cents AS lossCents FROM reports WHERE report_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(reportIds));
  return new Map(rows.map((row) => [row.reportId, row.lossCents ?? 0]));
}

function summaryOf(record: CaseRecord, members: readonly string[], losses: ReadonlyMap<string, number>): CaseSummaryView {
  const totalLossCents = members.reduce((total, reportId) => total + (losses.get(reportId) ?? 0), 0);
  return { caseId: record.caseId, title: record.title, status: record.status, owner: record.owner, team: record.team, reportCount: members.length, totalLossCents, createdAt: record.createdAt, updatedAt: record.updatedAt };
}

/** Cases with how many reports they hold and the loss those report; most recently changed first. */
export function listCases(sqlite: Database.Database, statuses?: readonly CaseStatus[]): CaseSummaryView[] {
  const records = listCaseRecords(sqlite, statuses);
  const members = membersByCase(sqlite);
  const losses = lossesOf(sqlite, records.flatMap((record) => members.get(record.caseId) ?? []));
  return records.map((record) => summaryOf(record, members.get(record.caseId) ?? [], losses));
}

export function caseDetail(sqlite: Database.Database, caseId: string): CaseDetail {
  const record = findCaseRecord(sqlite, caseId);
  if (!record) throw new AppError('NOT_FOUND', `Case ${caseId} does not exist.`);
  const reportIds = caseMembers(sqlite, caseId);
  return {
    ...summaryOf(record, reportIds, lossesOf(sqlite, reportIds)),
    closeReason: record.closeReason,
    createdBy: record.createdBy,
    reports: queueRowsOf(sqlite, reportIds),
    indicators: caseIndicators(sqlite, reportIds),
  };
}

function caseIndicators(sqlite: Database.Database, reportIds: readonly string[]): CaseDetail['indicators'] {
  return sqlite
    .prepare<[string], { type: IndicatorType; value: string; reports: number }>(
      `SELECT i.type, i.value, count(DISTINCT m.report_id) AS reports
       FROM reports r
       JOIN mentions m ON m.report_id = r.id AND m.benign = 0
       JOIN indicators i ON i.id = m.indicator_id
       WHERE r.report_id IN (SELECT value FROM json_each(?))
       GROUP BY i.id ORDER BY reports DESC, i.type, i.value`,
    )
    .all(JSON.stringify(reportIds));
}
