import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CSP } from '../../src-main/api/csp';
import type { LogFields } from '../../shared/platform/logger';
import { tempDir } from '../support/temp-store';
import { recorded, resetFakeElectron, safeStorage, type FakeBrowserWindow } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const electron = await import('electron');
const { createMainWindow } = await import('../../src-main/electron/window');
const { hardenSession } = await import('../../src-main/electron/session');
const { registerAppScheme, serveRenderer } = await import('../../src-main/electron/renderer-protocol');
const { applicationMenuTemplate } = await import('../../src-main/electron/menu');
const { desktopSecretStore } = await import('../../src-main/electron/desktop-secrets');
const { APP_START_URL } = await import('../../src-main/electron/app-url');

beforeEach(() => resetFakeElectron());

describe('the main window', () => {
  it('is isolated, sandboxed and without Node, and loads the app’s own page', () => {
    const window = createMainWindow({ preloadPath: '/app/preload.cjs', devTools: false }) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window.loadedUrl).toBe(APP_START_URL);
  });

  it('never navigates away and never opens a window: URLs in reports are evidence', () => {
    const window = createMainWindow({ preloadPath: '/app/preload.cjs', devTools: false }) as unknown as FakeBrowserWindow;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      window.webContents.emit(event, { preventDefault }, 'https://phishing.example/login');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(window.webContents.windowOpenHandler?.({ url: 'https://phishing.example/login' })).toEqual({ action: 'deny' });
  });
});

describe('the session', () => {
  it('puts the CSP on every response and grants no permission', () => {
    hardenSession(electron.session.defaultSession);
    let headers: Record<string, string[]> | undefined;
    recorded.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => (headers = response.responseHeaders));
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [DESKTOP_CSP] });
    expect(DESKTOP_CSP).toContain("connect-src 'self'");
    expect(DESKTOP_CSP).not.toContain('ws:');
    const granted = vi.fn();
    recorded.permissionHandler!({}, 'openExternal', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck!()).toBe(false);
  });
});

describe('the app protocol', () => {
  it('serves the built renderer with the CSP, and nothing outside it', async () => {
    const parent = tempDir();
    const rendererDir = join(parent, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<title>Puzzelstuk</title>');
    writeFileSync(join(parent, 'secret.txt'), 'not yours');
    registerAppScheme(electron.protocol);
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'puzzelstuk', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    serveRenderer(electron.protocol, rendererDir);
    const handle = recorded.protocolHandlers.get('puzzelstuk')!;
    const index = await handle(new Request(APP_START_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(DESKTOP_CSP);
    expect(await index.text()).toContain('Puzzelstuk');
    expect((await handle(new Request('puzzelstuk://app/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('puzzelstuk://elsewhere/index.html'))).status).toBe(404);
  });
});

describe('the application menu', () => {
  it('is Dutch, and offers developer tools only in a development build', () => {
    const labels = (devTools: boolean) =>
      applicationMenuTemplate({ devTools, showAbout: () => undefined }).flatMap((menu) => [menu.label, ...(menu.submenu as Array<{ label?: string }>).map((item) => item.label)]);
    expect(labels(false)).toEqual(expect.arrayContaining(['Bestand', 'Afsluiten', 'Bewerken', 'Kopiëren', 'Beeld', 'Venster', 'Help', 'Over Puzzelstuk']));
    expect(labels(false)).not.toContain('Ontwikkelhulpmiddelen');
    expect(labels(true)).toContain('Ontwikkelhulpmiddelen');
  });
});

describe('desktop secrets', () => {
  const own = { demo: false, acceptWeakKeychain: false };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

  it('are sealed by the OS keychain, never stored in clear', () => {
    const dir = tempDir();
    const logged: Array<[string, LogFields | undefined]> = [];
    const logger = { info: () => undefined, warn: (event: string, fields?: LogFields) => logged.push([event, fields]), error: () => undefined };
    const secrets = desktopSecretStore(safeStorage as never, dir, logger, own);
    expect(secrets.keepsStoreKey).toBe(true);
    secrets.set('store-key', 'a-very-secret-key');
    expect(secrets.get('store-key')).toBe('a-very-secret-key');
    expect(readFileSync(join(dir, 'secrets.sealed.json'), 'utf8')).not.toContain('a-very-secret-key');
    expect(logged).toEqual([]);
  });

  it('are refused without a keychain, and with Linux’s basic_text (a key written in Chromium’s source), saying how to go on', () => {
    safeStorage.available = false;
    expect(() => desktopSecretStore(safeStorage as never, tempDir(), quiet, own)).toThrow(/no secure keychain \(none\).*start Puzzelstuk with --accept-weak-keychain/);
    safeStorage.available = true;
    safeStorage.backend = 'basic_text';
    const dir = tempDir();
    expect(() => desktopSecretStore(safeStorage as never, dir, quiet, own)).toThrow(/only basic_text/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('take a weak keychain only when the officer knowingly accepts it, which is logged at every start', () => {
    safeStorage.backend = 'basic_text';
    const logged: string[] = [];
    const secrets = desktopSecretStore(safeStorage as never, tempDir(), { ...quiet, warn: (event) => logged.push(event) }, { demo: false, acceptWeakKeychain: true });
    secrets.set('store-key', 'k');
    expect(secrets.get('store-key')).toBe('k');
    expect(logged).toEqual(['secrets.weak_keychain_accepted']);
  });

  it('of the demo live in its own folder, keychain or not', () => {
    const dir = tempDir();
    safeStorage.available = false;
    const secrets = desktopSecretStore(safeStorage as never, dir, quiet, { demo: true, acceptWeakKeychain: false });
    secrets.set('hub-token', 'pzh_token');
    expect(secrets.get('hub-token')).toBe('pzh_token');
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });
});
