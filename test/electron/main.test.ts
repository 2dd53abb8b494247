import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../shared/api/contract';
import type { StartState } from '../../shared/api/start-state';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type EventMessage } from '../../shared/api/wire';
import { openStore } from '../../src-main/db/open-store';
import { readJournal } from '../../src-main/db/store-version';
import { migrationsBefore } from '../support/older-migrations';
import { PROJECT_ROOT } from '../support/paths';
import { tempDir } from '../support/temp-store';
import { app, recorded, resetFakeElectron } from './support/fake-electron';
import { startOidcProvider } from '../support/oidc-provider';
import { startSyncHub } from '../sync/support/sync-hub';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

// The core starts in its own thread (migrations included), which takes seconds on a busy machine.
const until = async (check: () => boolean, what: string) => {
  for (let attempt = 0; attempt < 1200 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

beforeEach(() => {
  resetFakeElectron();
  vi.resetModules();
  // A hub that is not there: the desktop starts offline instead of running the embedded demo hub.
  vi.stubEnv('PUZZELSTUK_HUB_URL', 'http://127.0.0.1:9');
  vi.stubEnv('PUZZELSTUK_HUB_TOKEN', 'pzh_unused');
  vi.stubEnv('PUZZELSTUK_OFFICER', 'k.devries');
});
afterEach(() => vi.unstubAllEnvs());

/** The start states the window was sent, in order. */
const startStatesSent = () =>
  recorded.windows[0]!.webContents.sent.flatMap(([channel, message]) =>
    channel === IPC_EVENT_CHANNEL && (message as EventMessage).event === 'app.startState' ? [(message as { payload: StartState }).payload] : [],
  );
const STORE_KEY = 'desktop-test-store-key';

describe('the desktop composition', () => {
  it('leaves it to the running instance when another one holds the lock', async () => {
    app.state.singleInstance = false;
    await import('../../src-main/electron/main');
    expect(recorded.quitCalls).toBe(1);
    expect(recorded.windows).toHaveLength(0);
    expect(recorded.ipcHandlers.size).toBe(0);
  });

  it('opens the store in the user-data folder, serves the API to its window, and quits only after closing the store', async () => {
    const userData = tempDir();
    app.state.userData = userData;
    app.state.appPath = PROJECT_ROOT;
    await import('../../src-main/electron/main');
    await until(() => recorded.windows.length === 1, 'the window');
    expect(recorded.ipcHandlers.has(IPC_CALL_CHANNEL)).toBe(true);
    expect(recorded.protocolHandlers.has('puzzelstuk')).toBe(true);
    expect(recorded.headersListener).not.toBeNull();
    expect(recorded.menu).not.toBeNull();

    vi.resetModules();
    await import('../../src-main/electron/preload');
    const bridge = recorded.exposed.get('puzzelstuk') as PreloadBridge;
    // A real hub's workstation opens with nobody signed in, whatever PUZZELSTUK_OFFICER says (only the demo takes it).
    expect(await bridge.call('session.get', {})).toMatchObject({ ok: true, value: { officer: null, demo: false } });
    expect(await bridge.call('sync.state', {})).toMatchObject({ ok: true, value: { configured: true } });
    expect(existsSync(join(userData, 'puzzelstuk.db'))).toBe(true);
    expect(existsSync(join(userData, 'secrets.sealed.json'))).toBe(true);

    app.quit();
    app.quit();
    expect(recorded.exitCodes).toEqual([]);
    await until(() => recorded.exitCodes.length === 1, 'the exit');
    expect(recorded.exitCodes).toEqual([0]);
    // The store is closed: the API is no longer served at all (the renderer shows it as unavailable).
    await expect(bridge.call('report.get', { reportId: 'IA-2026-0000001', purpose: 'Beoordelen van de melding' })).rejects.toThrow('No handler');
  });

  it('brings its window forward when started again, and leaves a closed window alone instead of throwing (review L1)', async () => {
    app.state.userData = tempDir();
    app.state.appPath = PROJECT_ROOT;
    await import('../../src-main/electron/main');
    await until(() => recorded.windows.length === 1, 'the window');
    const window = recorded.windows[0]!;
    app.emit('second-instance');
    expect(window.focused).toBe(1);
    // Closed while the app quits: a re-launch meanwhile must not throw in this process.
    window.destroy();
    expect(() => app.emit('second-instance')).not.toThrow();
    app.quit();
    await until(() => recorded.exitCodes.length === 1, 'the exit');
  }, 120_000);

  it('opens its window before the core has started, and shows it each step of the store’s upgrade', async () => {
    const userData = tempDir();
    app.state.userData = userData;
    app.state.appPath = PROJECT_ROOT;
    vi.stubEnv('PUZZELSTUK_DB_KEY', STORE_KEY);
    const before = '0043_mention_field_codes';
    openStore({ path: join(userData, 'puzzelstuk.db'), key: STORE_KEY, migrationsFolder: migrationsBefore(before) }).close();
    const entries = readJournal(join(PROJECT_ROOT, 'migrations')).entries;
    const of = entries.length - entries.findIndex((entry) => entry.tag === before);

    await import('../../src-main/electron/main');
    await until(() => recorded.windows.length === 1, 'the window');
    await until(() => startStatesSent().some((state) => state.phase === 'ready'), 'the core');
    // Every step reached the window: it was there before the core had even begun to upgrade the store.
    expect(startStatesSent()).toEqual([...Array.from({ length: of }, (_, index): StartState => ({ phase: 'upgrading', step: index + 1, of })), { phase: 'ready' }]);
    vi.resetModules();
    await import('../../src-main/electron/preload');
    const bridge = recorded.exposed.get('puzzelstuk') as PreloadBridge;
    expect(await bridge.call('app.startState', {})).toEqual({ ok: true, value: { phase: 'ready' } });
    app.quit();
    await until(() => recorded.exitCodes.length === 1, 'the exit');
    expect(recorded.exitCodes).toEqual([0]);
  }, 120_000);

  it('shows a store it cannot open in its window, with why, instead of going away', async () => {
    const userData = tempDir();
    app.state.userData = userData;
    vi.stubEnv('PUZZELSTUK_DB_KEY', STORE_KEY);
    openStore({ path: join(userData, 'puzzelstuk.db'), key: STORE_KEY }).close();
    // An older Puzzelstuk, installed over this one: it ships fewer migrations than the store has.
    const olderApp = tempDir();
    cpSync(migrationsBefore('0045_mention_raw_as_value'), join(olderApp, 'migrations'), { recursive: true });
    app.state.appPath = olderApp;

    await import('../../src-main/electron/main');
    await until(() => recorded.windows.length === 1, 'the window');
    await until(() => startStatesSent().length > 0, 'the start state');
    const failed = { phase: 'failed', error: { code: 'STORE_TOO_NEW', message: expect.stringMatching(/newer version of Puzzelstuk/) as unknown } };
    expect(startStatesSent()).toEqual([failed]);
    vi.resetModules();
    await import('../../src-main/electron/preload');
    const bridge = recorded.exposed.get('puzzelstuk') as PreloadBridge;
    expect(await bridge.call('app.startState', {})).toEqual({ ok: true, value: failed });
    // No dialog and no exit: the window says it, until the officer closes it.
    expect(recorded.errorBoxes).toEqual([]);
    expect(recorded.exitCodes).toEqual([]);
    app.quit();
    await until(() => recorded.exitCodes.length === 1, 'the exit');
    expect(recorded.exitCodes).toEqual([1]);
  }, 120_000);

  it('opens the identity provider’s sign-in page in the system browser, not in its window', async () => {
    const dir = tempDir();
    const provider = await startOidcProvider([{ clientId: 'puzzelstuk', redirectUris: ['http://127.0.0.1/callback'] }]);
    const hub = await startSyncHub(dir, { oidc: { issuer: provider.issuer, clientId: 'puzzelstuk' } });
    try {
      vi.stubEnv('PUZZELSTUK_HUB_URL', hub.url);
      vi.stubEnv('PUZZELSTUK_HUB_TOKEN', hub.tokens.workstations[0]);
      app.state.userData = join(dir, 'user-data');
      app.state.appPath = PROJECT_ROOT;
      await import('../../src-main/electron/main');
      await until(() => recorded.windows.length === 1, 'the window');
      vi.resetModules();
      await import('../../src-main/electron/preload');
      const bridge = recorded.exposed.get('puzzelstuk') as PreloadBridge;

      const started = await bridge.call('session.oidcStart', {});
      expect(started).toMatchObject({ ok: true, value: { openedInBrowser: true } });
      const { authorizationUrl } = (started as { value: { authorizationUrl: string } }).value;
      // The loopback listener's start page, which binds the system browser to the sign-in and sends it on to the provider.
      expect(authorizationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/begin\?t=/);
      await until(() => recorded.openedExternally.length === 1, 'the system browser');
      expect(recorded.openedExternally).toEqual([authorizationUrl]);
      expect(recorded.windows).toHaveLength(1);

      app.quit();
      await until(() => recorded.exitCodes.length === 1, 'the exit');
    } finally {
      await hub.close();
      await provider.close();
    }
  }, 120_000);
});
