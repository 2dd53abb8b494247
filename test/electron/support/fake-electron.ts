/**
 * A stand-in for the `electron` module (the binary cannot be downloaded here): just enough of app, windows,
 * IPC, sessions, protocols and safeStorage for the glue in src-main/electron to run, with every call recorded.
 * IPC is wired through: ipcRenderer.invoke reaches ipcMain.handle, webContents.send reaches ipcRenderer.on.
 */
import { EventEmitter } from 'node:events';
import { utilityProcess } from './fake-utility-process';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type Listener = (event: unknown, ...args: unknown[]) => void;

const created = {
  windows: [] as FakeBrowserWindow[],
  exposed: new Map<string, unknown>(),
  ipcHandlers: new Map<string, Handler>(),
  rendererListeners: new Map<string, Set<Listener>>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>,
  privilegedSchemes: [] as unknown[],
  headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void),
  permissionHandler: null as null | ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  menu: null as unknown,
  errorBoxes: [] as Array<[string, string]>,
  /** URLs given to shell.openExternal (the system browser). */
  openedExternally: [] as string[],
  quitCalls: 0,
  exitCodes: [] as number[],
  /** The URL of the frame that calls over IPC (the app's own page unless a test says otherwise). */
  senderUrl: 'puzzelstuk://app/index.html',
};

/**
 * Tests reload modules (vi.resetModules) to run the preload or main again; the recordings and the app must stay
 * the same objects across reloads, so they live on globalThis.
 */
const shared = globalThis as { fakeElectronState?: { recorded: typeof created; app: FakeApp } };

export function resetFakeElectron(): void {
  recorded.windows.length = 0;
  recorded.exposed.clear();
  recorded.ipcHandlers.clear();
  recorded.rendererListeners.clear();
  recorded.protocolHandlers.clear();
  recorded.privilegedSchemes.length = 0;
  recorded.headersListener = null;
  recorded.permissionHandler = null;
  recorded.permissionCheck = null;
  recorded.menu = null;
  recorded.errorBoxes.length = 0;
  recorded.openedExternally.length = 0;
  recorded.quitCalls = 0;
  recorded.exitCodes.length = 0;
  recorded.senderUrl = 'puzzelstuk://app/index.html';
  app.removeAllListeners();
  app.state = { ready: true, singleInstance: true, userData: '', appPath: '', packaged: false };
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
}

class FakeWebContents extends EventEmitter {
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, message: unknown): void {
    this.sent.push([channel, message]);
    for (const listener of recorded.rendererListeners.get(channel) ?? []) listener({ sender: this }, message);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => recorded.windows;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  destroyed = false;
  focused = 0;
  show(): void {}
  /** As Electron: a closed window is destroyed, and every call on it but isDestroyed() throws. */
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  focus(): void {
    this.alive();
    this.focused += 1;
  }
  restore(): void {
    this.alive();
  }
  isMinimized(): boolean {
    this.alive();
    return false;
  }
  private alive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

class FakeApp extends EventEmitter {
  state = { ready: true, singleInstance: true, userData: '', appPath: '', packaged: false };
  get isPackaged(): boolean {
    return this.state.packaged;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return this.state.singleInstance;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
    // Never let a test fall back to the working directory (the project) as user data.
    if (this.state.userData === '') throw new Error('the test set no userData folder');
    return this.state.userData;
  }
  getAppPath(): string {
    return this.state.appPath;
  }
  getVersion(): string {
    return '0.1.0';
  }
  /** As Electron: emits before-quit, and exits unless a listener prevented it. */
  quit(): void {
    recorded.quitCalls += 1;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exit(0);
  }
  exit(code: number): void {
    recorded.exitCodes.push(code);
  }
}

shared.fakeElectronState ??= { recorded: created, app: new FakeApp() };
export const recorded = shared.fakeElectronState.recorded;
export const app = shared.fakeElectronState.app;

export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    recorded.ipcHandlers.delete(channel);
  },
};

export const ipcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = recorded.ipcHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Electron passes the handler's value through structured clone.
    return structuredClone(await handler({ senderFrame: { url: recorded.senderUrl } }, ...args));
  },
  on(channel: string, listener: Listener): void {
    const listeners = recorded.rendererListeners.get(channel) ?? new Set<Listener>();
    listeners.add(listener);
    recorded.rendererListeners.set(channel, listeners);
  },
  removeListener(channel: string, listener: Listener): void {
    recorded.rendererListeners.get(channel)?.delete(listener);
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    recorded.exposed.set(key, api);
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener: NonNullable<typeof recorded.headersListener>): void {
        recorded.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: NonNullable<typeof recorded.permissionHandler>): void {
      recorded.permissionHandler = handler;
    },
    setPermissionCheckHandler(handler: NonNullable<typeof recorded.permissionCheck>): void {
      recorded.permissionCheck = handler;
    },
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

/** Seals by reversing bytes and tagging: enough to see that nothing is stored in clear. */
export const safeStorage = {
  available: true,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  /** Linux's choice of keychain; `basic_text` is Chromium's fixed key, no keychain at all. */
  backend: 'gnome_libsecret',
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString: (text: string) => Buffer.concat([Buffer.from('sealed:'), Buffer.from(text, 'utf8').reverse()]),
  decryptString: (sealed: Buffer) => Buffer.from(sealed.subarray('sealed:'.length)).reverse().toString('utf8'),
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(menu: unknown): void {
    recorded.menu = menu;
  },
};

export const dialog = {
  showErrorBox(title: string, message: string): void {
    recorded.errorBoxes.push([title, message]);
  },
  showMessageBox: () => Promise.resolve({ response: 0 }),
};

export const shell = {
  openExternal(url: string): Promise<void> {
    recorded.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const BrowserWindow = FakeBrowserWindow;

export const fakeElectron = { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, protocol, safeStorage, session, shell, utilityProcess };
