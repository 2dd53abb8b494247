/**
 * The line between the thread that serves the window and the workstation core, whatever the core runs in: a
 * worker thread (browser mode, the CLI's `serve`) or an Electron utility process (the desktop, where a crash of
 * native code in the core — SQLite, the cipher — must not take the window down with it).
 */
import { startWorker } from '../platform/start-worker';
import type { FromCore, ToCore } from './core-messages';

/** The host's end. */
export interface CoreChannel {
  post(message: ToCore): void;
  onMessage(listener: (message: FromCore) => void): void;
  /** Once, when the core's thread or process has ended (for whatever reason). */
  onExit(listener: (code: number) => void): void;
  /** Ends the core at once; resolves when it has ended. */
  terminate(): Promise<void>;
}

/** Starts the core's entry module (core-thread.ts, or its built .js) and gives its channel. */
export type SpawnCore = (entry: URL) => CoreChannel;

export const spawnCoreInWorkerThread: SpawnCore = (entry) => {
  const worker = startWorker(entry);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', listener),
    onExit: (listener) => void worker.once('exit', listener),
    terminate: async () => void (await worker.terminate()),
  };
};

/** The core's end: its parent, as a worker thread or an Electron utility process sees it. */
export interface CoreParent {
  post(message: FromCore): void;
  onMessage(listener: (message: ToCore) => void): void;
}

/** Electron's `process.parentPort` in a utility process (not exported by the electron module). */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function coreParent(workerPort: { postMessage(message: unknown): void; on(event: 'message', listener: (message: ToCore) => void): void } | null): CoreParent {
  if (workerPort) return { post: (message) => workerPort.postMessage(message), onMessage: (listener) => void workerPort.on('message', listener) };
  const utilityPort = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (!utilityPort) throw new Error('core-thread runs only as a worker thread or an Electron utility process');
  return { post: (message) => utilityPort.postMessage(message), onMessage: (listener) => utilityPort.on('message', (event) => listener(event.data as ToCore)) };
}
