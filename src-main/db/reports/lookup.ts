import type Database from 'better-sqlite3';

/**
 * Facts of a report found by its id, for the floors below the read models (the services' guards) and for
 * composition: the one place outside the read models and the writers that reads `reports` (src-main/README.md,
 * "Who owns which table").
 */

const statusStatements = new WeakMap<Database.Database, Database.Statement<[string], string>>();

/** The report's status (filed, withdrawn), or undefined when this store does not hold it; prepared once per connection. */
export function reportStatus(sqlite: Database.Database, reportId: string): string | undefined {
  let status = statusStatements.get(sqlite);
  if (!status) statusStatements.set(sqlite, (status = sqlite.prepare<[string], string>('SELECT status FROM reports WHERE report_id = ?').pluck()));
  return status.get(reportId);
}

/** Whether this store holds the report, prepared once for callers that ask for many. */
export function createReportExists(sqlite: Database.Database): (reportId: string) => boolean {
  const find = sqlite.prepare<[string], number>('SELECT 1 FROM reports WHERE report_id = ?').pluck();
  return (reportId) => find.get(reportId) !== undefined;
}

/** The report's work status or assignee as it stands, prepared once (undefined: not held; null: not set). */
export function createWorkFieldOf(sqlite: Database.Database, column: 'work_status' | 'assignee'): (reportId: string) => string | null | undefined {
  const current = sqlite.prepare<[string], string | null>(`SELECT ${column} FROM reports WHERE report_id = ?`).pluck();
  return (reportId) => current.get(reportId);
}

/** Whether the store holds any report. */
export function holdsReports(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM reports LIMIT 1').get() !== undefined;
}

/** How many reports the store holds. */
export function countReports(sqlite: Database.Database): number {
  return sqlite.prepare<[], number>('SELECT count(*) FROM reports').pluck().get() ?? 0;
}

/** A report's row id, id and receipt by its row id, prepared once (undefined: no longer held). */
export function createReceiptOf(sqlite: Database.Database): (id: number) => { id: number; reportId: string; receivedAt: string } | undefined {
  const find = sqlite.prepare<[number], { id: number; reportId: string; receivedAt: string }>('SELECT id, report_id AS reportId, received_at AS receivedAt FROM reports WHERE id = ?');
  return (id) => find.get(id);
}

export interface Receipt {
  id: number;
  reportId: string;
  receivedAt: string;
}

/**
 * The retention run's candidates a page at a time: reports received before `bound` (an ISO prefix compared as text),
 * in (received_at, id) order after `after` (null: from the first). Each page is a range of the received_at index.
 */
export function createReceivedBeforePages(sqlite: Database.Database, bound: string): (after: Receipt | null, limit: number) => Receipt[] {
  const page = sqlite.prepare<[string, string, number, number], Receipt>(
    'SELECT id, report_id AS reportId, received_at AS receivedAt FROM reports WHERE received_at < ? AND (received_at, id) > (?, ?) ORDER BY received_at, id LIMIT ?',
  );
  return (after, limit) => page.all(bound, after?.receivedAt ?? '', after?.id ?? 0, limit);
}

/** The officers' work fields of a report as its row holds them. */
export interface WorkRow {
  work_status: string;
  assignee: string | null;
  route_team: string | null;
  route_priority: string | null;
  route_rule: string | null;
  route_reason: string | null;
  routed_by: string | null;
  routed_at: string | null;
}

/** A report's work fields, prepared once (undefined: not held). */
export function createWorkRowOf(sqlite: Database.Database): (reportId: string) => WorkRow | undefined {
  const select = sqlite.prepare<[string], WorkRow>(
    'SELECT work_status, assignee, route_team, route_priority, route_rule, route_reason, routed_by, routed_at FROM reports WHERE report_id = ?',
  );
  return (reportId) => select.get(reportId);
}

/** The row ids of the indicators with this type and value. */
export function indicatorIdsOf(sqlite: Database.Database, type: string, value: string): number[] {
  return sqlite.prepare<[string, string], number>('SELECT id FROM indicators WHERE type = ? AND value = ?').pluck().all(type, value);
}

/** Every URL indicator, one at a time (a benign domain covers the URLs on it). */
export function urlIndicators(sqlite: Database.Database): IterableIterator<{ id: number; value: string }> {
  return sqlite.prepare<[], { id: number; value: string }>("SELECT id, value FROM indicators WHERE type = 'url'").iterate();
}

/** An indicator's type and value by its row id, prepared once. */
export function createIndicatorById(sqlite: Database.Database): (id: number) => { type: string; value: string } | undefined {
  const select = sqlite.prepare<[number], { type: string; value: string }>('SELECT type, value FROM indicators WHERE id = ?');
  return (id) => select.get(id);
}

/** The row ids of the reports that mention an indicator, prepared once. */
export function createReportsMentioning(sqlite: Database.Database): (indicatorId: number) => number[] {
  const reportsWith = sqlite.prepare<[number], number>('SELECT DISTINCT report_id FROM mentions WHERE indicator_id = ?').pluck();
  return (indicatorId) => reportsWith.all(indicatorId);
}
