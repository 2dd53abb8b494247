/**
 * The case store's WAL checkpoints, on a thread of their own (started by app/wal-checkpointer.ts). A checkpoint
 * copies the WAL's pages into the store file and syncs it; run by the writing connection (SQLite's automatic
 * checkpoint, at a commit once the WAL holds 1,000 pages) it held the core's thread for up to hundreds of ms every
 * few commits of a first sync, and the window's calls waited behind it. PASSIVE, from a connection of its own, it
 * neither waits for the writer nor holds it up; SQLite makes it as crash-safe as the writer's own.
 * It also empties the WAL a removal owes when asked (owed-wal-truncation.ts): that full checkpoint copies and syncs
 * the whole WAL, which a first sync grows to tens of MB, and waits while readers and the periodic checkpoint are busy
 * — seconds on the core's thread, where the window's calls waited behind it.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from './open-store';
import { settleOwedWalTruncation } from './owed-wal-truncation';

/** What the thread is started with. */
export interface CheckpointThreadData {
  path: string;
  key: string | undefined;
  everyMs: number;
}

/** What it tells its starter: that it is ready (the writer may stop checkpointing), each checkpoint that copied pages, each settle asked. */
export type CheckpointThreadMessage =
  | { type: 'ready' }
  | { type: 'checkpointed'; frames: number }
  | { type: 'settled'; id: number; emptied: boolean }
  | { type: 'settle-failed'; id: number; message: string };

/** What its starter asks: to empty the WAL if a removal owes it, or to close. */
export type CheckpointThreadRequest = { type: 'settle'; id: number } | { type: 'close' };

const { path, key, everyMs } = workerData as CheckpointThreadData;
const sqlite = new Database(path, { fileMustExist: true });
if (key !== undefined && key !== '') applyKey(sqlite, key);
// The first read fails on a wrong key: the thread ends with that error and the writer keeps checkpointing itself.
sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('synchronous = NORMAL');
const post = (message: CheckpointThreadMessage) => parentPort?.postMessage(message);

const timer = setInterval(() => {
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (result && result.checkpointed > 0) post({ type: 'checkpointed', frames: result.checkpointed });
}, everyMs);
parentPort?.on('message', (request: CheckpointThreadRequest) => {
  if (request.type === 'settle') {
    try {
      post({ type: 'settled', id: request.id, emptied: settleOwedWalTruncation(sqlite) });
    } catch (error) {
      post({ type: 'settle-failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  // Closed before the writer's connection: the last connection to close folds the WAL into the store and deletes it.
  clearInterval(timer);
  sqlite.close();
  parentPort?.close();
});
post({ type: 'ready' });
