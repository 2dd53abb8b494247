/**
 * A store of the release before the store lost its duplicate index and its text index's positions, opened by this
 * one: migration `*_mentions_one_indicator_index` leaves one index over an indicator's mentions (linking's
 * `benign = 0` read from it), `*_text_index_without_positions` rebuilds the text index without positions. The old
 * store's reports are found, linked and rebuilt as before, and the questions that used the dropped index still
 * read an index, never the table.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openStore, type CaseStore } from '../../../src-main/db/open-store';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { rebuildClusters } from '../../../src-main/linking/rebuild-clusters';
import { relatedReports } from '../../../src-main/linking/queries';
import { searchReports } from '../../../src-main/search/search-reports';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { fixedClock } from '../../../shared/platform/clock';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { filedRecord, IBANS } from '../../support/records';
import { migrationsBefore } from '../../support/older-migrations';
import { tempDir } from '../../support/temp-store';

async function importInto(store: CaseStore, records: readonly IntakeRecord[]): Promise<void> {
  const writer = createReportWriter(store, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
  await importNdjson(Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]), writer);
}

const planOf = (store: CaseStore, sql: string) =>
  store.sqlite
    .prepare<number[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array<number>(sql.split('?').length - 1).fill(1))
    .map((step) => step.detail)
    .join('\n');

describe('upgrading a store with the mentions indexed twice and a text index with positions', () => {
  it('keeps its reports searchable, linked and rebuildable, each question on an index', async () => {
    const path = join(tempDir(), 'old.db');
    const mule = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] }, incident: { summary: 'Kluisrekening', narrative: 'Geld naar de kluisrekening overgemaakt.' } });
    const sameMule = filedRecord({ payments: [{ at: '2026-03-30T10:00:00Z', amount: '250.00', currency: 'EUR', method: 'bank_transfer', beneficiaryAccount: IBANS.muleA }] });
    const alone = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] }, incident: { summary: 'Fiets', narrative: 'Een fiets betaald, nooit geleverd.' } });
    const old = openStore({ path, migrationsFolder: migrationsBefore('_mentions_one_indicator_index') });
    await importInto(old, [mule, sameMule, alone]);
    expect(old.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'reports_fts'").pluck().get()).not.toContain('detail=column');
    const clustersBefore = old.sqlite.prepare('SELECT report_id, cluster_id FROM reports ORDER BY id').all();
    old.close();

    // As the release with 0027 and 0028 opened it: the text index has had its positions back since (0039).
    const store = openStore({ path, migrationsFolder: migrationsBefore('_text_index_with_positions') });
    try {
      const { sqlite } = store;
      const mentionIndexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions' ORDER BY name").all();
      expect(mentionIndexes).toEqual([
        { name: 'mentions_indicator', sql: 'CREATE INDEX `mentions_indicator` ON `mentions` (`indicator_id`,`report_id`,`benign`)' },
        { name: 'mentions_report', sql: 'CREATE INDEX `mentions_report` ON `mentions` (`report_id`)' },
      ]);
      expect(sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'reports_fts'").pluck().get()).toContain('detail=column');
      expect(sqlite.prepare("SELECT v FROM reports_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
      expect(() => sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();

      // The old reports' text was indexed again, and the index answers the search's prefix words.
      expect(searchReports(sqlite, { query: 'kluisrek' }).map((hit) => hit.reportId)).toEqual([mule.reportId]);
      expect(searchReports(sqlite, { query: 'nooit geleverd' }).map((hit) => hit.reportId)).toEqual([alone.reportId]);

      // Linking reads the one index for its links, the table never.
      for (const sql of [
        'SELECT report_id FROM mentions WHERE indicator_id = ? AND benign = 0 AND report_id != ? LIMIT 1',
        'SELECT m.indicator_id, m.report_id FROM mentions m INDEXED BY mentions_indicator WHERE m.benign = 0 ORDER BY m.indicator_id',
        'SELECT DISTINCT report_id FROM mentions WHERE indicator_id = ?',
        'SELECT indicator_id AS id, count(DISTINCT report_id) AS reports FROM mentions GROUP BY indicator_id',
      ])
        expect(planOf(store, sql), sql).toMatch(/USING COVERING INDEX mentions_indicator/);
      expect(planOf(store, 'SELECT DISTINCT indicator_id FROM mentions WHERE report_id = ? AND benign = 0')).toMatch(/USING INDEX mentions_report/);

      expect(relatedReports(sqlite, mule.reportId).map((related) => related.reportId)).toEqual([sameMule.reportId]);
      rebuildClusters(sqlite);
      expect(sqlite.prepare('SELECT report_id, cluster_id FROM reports ORDER BY id').all()).toEqual(clustersBefore);
      await importInto(store, [filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } })]);
      expect(relatedReports(sqlite, alone.reportId)).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
