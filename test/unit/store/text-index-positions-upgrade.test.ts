/**
 * A store whose text index keeps no positions (migrations 0028 to 0038), opened by this release: migration
 * `*_text_index_with_positions` rebuilds it with them. bm25 counted how often a report holds a word before as well (FTS5
 * tokenized the report's text again for every ranked row), so every search answers as before: the same reports, in
 * the same order, with the same scores and snippets — and the index stays secure-deleting, in small leaves (470 bytes
 * since `*_text_index_leaves_fit_pages`).
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openStore, type CaseStore } from '../../../src-main/db/open-store';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { searchReports, type SearchRequest } from '../../../src-main/search/search-reports';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { fixedClock } from '../../../shared/platform/clock';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { filedRecord, withdrawal } from '../../support/records';
import { migrationsBefore } from '../../support/older-migrations';
import { tempDir } from '../../support/temp-store';

async function importInto(store: CaseStore, records: readonly IntakeRecord[]): Promise<void> {
  const writer = createReportWriter(store, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
  await importNdjson(Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]), writer);
}

const indexSql = (store: CaseStore) => store.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'reports_fts'").pluck().get() as string;

describe('upgrading a store whose text index keeps no positions', () => {
  it('gives it positions and answers every search as before', async () => {
    const path = join(tempDir(), 'old.db');
    const text = (summary: string, narrative: string) => filedRecord({ incident: { summary, narrative } });
    // Ranked by how often a report names a word and how long it is; a revision and a withdrawal leave old words behind.
    const twice = text('Kluisrekening', 'Geld naar de kluisrekening, weer naar de kluisrekening, en nog eens naar de kluisrekening.');
    const once = text('Financiële bankmedewerker', 'Geld naar een kluisrekening overgemaakt.');
    const long = text('Kluisrekening', `Geld naar een kluisrekening overgemaakt ${'en daarna lang gebeld met de bank '.repeat(8)}.`);
    const revised = text('Fiets', 'Fiets betaald, nooit geleverd.');
    const gone = text('Financiële adviseur', 'Een financiële adviseur beloofde rendement op een kluisrekening.');
    const old = openStore({ path, migrationsFolder: migrationsBefore('_text_index_with_positions') });
    await importInto(old, [twice, once, long, revised, gone, text('Pakket', 'Het pakket kwam niet, het pakket was nep.')]);
    await importInto(old, [{ ...revised, revision: 2, incident: { summary: 'Fietsbel', narrative: 'Een fietsbel betaald, de verkoper reageert niet meer.' } }, withdrawal(gone, 2)]);
    expect(indexSql(old)).toContain('detail=column');
    const searches: SearchRequest[] = ['kluisrekening', 'kluis', 'fiets', 'betaald', 'financiele', 'pakket nep', 'geld bank'].map((query) => ({ query }));
    const before = searches.map((request) => searchReports(old.sqlite, request));
    expect(before[0]!.map((hit) => hit.reportId)).toEqual([twice.reportId, once.reportId, long.reportId]);
    expect(before[4]!.map((hit) => hit.reportId)).toEqual([once.reportId]);
    old.close();

    const store = openStore({ path });
    try {
      expect(indexSql(store)).not.toContain('detail=');
      expect(store.sqlite.prepare("SELECT k, v FROM reports_fts_config WHERE k IN ('secure-delete', 'pgsz') ORDER BY k").all()).toEqual([
        { k: 'pgsz', v: 470 },
        { k: 'secure-delete', v: 1 },
      ]);
      expect(() => store.sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
      expect(searches.map((request) => searchReports(store.sqlite, request))).toEqual(before);
      // The index now answers a phrase, which it refused before.
      expect(store.sqlite.prepare('SELECT count(*) FROM reports_fts WHERE reports_fts MATCH ?').pluck().get('"pakket kwam"')).toBe(1);
    } finally {
      store.close();
    }
  });
});
