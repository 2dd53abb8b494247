/**
 * A report this workstation's retention purged does not come back until the hub purges it too: an import of an old
 * revision is refused line by line with a reason that does not name it, a feed entry is passed over, and the store
 * keeps only a keyed hash of its id (src-main/ingest/tombstones.ts); a case or request change from the feed is taken
 * without it in its lists.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RawFeedPage } from '../../../shared/hub/feed-page';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { PURGED_REPORT_REASON } from '../../../shared/retention/tombstone';
import { systemClock } from '../../../shared/platform/clock';
import { createFeedPageApplier } from '../../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../../src-main/mutations/applier';
import { runRetention } from '../../../src-main/retention/retention-run';
import { storeFilesHold } from '../../support/raw-bytes';
import { foreignMutation } from '../../sync/support/mutation-fixtures';
import { filedRecord } from '../../support/records';
import { lastAuditId, tablesNaming } from '../../support/rows-naming';
import { openTempStore, type TempStore } from '../../support/temp-store';

const narrativePhrase = 'Kievitsbloemhof negenendertig achter het gemaal';

/** A store that held an expired and a younger report, after its retention run purged the expired one. */
async function purgedStore(): Promise<TempStore & { expired: IntakeRecord; younger: IntakeRecord }> {
  const temp = openTempStore();
  const expired = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Telefoon niet geleverd', narrative: `Ik woon aan de ${narrativePhrase} en betaalde vooruit.` } });
  const younger = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
  expect((await temp.importRecords([expired, younger])).imported).toBe(2);
  expect(runRetention(temp.store.sqlite, { asOf: '2027-04-02', at: '2027-04-02T03:00:00Z', actor: 'system:retention' })).toMatchObject({ purged: 1, kept: 1 });
  return { ...temp, expired, younger };
}

const holds = (temp: TempStore, reportId: string) => temp.store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(reportId) !== undefined;

const feedEntry = (seq: number, record: IntakeRecord) => ({ seq: String(seq), type: 'report' as const, reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) });

describe('workstation tombstones', () => {
  it('refuses an import of a purged report, old revision or new, with a reason that does not name it; the rest of the file imports', async () => {
    const temp = await purgedStore();
    const stranger = filedRecord({ receivedAt: '2026-10-02T10:00:00Z' });
    const summary = await temp.importRecords([temp.expired, { ...temp.expired, revision: 2, receivedAt: '2026-05-01T10:00:00Z' }, temp.younger, stranger]);
    expect(summary).toEqual({
      read: 4,
      imported: 1,
      updated: 0,
      ignored: 1,
      rejected: [
        { line: 1, reason: PURGED_REPORT_REASON },
        { line: 2, reason: PURGED_REPORT_REASON },
      ],
    });
    expect(PURGED_REPORT_REASON).not.toContain(temp.expired.reportId);
    expect(holds(temp, temp.expired.reportId)).toBe(false);
    expect(holds(temp, stranger.reportId)).toBe(true);
    temp.store.close();
    expect(storeFilesHold(temp.path, narrativePhrase)).toBe(false);
  });

  it('imports the same report again in a store that never purged it (the honest twin)', async () => {
    const other = openTempStore();
    const record = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
    expect((await other.importRecords([record])).imported).toBe(1);
    expect((await other.importRecords([{ ...record, revision: 2 }])).updated).toBe(1);
    expect(holds(other, record.reportId)).toBe(true);
  });

  it('passes over a feed entry of a purged report and a note on it, logged by their places in the feed, and applies the rest of the page', async () => {
    const temp = await purgedStore();
    const fresh = filedRecord({ receivedAt: '2026-10-03T10:00:00Z' });
    const applier = createMutationApplier(temp.store.sqlite, { clock: systemClock });
    const pages = createFeedPageApplier(temp.store, { clock: systemClock, applier });
    const note = (reportId: string) => foreignMutation('note.add', { noteId: randomUUID(), subjectType: 'report', subjectId: reportId, body: `Melder belde: ${narrativePhrase}` });
    const page: RawFeedPage = {
      entries: [
        feedEntry(41, { ...temp.expired, revision: 3 }),
        feedEntry(42, fresh),
        { seq: '43', type: 'mutation', mutation: note(temp.expired.reportId) as unknown as Record<string, unknown> },
        { seq: '44', type: 'mutation', mutation: note(fresh.reportId) as unknown as Record<string, unknown> },
      ],
      cursor: '44',
      hasMore: false,
    };
    const outcome = await pages.apply(await pages.prepare(JSON.stringify(page)));
    expect(outcome).toMatchObject({ reports: 1, mutations: 1, skipped: 2, arrived: [fresh.reportId] });
    expect(holds(temp, temp.expired.reportId)).toBe(false);
    expect(holds(temp, fresh.reportId)).toBe(true);
    // The note on the live report is taken (the honest twin); the one on the purged report is not.
    expect(temp.store.sqlite.prepare<[], string>('SELECT subject_id FROM notes').pluck().all()).toEqual([fresh.reportId]);
    const skipped = temp.store.sqlite
      .prepare<[], { subjectType: string; subjectId: string; details: string }>(
        "SELECT subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log WHERE action = 'sync.entry_skipped'",
      )
      .all();
    expect(skipped.map((entry) => [entry.subjectType, entry.subjectId])).toEqual([
      ['feed', '41'],
      ['feed', '43'],
    ]);
    expect(JSON.stringify(skipped)).not.toContain(temp.expired.reportId);
  });

  /** A page of case and request changes that list `listed` beside `other`, as the hub sends them before it purged. */
  function listingPage(listed: string, other: string): { page: RawFeedPage; caseId: string; onlyPurgedCaseId: string; actionId: string; relistedId: string } {
    const [caseId, onlyPurgedCaseId, actionId, relistedId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const request = (id: string, reportIds: string[], clusterReportId: string | null) =>
      foreignMutation('action.create', {
        actionId: id,
        kind: 'prevention_warning',
        indicatorType: null,
        indicatorValue: null,
        caseId: null,
        clusterReportId,
        title: 'Waarschuwing',
        addresseeId: null,
        reportIds,
        includePersonalData: false,
        legalBasis: 'art. 3 Politiewet',
        body: 'Waarschuwing aan de wijk.',
      });
    const mutations = [
      foreignMutation('case.create', { caseId, title: 'Webwinkel', owner: null, team: null, reportIds: [listed, other] }),
      foreignMutation('case.create', { caseId: onlyPurgedCaseId, title: 'Alleen de oude', owner: null, team: null, reportIds: [listed] }),
      foreignMutation('case.addReports', { caseId, reportIds: [listed] }),
      foreignMutation('case.removeReports', { caseId, reportIds: [listed] }),
      request(actionId, [listed, other], listed),
      request(relistedId, [other], null),
      foreignMutation('action.setReports', { actionId: relistedId, reportIds: [listed] }),
    ];
    const entries = mutations.map((mutation, index) => ({ seq: String(50 + index), type: 'mutation' as const, mutation: mutation as unknown as Record<string, unknown> }));
    return { page: { entries, cursor: String(50 + entries.length - 1), hasMore: false }, caseId, onlyPurgedCaseId, actionId, relistedId };
  }

  const caseMembers = (temp: TempStore, caseId: string) => temp.store.sqlite.prepare<[string], string>('SELECT report_id FROM case_reports WHERE case_id = ? ORDER BY report_id').pluck().all(caseId);
  const requestLists = (temp: TempStore, actionId: string) => {
    const payload = temp.store.sqlite.prepare<[string], string>('SELECT payload FROM requests WHERE id = ?').pluck().get(actionId);
    const { reportIds, clusterReportId } = JSON.parse(payload!) as { reportIds: string[]; clusterReportId: string | null };
    return { reportIds, clusterReportId };
  };

  it('takes case and request changes without the purged report in their lists, and stores its id nowhere again', async () => {
    const temp = await purgedStore();
    const { expired, younger } = temp;
    const applier = createMutationApplier(temp.store.sqlite, { clock: systemClock });
    const pages = createFeedPageApplier(temp.store, { clock: systemClock, applier });
    const listing = listingPage(expired.reportId, younger.reportId);
    const auditBefore = lastAuditId(temp.store.sqlite);
    const outcome = await pages.apply(await pages.prepare(JSON.stringify(listing.page)));
    // The membership changes that named the purged report alone say nothing any more; the rest is taken.
    expect(outcome).toMatchObject({ mutations: 5, skipped: 2 });
    expect(caseMembers(temp, listing.caseId)).toEqual([younger.reportId]);
    expect(caseMembers(temp, listing.onlyPurgedCaseId)).toEqual([]);
    expect(temp.store.sqlite.prepare<[], string>('SELECT title FROM cases ORDER BY title').pluck().all()).toEqual(['Alleen de oude', 'Webwinkel']);
    expect(requestLists(temp, listing.actionId)).toEqual({ reportIds: [younger.reportId], clusterReportId: null });
    expect(requestLists(temp, listing.relistedId)).toEqual({ reportIds: [], clusterReportId: null });
    expect(tablesNaming(temp.store.sqlite, expired.reportId, auditBefore)).toEqual([]);
  });

  it('takes the same changes whole in a store that never purged the report (the honest twin)', async () => {
    const other = openTempStore();
    const [listed, kept] = [filedRecord({ receivedAt: '2026-04-01T10:00:00Z' }), filedRecord({ receivedAt: '2026-10-01T10:00:00Z' })];
    expect((await other.importRecords([listed, kept])).imported).toBe(2);
    const applier = createMutationApplier(other.store.sqlite, { clock: systemClock });
    const pages = createFeedPageApplier(other.store, { clock: systemClock, applier });
    const listing = listingPage(listed.reportId, kept.reportId);
    expect(await pages.apply(await pages.prepare(JSON.stringify(listing.page)))).toMatchObject({ mutations: 7, skipped: 0 });
    // Added and then removed again: the case keeps the younger report alone.
    expect(caseMembers(other, listing.caseId)).toEqual([kept.reportId]);
    expect(caseMembers(other, listing.onlyPurgedCaseId)).toEqual([listed.reportId]);
    expect(requestLists(other, listing.actionId)).toEqual({ reportIds: [listed.reportId, kept.reportId], clusterReportId: listed.reportId });
    expect(requestLists(other, listing.relistedId)).toEqual({ reportIds: [listed.reportId], clusterReportId: null });
  });

  it('keeps no report id, nor a plain hash of one: only an HMAC under the store’s own key', async () => {
    const temp = await purgedStore();
    const { sqlite } = temp.store;
    const tombstones = sqlite.prepare<[], string>('SELECT report_key FROM purged_reports').pluck().all();
    expect(tombstones).toHaveLength(1);
    expect(tombstones[0]).not.toContain(temp.expired.reportId);
    expect(tombstones[0]).not.toBe(createHash('sha256').update(temp.expired.reportId).digest('base64url'));
    const key = sqlite.prepare<[], string>('SELECT key FROM purge_key').pluck().get()!;
    expect(tombstones[0]).toBe(createHmac('sha256', Buffer.from(key, 'base64')).update(temp.expired.reportId).digest('base64url'));
    // Another store's key makes other tombstones: a copy of one store's table tells nothing about another's.
    const other = await purgedStore();
    expect(other.store.sqlite.prepare<[], string>('SELECT key FROM purge_key').pluck().get()).not.toBe(key);
  });
});
