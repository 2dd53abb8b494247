import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import type { CaseStore } from '../../src-main/db/open-store';
import { addNote } from '../../src-main/mutations/services/note-services';
import { runRetention } from '../../src-main/retention/retention-run';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord } from '../support/records';
import { runCliCaptured } from '../support/run-cli';
import { serviceDeps } from './support/mutation-fixtures';
import { startSyncHub, type SyncHub } from './support/sync-hub';

const narrativePhrase = 'Gierzwaluwsingel zevenenzeventig bij de molen';
const notePhrase = 'Melder mailde foto vanaf Reigersbolwerk';

let hub: SyncHub;
let hubDir: string;
let workDir: string;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-retention-hub-'));
  workDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-retention-ws-'));
  hub = await startSyncHub(hubDir);
}, 120_000);
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

/** A new workstation (unencrypted, so its bytes can be searched) that pulls the whole feed from cursor 0. */
async function syncedWorkstation(name: string): Promise<{ store: CaseStore; path: string; sync: () => Promise<unknown> }> {
  const path = join(workDir, `${name}.db`);
  const store = hub.enroll(openCaseStore({ clock: systemClock, path }));
  const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 200 });
  await engine.runOnce();
  return { store, path, sync: () => engine.runOnce() };
}

const holds = (store: CaseStore, reportId: string) => ({
  report: store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(reportId) !== undefined,
  notes: store.sqlite.prepare<[string], number>('SELECT count(*) FROM notes WHERE subject_id = ?').pluck().get(reportId),
});

describe('retention across sync: what the hub purged never comes back', () => {
  it('a workstation syncing from cursor 0 after the hub’s run receives neither the purged report nor the notes on it', async () => {
    const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${narrativePhrase} en betaalde vooruit.` } });
    const younger = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
    await hub.post([expiring, younger]);
    const first = await syncedWorkstation('first');
    addNote(first.store, serviceDeps(), { officer: 'agent.jansen', subjectType: 'report', subjectId: expiring.reportId, body: notePhrase });
    await first.sync();

    // The honest twin: before the hub's run a new workstation receives the report and the note.
    const before = await syncedWorkstation('before');
    expect(holds(before.store, expiring.reportId)).toEqual({ report: true, notes: 1 });
    before.store.close();

    await hub.stop();
    const run = await runCliCaptured(['hub', 'retention', 'run', '--data', join(hubDir, 'hub'), '--as-of', '2027-04-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines).toEqual([{ purged: 1, kept: 1, held: {} }]);
    await hub.restart();

    const after = await syncedWorkstation('after');
    expect(holds(after.store, expiring.reportId)).toEqual({ report: false, notes: 0 });
    expect(holds(after.store, younger.reportId)).toEqual({ report: true, notes: 0 });
    after.store.close();
    for (const text of [narrativePhrase, notePhrase]) expect(storeFilesHold(after.path, text)).toBe(false);

    // The first workstation purges alike, and its next sync brings nothing back.
    expect(runRetention(first.store.sqlite, { asOf: '2027-04-01', at: '2027-04-01T03:00:00Z', actor: 'system:retention' })).toEqual({ purged: 1, kept: 1, held: {} });
    await first.sync();
    expect(holds(first.store, expiring.reportId)).toEqual({ report: false, notes: 0 });
    first.store.close();
    for (const text of [narrativePhrase, notePhrase]) expect(storeFilesHold(first.path, text)).toBe(false);
  }, 120_000);
});
