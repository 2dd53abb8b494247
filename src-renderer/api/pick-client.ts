import type { ApiClient, PreloadBridge } from '../../shared/api/contract';
import { createBridgeClient } from './bridge-client';
import { takeBrowserToken } from './browser-token';
import { createHttpClient } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    puzzelstuk?: PreloadBridge;
  }
}

/** Chosen once at boot: the preload bridge in the desktop app, HTTP + WebSocket in browser mode. */
export function pickApiClient(): ApiClient | null {
  if (window.puzzelstuk) return createBridgeClient(window.puzzelstuk);
  const token = takeBrowserToken(window.location, window.history, window.sessionStorage);
  return token ? createHttpClient({ origin: window.location.origin, token }) : null;
}
