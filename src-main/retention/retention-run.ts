/**
 * The retention run: every report whose period is over leaves the store with everything that carries it — its
 * revisions, mentions, text index entry, notes, its links and memberships, the indicators only it held, the sync
 * bookkeeping and outbox entries that quote it — and the quotes of it in requests and in notes on its cases and
 * requests are redacted. It leaves a tombstone (src-main/ingest/tombstones.ts), so an import or the feed does not
 * bring it back. Afterwards the WAL is emptied into the store file (secure_delete zeroes freed pages), so nothing of it stays readable on disk.
 * One chained audit entry records the run, with counts only.
 */
import type Database from 'better-sqlite3';
import { FINAL_REQUEST_STATES, type RequestState } from '../../shared/requests/lifecycle';
import type { Actor } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { checkpointTruncate } from '../db/open-store';
import { countReports, reportsReceivedBefore } from '../db/reports/lookup';
import { createReportRowPurger } from '../ingest/report-purge';
import { createTombstones } from '../ingest/tombstones';
import { caseHoldings } from '../mutations/case-members';
import { createTracePurger, redactQuotingNotes, redactRequestQuotes } from '../mutations/report-traces';
import { addHolder, dailyTaskBound, dailyTaskExpired, judgeExpired, PURGED_QUOTE, type Holder, type Holders, type RetentionOutcome } from '../../shared/retention/holds';
import { reportWords } from '../../shared/retention/report-words';
import { readRetentionPeriods } from '../db/retention-periods';

const PURGE_SLICE = 5_000;

interface Candidate {
  id: number;
  reportId: string;
  receivedAt: string;
}

interface RequestHolderRow {
  id: string;
  state: RequestState;
  updatedAt: string;
  payload: string;
}

/** The cases and requests holding each report. */
function holdersByReport(sqlite: Database.Database): Holders {
  const cases = new Map<string, Holder[]>();
  for (const row of caseHoldings(sqlite)) addHolder(cases, row.reportId, { open: row.status !== 'closed', endedAt: row.updatedAt });
  const requests = new Map<string, Holder[]>();
  for (const row of sqlite.prepare<[], RequestHolderRow>('SELECT id, state, updated_at AS updatedAt, payload FROM requests').all()) {
    const reportIds = (JSON.parse(row.payload) as { reportIds?: string[] }).reportIds ?? [];
    for (const reportId of reportIds) addHolder(requests, reportId, { open: !FINAL_REQUEST_STATES.includes(row.state), endedAt: row.updatedAt });
  }
  return { cases, requests };
}

/** The reports whose period is over as of `asOf` (YYYY-MM-DD), and what holds the rest of the expired ones. */
export function retentionVerdict(sqlite: Database.Database, asOf: string, periods = readRetentionPeriods(sqlite)) {
  const total = countReports(sqlite);
  const candidates = reportsReceivedBefore(sqlite, `${dailyTaskBound(asOf, periods)}T99`)
    .filter((candidate) => dailyTaskExpired(candidate.receivedAt, periods, asOf));
  const holders = holdersByReport(sqlite);
  const { expired, held } = judgeExpired(candidates, holders, periods, asOf);
  return { expired, held, total, listedInRequests: new Set(holders.requests.keys()), listedInCases: new Set(holders.cases.keys()) };
}

/** Removes one report and everything that carries it, in the tables' own modules; returns the ids outbox entries may quote. */
function createPurger(sqlite: Database.Database) {
  const rows = createReportRowPurger(sqlite);
  const traces = createTracePurger(sqlite);
  return {
    purge: ({ id, reportId }: Candidate, listed: { inRequests: boolean; inCases: boolean }): string[] => {
      if (listed.inRequests || listed.inCases) {
        const words = reportWords(rows.revisions(id));
        // Before the memberships go: they say which notes may quote it.
        redactQuotingNotes(sqlite, reportId, words, PURGED_QUOTE);
        if (listed.inRequests) redactRequestQuotes(sqlite, reportId, words, PURGED_QUOTE, true);
      }
      rows.purge(id);
      return traces.purge(reportId);
    },
    dropQuotingOutbox: (ids: ReadonlySet<string>) => traces.dropQuotingOutbox(ids),
  };
}

/** Runs retention as of `asOf` (YYYY-MM-DD): purges what expired, in slices of one transaction each, then empties the WAL. */
export function runRetention(sqlite: Database.Database, deps: { asOf: string; at: string; actor: Actor }): RetentionOutcome {
  const periods = readRetentionPeriods(sqlite);
  const { expired, held, total, listedInRequests, listedInCases } = retentionVerdict(sqlite, deps.asOf, periods);
  const { purge, dropQuotingOutbox } = createPurger(sqlite);
  const audit = createAuditAppender(sqlite);
  const tombstones = createTombstones(sqlite);
  const purgeSlice = sqlite.transaction((slice: readonly Candidate[]) => {
    // What was purged is not taken again from an import or the feed.
    tombstones.bury(slice.map((candidate) => candidate.reportId));
    const ids = new Set<string>();
    for (const candidate of slice) {
      const listed = { inRequests: listedInRequests.has(candidate.reportId), inCases: listedInCases.has(candidate.reportId) };
      for (const id of purge(candidate, listed)) ids.add(id);
    }
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
