/**
 * Purges reports from the hub with everything that carries them: their revisions, feed entries, indicators and
 * memberships; the officers' mutations about them alone (status, assignment, route, notes, link decisions), with
 * their feed entries; refused changes that name them. Mutations that list them among others (cases, requests) lose
 * them from their lists, and a request's text loses its quotes of them (shared/retention/report-words.ts), as on the
 * workstation. Feed entries are materialized when read, so the rewritten mutations are what every later reader gets.
 */
import { sql } from 'drizzle-orm';
import type { IntakeRecord } from '../../shared/intake/schema';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { redactReportWords, reportWords, type ReportWords } from '../../shared/retention/report-words';
import { queryRows, textArray, type HubDb } from '../db/database';
import { REPORT_LOCK_CLASS } from '../db/locks';
import { FEED_CHANNEL } from '../feed/append';
import { reportSubject } from '../mutations/reach/subjects';

/** Mutations that are about their reports alone: they go with them. */
const REPORT_ONLY_KINDS = ['report.setWorkStatus', 'report.assign', 'report.route', 'note.add', 'link.decide'];
const CASE_LISTING_KINDS = ['case.create', 'case.addReports', 'case.removeReports'];
const REQUEST_KINDS = ['action.create', 'action.edit', 'action.setReports'];

interface ListingPayload {
  reportIds?: string[];
  clusterReportId?: string | null;
  actionId?: string;
  body?: string;
}

const uuidArray = (ids: readonly string[]) => sql`${textArray(ids)}::uuid[]`;

/** The words of each purged report that a request listing it may quote. */
async function quotedWords(tx: HubDb, reportIds: readonly string[]): Promise<Map<string, ReportWords[]>> {
  const rows = await queryRows<{ subject: string; report_id: string; raw: string }>(
    tx,
    sql`SELECT s.subject, s.report_id, v.raw FROM subject_reports s JOIN report_revisions v ON v.report_id = s.report_id
        WHERE s.report_id = ANY(${textArray(reportIds)}) AND s.subject LIKE 'action:%'`,
  );
  const records = new Map<string, Map<string, IntakeRecord[]>>();
  for (const row of rows) {
    const actionId = row.subject.slice('action:'.length);
    const byReport = records.get(actionId) ?? new Map<string, IntakeRecord[]>();
    records.set(actionId, byReport);
    byReport.set(row.report_id, [...(byReport.get(row.report_id) ?? []), JSON.parse(row.raw) as IntakeRecord]);
  }
  return new Map([...records].map(([actionId, byReport]) => [actionId, [...byReport.values()].map((revisions) => reportWords(revisions))]));
}

/** The payload without the purged reports and their quotes; null when it is unchanged. */
function rewritten(payload: ListingPayload, purged: ReadonlySet<string>, words: readonly ReportWords[]): ListingPayload | null {
  const next: ListingPayload = { ...payload };
  if (payload.reportIds) next.reportIds = payload.reportIds.filter((id) => !purged.has(id));
  if (typeof payload.clusterReportId === 'string' && purged.has(payload.clusterReportId)) next.clusterReportId = null;
  if (typeof payload.body === 'string') next.body = words.reduce((body, reportWords) => redactReportWords(body, reportWords, PURGED_QUOTE), payload.body);
  return JSON.stringify(next) === JSON.stringify(payload) ? null : next;
}

/** Purges the reports in the caller's transaction; returns how many mutations were deleted and how many rewritten. */
export async function purgeReports(tx: HubDb, reportIds: readonly string[]): Promise<{ deleted: number; rewritten: number }> {
  if (reportIds.length === 0) return { deleted: 0, rewritten: 0 };
  const ids = textArray(reportIds);
  const purged = new Set(reportIds);
  // Sorted by key, as intake takes them: a revision arriving meanwhile waits, then finds the report gone.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK_CLASS}::int, k) FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest(${ids}) AS t(id) ORDER BY k) AS keys`,
  );
  // The feed refuses deletions (migration 0001) unless a retention run says it is one, for this transaction only.
  await tx.execute(sql`SELECT set_config('puzzelstuk.retention_purge', 'on', true)`);

  const words = await quotedWords(tx, reportIds);
  const doomed = new Set(
    (
      await queryRows<{ id: string }>(
        tx,
        sql`SELECT DISTINCT m.id::text AS id FROM mutation_subjects s JOIN mutations m ON m.id = s.mutation_id
            WHERE s.subject = ANY(${textArray(reportIds.map(reportSubject))}) AND m.kind = ANY(${textArray(REPORT_ONLY_KINDS)})`,
      )
    ).map((row) => row.id),
  );
  const listing = await queryRows<{ id: string; kind: string; payload: unknown }>(
    tx,
    sql`SELECT m.id::text AS id, m.kind, m.payload FROM mutations m
        WHERE (m.kind = ANY(${textArray(CASE_LISTING_KINDS)}) AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(m.payload->'reportIds') AS r(id) WHERE r.id = ANY(${ids})))
           OR (m.kind = ANY(${textArray(REQUEST_KINDS)}) AND m.payload->>'actionId' = ANY(${textArray([...words.keys()])}))`,
  );
  const rewrites: Array<{ id: string; payload: ListingPayload }> = [];
  for (const row of listing) {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as ListingPayload;
    const next = rewritten(payload, purged, words.get(payload.actionId ?? '') ?? []);
    if (next === null) continue;
    // A membership change that named only purged reports says nothing any more (and an empty list is not valid).
    if ((row.kind === 'case.addReports' || row.kind === 'case.removeReports') && next.reportIds?.length === 0) doomed.add(row.id);
    else rewrites.push({ id: row.id, payload: next });
  }
  if (rewrites.length > 0) {
    await tx.execute(
      sql`UPDATE mutations m SET payload = v.payload FROM jsonb_to_recordset(${JSON.stringify(rewrites)}::jsonb) AS v(id uuid, payload jsonb) WHERE m.id = v.id`,
    );
  }

  const gone = uuidArray([...doomed]);
  await tx.execute(sql`DELETE FROM feed WHERE report_id = ANY(${ids}) OR mutation_id = ANY(${gone})`);
  await tx.execute(sql`DELETE FROM auto_routes WHERE report_id = ANY(${ids}) OR mutation_id = ANY(${gone})`);
  await tx.execute(sql`DELETE FROM mutation_regions WHERE mutation_id = ANY(${gone})`);
  await tx.execute(sql`DELETE FROM mutation_subjects WHERE mutation_id = ANY(${gone}) OR subject = ANY(${textArray(reportIds.map(reportSubject))})`);
  await tx.execute(sql`DELETE FROM mutations WHERE id = ANY(${gone})`);
  await tx.execute(
    sql`DELETE FROM refused_mutations WHERE payload::text LIKE ANY(${textArray(reportIds.map((id) => `%"${id}"%`))})`,
  );
  await tx.execute(sql`DELETE FROM subject_reports WHERE report_id = ANY(${ids})`);
  await tx.execute(sql`DELETE FROM report_indicators WHERE report_id = ANY(${ids})`);
  await tx.execute(sql`DELETE FROM report_revisions WHERE report_id = ANY(${ids})`);
  await tx.execute(sql`DELETE FROM reports WHERE report_id = ANY(${ids})`);
  // Readers share page reads until the next notification (../feed/shared-reads.ts): one now ends those that saw them.
  await tx.execute(sql`SELECT pg_notify(${FEED_CHANNEL}, (SELECT coalesce(max(seq), 0)::text FROM feed))`);
  return { deleted: doomed.size, rewritten: rewrites.length };
}
