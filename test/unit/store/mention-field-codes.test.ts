/**
 * `mentions.field` keeps a field path as a short code (src-main/db/reports/mention-field.ts): every path comes back as
 * it was, the suspect's side is told from the code, and migration `*_mention_field_codes` codes an older store's
 * paths exactly as the writer codes new ones.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/db/open-store';
import { decodeMentionField, encodeMentionField, suspectSideFieldSql } from '../../../src-main/db/reports/mention-field';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { fixedClock } from '../../../shared/platform/clock';
import { filedRecord, IBANS } from '../../support/records';
import { migrationsBefore } from '../../support/older-migrations';
import { tempDir } from '../../support/temp-store';

const CODED = [
  'incident.narrative',
  'incident.summary',
  'remoteAccess',
  'ransomware.contact',
  'ransomware.ransomNote',
  'suspect.phoneNumbers[0]',
  'suspect.emailAddresses[12]',
  'suspect.websites[3]',
  'suspect.bankAccounts[1]',
  'suspect.cryptoAddresses[2]',
  'suspect.socialMedia[0]',
  'suspect.other[7]',
  'payments[0].beneficiaryAccount',
  'payments[4].reference',
  'suspect.phoneNumbers[007]',
];
/** Paths without a code: kept as they are. */
const KEPT = ['suspect.phoneNumbers[x]', 'suspect.phoneNumbers[]', 'Suspect.PhoneNumbers[0]', 'payments[1].beneficiaryaccount', 'incident', 'narrative', 'suspect.unknown[0]', 'payments[1]'];

describe('a mention field as stored', () => {
  it('is a code of at most a few bytes for every field extraction names, and the path again when read', () => {
    for (const path of CODED) {
      const stored = encodeMentionField(path);
      expect(stored, path).toMatch(/^#[a-z]+\d*$/);
      expect(stored.length, path).toBeLessThanOrEqual(5);
      expect(decodeMentionField(stored, 1)).toBe(path);
    }
    expect(new Set(CODED.map(encodeMentionField)).size).toBe(CODED.length);
  });

  it('is the path itself for a path without a code, and no path can pass for a code', () => {
    for (const path of KEPT) {
      expect(encodeMentionField(path)).toBe(path);
      expect(decodeMentionField(path, 1)).toBe(path);
    }
    expect(() => encodeMentionField('#n')).toThrow(/cannot start with #/);
  });

  it('is the same when a path comes again, also past the paths it remembers, and a # path is refused every time', () => {
    const many = Array.from({ length: 3000 }, (_, index) => (index % 2 === 0 ? `suspect.other[${index}]` : `field${index}`));
    const first = [...CODED, ...KEPT, ...many].map(encodeMentionField);
    expect([...CODED, ...KEPT, ...many].map(encodeMentionField)).toEqual(first);
    expect(encodeMentionField('suspect.other[2998]')).toBe('#o2998');
    expect(encodeMentionField('field2999')).toBe('field2999');
    expect(() => encodeMentionField('#n')).toThrow(/cannot start with #/);
    expect(() => encodeMentionField('#n')).toThrow(/cannot start with #/);
  });

  it('tells the suspect’s side from the code, and from a kept path as before', () => {
    const sqlite = new Database(':memory:');
    const asked = (predicate: string, stored: string) => sqlite.prepare<[string], number>(`SELECT ${predicate} FROM (SELECT ? AS field)`).pluck().get(stored) === 1;
    // The test as it was when paths were stored.
    const before = "(field LIKE 'suspect.%' OR field LIKE 'payments[%].beneficiaryAccount')";
    for (const path of [...CODED, ...KEPT]) expect(asked(suspectSideFieldSql('field'), encodeMentionField(path)), path).toBe(asked(before, path));
    expect(CODED.filter((path) => asked(before, path))).toHaveLength(9);
    sqlite.close();
  });
});

describe('upgrading a store that holds mentions by path', () => {
  it('codes each path as the writer does, leaves other paths and codes as they are, and reads every path back', async () => {
    const path = join(tempDir(), 'old.db');
    const old = openStore({ path, migrationsFolder: migrationsBefore('_mention_field_codes') });
    const writer = createReportWriter(old, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
    await importNdjson(Readable.from([Buffer.from(JSON.stringify(filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } })) + '\n')]), writer);
    const { reportId, indicatorId } = old.sqlite.prepare<[], { reportId: number; indicatorId: number }>('SELECT report_id AS reportId, indicator_id AS indicatorId FROM mentions').get()!;
    old.sqlite.prepare('DELETE FROM mentions').run();
    const insert = old.sqlite.prepare<[number, number, string]>("INSERT INTO mentions (report_id, indicator_id, field, raw, benign) VALUES (?, ?, ?, 'x', 1)");
    const paths = [...CODED, ...KEPT];
    for (const field of [...paths, '#p3']) insert.run(reportId, indicatorId, field);
    old.close();

    const store = openStore({ path });
    try {
      const stored = store.sqlite.prepare<[], { field: string; rowid: number }>('SELECT field, rowid FROM mentions ORDER BY rowid').all();
      expect(stored.map((row) => row.field)).toEqual([...paths.map(encodeMentionField), '#p3']);
      expect(stored.map((row) => decodeMentionField(row.field, row.rowid))).toEqual([...paths, 'suspect.phoneNumbers[3]']);
    } finally {
      store.close();
    }
  });
});
