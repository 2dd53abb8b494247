/**
 * The workstation core in its own thread or process (src-main/app/core-host.ts): calls and events are relayed,
 * and a core that stops unexpectedly starts again without losing the officer's unsent work. Tried in a worker
 * thread (browser mode, `serve`) and in the desktop's utility process (played by a Node child process).
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { EventMessage } from '../../shared/api/wire';
import { silentLogger } from '../../shared/platform/logger';
import type { CoreChannel, SpawnCore } from '../../src-main/app/core-channel';
import type { StartState } from '../../shared/api/start-state';
import { systemClock } from '../../shared/platform/clock';
import { appPathsIn } from '../../src-main/app/app-paths';
import { launchCore, startCore } from '../../src-main/app/core-host';
import { openAppStore } from '../../src-main/app/open-app-store';
import { readJournal } from '../../src-main/db/store-version';
import { migrationsBefore } from '../support/older-migrations';
import { PROJECT_ROOT } from '../support/paths';
import { spawnCoreInUtilityProcess } from '../../src-main/electron/core-process';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { tempDir } from '../support/temp-store';
import { FakeUtilityProcess } from '../electron/support/fake-utility-process';
import { closedOwnAppStore } from '../support/own-app-store';
import { join } from 'node:path';

vi.mock('electron', async () => (await import('../electron/support/fake-electron')).fakeElectron);

const queue = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 50 };

const places: Array<{ place: string; spawn: SpawnCore | undefined }> = [
  { place: 'a worker thread', spawn: undefined },
  { place: 'a utility process', spawn: spawnCoreInUtilityProcess },
];

describe.each(places)('the workstation core in $place', ({ spawn }) => {
  it('answers relayed calls, and starts again after a crash with the outbox intact', async () => {
    const { paths, secrets } = await closedOwnAppStore();
    const threads: CoreChannel[] = [];
    const forkedBefore = FakeUtilityProcess.forked.length;
    const core = await startCore(
      { dataDir: paths.dataDir, storePath: paths.storePath, demo: false, launch: {}, env: { PUZZELSTUK_OFFICER: 'l.vermeer' } },
      { secrets, logger: silentLogger, onChannel: (channel) => threads.push(channel), ...(spawn ? { spawn } : {}) },
    );
    // The desktop's core really runs in another process; browser mode's in this one.
    expect(FakeUtilityProcess.forked.length - forkedBefore).toBe(spawn ? 1 : 0);
    onTestFinished(() => core.close());
    const heard: EventMessage[] = [];
    core.subscribe((message) => heard.push(message));

    const listed = (await core.call('queue.list', queue)) as { ok: true; value: { rows: Array<{ reportId: string }> } };
    expect(listed.ok).toBe(true);
    const reportId = listed.value.rows[0]!.reportId;
    expect(await core.call('report.setWorkStatus', { reportIds: [reportId], status: 'in_progress' })).toEqual({ ok: true, value: { changed: 1 } });
    expect(await core.call('sync.state', {})).toMatchObject({ ok: true, value: { pendingOutbox: 1 } });
    expect(heard.some((message) => message.event === 'work.changed')).toBe(true);

    // The core's thread or process dies as in a crash: the next call waits for the new core, which still has the change.
    await threads[0]!.terminate();
    expect(await core.call('sync.state', {})).toMatchObject({ ok: true, value: { pendingOutbox: 1 } });
    expect(threads).toHaveLength(2);
    expect(heard.some((message) => message.event === 'core.restarted')).toBe(true);
    const after = (await core.call('queue.list', { ...queue, filters: { workStatuses: ['in_progress'] } })) as { ok: true; value: { rows: Array<{ reportId: string }> } };
    expect(after.value.rows.map((row) => row.reportId)).toEqual([reportId]);
  }, 60_000);

  it('refuses to start on a store it cannot open, saying why', async () => {
    const { paths } = await closedOwnAppStore();
    // Its honest twin above opens the same kind of store; here the store's key is not the one given.
    await expect(
      startCore(
        { dataDir: paths.dataDir, storePath: paths.storePath, demo: false, launch: {}, env: { PUZZELSTUK_DB_KEY: 'not-the-key' } },
        { secrets: createFileSecretStore(tempDir() + '/s.json', { keepsStoreKey: true }), logger: silentLogger, ...(spawn ? { spawn } : {}) },
      ),
    ).rejects.toThrow(/could not be unlocked/);
  }, 60_000);

  it('says how far its start is while it upgrades an older store, then answers', async () => {
    const before = '0043_mention_field_codes';
    const paths = appPathsIn(tempDir(), { migrationsFolder: migrationsBefore(before) });
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    openAppStore(paths, secrets, {}, systemClock, 'own').close();
    const entries = readJournal(join(PROJECT_ROOT, 'migrations')).entries;
    const of = entries.length - entries.findIndex((entry) => entry.tag === before);

    const core = launchCore({ dataDir: paths.dataDir, storePath: paths.storePath, demo: false, launch: {}, env: {} }, { secrets, logger: silentLogger, ...(spawn ? { spawn } : {}) });
    onTestFinished(() => core.close());
    const heard: StartState[] = [];
    core.subscribe((message) => void (message.event === 'app.startState' && heard.push(message.payload)));
    // Asked before the core has said anything: its host answers at once; any other call waits for the core.
    expect(await core.call('app.startState', {})).toEqual({ ok: true, value: { phase: 'opening' } });
    const listed = core.call('queue.list', queue);
    await core.started;
    expect(heard).toEqual([...Array.from({ length: of }, (_, index): StartState => ({ phase: 'upgrading', step: index + 1, of })), { phase: 'ready' }]);
    expect(await listed).toMatchObject({ ok: true, value: { rows: [] } });
    expect(await core.call('app.startState', {})).toEqual({ ok: true, value: { phase: 'ready' } });
  }, 60_000);

  it('ends at once when closed while it upgrades a store: the upgrade rolls back and the store stays as it was (review L1)', async () => {
    const paths = appPathsIn(tempDir(), { migrationsFolder: migrationsBefore('0043_mention_field_codes') });
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const holder = openAppStore(paths, secrets, {}, systemClock, 'own');
    const applied = () => holder.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    const appliedBefore = applied();
    // The upgrade's first statement waits for this connection's write lock, so the close comes inside its transaction.
    holder.sqlite.exec('BEGIN IMMEDIATE');
    const core = launchCore({ dataDir: paths.dataDir, storePath: paths.storePath, demo: false, launch: {}, env: {} }, { secrets, logger: silentLogger, ...(spawn ? { spawn } : {}) });
    await new Promise<void>((resolve) => core.subscribe((message) => void (message.event === 'app.startState' && message.payload.phase === 'upgrading' && resolve())));
    const closing = core.close();
    // Let go at once: a close that waited for the core to be ready would see the upgrade finish now.
    holder.sqlite.exec('ROLLBACK');
    await closing;
    await expect(core.started).rejects.toThrow();
    expect(applied()).toBe(appliedBefore);
    holder.close();
  }, 60_000);

  it('says why it could not start — a store newer than the code — to every window and every call', async () => {
    const { paths, secrets } = await closedOwnAppStore();
    const core = launchCore(
      { dataDir: paths.dataDir, storePath: paths.storePath, demo: false, launch: {}, env: {}, migrationsFolder: migrationsBefore('0045_mention_raw_as_value') },
      { secrets, logger: silentLogger, ...(spawn ? { spawn } : {}) },
    );
    const heard: StartState[] = [];
    core.subscribe((message) => void (message.event === 'app.startState' && heard.push(message.payload)));
    await expect(core.started).rejects.toThrow(/written by a newer version of Puzzelstuk/);
    const failed = { phase: 'failed', error: { code: 'STORE_TOO_NEW', message: expect.stringMatching(/newer version.*left untouched/) as unknown } };
    expect(heard).toEqual([failed]);
    expect(await core.call('app.startState', {})).toEqual({ ok: true, value: failed });
    expect(await core.call('queue.list', queue)).toMatchObject({ ok: false, error: failed.error });
    await core.close();
  }, 60_000);
});
