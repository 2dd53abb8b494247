import type { Logger } from '../../shared/platform/logger';
import type { CaseStore } from '../db/open-store';
import type { CheckpointThreadData, CheckpointThreadMessage, CheckpointThreadRequest } from '../db/wal-checkpoint-thread';
import { settleOwedWalTruncation } from '../db/owed-wal-truncation';
import { startWorker } from '../platform/start-worker';

/** SQLite's default: the writer checkpoints at a commit once the WAL holds this many pages. */
const WRITER_CHECKPOINT_PAGES = 1000;
/** How often the checkpoint thread copies what the WAL holds (a first sync writes a few MB a second). */
const CHECKPOINT_EVERY_MS = 500;
/** Above this the WAL is started over (db/wal-checkpoint-thread.ts): a settle's TRUNCATE then copies at most about this much. */
const WAL_RESTART_BYTES = 32 * 1024 * 1024;

/** From the sources, its module; built (scripts/build-main.mjs), its bundle beside the core's, as every thread's. */
const threadUrl = () => new URL(import.meta.url.endsWith('.ts') ? '../db/wal-checkpoint-thread.ts' : './wal-checkpoint-thread.js', import.meta.url);

/**
 * Moves the store's WAL checkpoints off the core's thread (see db/wal-checkpoint-thread.ts): once the checkpoint
 * thread has the store open, the writing connection stops checkpointing at its commits; should the thread end, the
 * writer checkpoints again as before, so the WAL never grows without bound.
 */
export function startWalCheckpointer(store: CaseStore, key: string | undefined, deps: { logger: Logger; onCheckpoint?: (frames: number) => void; everyMs?: number; restartAboveBytes?: number }) {
  const restartAboveBytes = deps.restartAboveBytes ?? WAL_RESTART_BYTES;
  const data: CheckpointThreadData = { path: store.path, key, everyMs: deps.everyMs ?? CHECKPOINT_EVERY_MS, restartAboveBytes };
  const worker = startWorker(threadUrl(), { workerData: data });
  worker.unref();
  let closing = false;
  let ready = false;
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const writerCheckpoints = (pages: number) => {
    if (store.sqlite.open) store.sqlite.pragma(`wal_autocheckpoint = ${pages}`);
  };
  /** Settles asked of the thread and not yet answered. */
  const settling = new Map<number, { resolve: (emptied: boolean) => void; reject: (error: Error) => void }>();
  let nextSettle = 1;
  /** Restarts asked of the thread and not yet answered. */
  const restarting = new Map<number, () => void>();
  /** Whether the WAL held more than the limit at the thread's last checkpoint. */
  let walLarge = false;
  const ask = (request: CheckpointThreadRequest) => worker.postMessage(request);
  worker.on('message', (message: CheckpointThreadMessage) => {
    if (message.type === 'checkpointed') {
      walLarge = message.walBytes > restartAboveBytes;
      deps.onCheckpoint?.(message.frames);
    } else if (message.type === 'restart-tried') {
      walLarge = false;
      restarting.get(message.id)?.();
      restarting.delete(message.id);
    } else if (message.type === 'settled' || message.type === 'settle-failed') {
      const asked = settling.get(message.id);
      settling.delete(message.id);
      if (message.type === 'settled') asked?.resolve(message.emptied);
      else asked?.reject(new Error(message.message));
    } else if (!closing) {
      ready = true;
      writerCheckpoints(0);
      // Said, as its failure is: a thread that never starts (not built, cannot open the store) leaves the writer checkpointing on the window's time.
      deps.logger.info('store.checkpoint_thread_ready', {});
    }
  });
  worker.on('error', (error) => deps.logger.warn('store.checkpoint_thread_failed', { error: error.name, code: (error as NodeJS.ErrnoException).code }));
  worker.on('exit', () => {
    ready = false;
    for (const asked of settling.values()) asked.reject(new Error('the checkpoint thread ended before it emptied the WAL'));
    settling.clear();
    for (const answer of restarting.values()) answer();
    restarting.clear();
    writerCheckpoints(WRITER_CHECKPOINT_PAGES);
    if (!closing) deps.logger.warn('store.checkpoint_thread_stopped', {});
  });
  return {
    /**
     * Empties the WAL if a removal owes it (db/owed-wal-truncation.ts), on the checkpoint thread, so this thread keeps
     * answering the window meanwhile; answers whether it did. Without the thread (not ready, ended, closing), here.
     * Rejects as the settle does, and the debt then stays for the next.
     */
    settleOwed(): Promise<boolean> {
      if (!ready || closing) return Promise.resolve().then(() => settleOwedWalTruncation(store.sqlite));
      const id = nextSettle++;
      return new Promise<boolean>((resolve, reject) => {
        settling.set(id, { resolve, reject });
        ask({ type: 'settle', id });
      });
    },
    /**
     * Between a sync's pages, while this thread writes nothing, once the WAL holds more than the limit: the checkpoint
     * thread copies what it holds, so the next transaction writes from its start. Back-to-back slices never begin with
     * every frame copied, so without this pause the WAL grew by all a first sync wrote. Resolves at once while the WAL
     * is small, or without the thread (the writer then checkpoints itself, and its WAL restarts as SQLite's always did);
     * otherwise once tried, busy or not.
     */
    restartIfLarge(): Promise<void> {
      if (!walLarge || !ready || closing) return Promise.resolve();
      const id = nextSettle++;
      return new Promise<void>((resolve) => {
        restarting.set(id, resolve);
        ask({ type: 'restart-if-large', id });
      });
    },
    /**
     * The thread closes its connection and ends; the writer checkpoints itself again. Resolves once the thread's
     * connection is closed, so that the writer's, closed after it, is the last: only the last connection to close
     * folds the WAL into the store and deletes it. A thread still starting (loading, deriving the key) is ended at
     * once rather than awaited: a stop must not wait seconds for it, nor outlast the host's patience and be cut off
     * with both connections open.
     */
    async close(): Promise<void> {
      closing = true;
      if (ready) ask({ type: 'close' });
      else await worker.terminate();
      await ended;
    },
    /** Ends the thread as a crash would (for tests of the writer's fallback). */
    terminate: () => worker.terminate(),
  };
}

