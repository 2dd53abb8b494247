/**
 * The privacy officer's and supervisors' questions to every workstation's audit log on the hub: who consulted a
 * report (and why), or everything one officer did in a period — newest first, a page at a time, over one snapshot
 * (`asOf`). Need-to-know: a caller with a regional scope sees entries about reports (and links between them) of their
 * regions, the intake batch entries naming such reports narrowed to them, and entries about what holds no victim's
 * data (withinScope), and may not ask about another region's report at all. Every question is itself logged, with who
 * asked, in `audit_questions` (also when refused).
 */
import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { AuditEntriesResponse, HubAuditEntry } from '../../shared/hub/protocol';
import { queryRows, type HubDb } from '../db/database';
import { auditQuestions } from '../db/schema';
import type { Scope } from '../feed/scope';
import { INTAKE_ACTION, INTAKE_SUBJECT } from '../../shared/audit/intake-batch';
import { intakeEntriesNaming, namesReportOfRegions, narrowedToRegions } from './intake-entry-reports';
import { inRegions } from './report-regions';
import { encodeCursor, type ParsedAuditQuestion } from './parse-question';

export interface AuditAsker {
  officerId: string;
  tokenId: number | null;
  sessionId: number | null;
  scope: Scope;
}

const scopeText = (scope: Scope) => (scope === '*' ? '*' : scope.join(','));

/** The day after `day` (YYYY-MM-DD): the end of an inclusive period, as a bound on the entries' ISO times. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * What a regional caller sees: entries about reports of their regions (and links whose both reports are), the intake
 * batch entries that name one of them (each narrowed to those reports before it is answered: narrowedToRegions), and
 * entries about what holds no victim's data (the directory, routing rules, the store, the feed). Everything else may name
 * another region's reports or a typed search for a person's number or account (searches, indicators, cases and
 * requests listing reports, refused changes, conflicts): it is for national supervisors and the privacy officer.
 */
const REGION_FREE_SUBJECTS = ['directory', 'routing_rule', 'store', 'feed'];

function withinScope(scope: Scope): SQL {
  if (scope === '*') return sql`TRUE`;
  return sql`(e.subject_type IN (${sql.join(REGION_FREE_SUBJECTS.map((subject) => sql`${subject}`), sql`, `)})
    OR (e.subject_type = ${INTAKE_SUBJECT.subjectType} AND e.subject_id = ${INTAKE_SUBJECT.subjectId} AND e.action = ${INTAKE_ACTION} AND ${namesReportOfRegions(scope)})
    OR (e.subject_type = 'report' AND ${inRegions(sql`e.subject_id`, scope)})
    OR (e.subject_type = 'link' AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(e.subject_id, '|')) AS named(id) WHERE NOT ${inRegions(sql`named.id`, scope)})))`;
}

/**
 * The entries about a report, each found by an index: those about it alone, the links naming it, and the intake batch
 * entries that name it (./intake-entry-reports.ts).
 */
const entriesAbout = (reportId: string) =>
  sql`SELECT a.workstation_id, a.seq FROM audit_entries a WHERE a.subject_type = 'report' AND a.subject_id = ${reportId}
      UNION ALL SELECT a.workstation_id, a.seq FROM audit_entries a
        WHERE a.subject_type = 'link' AND (a.subject_id LIKE ${`${reportId}|%`} OR a.subject_id LIKE ${`%|${reportId}`})
      UNION ALL ${intakeEntriesNaming(reportId)}`;

/** The entries answering the question as `scope` may see them, received by `asOf`: the page's and the total's condition. */
export function questionWhere(question: ParsedAuditQuestion, scope: Scope, asOf: string): SQL {
  const conditions: SQL[] = [sql`e.received_at <= ${asOf}::timestamptz`, withinScope(scope)];
  if (question.report !== null) conditions.push(sql`(e.workstation_id, e.seq) IN (${entriesAbout(question.report)})`);
  if (question.officer !== null) conditions.push(sql`e.actor = ${question.officer}`);
  if (question.from !== null) conditions.push(sql`e.at >= ${question.from}`);
  if (question.to !== null) conditions.push(sql`e.at < ${dayAfter(question.to)}`);
  return sql.join(conditions, sql` AND `);
}

/** One page of the entries matching `where` (questionWhere), and one more to say whether a next page exists. */
export function pageQuery(question: ParsedAuditQuestion, where: SQL): SQL {
  const after = question.after === null ? sql`TRUE` : sql`(e.at, e.workstation_id, e.seq) < (${question.after.at}::text, ${question.after.workstationId}::text, ${question.after.seq}::int)`;
  return sql`SELECT e.workstation_id AS "workstationId", e.seq, e.at, e.actor, e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.details
      FROM audit_entries e WHERE ${where} AND ${after}
      ORDER BY e.at DESC, e.workstation_id DESC, e.seq DESC LIMIT ${question.limit + 1}`;
}

/** The last entry of the workstation's chain received by `asOf` (0: none); entries arrive in chain order. */
async function heldAt(db: HubDb, workstationId: string, asOf: string): Promise<number> {
  const [row] = await queryRows<{ held: number }>(db, sql`SELECT coalesce(max(seq), 0)::int AS held FROM audit_entries WHERE workstation_id = ${workstationId} AND received_at <= ${asOf}::timestamptz`);
  return row?.held ?? 0;
}

async function reportInRegions(db: HubDb, reportId: string, regions: readonly string[]): Promise<boolean> {
  const [row] = await queryRows<{ inside: boolean }>(db, sql`SELECT ${inRegions(sql`${reportId}`, regions)} AS inside`);
  return row?.inside === true;
}

/** One page of the answer; throws FORBIDDEN for a report outside the caller's regions. Logs the question either way. */
export async function answerAuditQuestion(db: HubDb, question: ParsedAuditQuestion, asker: AuditAsker, now: string): Promise<AuditEntriesResponse> {
  const log = (answered: number | null, refusal: string | null) =>
    db.insert(auditQuestions).values({
      askedAt: now,
      officerId: asker.officerId,
      tokenId: asker.tokenId,
      sessionId: asker.sessionId,
      scope: scopeText(asker.scope),
      reportId: question.report,
      aboutOfficer: question.officer,
      periodFrom: question.from,
      periodTo: question.to,
      continued: question.after !== null,
      answered,
      refusal,
    });
  if (question.report !== null && asker.scope !== '*' && !(await reportInRegions(db, question.report, asker.scope))) {
    const refusal = `report ${question.report} is not a report of your regions (${asker.scope.join(', ')}): its consultations are for its region's supervisors or the privacy officer`;
    await log(null, refusal);
    throw new AppError('FORBIDDEN', refusal);
  }
  const asOf = question.asOf ?? now;
  const where = questionWhere(question, asker.scope, asOf);
  const first = question.after === null;
  // One snapshot for the page, its total and what the asking workstation's chain held: read apart, a push committed
  // between them counted its entries as held without showing them, and the workstation left them out as sent.
  const { entries, next, total, held } = await db.transaction(
    async (snapshot) => {
      const read = snapshot as unknown as HubDb;
      const rows = await queryRows<HubAuditEntry>(read, pageQuery(question, where));
      const page = rows.slice(0, question.limit);
      const last = page.at(-1);
      return {
        next: rows.length > question.limit && last !== undefined ? encodeCursor(last) : null,
        entries: asker.scope === '*' ? page : await narrowedToRegions(read, page, asker.scope),
        total: first ? ((await queryRows<{ total: number }>(read, sql`SELECT count(*)::int AS total FROM audit_entries e WHERE ${where}`))[0]?.total ?? 0) : null,
        held: first && question.workstation !== null ? await heldAt(read, question.workstation, asOf) : null,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await log(entries.length, null);
  return {
    entries,
    total,
    asOf: new Date(asOf).toISOString(),
    next,
    held,
  };
}
