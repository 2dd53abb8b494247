import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { startSyncHub } from '../sync/support/sync-hub';
import { WITHDRAWN_NOTE } from '../../shared/retention/report-words';
import { addNote } from '../../src-main/mutations/services/note-services';
import { searchReports } from '../../src-main/search/search-reports';
import { serviceDeps } from '../sync/support/mutation-fixtures';
import { filedRecord, withdrawal } from '../support/records';
import { storeFilesHold } from '../support/raw-bytes';
import { openTempStore, tempDir } from '../support/temp-store';

// Unencrypted on purpose: the bytes of an encrypted store hold no plain text anyway, which would prove nothing here.
describe('a withdrawal leaves no trace of the victim in the store’s files', () => {
  it('neither in the store file (free pages, the text index) nor in its WAL', async () => {
    const { store, path, importRecords } = openTempStore();
    const phrase = 'Quokkaplein zeventien achter de kapsalon';
    const report = filedRecord({ reporter: { type: 'person', name: 'Wilhelmina Zeldzaamnaam' }, incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan het ${phrase} en betaalde vooruit.` } });
    await importRecords([report, ...Array.from({ length: 30 }, () => filedRecord())]);
    store.sqlite.pragma('wal_checkpoint(PASSIVE)');
    // The honest twin: the phrase is there to be found before the withdrawal.
    expect(storeFilesHold(path, phrase)).toBe(true);
    expect(storeFilesHold(path, 'quokkaplein')).toBe(true);

    await importRecords([withdrawal(report, 2)]);
    for (const text of [phrase, 'Zeldzaamnaam', 'quokkaplein', 'Quokkaplein']) expect(storeFilesHold(path, text)).toBe(false);
    expect(searchReports(store.sqlite, { query: 'quokkaplein' })).toEqual([]);
    expect(searchReports(store.sqlite, { query: 'fiets' }).length).toBeGreaterThan(0);
  });

  it('nor after a sync round that met the withdrawal in an early page, with pages after it', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-withdrawal-sync-'));
    const hub = await startSyncHub(hubDir);
    try {
      const phrase = 'Wombatsteeg negentien naast de bakkerij';
      const report = filedRecord({ reporter: { type: 'person', name: 'Gerarda Zeldzaamnaam' }, incident: { summary: 'Telefoon niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
      expect((await hub.post([report])).rejected).toEqual([]);
      const path = join(tempDir(), 'station.db');
      const store = hub.enroll(openCaseStore({ clock: systemClock, path }));
      const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 1 });
      await engine.runOnce();
      // The honest twin: the station holds the report as filed.
      expect(storeFilesHold(path, phrase)).toBe(true);

      // The hub redacts the first revision at read time, so the withdrawal must do it here; each its own post, so
      // the next round holds the withdrawal, then many pages more.
      for (const record of [withdrawal(report, 2), ...Array.from({ length: 40 }, () => filedRecord())]) {
        expect((await hub.post([record])).rejected).toEqual([]);
      }
      await engine.runOnce();
      expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(41);
      for (const text of [phrase, 'Zeldzaamnaam', 'wombatsteeg', 'Wombatsteeg']) expect(storeFilesHold(path, text)).toBe(false);
      store.close();
    } finally {
      await hub.close();
      rmSync(hubDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a withdrawal takes the officers’ notes on the report with it', () => {
  it('redacts the note text in the notes, the sync register and the outbox, and leaves other reports’ notes alone', async () => {
    const { store, path, importRecords } = openTempStore();
    const report = filedRecord();
    const other = filedRecord();
    await importRecords([report, other]);
    const deps = serviceDeps();
    addNote(store, deps, { officer: 'agent.jansen', subjectType: 'report', subjectId: report.reportId, body: 'Melder woont boven de Kievitsbloemwinkel' });
    addNote(store, deps, { officer: 'agent.jansen', subjectType: 'report', subjectId: other.reportId, body: 'Melder belde over de Goudvinkstraat' });
    store.sqlite.pragma('wal_checkpoint(PASSIVE)');
    expect(storeFilesHold(path, 'Kievitsbloemwinkel')).toBe(true);

    await importRecords([withdrawal(report, 2)]);
    expect(storeFilesHold(path, 'Kievitsbloemwinkel')).toBe(false);
    const bodies = store.sqlite.prepare<[string], string>("SELECT body FROM notes WHERE subject_id = ?").pluck();
    expect(bodies.all(report.reportId)).toEqual([WITHDRAWN_NOTE]);
    // The honest twin: a note on a report that stays is untouched.
    expect(bodies.all(other.reportId)).toEqual(['Melder belde over de Goudvinkstraat']);
  });
});
