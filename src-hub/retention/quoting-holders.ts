/**
 * The cases and requests whose texts may quote a report (`case:<id>`, `action:<id>`): those that ever listed it —
 * `subject_reports` keeps a report taken out of a case or a request since — and the requests made on such a case,
 * which may quote the case's reports without listing them. A purge and a withdrawal redact their texts and remember
 * them for the late-quote rule (shared/retention/late-quotes.ts), as the workstation does with the same cases and
 * requests (src-main/mutations/report-traces.ts). Not the holds: a case holds only the reports it lists now (./holders.ts).
 */
import { sql } from 'drizzle-orm';
import { queryRows, textArray, type HubDb } from '../db/database';

/** For each case or request that may quote some of these reports, the ones it may quote. */
export async function quotableReports(tx: HubDb, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const quotable = new Map<string, string[]>();
  const add = (subject: string, reportId: string) => quotable.set(subject, [...(quotable.get(subject) ?? []), reportId]);
  const listing = await queryRows<{ subject: string; report_id: string }>(
    tx,
    sql`SELECT subject, report_id FROM subject_reports WHERE report_id = ANY(${textArray(reportIds)}) AND (subject LIKE 'action:%' OR subject LIKE 'case:%')`,
  );
  for (const row of listing) add(row.subject, row.report_id);
  const cases = [...quotable.keys()].filter((subject) => subject.startsWith('case:'));
  // Most reports are in no case: the mutations are read only for those that are.
  if (cases.length === 0) return quotable;
  // Compared bare, so the partial index mutations_action_case serves it (a withdrawal runs in the intake's transaction).
  const onCases = await queryRows<{ case_subject: string; subject: string }>(
    tx,
    sql`SELECT 'case:' || (payload->>'caseId') AS case_subject, 'action:' || (payload->>'actionId') AS subject FROM mutations
        WHERE kind = 'action.create' AND (payload->>'caseId') = ANY(${textArray(cases.map((subject) => subject.slice('case:'.length)))})`,
  );
  for (const { case_subject: caseSubject, subject } of onCases) {
    for (const reportId of quotable.get(caseSubject) ?? []) if (!quotable.get(subject)?.includes(reportId)) add(subject, reportId);
  }
  return quotable;
}
