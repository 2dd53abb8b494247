import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { importNdjson } from '../../../src-main/ingest/importer';
import { RANKING_TIER, searchReports } from '../../../src-main/search/search-reports';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const TEXT_INDEX_PAGE_BYTES = 470;

async function storeWithReports() {
  const temp = openTempStore();
  const reports = {
    kluis: filedRecord({
      category: 'bank_helpdesk_fraud',
      region: 'Amsterdam',
      receivedAt: '2026-03-03T19:42:51Z',
      incident: { summary: 'Nep-bankmedewerker', narrative: 'Ik moest mijn geld naar een veilige kluisrekening overmaken.' },
      payments: [{ amount: '9800.00', currency: 'EUR' }],
    }),
    financieel: filedRecord({
      category: 'investment_fraud',
      region: 'Limburg',
      receivedAt: '2026-05-10T08:00:00Z',
      incident: { summary: 'Beleggingsfraude', narrative: 'Een financiële adviseur beloofde rendement op crypto.' },
    }),
    fiets: filedRecord({
      category: 'marketplace_fraud',
      region: 'Amsterdam',
      receivedAt: '2026-06-01T08:00:00Z',
      incident: { summary: 'Fiets nooit geleverd', narrative: 'Betaald voor een fiets via Marktplaats, verkoper reageert niet.' },
      payments: [{ amount: '150.00', currency: 'EUR' }],
    }),
  };
  await temp.importRecords(Object.values(reports));
  return { ...temp, reports };
}

describe('search', () => {
  it('finds partial words and folds diacritics', async () => {
    const { store, reports } = await storeWithReports();
    expect(searchReports(store.sqlite, { query: 'kluisrek' }).map((h) => h.reportId)).toEqual([reports.kluis.reportId]);
    expect(searchReports(store.sqlite, { query: 'financiele' }).map((h) => h.reportId)).toEqual([reports.financieel.reportId]);
    expect(searchReports(store.sqlite, { query: 'FINANCIËLE adviseur' }).map((h) => h.reportId)).toEqual([reports.financieel.reportId]);
  });

  it('scores and marks the match in the snippet', async () => {
    const { store } = await storeWithReports();
    const [hit] = searchReports(store.sqlite, { query: 'marktplaats' });
    expect(hit!.score).toBeGreaterThan(0);
    expect(hit!.snippet).toContain('[Marktplaats]');
  });

  it('combines text with filters', async () => {
    const { store, reports } = await storeWithReports();
    const ids = (filters: Parameters<typeof searchReports>[1]['filters'], query = '') =>
      searchReports(store.sqlite, { query, filters }).map((h) => h.reportId).sort();
    expect(ids({ regions: ['Amsterdam'] })).toEqual([reports.kluis.reportId, reports.fiets.reportId].sort());
    expect(ids({ regions: ['Amsterdam'], hasLoss: true }, 'fiets')).toEqual([reports.fiets.reportId]);
    expect(ids({ categories: ['investment_fraud'] }, 'fiets')).toEqual([]);
    expect(ids({ receivedFrom: '2026-05-01', receivedTo: '2026-05-31' })).toEqual([reports.financieel.reportId]);
    expect(ids({ hasLoss: false })).toEqual([reports.financieel.reportId]);
    expect(ids({ workStatuses: ['closed'] })).toEqual([]);
  });

  it('treats FTS syntax typed by a person as plain words', async () => {
    const { store, reports } = await storeWithReports();
    expect(() => searchReports(store.sqlite, { query: 'fiets" OR *' })).not.toThrow();
    expect(searchReports(store.sqlite, { query: 'fiets NEAR( "geleverd' }).map((h) => h.reportId)).toEqual([]);
    expect(searchReports(store.sqlite, { query: '"fiets" verkoper:' }).map((h) => h.reportId)).toEqual([reports.fiets.reportId]);
  });

  it('says clearly when a date filter is not a date', async () => {
    const { store } = await storeWithReports();
    expect(() => searchReports(store.sqlite, { query: '', filters: { receivedFrom: 'gisteren' } })).toThrow(
      'from must be a date such as 2026-03-01, got "gisteren"',
    );
  });
});

describe('ranking a common word', () => {
  const plain = (region: string) =>
    filedRecord({ region, incident: { summary: 'Fiets', narrative: 'Betaald voor een fiets, nooit geleverd, de verkoper reageert niet meer op berichten.' } });
  const strong = () => filedRecord({ region: 'Limburg', incident: { summary: 'Fiets', narrative: 'Fiets fiets fiets.' } });

  it('ranks the newest tier of matches passing the filters first, and pages through all of them once', async () => {
    const temp = openTempStore();
    const oldStrong = strong();
    const olderPlain = Array.from({ length: RANKING_TIER }, (_, index) => plain(index % 2 === 0 ? 'Amsterdam' : 'Limburg'));
    const newStrong = strong();
    const newerPlain = Array.from({ length: RANKING_TIER / 2 }, () => plain('Amsterdam'));
    await temp.importRecords([oldStrong, ...olderPlain, newStrong, ...newerPlain]);
    const search = (offset: number, filters = {}, limit = 1000) => searchReports(temp.store.sqlite, { query: 'fiets', limit, offset, filters });

    // The oldest strong match lies beyond the newest tier of matches; the newer one is in it and comes first.
    expect(search(0)[0]!.reportId).toBe(newStrong.reportId);
    expect(search(0).map((hit) => hit.reportId)).not.toContain(oldStrong.reportId);
    // Only matches in Limburg make up the tiers: now the old strong match is in the first.
    expect(search(0, { regions: ['Limburg'] }).slice(0, 2).map((hit) => hit.reportId).sort()).toEqual([oldStrong.reportId, newStrong.reportId].sort());
    // Paging on reaches every match exactly once.
    // Pages of 700 cross from one tier into the next.
    const all = [0, 700, 1400, 2100, 2800].flatMap((offset) => search(offset, {}, 700).map((hit) => hit.reportId));
    expect(all).toHaveLength(olderPlain.length + newerPlain.length + 2);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('the search index after revisions', () => {
  const first = () => filedRecord({ incident: { summary: 'Kluis', narrative: 'Geld naar een kluisrekening overgemaakt.' } });
  const revised = (record: ReturnType<typeof first>) => ({
    ...record,
    revision: 2,
    receivedAt: '2026-04-02T10:00:00Z',
    incident: { summary: 'Fiets', narrative: 'Toch een fiets op Marktplaats.' },
  });
  const found = (temp: ReturnType<typeof openTempStore>, query: string) => searchReports(temp.store.sqlite, { query }).map((h) => h.reportId);
  const checkIndex = (temp: ReturnType<typeof openTempStore>) =>
    temp.store.sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run();

  // One batch (indexed at its end), one batch per revision, and one record at a time in the caller's transaction (sync).
  const ways = {
    'in one batch': (temp: ReturnType<typeof openTempStore>, records: IntakeRecord[]) => temp.importRecords(records),
    'in separate batches': async (temp: ReturnType<typeof openTempStore>, records: IntakeRecord[]) => {
      for (const record of records) await temp.importRecords([record]);
    },
    'one by one': (temp: ReturnType<typeof openTempStore>, records: IntakeRecord[]) =>
      temp.store.sqlite.transaction(() => records.forEach((record) => temp.writer.apply({ record, raw: JSON.stringify(record) })))(),
  };

  for (const [way, write] of Object.entries(ways)) {
    it(`finds the newest text only, and nothing once withdrawn (${way})`, async () => {
      const temp = openTempStore();
      const report = first();
      await write(temp, [report, revised(report)]);
      expect(found(temp, 'kluisrekening')).toEqual([]);
      expect(found(temp, 'marktplaats')).toEqual([report.reportId]);
      checkIndex(temp);
      await write(temp, [withdrawal(report, 3)]);
      expect(found(temp, 'marktplaats')).toEqual([]);
      checkIndex(temp);
    });
  }

  it('indexes a common word over small pages with an index of its own, and still takes a revised report out of them', async () => {
    const temp = openTempStore();
    const plain = () => filedRecord({ incident: { summary: 'Fiets', narrative: 'Betaald voor een fiets, nooit geleverd.' } });
    const early = filedRecord({ incident: { summary: 'Kluis', narrative: 'Geld naar een kluisrekening overgemaakt, betaald voor een fiets.' } });
    const others = Array.from({ length: 1500 }, plain);
    // One batch: one segment, where the word "fiets" names 1,501 reports.
    await importNdjson(Readable.from([`${[early, ...others].map((record) => JSON.stringify(record)).join('\n')}\n`]), temp.writer);
    const { sqlite } = temp.store;
    expect(sqlite.prepare("SELECT v FROM reports_fts_config WHERE k = 'pgsz'").pluck().get()).toBe(TEXT_INDEX_PAGE_BYTES);
    // A doclist over five pages or more gets an index (FTS5 row ids with bit 36 set), which a secure delete seeks
    // with instead of stepping through the doclist; with FTS5's default 4,050-byte pages this one fits in two.
    expect(sqlite.prepare('SELECT count(*) FROM reports_fts_data WHERE (id >> 36) & 1 = 1').pluck().get()).toBeGreaterThan(0);

    await temp.importRecords([revised(early)]);
    expect(found(temp, 'kluisrekening')).toEqual([]);
    expect(found(temp, 'marktplaats')).toEqual([early.reportId]);
    const fiets = [0, 1000].flatMap((offset) => searchReports(sqlite, { query: 'fiets', limit: 1000, offset }));
    expect(fiets).toHaveLength(others.length + 1);
    checkIndex(temp);
  });
});
