/**
 * Reads a page of the feed. Entries are references; the records and mutations are joined in here, at read
 * time, so that a withdrawal's redaction also applies to entries appended before it.
 */
import { sql } from 'drizzle-orm';
import type { FeedEntry, FeedPage } from '../../shared/hub/protocol';
import type { SignedMutation } from '../../shared/mutations/proof';
import { queryRows, textArray, type HubDb } from '../db/database';
import type { Scope } from './scope';

export interface FeedQuery {
  /** Sequence number after which to read (0 from the start). */
  after: bigint;
  limit: number;
  scope: Scope;
}

interface FeedRow {
  seq: string;
  type: 'report' | 'mutation';
  report_id: string | null;
  revision: number | null;
  raw: string | null;
  mutation_id: string | null;
  kind: string | null;
  officer: string | null;
  at: string | null;
  basis: string | null;
  payload: unknown;
  /** Reports the mutation names that lie outside the reader's scope (null when nothing is to be stripped). */
  hidden: string[] | null;
}

/**
 * Kinds that list reports of a case or request: a scope receives them with the reports it does not hold left
 * out (see FeedQueryParams in shared/hub/protocol.ts).
 */
const LISTING_KINDS = ['case.create', 'case.addReports', 'case.removeReports', 'action.create', 'action.setReports'];

function withoutHidden(payload: unknown, hidden: readonly string[] | null): unknown {
  if (hidden === null || hidden.length === 0) return payload;
  const listing = payload as { reportIds: string[]; clusterReportId?: string | null };
  const stripped = { ...listing, reportIds: listing.reportIds.filter((id) => !hidden.includes(id)) };
  if (typeof listing.clusterReportId === 'string' && hidden.includes(listing.clusterReportId)) stripped.clusterReportId = null;
  return stripped;
}

function toEntry(row: FeedRow): FeedEntry {
  if (row.type === 'report') {
    return { seq: row.seq, type: 'report', reportId: row.report_id!, revision: row.revision!, record: row.raw! };
  }
  const payload = withoutHidden(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload, row.hidden);
  const mutation: SignedMutation = { id: row.mutation_id!, kind: row.kind!, officer: row.officer!, at: row.at!, ...(row.basis === null ? {} : { basis: row.basis }), payload };
  return { seq: row.seq, type: 'mutation', mutation };
}

/**
 * Entries after the cursor that the scope receives: mutations for every scope (directory, routing rules, benign
 * list); everything else when the scope is `*` (except re-announcements, which `*` had already) or when the
 * entry's regions meet the scope. A regional scope gets case and request mutations without the reports it does
 * not hold.
 */
export async function readFeedPage(db: HubDb, query: FeedQuery): Promise<FeedPage> {
  const all = query.scope === '*';
  const scope = textArray(query.scope === '*' ? [] : query.scope);
  // The head before the page: every entry up to it is visible now (../feed/append.ts), so a page that is not full
  // has looked at all of them, and its cursor may pass the ones this scope does not receive. Without it a regional
  // reader would scan the same foreign entries again at every wake-up.
  const [head] = await queryRows<{ seq: string }>(db, sql`SELECT coalesce(max(seq), 0)::text AS seq FROM feed`);
  const rows = await queryRows<FeedRow>(
    db,
    sql`SELECT f.seq::text AS seq, f.type, f.report_id, f.revision, r.raw,
          f.mutation_id::text AS mutation_id, m.kind, m.officer, m.at, m.basis::text AS basis, m.payload,
          CASE WHEN NOT ${all}::boolean AND m.kind = ANY(${textArray(LISTING_KINDS)}) THEN
            ARRAY(SELECT t.id FROM jsonb_array_elements_text(m.payload->'reportIds'
                    || CASE WHEN jsonb_typeof(m.payload->'clusterReportId') = 'string' THEN jsonb_build_array(m.payload->'clusterReportId') ELSE '[]'::jsonb END) AS t(id)
                  WHERE NOT EXISTS (SELECT 1 FROM reports h WHERE h.report_id = t.id AND h.regions && ${scope}))
          END AS hidden
        FROM feed f
        LEFT JOIN report_revisions r ON r.report_id = f.report_id AND r.revision = f.revision
        LEFT JOIN mutations m ON m.id = f.mutation_id
        WHERE f.seq > ${query.after.toString()}::bigint
          AND ((f.type = 'mutation' AND f.regions IS NULL)
            OR (${all}::boolean AND NOT f.reannounce)
            OR (NOT ${all}::boolean AND f.regions && ${scope}))
        ORDER BY f.seq
        LIMIT ${query.limit + 1}::int`,
  );
  const hasMore = rows.length > query.limit;
  const entries = rows.slice(0, query.limit).map(toEntry);
  const last = entries.length > 0 ? BigInt(entries[entries.length - 1]!.seq) : query.after;
  const seen = hasMore ? last : [last, query.after, BigInt(head?.seq ?? '0')].reduce((a, b) => (a > b ? a : b));
  return { entries, cursor: seen.toString(), hasMore };
}

