/**
 * The retention run: every report whose period is over leaves the store with everything that carries it — its
 * revisions, mentions, text index entry, notes, its links and memberships, the indicators only it held, the sync
 * bookkeeping and outbox entries that quote it — and the quotes of it in requests are redacted. Afterwards the WAL
 * is emptied into the store file (secure_delete zeroes freed pages), so nothing of it stays readable on disk.
 * One chained audit entry records the run, with counts only.
 */
import type Database from 'better-sqlite3';
import { FINAL_ACTION_STATES, type ActionState } from '../../shared/requests/lifecycle';
import type { Actor } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { checkpointTruncate } from '../db/open-store';
import { createReportRowPurger } from '../ingest/report-purge';
import { createTracePurger, redactRequestQuotes, reportWords } from '../mutations/report-traces';
import { expiryDay, readRetentionPeriods, type RetentionPeriods } from './retention-periods';

/** Why an expired report is still kept, in the order they are checked. */
export type HoldReason = 'openCase' | 'closedCaseWithinPeriod' | 'openRequest' | 'endedRequestWithinPeriod';

export interface RetentionOutcome {
  purged: number;
  kept: number;
  /** Of the kept reports whose daily-task period is over: how many each reason holds. */
  held: Partial<Record<HoldReason, number>>;
}

/** What stands in a request where a purged report was quoted. */
export const PURGED_QUOTE = '[verwijderd: bewaartermijn verstreken]';

const PURGE_SLICE = 5_000;

interface Candidate {
  id: number;
  reportId: string;
  receivedAt: string;
}

interface Holder {
  open: boolean;
  /** When the case closed or the request ended (its last change then). */
  endedAt: string;
}

interface ActionHolderRow {
  id: string;
  state: ActionState;
  updatedAt: string;
  payload: string;
}

/** Reports held per report id: the cases and requests they are in. */
function holdersByReport(sqlite: Database.Database): { cases: Map<string, Holder[]>; requests: Map<string, Holder[]> } {
  const cases = new Map<string, Holder[]>();
  const caseRows = sqlite
    .prepare<[], { reportId: string; status: string; updatedAt: string }>(
      'SELECT cr.report_id AS reportId, c.status, c.updated_at AS updatedAt FROM case_reports cr JOIN cases c ON c.id = cr.case_id',
    )
    .all();
  for (const row of caseRows) push(cases, row.reportId, { open: row.status !== 'afgerond', endedAt: row.updatedAt });
  const requests = new Map<string, Holder[]>();
  for (const row of sqlite.prepare<[], ActionHolderRow>('SELECT id, state, updated_at AS updatedAt, payload FROM actions').all()) {
    const reportIds = (JSON.parse(row.payload) as { reportIds?: string[] }).reportIds ?? [];
    for (const reportId of reportIds) push(requests, reportId, { open: !FINAL_ACTION_STATES.includes(row.state), endedAt: row.updatedAt });
  }
  return { cases, requests };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function holdReason(reportId: string, holders: ReturnType<typeof holdersByReport>, periods: RetentionPeriods, asOf: string): HoldReason | null {
  const cases = holders.cases.get(reportId) ?? [];
  if (cases.some((holder) => holder.open)) return 'openCase';
  if (cases.some((holder) => expiryDay(holder.endedAt, periods.caseYears) > asOf)) return 'closedCaseWithinPeriod';
  const requests = holders.requests.get(reportId) ?? [];
  if (requests.some((holder) => holder.open)) return 'openRequest';
  if (requests.some((holder) => expiryDay(holder.endedAt, periods.caseYears) > asOf)) return 'endedRequestWithinPeriod';
  return null;
}

/** The reports whose period is over as of `asOf` (YYYY-MM-DD), and what holds the rest of the expired ones. */
export function retentionVerdict(sqlite: Database.Database, asOf: string, periods = readRetentionPeriods(sqlite)) {
  const total = sqlite.prepare<[], number>('SELECT count(*) FROM reports').pluck().get() ?? 0;
  // Every report received before this bound may have expired; expiryDay decides exactly (leap days included).
  const bound = expiryDay(`${asOf}T00:00:00Z`, -periods.dailyTaskYears);
  const candidates = sqlite
    .prepare<[string], Candidate>('SELECT id, report_id AS reportId, received_at AS receivedAt FROM reports WHERE received_at < ?')
    .all(`${bound}T99`)
    .filter((candidate) => expiryDay(candidate.receivedAt, periods.dailyTaskYears) <= asOf);
  const holders = holdersByReport(sqlite);
  const expired: Candidate[] = [];
  const held: Partial<Record<HoldReason, number>> = {};
  for (const candidate of candidates) {
    const reason = holdReason(candidate.reportId, holders, periods, asOf);
    if (reason === null) expired.push(candidate);
    else held[reason] = (held[reason] ?? 0) + 1;
  }
  return { expired, held, total, listedInRequests: new Set(holders.requests.keys()) };
}

/** Removes one report and everything that carries it, in the tables' own modules; returns the ids outbox entries may quote. */
function createPurger(sqlite: Database.Database) {
  const rows = createReportRowPurger(sqlite);
  const traces = createTracePurger(sqlite);
  return {
    purge: ({ id, reportId }: Candidate, quotedInRequests: boolean): string[] => {
      if (quotedInRequests) redactRequestQuotes(sqlite, reportId, reportWords(rows.revisions(id)), PURGED_QUOTE, true);
      rows.purge(id);
      return traces.purge(reportId);
    },
    dropQuotingOutbox: (ids: ReadonlySet<string>) => traces.dropQuotingOutbox(ids),
  };
}

/** Runs retention as of `asOf` (YYYY-MM-DD): purges what expired, in slices of one transaction each, then empties the WAL. */
export function runRetention(sqlite: Database.Database, deps: { asOf: string; at: string; actor: Actor }): RetentionOutcome {
  const periods = readRetentionPeriods(sqlite);
  const { expired, held, total, listedInRequests } = retentionVerdict(sqlite, deps.asOf, periods);
  const { purge, dropQuotingOutbox } = createPurger(sqlite);
  const audit = createAuditAppender(sqlite);
  const purgeSlice = sqlite.transaction((slice: readonly Candidate[]) => {
    const ids = new Set<string>();
    for (const candidate of slice) for (const id of purge(candidate, listedInRequests.has(candidate.reportId))) ids.add(id);
    dropQuotingOutbox(ids);
  });
  for (let start = 0; start < expired.length; start += PURGE_SLICE) purgeSlice(expired.slice(start, start + PURGE_SLICE));
  const outcome: RetentionOutcome = { purged: expired.length, kept: total - expired.length, held };
  sqlite.transaction(() =>
    audit(deps.at, { actor: deps.actor, action: 'retention.run', subjectType: 'store', subjectId: 'reports', details: { asOf: deps.asOf, periods, ...outcome } }),
  )();
  checkpointTruncate(sqlite);
  return outcome;
}
