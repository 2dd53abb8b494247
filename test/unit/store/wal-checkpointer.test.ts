/**
 * The store's WAL checkpoints run on a thread of their own (src-main/app/wal-checkpointer.ts), so the core's thread
 * never holds the window's calls while SQLite copies the WAL into the store file; should that thread end, the writer
 * checkpoints itself again and the WAL cannot grow without bound.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Logger } from '../../../shared/platform/logger';
import { startWalCheckpointer } from '../../../src-main/app/wal-checkpointer';
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
});
