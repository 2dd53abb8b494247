import { validateMutation } from '../../shared/mutations/schema';
import type { CaseStore } from '../db/open-store';
import type { MutationApplier } from '../mutations/applier';
import type { Clock } from '../../shared/platform/clock';
import { SYNC_ACTOR } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { createCommitAwareBudget } from './commit-aware-budget';
import { createReportWriter } from './report-writer';
import { UnreadableFeedPage, type RawFeedEntry, type RawFeedPage } from '../../shared/hub/feed-page';
import { parseFeedRecord } from './feed-record';
import type { PreparedLine } from './prepare-line';
import { inThreadPreparer, type LinePreparer } from './prepare-pool';
import { reportEntriesOf } from './prepare-feed-page';
import { writeCursor } from '../db/sync-cursor';
import { PURGED_REPORT_REASON } from '../../shared/retention/tombstone';
import { createTombstones } from './tombstones';
import { createRemovalHolders } from '../db/removal-holders';
import { reportsNamed, withoutPurged } from './purged-mentions';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { quotingSubject, withoutLateQuotes, writtenWhileHeld } from '../../shared/retention/late-quotes';
import { writeTransaction } from '../db/write-transaction';

/** A pulled page, read and its reports prepared (parsed, validated, extracted), ready to be written. */
export interface PreparedFeedPage {
  page: RawFeedPage;
  reports: ReadonlyMap<RawFeedEntry, PreparedLine>;
}

type ReportEntry = Extract<RawFeedEntry, { type: 'report' }>;

export interface PageOutcome {
  reports: number;
  mutations: number;
  /** Entries this version cannot read; recorded in the audit log and passed over. */
  skipped: number;
  /** Reports new to this store (their first revision here), in feed order. */
  arrived: string[];
  /** False when the page was stopped between two slices: the cursor is after the last slice written. */
  whole: boolean;
}

/**
 * How long one transaction holds the store's thread, its commit included (ms, at least one entry), while the window
 * is being served. The core's thread also answers the window's calls: between slices it lets them run, so a page of
 * 500 reports never holds the queue for long. A budget in time rather than a count, because an entry may cost 0.1 ms (a note) or 50 ms (a report
 * that merges clusters).
 */
export const FEED_SLICE_MS = 10;
/**
 * The budget while nobody is waiting (no window, or one that asked nothing for a while): each commit costs (the text
 * index flushes a segment per transaction), so fewer, longer transactions sync faster.
 */
export const BACKGROUND_SLICE_MS = 200;
/**
 * The budget where no window is served at all (the CLI's `sync`): fewer, longer transactions, as the import writes
 * thousands of records per transaction. A budget in wall time shrinks when the machine is busy: on a first sync of 50k
 * at load 12–16, 200 ms slices made 1,566 transactions of 101 pages and cost the writing thread 46 s of CPU; 5,000 ms
 * made 102 and cost 32 s (the import of the same file: 22 s). But `sync --db` may run on a store the workstation has
 * open, whose writes (audit entries included) wait for the write lock at most its busy_timeout (5 s, db/open-store.ts)
 * and then fail: a slice may pass its budget by an entry and its commit, so it keeps to a fifth of that.
 */
export const NO_WINDOW_SLICE_MS = 1000;

/** A fixed slice budget, or one asked before every slice (it follows whether the window is in use). */
export type SliceBudget = number | (() => number);

/**
 * Applies feed pages to the store: each slice of a page, with the cursor after its last entry (the hub's cursor
 * is the last entry's sequence number), in one transaction, so a crash leaves the store at a slice boundary and
 * the next pull starts exactly there. A page's reports are first prepared like imported lines — parsed,
 * validated, their indicators extracted — by `preparer` (the core's prepare worker), so the store's thread only
 * writes.
 */
export function createFeedPageApplier(store: CaseStore, deps: { clock: Clock; applier: MutationApplier; preparer?: LinePreparer; sliceMs?: SliceBudget }) {
  const preparer = deps.preparer ?? inThreadPreparer;
  const budget = deps.sliceMs ?? FEED_SLICE_MS;
  const sliceMs = typeof budget === 'number' ? () => budget : budget;
  const commitAware = createCommitAwareBudget();
  /** How long the last slice's entries took; its batch's closing writes and its commit not included. */
  let entriesMs = 0;
  const { sqlite } = store;
  const writer = createReportWriter(store, { clock: deps.clock, actor: SYNC_ACTOR });
  const audit = createAuditAppender(sqlite);
  const tombstones = createTombstones(sqlite);
  const removalHolders = createRemovalHolders(sqlite);

  /** Logs a passed-over entry: by its report when it names one and `byReport`, else by its place in the feed. */
  function skip(entry: RawFeedEntry, reason: string, byReport = true): void {
    const subject = entry.type === 'report' && byReport ? { subjectType: 'report', subjectId: entry.reportId } : { subjectType: 'feed', subjectId: entry.seq };
    audit(deps.clock.now().toISOString(), { actor: SYNC_ACTOR, action: 'sync.entry_skipped', ...subject, details: { seq: entry.seq, reason: reason.slice(0, 300) } });
  }

  /**
   * A colleague's text for a case or request that held a report this store purged (the hub has not yet), written while
   * their workstation may have held it too: taken with its words redacted, as the hub would refuse it after its own
   * purge (shared/retention/late-quotes.ts). The rest of the change (a status, an owner, the request itself) stands.
   */
  function withoutQuotesOfPurged(mutation: AnyMutation): AnyMutation {
    const subject = quotingSubject(mutation);
    const removal = subject === null ? null : removalHolders.removal(subject);
    return removal !== null && writtenWhileHeld(mutation, deps.clock.now(), removal.removedOn) ? withoutLateQuotes(mutation, removal.cause) : mutation;
  }

  function applyReport(entry: ReportEntry, outcome: PageOutcome, prepared: ReadonlyMap<RawFeedEntry, PreparedLine>): void {
    const parsed = parseFeedRecord(entry, prepared.get(entry));
    if (!parsed.ok) {
      outcome.skipped += 1;
      skip(entry, parsed.reason);
      return;
    }
    const applied = writer.apply(parsed.input);
    if (applied === 'purged') {
      // The hub has not purged it yet; this store did. Logged by its place in the feed, not by its id.
      outcome.skipped += 1;
      skip(entry, PURGED_REPORT_REASON, false);
      return;
    }
    // Officers' changes to a report may have arrived before the report itself.
    if (applied === 'imported') {
      deps.applier.refreshEntity('report', entry.reportId);
      outcome.arrived.push(entry.reportId);
    }
    outcome.reports += 1;
  }

  function applyMutation(entry: Exclude<RawFeedEntry, ReportEntry>, outcome: PageOutcome): void {
    const validation = validateMutation(entry.mutation);
    if (!validation.ok) {
      outcome.skipped += 1;
      skip(entry, validation.reason);
      return;
    }
    // A change about a report this store purged (the hub has not yet) would bring its traces back; a list of reports
    // would store its id again.
    const purged = tombstones.purgedAmong(reportsNamed(validation.mutation));
    const mutation = purged.size === 0 ? validation.mutation : withoutPurged(validation.mutation, purged);
    if (mutation === null) {
      outcome.skipped += 1;
      skip(entry, PURGED_REPORT_REASON);
      return;
    }
    deps.applier.applyFromHub(withoutQuotesOfPurged(mutation), Number(entry.seq));
    outcome.mutations += 1;
  }

  /**
   * A page as the hub sent it, read and its reports prepared by the preparer; an UnreadableFeedPage if it is none.
   * Once `signal` aborts it is read no further, and this rejects with the signal's reason.
   */
  async function prepare(body: string, signal?: AbortSignal): Promise<PreparedFeedPage> {
    const prepared = await preparer.preparePage(body, sliceMs, signal);
    if (!prepared.ok) throw new UnreadableFeedPage(prepared.problem);
    const reports = reportEntriesOf(prepared.page);
    return { page: prepared.page, reports: new Map(reports.map((entry, index) => [entry, prepared.prepared[index]!])) };
  }

  async function apply({ page, reports: prepared }: PreparedFeedPage, stopped: () => boolean = () => false): Promise<PageOutcome> {
    const outcome: PageOutcome = { reports: 0, mutations: 0, skipped: 0, arrived: [], whole: true };
    // An empty page still moves the cursor (the hub may have skipped entries of other scopes).
    let next = timedSlice(page, 0, outcome, prepared);
    while (next < page.entries.length) {
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped()) return { ...outcome, whole: false };
      next = timedSlice(page, next, outcome, prepared);
    }
    return outcome;
  }

  /** applySlice, its commit timed so that the next slice's entries leave room for theirs. */
  function timedSlice(page: RawFeedPage, from: number, outcome: PageOutcome, prepared: ReadonlyMap<RawFeedEntry, PreparedLine>): number {
    const started = performance.now();
    let next: number;
    try {
      next = applySlice(page, from, outcome, prepared);
    } catch (error) {
      writer.transactionEnded(false);
      throw error;
    }
    writer.transactionEnded(true);
    commitAware.observe(entriesMs, performance.now() - started);
    return next;
  }

  /**
   * Applies entries from `from` in one transaction, for about the slice budget with its commit; answers where the next
   * slice starts. Consecutive reports go through the writer as one batch, as the import's do; a mutation between them
   * ends it (the officers' changes are applied as they come, each seeing the reports before it written whole).
   */
  const applySlice = writeTransaction(sqlite, (page: RawFeedPage, from: number, outcome: PageOutcome, prepared: ReadonlyMap<RawFeedEntry, PreparedLine>): number =>
    deps.applier.batch(() => {
      const { entries } = page;
      const started = performance.now();
      const limit = commitAware.forEntries(sliceMs());
      /** When the last entry was applied: a batch's closing writes (text index, kept counts) count as its commit's. */
      let appliedAt = started;
      const spent = () => performance.now() - started >= limit;
      let next = from;
      while (next < entries.length && (next === from || !spent())) {
        const entry = entries[next]!;
        if (entry.type !== 'report') {
          applyMutation(entry, outcome);
          next += 1;
          appliedAt = performance.now();
          continue;
        }
        const first = next;
        next = writer.inBatch(() => {
          let at = first;
          for (let report = entries[at]; report?.type === 'report' && (at === first || !spent()); report = entries[at]) {
            applyReport(report, outcome, prepared);
            at += 1;
            appliedAt = performance.now();
          }
          return at;
        });
      }
      writeCursor(sqlite, next === entries.length ? page.cursor : entries[next - 1]!.seq);
      entriesMs = appliedAt - started;
      return next;
    }),
  );

  return {
    /** Reads a pulled page and prepares its reports on the preparer; may run while an earlier page is being applied. */
    prepare,
    /**
     * Writes a prepared page, slice by slice; pages in feed order, one at a time. Between slices it stops once `stopped`
     * says so (the store stays at a slice boundary, where the next pull starts).
     */
    apply,
    /**
     * Truncates the WAL if a withdrawal redacted text since the last time, so the text is gone from the files.
     * The caller decides when: a full checkpoint holds the store's thread, so a first sync does it once caught up.
     */
    settleRedactions: () => writer.settleRedactions(),
  };
}
