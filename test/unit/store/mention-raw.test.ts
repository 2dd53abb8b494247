/**
 * `mentions.raw` is empty where a mention was typed as its indicator's value (src-main/db/reports/mention-raw.ts):
 * every reader gets the text as typed, a revision keeps the rows it repeats, and migration `*_mention_raw_as_value`
 * empties exactly those rows of an older store.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openStore, type CaseStore } from '../../../src-main/db/open-store';
import { encodeMentionRaw, mentionRawSql } from '../../../src-main/db/reports/mention-raw';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { reportDetail } from '../../../src-main/queries/report-detail';
import { createMentionsOfIndicator } from '../../../src-main/queries/bundle-reports';
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

/** The IBAN as stored, in the account list; typed with spaces in the narrative. */
const record = filedRecord({
  suspect: { bankAccounts: [IBANS.muleA] },
  incident: { summary: 'Betaald', narrative: 'Overgemaakt naar NL91 ABNA 0417 1643 00 op verzoek.' },
});
const typed = [
  { field: 'incident.narrative', raw: 'NL91 ABNA 0417 1643 00' },
  { field: 'suspect.bankAccounts[0]', raw: IBANS.muleA },
];

function asRead(store: CaseStore) {
  const { sqlite } = store;
  const stored = sqlite.prepare<[], string>('SELECT raw FROM mentions ORDER BY raw').pluck().all();
  const detail = reportDetail(sqlite, record.reportId).indicators.map(({ field, raw }) => ({ field, raw }));
  const ids = sqlite.prepare<[], { reportRowId: number; indicatorId: number }>('SELECT report_id AS reportRowId, indicator_id AS indicatorId FROM mentions LIMIT 1').get()!;
  const bundle = createMentionsOfIndicator(sqlite)(ids.reportRowId, ids.indicatorId);
  return { stored, detail, bundle };
}

describe('a mention’s text as stored', () => {
  it('is empty when typed as the indicator’s value and read back as typed by the report page and the bundle', async () => {
    const store = openStore({ path: join(tempDir(), 'store.db') });
    try {
      await importInto(store, [record]);
      expect(asRead(store)).toEqual({ stored: ['', 'NL91 ABNA 0417 1643 00'], detail: typed, bundle: typed });
      // A revision that repeats both keeps both rows: the stored text compares as typed.
      const rowids = store.sqlite.prepare('SELECT rowid FROM mentions ORDER BY rowid').pluck().all();
      await importInto(store, [{ ...record, revision: 2, receivedAt: '2026-04-02T10:00:00Z' }]);
      expect(store.sqlite.prepare('SELECT rowid FROM mentions ORDER BY rowid').pluck().all()).toEqual(rowids);
      // Typed otherwise now: the row is written again with its text.
      const spaced = IBANS.muleA.replace(/(.{4})/g, '$1 ').trim();
      await importInto(store, [{ ...record, revision: 3, receivedAt: '2026-04-03T10:00:00Z', suspect: { bankAccounts: [spaced] } }]);
      expect(asRead(store).detail).toEqual([typed[0], { field: 'suspect.bankAccounts[0]', raw: spaced }]);
    } finally {
      store.close();
    }
  });

  it('is never empty as typed: an empty text could not be told from the value', () => {
    expect(encodeMentionRaw('abc', 'abc')).toBe('');
    expect(encodeMentionRaw('a b c', 'abc')).toBe('a b c');
    expect(() => encodeMentionRaw('', 'abc')).toThrow(/cannot be empty/);
  });

  it('is emptied in an older store where it is the value, and read as before', async () => {
    const path = join(tempDir(), 'old.db');
    const old = openStore({ path, migrationsFolder: migrationsBefore('_mention_raw_as_value') });
    await importInto(old, [record]);
    // Today's writer already empties it: the release before kept the value itself.
    old.sqlite.prepare(`UPDATE mentions SET raw = ${mentionRawSql('raw', '(SELECT value FROM indicators WHERE id = indicator_id)')}`).run();
    expect(old.sqlite.prepare('SELECT raw FROM mentions ORDER BY raw').pluck().all()).toEqual(['NL91 ABNA 0417 1643 00', IBANS.muleA].sort());
    old.close();

    const store = openStore({ path });
    try {
      expect(asRead(store)).toEqual({ stored: ['', 'NL91 ABNA 0417 1643 00'], detail: typed, bundle: typed });
    } finally {
      store.close();
    }
  });
});
