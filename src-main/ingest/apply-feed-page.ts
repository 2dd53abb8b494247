import { validateMutation } from '../../shared/mutations/schema';
import type { CaseStore } from '../db/open-store';
import type { MutationApplier } from '../mutations/applier';
import type { Clock } from '../../shared/platform/clock';
import { SYNC_ACTOR } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { createReportWriter } from './report-writer';
import type { RawFeedEntry, RawFeedPage } from '../../shared/hub/feed-page';
import { parseFeedRecord } from './feed-record';
import type { PreparedLine } from './prepare-line';
import { inThreadPreparer, type LinePreparer } from './prepare-pool';
import { writeCursor } from '../db/sync-cursor';

export interface PageOutcome {
  reports: number;
  mutations: number;
  /** Entries this version cannot read; recorded in the audit log and passed over. */
  skipped: number;
  /** Reports new to this store (their first revision here), in feed order. */
  arrived: string[];
}

/**
 * Entries applied in one transaction. The core's thread also answers the window's calls: between slices it
 * lets them run, so a page of 500 reports never holds the queue for the whole page.
 */
export const FEED_SLICE = 100;

/**
 * Applies feed pages to the store: each slice of a page, with the cursor after its last entry (the hub's cursor
 * is the last entry's sequence number), in one transaction, so a crash leaves the store at a slice boundary and
 * the next pull starts exactly there. A page's reports are first prepared like imported lines — parsed,
 * validated, their indicators extracted — by `preparer` (the core's prepare worker), so the store's thread only
 * writes.
 */
export function createFeedPageApplier(store: CaseStore, deps: { clock: Clock; applier: MutationApplier; preparer?: LinePreparer }) {
  const preparer = deps.preparer ?? inThreadPreparer;
  const { sqlite } = store;
  const writer = createReportWriter(store, { clock: deps.clock, actor: SYNC_ACTOR });
  const audit = createAuditAppender(sqlite);

  function skip(entry: RawFeedEntry, reason: string): void {
    const subject = entry.type === 'report' ? { subjectType: 'report', subjectId: entry.reportId } : { subjectType: 'feed', subjectId: entry.seq };
    audit(deps.clock.now().toISOString(), { actor: SYNC_ACTOR, action: 'sync.entry_skipped', ...subject, details: { seq: entry.seq, reason: reason.slice(0, 300) } });
  }

  function applyEntry(entry: RawFeedEntry, outcome: PageOutcome, prepared: ReadonlyMap<RawFeedEntry, PreparedLine>): void {
    if (entry.type === 'report') {
      const parsed = parseFeedRecord(entry, prepared.get(entry));
      if (!parsed.ok) {
        outcome.skipped += 1;
        skip(entry, parsed.reason);
        return;
      }
      // Officers' changes to a report may have arrived before the report itself.
      if (writer.apply(parsed.input) === 'imported') {
        deps.applier.refreshEntity('report', entry.reportId);
        outcome.arrived.push(entry.reportId);
      }
      outcome.reports += 1;
      return;
    }
    const validation = validateMutation(entry.mutation);
    if (!validation.ok) {
      outcome.skipped += 1;
      skip(entry, validation.reason);
      return;
    }
    deps.applier.applyFromHub(validation.mutation, Number(entry.seq));
    if (validation.mutation.kind.startsWith('benign.')) writer.reloadBenignList();
    outcome.mutations += 1;
  }

  async function prepareReports(entries: readonly RawFeedEntry[]): Promise<Map<RawFeedEntry, PreparedLine>> {
    const reports = entries.filter((entry) => entry.type === 'report');
    const prepared = await preparer.prepare(reports.map((entry, index) => ({ number: index + 1, text: entry.record, tooLong: false, bytes: entry.record.length })));
    return new Map(reports.map((entry, index) => [entry, prepared[index]!]));
  }

  const applyInTransaction = sqlite.transaction(
    (entries: readonly RawFeedEntry[], cursor: string, outcome: PageOutcome, prepared: ReadonlyMap<RawFeedEntry, PreparedLine>): void =>
      deps.applier.batch(() => {
        // The officer may have edited the benign list since the last slice.
        writer.reloadBenignList();
        for (const entry of entries) applyEntry(entry, outcome, prepared);
        writeCursor(sqlite, cursor);
      }),
  );

  return {
    async applyPage(page: RawFeedPage): Promise<PageOutcome> {
      const outcome: PageOutcome = { reports: 0, mutations: 0, skipped: 0, arrived: [] };
      const prepared = await prepareReports(page.entries);
      if (page.entries.length === 0) {
        applyInTransaction([], page.cursor, outcome, prepared);
        return outcome;
      }
      for (let start = 0; start < page.entries.length; start += FEED_SLICE) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        const slice = page.entries.slice(start, start + FEED_SLICE);
        const last = start + FEED_SLICE >= page.entries.length;
        applyInTransaction(slice, last ? page.cursor : slice[slice.length - 1]!.seq, outcome, prepared);
      }
      return outcome;
    },
  };
}
