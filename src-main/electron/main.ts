/**
 * The desktop app: a thin Electron shell around the plain-Node workstation (store, sync, API). It owns the
 * window, the IPC transport, the OS keychain and the shutdown order; everything else is in src-main/app.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { errorKind, isAppError } from '../../shared/errors';
import { createJsonLogger } from '../../shared/platform/logger';
import { launchCore } from '../app/core-host';
import { launchHubFromEnv } from '../app/hub-target';
import { systemClock } from '../../shared/platform/clock';
import { spawnCoreInUtilityProcess } from './core-process';
import { desktopPaths } from './desktop-paths';
import { ACCEPT_WEAK_KEYCHAIN_FLAG, desktopSecretStore } from './desktop-secrets';
import { forwardEvents, serveApiOverIpc } from './ipc';
import { applicationMenuTemplate } from './menu';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { hardenSession } from './session';
import { openInSystemBrowser } from './system-browser';
import { createMainWindow } from './window';

const logger = createJsonLogger(process.stderr, systemClock);
const preloadPath = join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
/** `npm start` runs the demo (`--demo`), in a folder of its own; otherwise the officer's own store. */
const demo = process.argv.includes('--demo');

async function launch(): Promise<void> {
  await app.whenReady();
  const paths = desktopPaths(app, demo);
  const secrets = desktopSecretStore(safeStorage, paths.dataDir, logger, { demo, acceptWeakKeychain: process.argv.includes(ACCEPT_WEAK_KEYCHAIN_FLAG) });
  // Store, sync and the API's handlers run in a utility process of their own: this one only keeps the window responsive.
  // The window opens at once and shows the core's start (`app.startState`): upgrading a large store takes minutes,
  // and a store that cannot be opened is explained there, not by an app that silently goes away.
  const core = launchCore(
    { ...paths, demo, launch: launchHubFromEnv(process.env, demo), env: process.env },
    { secrets, logger, spawn: spawnCoreInUtilityProcess, openInBrowser: (url) => openInSystemBrowser(shell, url, logger) },
  );
  core.started.catch((error: unknown) => logger.error('startup_failed', { error: errorKind(error) }));

  hardenSession(session.defaultSession);
  serveRenderer(protocol, paths.rendererDir);
  const stopServingApi = serveApiOverIpc(ipcMain, core);
  const openWindow = () => {
    const window = createMainWindow({ preloadPath, devTools: !app.isPackaged });
    forwardEvents(core, window.webContents);
    return window;
  };
  let window = openWindow();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        devTools: !app.isPackaged,
        showAbout: () => void dialog.showMessageBox(window, { type: 'info', title: 'Over Puzzelstuk', message: `Puzzelstuk ${app.getVersion()}` }),
      }),
    ),
  );

  app.on('second-instance', () => {
    // Closed (the app quitting, a store upgrade ending): there is no window to bring forward, and touching it throws.
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow();
  });
  app.on('window-all-closed', () => app.quit());

  // Quitting waits until sync has finished its current transaction and the store is closed; app.exit() then
  // ends the process without another before-quit. A second quit meanwhile (a second Ctrl+C) changes nothing.
  let shuttingDown = false;
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    stopServingApi();
    core
      .close()
      .catch((error: unknown) => logger.error('shutdown_failed', { error: error instanceof Error ? error.name : 'unknown' }))
      .then(() => core.started)
      .then(
        () => app.exit(0),
        () => app.exit(1),
      );
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

registerAppScheme(protocol);
if (!app.requestSingleInstanceLock()) {
  // Another Puzzelstuk runs on this store; it was told (second-instance) and comes to the front.
  app.quit();
} else {
  launch().catch((error: unknown) => {
    logger.error('startup_failed', { error: error instanceof Error ? error.name : 'unknown' });
    const message = isAppError(error) ? error.message : 'Er ging iets mis bij het starten. Probeer het opnieuw of neem contact op met de beheerder.';
    dialog.showErrorBox('Puzzelstuk kan niet starten', message);
    app.exit(1);
  });
}
