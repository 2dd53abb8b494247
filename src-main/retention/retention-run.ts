/**
 * The retention run: every report whose period is over leaves the store with everything that carries it — its
 * revisions, mentions, text index entry, notes, its links and memberships, the indicators only it held, the sync
 * bookkeeping and outbox entries that quote it — and the quotes of it in the texts of its cases and requests (their
 * notes, titles, close reasons, a request's text and legal basis, its steps' reasons and references) are redacted:
 * also in a case it was taken out of, which no longer held it. It leaves a tombstone (src-main/ingest/tombstones.ts),
 * so an import or the feed does not bring it back, and remembers those cases and requests with the day, so a
 * colleague's late text for them
 * arrives from the feed without its words (src-main/ingest/apply-feed-page.ts). After a run that purged, the WAL is emptied into the store file (secure_delete zeroes freed pages), so nothing of it stays readable on disk.
 * One chained audit entry records the run, with counts only.
 * Reports are purged in slices of one transaction each, as many as fit the slice's time; the clusters a slice's
 * reports leave are mended once, at its end, and the run may pause between slices (the daily run in serve and the
 * desktop lets the window's calls through).
 */
import type Database from 'better-sqlite3';
import { FINAL_REQUEST_STATES, type RequestState } from '../../shared/requests/lifecycle';
import type { Actor } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { oweWalTruncation, settleOwedWalTruncation } from '../db/owed-wal-truncation';
import { countReports, createReceiptOf, createReceivedBeforePages, type Receipt } from '../db/reports/lookup';
import { createReportRowPurger } from '../ingest/report-purge';
import { createTombstones } from '../ingest/tombstones';
import { createRemovalHolders } from '../db/removal-holders';
import { caseHoldings } from '../mutations/case-members';
import { createTracePurger, redactQuotingNotes, redactRequestQuotes, reportsQuotable } from '../mutations/report-traces';
import { redactHolderTexts } from '../mutations/holder-texts';
import type { RetentionPeriods } from '../../shared/retention/periods';
import { addHolder, dailyTaskBound, dailyTaskExpired, judgeExpired, PURGED_QUOTE, type Holder, type Holders, type HoldReason, type RetentionOutcome } from '../../shared/retention/holds';
import { reportWords } from '../../shared/retention/report-words';
import { readRetentionPeriods } from '../db/retention-periods';
import { sliceSizerByCount, sliceSizerByTime, type SliceSizer } from './slice-sizer';
import { writeTransaction } from '../db/write-transaction';

/**
 * How long one slice (one transaction) may hold the store. The daily run in serve and the desktop shares the thread
 * with the window's calls, which wait for the slice in progress; a run at once (CLI, bench) takes longer slices, whose
 * fixed costs (the holders read, the commit) then weigh less. At 1M the text index's delete alone costs ~1.5 ms CPU
 * per report, so the daily run's slices hold a few hundred reports.
 */
export const RUN_SLICE_MS = 5_000;
export const YIELDING_SLICE_MS = 500;

type Candidate = Receipt;

interface RequestHolderRow {
  id: string;
  state: RequestState;
  updatedAt: string;
  payload: string;
}

/** The cases and requests holding each report. */
function holdersByReport(sqlite: Database.Database): Holders {
  const cases = new Map<string, Holder[]>();
  for (const row of caseHoldings(sqlite)) addHolder(cases, row.reportId, { open: row.status !== 'closed', endedAt: row.updatedAt, subject: `case:${row.caseId}` });
  const requests = new Map<string, Holder[]>();
  for (const row of sqlite.prepare<[], RequestHolderRow>('SELECT id, state, updated_at AS updatedAt, payload FROM requests').all()) {
    const reportIds = (JSON.parse(row.payload) as { reportIds?: string[] }).reportIds ?? [];
    for (const reportId of reportIds) addHolder(requests, reportId, { open: !FINAL_REQUEST_STATES.includes(row.state), endedAt: row.updatedAt, subject: `action:${row.id}` });
  }
  return { cases, requests };
}

/** A pause of the run: other work may run; answers whether the run is to end here. */
function* pause(stopping: () => boolean): Generator<void, boolean, void> {
  yield;
  return stopping();
}

/**
 * The reports whose period is over as of `asOf` (YYYY-MM-DD), and what holds the rest of the expired ones; null when
 * the run is stopped at one of its pauses. The candidates are read a page of the received_at index at a time (sized
 * like the slices, by `sizer`), pausing between pages: at 1M the whole read held the thread for seconds.
 */
function* retentionVerdict(sqlite: Database.Database, asOf: string, periods: RetentionPeriods, sizer: SliceSizer, stopping: () => boolean) {
  const pageAfter = createReceivedBeforePages(sqlite, `${dailyTaskBound(asOf, periods)}T99`);
  const candidates: Candidate[] = [];
  for (let after: Candidate | null = null; ; ) {
    const size = sizer.next();
    const began = performance.now();
    const page = pageAfter(after, size);
    for (const row of page) if (dailyTaskExpired(row.receivedAt, periods, asOf)) candidates.push(row);
    sizer.took(page.length, performance.now() - began);
    if (page.length < size) break;
    after = page[size - 1]!;
    if (yield* pause(stopping)) return null;
  }
  if (yield* pause(stopping)) return null;
  return judgeExpired(candidates, holdersByReport(sqlite), periods, asOf);
}

/** Removes reports and everything that carries them, in the tables' own modules. */
function createPurger(sqlite: Database.Database) {
  const rows = createReportRowPurger(sqlite);
  const traces = createTracePurger(sqlite);
  return {
    /**
     * Purges one report (`quotable`: a case or request may quote it); returns the ids outbox entries may quote and the
     * cases and requests whose texts may have quoted it. The cluster it left is mended by `finish`.
     */
    purge: ({ id, reportId }: Candidate, quotable: boolean) => {
      let quotingHolders = new Set<string>();
      if (quotable) {
        const words = reportWords(rows.revisions(id));
        // Before the memberships and their registers go: they say which texts may quote it.
        redactQuotingNotes(sqlite, reportId, words, PURGED_QUOTE);
        quotingHolders = redactHolderTexts(sqlite, reportId, words, PURGED_QUOTE);
        redactRequestQuotes(sqlite, reportId, words, PURGED_QUOTE, true);
      }
      rows.purge(id);
      return { quotedIds: traces.purge(reportId), quotingHolders };
    },
    /**
     * After a slice's purges: their report rows go, the clusters they left are mended, each once, requests about them
     * forget them, and the outbox quoting them is dropped.
     */
    finish: (ids: readonly number[], quotedIds: ReadonlySet<string>) => {
      rows.finish(ids);
      traces.forgetRequestClusters(quotedIds);
      traces.dropQuotingOutbox(quotedIds);
    },
  };
}

export interface RetentionDeps {
  asOf: string;
  at: string;
  actor: Actor;
  /**
   * Reports purged in one transaction, whatever it takes (tests that need to know where a run pauses). By default a
   * slice takes as many as fit its time (RUN_SLICE_MS or YIELDING_SLICE_MS).
   */
  sliceSize?: number;
  /** Reports the verdict reads between two pauses, whatever it takes (tests that count its pauses); by default as many as fit a slice's time. */
  verdictPageSize?: number;
  /** Told each slice's reports and how long it held the store (the bench's longest wait of the window). */
  onSlice?: (reports: number, ms: number) => void;
}

const sizerOf = (size: number | undefined, budgetMs: number): SliceSizer => (size === undefined ? sliceSizerByTime(budgetMs) : sliceSizerByCount(size));

/**
 * The run, slice by slice: it pauses (yields) between slices, where the caller may let other work run. Each slice
 * judges its reports again, in its own transaction, so what changed in a pause counts: a report put in a case
 * meanwhile is held, one revised since is no longer expired, one already gone is skipped. `stopping` ends the run
 * at a pause; what it purged stays purged and is recorded.
 */
function* retentionSlices(sqlite: Database.Database, deps: RetentionDeps, budgetMs: number, stopping: () => boolean): Generator<void, RetentionOutcome, void> {
  const periods = readRetentionPeriods(sqlite);
  const sizer = sizerOf(deps.sliceSize, budgetMs);
  const verdict = yield* retentionVerdict(sqlite, deps.asOf, periods, sizerOf(deps.verdictPageSize, budgetMs), stopping);
  const { expired, held } = verdict ?? { expired: [], held: {} };
  const { purge, finish } = createPurger(sqlite);
  const receiptOf = createReceiptOf(sqlite);
  const audit = createAuditAppender(sqlite);
  const tombstones = createTombstones(sqlite);
  const removalHolders = createRemovalHolders(sqlite);
  let purged = 0;
  const purgeSlice = writeTransaction(sqlite, (slice: readonly Candidate[]) => {
    const stillExpired = slice.filter((candidate) => {
      const row = receiptOf(candidate.id);
      // A row id may be taken again by a report written since: only the same report, still expired.
      return row?.reportId === candidate.reportId && dailyTaskExpired(row.receivedAt, periods, deps.asOf);
    });
    const holders = holdersByReport(sqlite);
    const judged = judgeExpired(stillExpired, holders, periods, deps.asOf);
    for (const [reason, count] of Object.entries(judged.held) as Array<[HoldReason, number]>) held[reason] = (held[reason] ?? 0) + count;
    // What was purged is not taken again from an import or the feed, nor a colleague's late quote of it.
    tombstones.bury(judged.expired.map((candidate) => candidate.reportId));
    const quotable = reportsQuotable(sqlite);
    const quotedIds = new Set<string>();
    for (const candidate of judged.expired) {
      const { quotedIds: ids, quotingHolders } = purge(candidate, quotable.has(candidate.reportId));
      for (const id of ids) quotedIds.add(id);
      // Every case and request that may quote it, the hub's too (a case it was taken out of as well): the late-quote
      // window opens on the day the run purged, not the day it judged by — a run `--as-of` a past day still purges
      // today, and colleagues' stores still hold the report until their own runs.
      removalHolders.remember(quotingHolders, deps.at.slice(0, 10), 'purged');
    }
    finish(judged.expired.map((candidate) => candidate.id), quotedIds);
    if (judged.expired.length > 0) oweWalTruncation(sqlite);
    purged += judged.expired.length;
  });
  let stopped = verdict === null;
  for (let start = 0; start < expired.length; ) {
    if (yield* pause(stopping)) {
      stopped = true;
      break;
    }
    const slice = expired.slice(start, start + sizer.next());
    const began = performance.now();
    purgeSlice(slice);
    const ms = performance.now() - began;
    sizer.took(slice.length, ms);
    deps.onSlice?.(slice.length, ms);
    start += slice.length;
  }
  const outcome: RetentionOutcome = { purged, kept: countReports(sqlite), held };
  writeTransaction(sqlite, () =>
    audit(deps.at, {
      actor: deps.actor,
      // A run ended early is not the day's run (daily-retention.ts reads only 'retention.run'): the next start runs again.
      action: stopped ? 'retention.stopped' : 'retention.run',
      subjectType: 'store',
      subjectId: 'reports',
      details: { asOf: deps.asOf, periods, ...outcome },
    }),
  )();
  // Only a removal (this run's, or one whose process died before it emptied the WAL) has text to clear from the WAL.
  // Emptying it costs the core's thread 70-450 ms, and up to the truncation's patience while the checkpoint thread is
  // busy, in a fresh workstation's first seconds.
  settleOwedWalTruncation(sqlite);
  return outcome;
}

/** Runs retention as of `asOf` (YYYY-MM-DD) at once: purges what expired, in slices of one transaction each, then empties the WAL if it purged. */
export function runRetention(sqlite: Database.Database, deps: RetentionDeps): RetentionOutcome {
  const slices = retentionSlices(sqlite, deps, RUN_SLICE_MS, () => false);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

/**
 * The same run on a thread that also serves a window: between slices it lets pending work (API calls) run, and it
 * ends at the next pause once `stopping` says so (the workstation closing).
 */
export async function runRetentionYielding(sqlite: Database.Database, deps: RetentionDeps & { stopping: () => boolean }): Promise<RetentionOutcome> {
  const slices = retentionSlices(sqlite, deps, YIELDING_SLICE_MS, deps.stopping);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
