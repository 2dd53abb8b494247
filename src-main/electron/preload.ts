/**
 * Runs in the sandboxed renderer before the page: exposes ONE minimal object, `window.puzzelstuk`, that can
 * only call the contract and listen to its events. No ipcRenderer, no Node, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type EventMessage } from '../../shared/api/wire';

const bridge: PreloadBridge = {
  call: (method, params) => ipcRenderer.invoke(IPC_CALL_CHANNEL, { method, params }) as Promise<ApiResult<unknown>>,
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, message: EventMessage) => listener(message.event, message.payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('puzzelstuk', bridge);
