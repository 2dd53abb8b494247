/**
 * Places mutations in the feed for the scopes they reach. A mutation goes to the regions of the reports it is
 * about (./subjects.ts: a report, both reports of a link decision, every report a case or request ever held);
 * `mutation_regions` remembers where each one went. When a subject reaches a new region later — a report names
 * another region in a later revision, or a case or request takes in a report of another region — its earlier
 * mutations are announced again to that region alone, after the entries that brought the region in, so that
 * region's workstations get the subject's whole history in hub order. Scope `*` had them already and skips
 * re-announcements (as for reports).
 */
import { sql } from 'drizzle-orm';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { queryRows, textArray, type HubDb } from '../../db/database';
import type { FeedItem } from '../../feed/append';
import { reachOf, reportSubject } from './subjects';

type MutationItem = Extract<FeedItem, { type: 'mutation' }>;

interface Grown {
  subject: string;
  region: string;
}

const REPORT_PREFIX = 'report:';

/** The regions of the reports these subjects are about (for a case or request: every report it ever held). */
async function regionsOfSubjects(tx: HubDb, subjects: readonly string[]): Promise<string[]> {
  const reportIds = subjects.filter((subject) => subject.startsWith(REPORT_PREFIX)).map((subject) => subject.slice(REPORT_PREFIX.length));
  const groups = subjects.filter((subject) => !subject.startsWith(REPORT_PREFIX));
  // Two index lookups, not one OR (which the planner answers with a scan of every report).
  const rows = await queryRows<{ region: string }>(
    tx,
    sql`SELECT DISTINCT region FROM (
          SELECT unnest(r.regions) AS region FROM reports r WHERE r.report_id = ANY(${textArray(reportIds)})
          UNION ALL
          SELECT unnest(r.regions) FROM subject_reports s JOIN reports r ON r.report_id = s.report_id WHERE s.subject = ANY(${textArray(groups)})
        ) AS found
        ORDER BY region`,
  );
  return rows.map((row) => row.region);
}

async function recordRegions(tx: HubDb, rows: ReadonlyArray<{ mutationId: string; region: string }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    sql`INSERT INTO mutation_regions (mutation_id, region)
        SELECT v."mutationId", v.region FROM json_to_recordset(${JSON.stringify(rows)}::json) AS v("mutationId" uuid, region text)
        ON CONFLICT DO NOTHING`,
  );
}

/**
 * Announces the earlier mutations of subjects that reached new regions to those regions, where they have not
 * been yet; in hub order. A mutation of the push at hand (`unplaced`, not yet in the feed) is widened instead.
 */
async function reannounce(tx: HubDb, grown: readonly Grown[], unplaced: ReadonlyMap<string, MutationItem>): Promise<MutationItem[]> {
  if (grown.length === 0) return [];
  const rows = await queryRows<{ mutation_id: string; regions: string[] }>(
    tx,
    sql`SELECT ms.mutation_id::text AS mutation_id, array_agg(DISTINCT g.region ORDER BY g.region) AS regions
        FROM json_to_recordset(${JSON.stringify(grown)}::json) AS g(subject text, region text)
        JOIN mutation_subjects ms ON ms.subject = g.subject
        LEFT JOIN feed f ON f.mutation_id = ms.mutation_id AND NOT f.reannounce
        WHERE NOT EXISTS (SELECT 1 FROM mutation_regions mr WHERE mr.mutation_id = ms.mutation_id AND mr.region = g.region)
        GROUP BY ms.mutation_id
        ORDER BY min(f.seq) NULLS LAST, ms.mutation_id`,
  );
  await recordRegions(
    tx,
    rows.flatMap((row) => row.regions.map((region) => ({ mutationId: row.mutation_id, region }))),
  );
  const items: MutationItem[] = [];
  for (const row of rows) {
    const pending = unplaced.get(row.mutation_id);
    if (pending) pending.regions = [...new Set([...(pending.regions ?? []), ...row.regions])].sort();
    else items.push({ type: 'mutation', mutationId: row.mutation_id, regions: row.regions, reannounce: true });
  }
  return items;
}

/** Records the reports a case or request takes in; returns the regions it reaches only now. */
async function addMembers(tx: HubDb, subject: string, reportIds: readonly string[]): Promise<Grown[]> {
  const before = new Set(await regionsOfSubjects(tx, [subject]));
  await tx.execute(
    sql`INSERT INTO subject_reports (subject, report_id) SELECT ${subject}, id FROM unnest(${textArray(reportIds)}) AS t(id) ON CONFLICT DO NOTHING`,
  );
  const after = await regionsOfSubjects(tx, [subject]);
  return after.filter((region) => !before.has(region)).map((region) => ({ subject, region }));
}

/**
 * Feed items for the fresh mutations of a push, in push order, each preceded by the re-announcements it causes.
 * Runs inside the push's transaction; the caller appends the items.
 */
export async function placeMutations(tx: HubDb, fresh: readonly AnyMutation[]): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  const unplaced = new Map<string, MutationItem>();
  for (const mutation of fresh) {
    const reach = reachOf(mutation);
    if (reach.subjects.length === 0) {
      items.push({ type: 'mutation', mutationId: mutation.id, regions: null });
      continue;
    }
    for (const { subject, reportIds } of reach.members) {
      items.push(...(await reannounce(tx, await addMembers(tx, subject, reportIds), unplaced)));
    }
    await tx.execute(
      sql`INSERT INTO mutation_subjects (subject, mutation_id) SELECT s, ${mutation.id}::uuid FROM unnest(${textArray([...new Set(reach.subjects)])}) AS t(s) ON CONFLICT DO NOTHING`,
    );
    const regions = await regionsOfSubjects(tx, reach.subjects);
    await recordRegions(
      tx,
      regions.map((region) => ({ mutationId: mutation.id, region })),
    );
    const item: MutationItem = { type: 'mutation', mutationId: mutation.id, regions };
    unplaced.set(mutation.id, item);
    items.push(item);
  }
  return items;
}

/**
 * Re-announcements for reports that named new regions in an intake batch: their own mutations, and those of the
 * cases and requests that hold them. Appended after the batch's report entries.
 */
export async function reannounceForReports(tx: HubDb, grown: ReadonlyArray<{ reportId: string; region: string }>): Promise<FeedItem[]> {
  if (grown.length === 0) return [];
  const groups = await queryRows<Grown>(
    tx,
    sql`SELECT s.subject, g.region FROM json_to_recordset(${JSON.stringify(grown)}::json) AS g("reportId" text, region text)
        JOIN subject_reports s ON s.report_id = g."reportId"`,
  );
  return reannounce(tx, [...grown.map(({ reportId, region }) => ({ subject: reportSubject(reportId), region })), ...groups], new Map());
}
