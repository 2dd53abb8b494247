import type Database from 'better-sqlite3';
import type { CaseStatus } from '../../shared/mutations/kinds';

/**
 * Reads of `cases` and `case_reports` for the floors above, which call these instead of reading the tables
 * (src-main/README.md, "Who owns which table"). Cases are few: their reports' facts are the read models' to add.
 */
export interface CaseRecord {
  caseId: string;
  title: string;
  status: CaseStatus;
  owner: string | null;
  team: string | null;
  closeReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const CASE_COLUMNS =
  'id AS caseId, title, status, owner, team, close_reason AS closeReason, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt';

/** Cases (with one of `statuses`, when given), most recently changed first. */
export function listCaseRecords(sqlite: Database.Database, statuses?: readonly CaseStatus[]): CaseRecord[] {
  const filter = statuses && statuses.length > 0 ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
  return sqlite.prepare<string[], CaseRecord>(`SELECT ${CASE_COLUMNS} FROM cases ${filter} ORDER BY updated_at DESC, id`).all(...(statuses ?? []));
}

export function findCaseRecord(sqlite: Database.Database, caseId: string): CaseRecord | undefined {
  return sqlite.prepare<[string], CaseRecord>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(caseId);
}

/** The reports of one case (ids as the intake gave them). */
export function caseMembers(sqlite: Database.Database, caseId: string): string[] {
  return sqlite.prepare<[string], string>('SELECT report_id FROM case_reports WHERE case_id = ?').pluck().all(caseId);
}

/** Every case's reports, by case. */
export function membersByCase(sqlite: Database.Database): Map<string, string[]> {
  const byCase = new Map<string, string[]>();
  for (const { caseId, reportId } of sqlite.prepare<[], { caseId: string; reportId: string }>('SELECT case_id AS caseId, report_id AS reportId FROM case_reports').iterate()) {
    const members = byCase.get(caseId);
    if (members) members.push(reportId);
    else byCase.set(caseId, [reportId]);
  }
  return byCase;
}

/** The cases a report is in, in the order it was added to them. */
export function casesOfReport(sqlite: Database.Database, reportId: string): string[] {
  return sqlite.prepare<[string], string>('SELECT case_id FROM case_reports WHERE report_id = ? ORDER BY added_at, case_id').pluck().all(reportId);
}

/** Each report held by a case, with that case's status and when it last changed (a report in two cases: twice). */
export function caseHoldings(sqlite: Database.Database): Array<{ caseId: string; reportId: string; status: string; updatedAt: string }> {
  return sqlite
    .prepare<[], { caseId: string; reportId: string; status: string; updatedAt: string }>(
      'SELECT cr.case_id AS caseId, cr.report_id AS reportId, c.status, c.updated_at AS updatedAt FROM case_reports cr JOIN cases c ON c.id = cr.case_id',
    )
    .all();
}

/** The report and every report that shares a case with it. */
export function reportsSharingACase(sqlite: Database.Database, reportId: string): string[] {
  return sqlite
    .prepare<[string, string], string>(
      'SELECT other.report_id FROM case_reports mine JOIN case_reports other ON other.case_id = mine.case_id WHERE mine.report_id = ? UNION SELECT ?',
    )
    .pluck()
    .all(reportId, reportId);
}
