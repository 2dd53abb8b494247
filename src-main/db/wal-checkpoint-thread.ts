/**
 * The case store's WAL checkpoints, on a thread of their own (started by app/wal-checkpointer.ts). A checkpoint
 * copies the WAL's pages into the store file and syncs it; run by the writing connection (SQLite's automatic
 * checkpoint, at a commit once the WAL holds 1,000 pages) it held the core's thread for up to hundreds of ms every
 * few commits of a first sync, and the window's calls waited behind it. PASSIVE, from a connection of its own, it
 * neither waits for the writer nor holds it up; SQLite makes it as crash-safe as the writer's own.
 * It also empties the WAL a removal owes when asked (owed-wal-truncation.ts): that full checkpoint copies and syncs
 * the whole WAL, which a first sync grows to tens of MB, and waits while readers and the periodic checkpoint are busy
 * — seconds on the core's thread, where the window's calls waited behind it.
 * PASSIVE alone never lets the WAL start over during a first sync: the writer wraps it only when a transaction begins
 * with every frame already copied, and back-to-back slices never do; it reached 1,308 MiB for a 147 MB store, and the
 * settle's TRUNCATE then copied it all while core writes waited. So once the WAL holds more than
 * `restartAboveBytes`, the thread asks for a RESTART without waiting (busy_timeout 0): it takes the writer's lock only
 * between transactions, copies the few frames PASSIVE left and lets the next transaction write from the WAL's start;
 * a core transaction meeting it waits (it opens IMMEDIATE, db/write-transaction.ts). Back-to-back transactions leave
 * it hardly a moment between them, so the sync also asks for it between pages (`restart-if-large`), while it writes nothing.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey, checkpointWithoutWaiting } from './open-store';
import { settleOwedWalTruncation } from './owed-wal-truncation';

/** What the thread is started with. */
export interface CheckpointThreadData {
  path: string;
  key: string | undefined;
  everyMs: number;
  /** Above this much in the WAL the thread makes the writer start it over (RESTART). */
  restartAboveBytes: number;
}

/** What it tells its starter: that it is ready (the writer may stop checkpointing), each checkpoint that copied pages, each settle asked. */
export type CheckpointThreadMessage =
  | { type: 'ready' }
  | { type: 'checkpointed'; frames: number; walBytes: number }
  | { type: 'settled'; id: number; emptied: boolean }
  | { type: 'settle-failed'; id: number; message: string }
  | { type: 'restart-tried'; id: number };

/** What its starter asks: to empty the WAL if a removal owes it, to start a large WAL over while it writes nothing, or to close. */
export type CheckpointThreadRequest = { type: 'settle'; id: number } | { type: 'restart-if-large'; id: number } | { type: 'close' };

const { path, key, everyMs, restartAboveBytes } = workerData as CheckpointThreadData;
const sqlite = new Database(path, { fileMustExist: true });
if (key !== undefined && key !== '') applyKey(sqlite, key);
// The first read fails on a wrong key: the thread ends with that error and the writer keeps checkpointing itself.
sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('synchronous = NORMAL');
const post = (message: CheckpointThreadMessage) => parentPort?.postMessage(message);

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/** A WAL frame: a page and its 24-byte header. */
const frameBytes = (sqlite.pragma('page_size', { simple: true }) as number) + 24;
/** How often a RESTART is tried within one tick, a few ms apart: it lands only between the writer's transactions. */
const RESTART_TRIES = 10;
const RESTART_PAUSE_MS = 2;

/**
 * Each try takes nothing it would wait for: busy, it lets go at once and the writer goes on; a try that got the
 * writer's lock has copied what PASSIVE left, so the next transaction writes from the WAL's start.
 */
function restartWal(): void {
  let tries = 0;
  checkpointWithoutWaiting(sqlite, 'RESTART', RESTART_PAUSE_MS, () => ++tries >= RESTART_TRIES);
}

function checkpoint(): void {
  const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  if (result && result.checkpointed > 0) post({ type: 'checkpointed', frames: result.checkpointed, walBytes: result.log * frameBytes });
  if (result && result.log * frameBytes > restartAboveBytes) restartWal();
}

const timer = setInterval(checkpoint, everyMs);
parentPort?.on('message', (request: CheckpointThreadRequest) => {
  if (request.type === 'settle') {
    try {
      post({ type: 'settled', id: request.id, emptied: settleOwedWalTruncation(sqlite) });
    } catch (error) {
      post({ type: 'settle-failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (request.type === 'restart-if-large') {
    checkpoint();
    post({ type: 'restart-tried', id: request.id });
    return;
  }
  // Closed before the writer's connection: the last connection to close folds the WAL into the store and deletes it.
  clearInterval(timer);
  sqlite.close();
  parentPort?.close();
});
post({ type: 'ready' });
