/**
 * Purges reports from the hub with everything that carries them: their revisions, feed entries, indicators and
 * memberships; the officers' mutations about them alone (status, assignment, route, notes, link decisions), with
 * their feed entries; refused changes that name them. Mutations that list them among others (cases, requests) lose
 * them from their lists, and every text for their cases and requests (a note, a title, a close reason, a request's
 * text or legal basis, a step's reason or reference: shared/retention/late-quotes.ts) loses its quotes of them
 * (shared/retention/report-words.ts), as on the workstation. Feed entries are materialized when read, so the
 * rewritten mutations are what every later reader gets. Each purged report leaves a tombstone (./tombstones.ts), so
 * that it never comes back, with its regions, which the audit log's regional questions still need
 * (../audit/report-regions.ts). The audit entries naming it stay; the index of intake entries forgets it.
 */
import { sql } from 'drizzle-orm';
import type { IntakeRecord } from '../../shared/intake/schema';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { withRedactedTexts } from '../../shared/retention/late-quotes';
import { redactReportWords, reportWords, type ReportWords } from '../../shared/retention/report-words';
import { queryRows, textArray, type HubDb } from '../db/database';
import { lockAuditIndex, lockReports, lockSubjects } from '../db/locks';
import { FEED_CHANNEL } from '../feed/append';
import { reportSubject } from '../mutations/reach/subjects';
import { rewriteMutationPayloads } from '../mutations/rewrite';
import { keepAuditedRegions } from '../audit/report-regions';
import { forgetIntakeEntries } from '../audit/intake-entry-reports';
import { quotableReports } from './quoting-holders';
import { buryReports } from './tombstones';

/** Mutations that are about their reports alone: they go with them. */
const REPORT_ONLY_KINDS = ['report.setWorkStatus', 'report.assign', 'report.route', 'note.add', 'link.decide'];
const CASE_LISTING_KINDS = ['case.create', 'case.addReports', 'case.removeReports'];
/** Changes to a case that may carry its texts. */
const CASE_TEXT_KINDS = ['case.create', 'case.update'];
const REQUEST_KINDS = ['action.create', 'action.edit', 'action.setReports', 'action.transition'];

interface ListingPayload {
  reportIds?: string[];
  clusterReportId?: string | null;
  caseId?: string;
  actionId?: string;
  subjectType?: string;
  subjectId?: string;
  [text: string]: unknown;
}

const uuidArray = (ids: readonly string[]) => sql`${textArray(ids)}::uuid[]`;

/**
 * The words of the purged reports that each case or request that may quote them (./quoting-holders.ts) may quote, in
 * a request's text or in notes on either, by subject (`case:<id>`, `action:<id>`).
 */
async function quotedWords(tx: HubDb, quotable: ReadonlyMap<string, readonly string[]>): Promise<Map<string, ReportWords[]>> {
  const rows = await queryRows<{ report_id: string; raw: string }>(
    tx,
    sql`SELECT report_id, raw FROM report_revisions WHERE report_id = ANY(${textArray([...new Set([...quotable.values()].flat())])})`,
  );
  const revisions = new Map<string, IntakeRecord[]>();
  for (const row of rows) revisions.set(row.report_id, [...(revisions.get(row.report_id) ?? []), JSON.parse(row.raw) as IntakeRecord]);
  const words = new Map([...revisions].map(([reportId, records]) => [reportId, reportWords(records)]));
  return new Map([...quotable].map(([subject, reportIds]) => [subject, reportIds.flatMap((reportId) => words.get(reportId) ?? [])]));
}

/** The case or request whose words a listing mutation or a note may quote. */
function quotingSubject(kind: string, payload: ListingPayload): string | null {
  if (kind === 'note.add') return payload.subjectType === 'case' || payload.subjectType === 'action' ? `${payload.subjectType}:${payload.subjectId}` : null;
  if (typeof payload.actionId === 'string') return `action:${payload.actionId}`;
  return CASE_TEXT_KINDS.includes(kind) && typeof payload.caseId === 'string' ? `case:${payload.caseId}` : null;
}

/** The payload without the purged reports and their quotes; null when it is unchanged. */
function rewritten(kind: string, payload: ListingPayload, purged: ReadonlySet<string>, words: readonly ReportWords[]): ListingPayload | null {
  const next: ListingPayload = { ...payload };
  if (payload.reportIds) next.reportIds = payload.reportIds.filter((id) => !purged.has(id));
  if (typeof payload.clusterReportId === 'string' && purged.has(payload.clusterReportId)) next.clusterReportId = null;
  const redacted = withRedactedTexts(kind, next, (text) => words.reduce((quoted, reportWords) => redactReportWords(quoted, reportWords, PURGED_QUOTE), text));
  return JSON.stringify(redacted) === JSON.stringify(payload) ? null : redacted;
}

/**
 * Purges the reports in the caller's transaction; returns how many mutations were deleted and how many rewritten, and
 * the cases and requests whose texts may have quoted them (`quotingHolders`, for the late-quote rule).
 */
export async function purgeReports(tx: HubDb, reportIds: readonly string[]): Promise<{ deleted: number; rewritten: number; quotingHolders: string[] }> {
  if (reportIds.length === 0) return { deleted: 0, rewritten: 0, quotingHolders: [] };
  const ids = textArray(reportIds);
  const purged = new Set(reportIds);
  // A revision or a change arriving meanwhile waits, then finds the report gone and its tombstone.
  await lockReports(tx, reportIds);
  // So does a text pushed for a case or request that may quote them; one pushed before is read below, and redacted.
  const quotable = await quotableReports(tx, reportIds);
  await lockSubjects(tx, [...quotable.keys()]);
  // The feed refuses deletions (migration 0001) unless a retention run says it is one, for this transaction only.
  await tx.execute(sql`SELECT set_config('puzzelstuk.retention_purge', 'on', true)`);

  const words = await quotedWords(tx, quotable);
  const doomed = new Set(
    (
      await queryRows<{ id: string }>(
        tx,
        sql`SELECT DISTINCT m.id::text AS id FROM mutation_subjects s JOIN mutations m ON m.id = s.mutation_id
            WHERE s.subject = ANY(${textArray(reportIds.map(reportSubject))}) AND m.kind = ANY(${textArray(REPORT_ONLY_KINDS)})`,
      )
    ).map((row) => row.id),
  );
  const quotingSubjects = textArray([...words.keys()]);
  const listing = await queryRows<{ id: string; kind: string; payload: unknown }>(
    tx,
    sql`SELECT m.id::text AS id, m.kind, m.payload FROM mutations m
        WHERE (m.kind = ANY(${textArray(CASE_LISTING_KINDS)}) AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(m.payload->'reportIds') AS r(id) WHERE r.id = ANY(${ids})))
           OR (m.kind = ANY(${textArray(CASE_TEXT_KINDS)}) AND 'case:' || (m.payload->>'caseId') = ANY(${quotingSubjects}))
           OR (m.kind = ANY(${textArray(REQUEST_KINDS)}) AND 'action:' || (m.payload->>'actionId') = ANY(${quotingSubjects}))
           OR (m.kind = 'note.add' AND (m.payload->>'subjectType') || ':' || (m.payload->>'subjectId') = ANY(${quotingSubjects}))`,
  );
  const rewrites: Array<{ id: string; payload: ListingPayload }> = [];
  for (const row of listing) {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as ListingPayload;
    const next = rewritten(row.kind, payload, purged, words.get(quotingSubject(row.kind, payload) ?? '') ?? []);
    if (next === null) continue;
    // A membership change that named only purged reports says nothing any more (and an empty list is not valid).
    if ((row.kind === 'case.addReports' || row.kind === 'case.removeReports') && next.reportIds?.length === 0) doomed.add(row.id);
    else rewrites.push({ id: row.id, payload: next });
  }
  await rewriteMutationPayloads(tx, rewrites);

  const gone = uuidArray([...doomed]);
  await tx.execute(sql`DELETE FROM feed WHERE report_id = ANY(${ids}) OR mutation_id = ANY(${gone})`);
  await tx.execute(sql`DELETE FROM auto_routes WHERE report_id = ANY(${ids}) OR mutation_id = ANY(${gone})`);
  await tx.execute(sql`DELETE FROM mutation_regions WHERE mutation_id = ANY(${gone})`);
  await tx.execute(sql`DELETE FROM mutation_subjects WHERE mutation_id = ANY(${gone}) OR subject = ANY(${textArray(reportIds.map(reportSubject))})`);
  await tx.execute(sql`DELETE FROM mutations WHERE id = ANY(${gone})`);
  await tx.execute(
    sql`DELETE FROM refused_mutations WHERE payload::text LIKE ANY(${textArray(reportIds.map((id) => `%"${id}"%`))})`,
  );
  const regions = await queryRows<{ report_id: string; regions: string[] }>(tx, sql`SELECT report_id, regions FROM reports WHERE report_id = ANY(${ids})`);
  // An audit push accepted meanwhile waits, then finds the tombstones; one accepted before is seen here.
  await lockAuditIndex(tx);
  await keepAuditedRegions(tx, reportIds);
  await forgetIntakeEntries(tx, reportIds);
  await tx.execute(sql`DELETE FROM subject_reports WHERE report_id = ANY(${ids})`);
  await tx.execute(sql`DELETE FROM report_indicators WHERE report_id = ANY(${ids})`);
  await tx.execute(sql`DELETE FROM report_revisions WHERE report_id = ANY(${ids})`);
  await tx.execute(sql`DELETE FROM reports WHERE report_id = ANY(${ids})`);
  await buryReports(tx, regions.map((row) => ({ reportId: row.report_id, regions: row.regions })));
  // Readers share page reads until the next notification (../feed/shared-reads.ts): one now ends those that saw them.
  await tx.execute(sql`SELECT pg_notify(${FEED_CHANNEL}, (SELECT coalesce(max(seq), 0)::text FROM feed))`);
  return { deleted: doomed.size, rewritten: rewrites.length, quotingHolders: [...quotable.keys()] };
}
