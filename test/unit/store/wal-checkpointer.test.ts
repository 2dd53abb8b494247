/**
 * The store's WAL checkpoints run on a thread of their own (src-main/app/wal-checkpointer.ts), so the core's thread
 * never holds the window's calls while SQLite copies the WAL into the store file; should that thread end, the writer
 * checkpoints itself again and the WAL cannot grow without bound.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Logger } from '../../../shared/platform/logger';
import { startWalCheckpointer } from '../../../src-main/app/wal-checkpointer';
import { applyKey, checkpointTruncate } from '../../../src-main/db/open-store';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const KEY = 'checkpoint-test-key';

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { info: () => undefined, warn: (event) => void warnings.push(event), error: (event) => void warnings.push(event) };
  return { logger, warnings };
}

const writerCheckpointsAt = (temp: ReturnType<typeof openTempStore>) => temp.store.sqlite.pragma('wal_autocheckpoint', { simple: true });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the WAL checkpointed on a thread of its own', () => {
  it('takes the checkpoints over from the writer, on an encrypted store, and gives them back when closed', async () => {
    const temp = openTempStore({ key: KEY });
    const copied: number[] = [];
    const checkpointer = startWalCheckpointer(temp.store, KEY, { logger: recordingLogger().logger, everyMs: 20, onCheckpoint: (frames) => copied.push(frames) });
    onTestFinished(() => checkpointer.close());
    await until(() => writerCheckpointsAt(temp) === 0);

    await temp.importRecords(Array.from({ length: 30 }, () => filedRecord()));
    // The writer no longer checkpoints: the pages it committed reached the store file through the thread.
    await until(() => copied.length > 0);
    expect(copied.every((frames) => frames > 0)).toBe(true);

    await checkpointer.close();
    expect(writerCheckpointsAt(temp)).toBe(1000);
  }, 60_000);

  it('a thread that ends unexpectedly leaves the writer checkpointing itself again, and says so', async () => {
    const temp = openTempStore({ key: KEY });
    const { logger, warnings } = recordingLogger();
    const checkpointer = startWalCheckpointer(temp.store, KEY, { logger, everyMs: 20 });
    await until(() => writerCheckpointsAt(temp) === 0);

    await checkpointer.terminate();
    await until(() => writerCheckpointsAt(temp) === 1000);
    expect(warnings).toContain('store.checkpoint_thread_stopped');
  }, 60_000);

  it('a thread that cannot open the store (a wrong key) never takes the checkpoints from the writer', async () => {
    const temp = openTempStore({ key: KEY });
    const { logger, warnings } = recordingLogger();
    startWalCheckpointer(temp.store, 'not-the-key', { logger, everyMs: 20 });
    await until(() => warnings.includes('store.checkpoint_thread_stopped'));
    expect(warnings).toContain('store.checkpoint_thread_failed');
    expect(writerCheckpointsAt(temp)).toBe(1000);
  }, 60_000);

  it('closed before the writer, it leaves the writer the last connection, which folds the WAL in and deletes it', async () => {
    const temp = openTempStore({ key: KEY });
    const checkpointer = startWalCheckpointer(temp.store, KEY, { logger: recordingLogger().logger, everyMs: 5 });
    await until(() => writerCheckpointsAt(temp) === 0);
    await temp.importRecords(Array.from({ length: 30 }, () => filedRecord()));
    expect(existsSync(`${temp.path}-wal`)).toBe(true);

    await checkpointer.close();
    temp.store.close();
    expect(existsSync(`${temp.path}-wal`)).toBe(false);
  }, 60_000);

  it('the twin: a writer closed while another connection still has the store open leaves the WAL behind', async () => {
    const temp = openTempStore({ key: KEY });
    await temp.importRecords(Array.from({ length: 30 }, () => filedRecord()));
    const other = new Database(temp.path);
    applyKey(other, KEY);
    other.prepare('SELECT count(*) FROM sqlite_master').get();
    temp.store.close();
    expect(existsSync(`${temp.path}-wal`)).toBe(true);
    other.close();
  });

  it('a stop while the thread is still starting ends it at once, and the writer still closes last', async () => {
    const temp = openTempStore({ key: KEY });
    await temp.importRecords(Array.from({ length: 30 }, () => filedRecord()));
    const checkpointer = startWalCheckpointer(temp.store, KEY, { logger: recordingLogger().logger, everyMs: 5 });
    const started = performance.now();
    await checkpointer.close();
    // Loading the thread from TypeScript and deriving the key take seconds here; the stop did not wait for them.
    expect(performance.now() - started).toBeLessThan(1000);
    temp.store.close();
    expect(existsSync(`${temp.path}-wal`)).toBe(false);
  }, 60_000);

  it('a redaction still empties the WAL while the thread checkpoints: the writer waits for its checkpoint, then truncates', async () => {
    const temp = openTempStore({ key: KEY });
    const checkpointer = startWalCheckpointer(temp.store, KEY, { logger: recordingLogger().logger, everyMs: 1 });
    onTestFinished(() => checkpointer.close());
    await until(() => writerCheckpointsAt(temp) === 0);
    for (let round = 0; round < 40; round++) {
      await temp.importRecords(Array.from({ length: 10 }, () => filedRecord()));
      checkpointTruncate(temp.store.sqlite);
      expect(statSync(`${temp.path}-wal`).size).toBe(0);
    }
  }, 120_000);

  it('a WAL that cannot be emptied (a reader holds it) is an error, not passed over; emptied once the reader is done', async () => {
    const temp = openTempStore({ key: KEY });
    temp.store.sqlite.pragma('busy_timeout = 20');
    await temp.importRecords(Array.from({ length: 5 }, () => filedRecord()));
    const reader = new Database(temp.path);
    applyKey(reader, KEY);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM reports').get();
    await temp.importRecords(Array.from({ length: 5 }, () => filedRecord()));
    expect(() => checkpointTruncate(temp.store.sqlite, 200)).toThrow(/could not be emptied/);

    reader.exec('COMMIT');
    reader.close();
    checkpointTruncate(temp.store.sqlite, 200);
    expect(statSync(`${temp.path}-wal`).size).toBe(0);
  });
});
