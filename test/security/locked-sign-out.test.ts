/**
 * Signing out from a locked screen, tried as whoever stands at a shared station someone else locked: it is allowed
 * — at a shift change the next officer must be able to take the station — but it gives them nothing of the locked
 * officer's: their pending changes stay theirs (signed with their key, pushed in their name under the next
 * officer's credential), their credential leaves the station, and nothing can be done in their name afterwards.
 * (A police-account officer's hub session ends too: test/security/oidc-workstation.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { connect } from '../../src-hub/db/connect';
import { mutations } from '../../src-hub/db/schema';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation } from '../../src-main/app/workstation';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function until(what: string, done: () => boolean, nudge: () => void): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    nudge();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('signing out from a locked screen', () => {
  let hubDir: string;
  let hub: SyncHub;
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-locked-sign-out-'));
    hub = await startSyncHub(hubDir);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('keeps the locked officer’s pending changes theirs, takes their credential off the station, and lets the next officer in', async () => {
    const paths = appPathsIn(mkdtempSync(join(hubDir, 'station-')));
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, launch: { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! } });
    const call = (method: string, params: unknown = {}) => dispatch(method, params, workstation.context);
    const outboxOf = (officer: string) => store.sqlite.prepare<[string], { proof: string | null; state: string }>('SELECT proof, state FROM outbox WHERE officer = ? ORDER BY position').all(officer);
    try {
      expect(await call('session.signIn', { officerId: 'j.devries', credential: hub.tokens.credentials['j.devries'] })).toMatchObject({ ok: true });
      await hub.stop();
      const made = await call('case.create', { title: 'Vergrendeld en afgemeld', reportIds: [] });
      expect(made).toMatchObject({ ok: true });
      expect(await call('session.lock')).toMatchObject({ ok: true, value: { locked: true, officer: { id: 'j.devries' } } });

      // Someone at the locked station signs j.devries out: allowed, and the station is nobody's.
      expect(await call('session.signOut')).toEqual({ ok: true, value: { officer: null, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null } });
      expect(secrets.get('hub-token')).not.toBe(hub.tokens.credentials['j.devries']);
      expect(await call('case.create', { title: 'in naam van j.devries', reportIds: [] })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(outboxOf('j.devries')).toEqual([{ proof: expect.stringContaining('keyId') as unknown, state: 'pending' }]);

      // The next officer takes the station once the hub is back; j.devries's change goes in j.devries's name.
      await hub.restart();
      expect(await call('session.signIn', { officerId: 'r.dekker', credential: hub.tokens.credentials['r.dekker'] })).toMatchObject({ ok: true, value: { officer: { id: 'r.dekker' } } });
      await until('j.devries’s change reached the hub', () => outboxOf('j.devries')[0]?.state !== 'pending', () => workstation.context.sync.wake());
      expect(outboxOf('j.devries').map((row) => row.state)).toEqual(['acked']);
      expect(outboxOf('r.dekker')).toEqual([]);
    } finally {
      await workstation.close();
      store.close();
    }
    // The hub's row names j.devries, whose credential was gone from the station when it was pushed.
    await hub.stop();
    const database = await connect({ dataDir: join(hubDir, 'hub') });
    try {
      const rows = await database.db.select({ officer: mutations.officer, kind: mutations.kind }).from(mutations);
      expect(rows.filter((row) => row.kind === 'case.create')).toEqual([{ officer: 'j.devries', kind: 'case.create' }]);
    } finally {
      await database.close();
      await hub.restart();
    }
  }, 120_000);
});
