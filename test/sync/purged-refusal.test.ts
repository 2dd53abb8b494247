import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { addNote } from '../../src-main/mutations/services/note-services';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord } from '../support/records';
import { runCliCaptured } from '../support/run-cli';
import { serviceDeps } from './support/mutation-fixtures';
import { startSyncHub, type SyncHub } from './support/sync-hub';

const purgedNote = 'Melder belde vanaf de Uilenhorst terug';
const liveNote = 'Tweede melding over dezelfde verkoper';

let hub: SyncHub;
let hubDir: string;
let workDir: string;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-purged-hub-'));
  workDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-purged-ws-'));
  hub = await startSyncHub(hubDir);
}, 120_000);
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

describe('a workstation offline across the hub’s purge', () => {
  it('drops its late note about the purged report from its outbox when the hub refuses it, says so in its audit log, and still delivers its note about a live report', async () => {
    const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
    const live = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
    await hub.post([expiring, live]);
    const path = join(workDir, 'offline.db');
    const store = hub.enroll(openCaseStore({ clock: systemClock, path }));
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 200 });
    await engine.runOnce();

    // Offline: the hub purges meanwhile, while the officer writes notes that wait in the outbox.
    await hub.stop();
    const deps = serviceDeps();
    addNote(store, deps, { officer: 'agent.jansen', subjectType: 'report', subjectId: expiring.reportId, body: purgedNote });
    addNote(store, deps, { officer: 'agent.jansen', subjectType: 'report', subjectId: live.reportId, body: liveNote });
    const run = await runCliCaptured(['hub', 'retention', 'run', '--data', join(hubDir, 'hub'), '--as-of', '2027-04-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines).toEqual([{ purged: 1, kept: 1, held: {} }]);
    await hub.restart();

    await engine.runOnce();
    const outbox = store.sqlite.prepare<[], { state: string; payload: string }>("SELECT state, payload FROM outbox WHERE kind = 'note.add'").all();
    // The honest twin: the note about the live report reached the hub.
    expect(outbox.map((row) => row.state)).toEqual(['acked']);
    expect(outbox[0]!.payload).toContain(liveNote);
    const notes = store.sqlite.prepare<[], string>('SELECT body FROM notes').pluck().all();
    expect(notes).toEqual([liveNote]);
    const dropped = store.sqlite.prepare<[], { actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'sync.dropped'").all();
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.actor).toBe('system:sync');
    expect(JSON.parse(dropped[0]!.details)).toMatchObject({ kind: 'note.add', officer: 'agent.jansen', reason: expect.stringMatching(/removed under the retention period/) as unknown });
    expect(dropped[0]!.details).not.toContain(purgedNote);

    // A new workstation syncing from the start receives the live report's note and nothing of the purged one.
    const fresh = hub.enroll(openCaseStore({ clock: systemClock, path: join(workDir, 'fresh.db') }));
    await createSyncEngine(fresh, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 200 }).runOnce();
    expect(fresh.sqlite.prepare<[], string>('SELECT body FROM notes').pluck().all()).toEqual([liveNote]);
    expect(fresh.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(expiring.reportId)).toBeUndefined();
    fresh.close();
    store.close();
    expect(storeFilesHold(path, purgedNote)).toBe(false);
  }, 120_000);
});
