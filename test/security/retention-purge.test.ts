import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addNote } from '../../src-main/mutations/services/note-services';
import { createCase } from '../../src-main/mutations/services/case-services';
import { runRetention } from '../../src-main/retention/retention-run';
import { RETENTION_ACTOR } from '../../src-main/retention/daily-retention';
import { searchReports } from '../../src-main/search/search-reports';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord } from '../support/records';
import { runCliCaptured } from '../support/run-cli';
import { openTempStore } from '../support/temp-store';
import { serviceDeps } from '../sync/support/mutation-fixtures';

const officer = 'agent.jansen';
const narrativePhrase = 'Okapistraat negenennegentig naast de bakkerij';
const notePhrase = 'Melder belde terug vanuit Zwanenburcht';

/**
 * Three reports received on 1 and 2 April 2026 (the daily task keeps them one year): one expiring, one in an open
 * case, one a day younger. Unencrypted on purpose: an encrypted store's bytes prove nothing about plain text.
 */
async function storeWithAgedReports() {
  const temp = openTempStore();
  const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${narrativePhrase} en betaalde vooruit.` } });
  const inCase = filedRecord({ receivedAt: '2026-04-01T11:00:00Z' });
  const dayYounger = filedRecord({ receivedAt: '2026-04-02T10:00:00Z', incident: { summary: 'Tablet niet geleverd', narrative: 'Ik betaalde een tablet op de Hazelaarweg.' } });
  await temp.importRecords([expiring, inCase, dayYounger, ...Array.from({ length: 20 }, () => filedRecord({ receivedAt: '2026-10-01T10:00:00Z' }))]);
  const deps = serviceDeps();
  addNote(temp.store, deps, { officer, subjectType: 'report', subjectId: expiring.reportId, body: notePhrase });
  createCase(temp.store, deps, { officer, title: 'Fietsfraude', reportIds: [inCase.reportId] });
  temp.store.sqlite.pragma('wal_checkpoint(PASSIVE)');
  return { ...temp, expiring, inCase, dayYounger };
}

const retentionRun = async (path: string, asOf: string) => {
  const result = await runCliCaptured(['retention', 'run', '--db', path, '--as-of', asOf]);
  expect(result.code, result.stderr).toBe(0);
  return result.lines[0];
};

describe('retention run: an expired report leaves nothing readable behind', () => {
  it('purges the expired report from the store file, its WAL, the text index and its notes; keeps held and younger ones', async () => {
    const { store, path, expiring, inCase, dayYounger } = await storeWithAgedReports();
    // The honest twin: before the run, both phrases are there to be found in the raw bytes.
    expect(storeFilesHold(path, narrativePhrase)).toBe(true);
    expect(storeFilesHold(path, notePhrase)).toBe(true);

    expect(await retentionRun(path, '2027-04-01')).toEqual({ purged: 1, kept: 22, held: { openCase: 1 } });

    for (const text of [narrativePhrase, notePhrase, 'Okapistraat', 'okapistraat', 'Zwanenburcht']) expect(storeFilesHold(path, text)).toBe(false);
    const present = (reportId: string) => store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(reportId) !== undefined;
    expect(present(expiring.reportId)).toBe(false);
    expect(present(inCase.reportId)).toBe(true);
    // The attack twin: a report one day short of its expiry is kept.
    expect(present(dayYounger.reportId)).toBe(true);
    expect(searchReports(store.sqlite, { query: 'okapistraat' })).toEqual([]);
    expect(searchReports(store.sqlite, { query: 'hazelaarweg' }).length).toBe(1);
    // The text index is whole: its entry went once (deleting it twice made a 50k store's run fail as corrupt).
    expect(() => store.sqlite.prepare("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    const leftovers = store.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM notes WHERE subject_id = ?) + (SELECT count(*) FROM field_versions WHERE entity_id = ?)
           + (SELECT count(*) FROM outbox WHERE instr(payload, ?) > 0)`,
      )
      .pluck()
      .get(expiring.reportId, expiring.reportId, expiring.reportId);
    expect(leftovers).toBe(0);
    // The audit log keeps that a purge happened, with counts, not the purged data.
    const entry = store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'retention.run'").pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ asOf: '2027-04-01', purged: 1, periods: { dailyTaskYears: 1, caseYears: 5 } });
    expect((await runCliCaptured(['audit', 'verify', '--db', path])).lines[0]).toMatchObject({ ok: true });
  });

  it('empties the WAL after a run that purged, and leaves it alone after a run that purged nothing', async () => {
    const { store, path } = await storeWithAgedReports();
    const walBytes = () => statSync(`${path}-wal`).size;
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(walBytes()).toBe(0);
    const run = (asOf: string) => runRetention(store.sqlite, { asOf, at: '2027-04-01T06:00:00Z', actor: RETENTION_ACTOR });

    // Nothing expired: the run's audit entry stays in the WAL, which is not emptied (the daily run at every start).
    expect(run('2027-03-31')).toEqual({ purged: 0, kept: 23, held: {} });
    expect(walBytes()).toBeGreaterThan(0);
    expect(storeFilesHold(path, narrativePhrase)).toBe(true);

    // The twin: a run that purged empties it, and the purged text is in neither file.
    expect(run('2027-04-01')).toEqual({ purged: 1, kept: 22, held: { openCase: 1 } });
    expect(walBytes()).toBe(0);
    expect(storeFilesHold(path, narrativePhrase)).toBe(false);
    expect(storeFilesHold(path, notePhrase)).toBe(false);
  });

  it('is reproducible with --as-of: a day earlier nothing expires, the same day twice purges once', async () => {
    const { path } = await storeWithAgedReports();
    expect(await retentionRun(path, '2027-03-31')).toEqual({ purged: 0, kept: 23, held: {} });
    expect(await retentionRun(path, '2027-04-02')).toEqual({ purged: 2, kept: 21, held: { openCase: 1 } });
    expect(await retentionRun(path, '2027-04-02')).toEqual({ purged: 0, kept: 21, held: { openCase: 1 } });
  });

  it('follows the periods a supervisor set, and refuses a bad date or period with a clear message', async () => {
    const { path } = await storeWithAgedReports();
    const set = await runCliCaptured(['retention', 'periods', '--db', path, '--daily-task-years', '2']);
    expect(set.lines[0]).toEqual({ dailyTaskYears: 2, caseYears: 5 });
    expect(await retentionRun(path, '2027-04-02')).toEqual({ purged: 0, kept: 23, held: {} });
    const badDate = await runCliCaptured(['retention', 'run', '--db', path, '--as-of', '2027-02-30']);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toMatch(/--as-of must be a date as YYYY-MM-DD/);
    const badPeriod = await runCliCaptured(['retention', 'periods', '--db', path, '--case-years', '1']);
    expect(badPeriod.code).not.toBe(0);
    expect(badPeriod.stderr).toMatch(/caseYears ≥ dailyTaskYears/);
  });
});
