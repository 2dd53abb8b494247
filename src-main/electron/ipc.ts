import type { IpcMain, WebContents } from 'electron';
import { fail } from '../../shared/api/result';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CallRequest } from '../../shared/api/wire';
import type { CoreLink } from '../api/core-link';
import { isAppUrl } from './app-url';

/**
 * Serves the contract over IPC. Only the app's own pages may call: a frame showing anything else (a page that
 * got loaded despite the navigation guards) is refused before its request is even read.
 */
export function serveApiOverIpc(ipcMain: IpcMain, core: CoreLink): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, request: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) return fail('FORBIDDEN', 'Only Puzzelstuk’s own window may use its API.');
    if (request === null || typeof request !== 'object') return fail('BAD_INPUT', 'A call is an object {"method", "params"}.');
    const { method, params } = request as Partial<CallRequest>;
    return core.call(method, params);
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Pushes ApiEvents to a window for as long as it lives. */
export function forwardEvents(core: CoreLink, webContents: WebContents): () => void {
  const unsubscribe = core.subscribe((message) => {
    if (!webContents.isDestroyed()) webContents.send(IPC_EVENT_CHANNEL, message);
  });
  webContents.once('destroyed', unsubscribe);
  return unsubscribe;
}
