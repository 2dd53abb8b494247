import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-url';

export interface MainWindowOptions {
  preloadPath: string;
  /** Developer tools only in a development build. */
  devTools: boolean;
}

/**
 * The one window: isolated, sandboxed, without Node. It never navigates away and never opens another window:
 * URLs in reports are evidence, a click on one must not open it.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Puzzelstuk',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: options.devTools,
      spellcheck: false,
      // Chromium's built-in PDF viewer shows the letter preview (a blob: frame, see ../api/csp.ts); no other plugins exist.
      plugins: true,
    },
  });
  const { webContents } = window;
  webContents.on('will-navigate', (event) => event.preventDefault());
  webContents.on('will-redirect', (event) => event.preventDefault());
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}
