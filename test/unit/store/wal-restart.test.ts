/**
 * During a long run of back-to-back write transactions (a first sync's slices, page after page) the WAL stays bounded:
 * between pages the checkpoint thread (db/wal-checkpoint-thread.ts) makes the writer start it over once it holds more
 * than its limit. With PASSIVE checkpoints alone no transaction began with every frame copied, so the WAL grew by all
 * that was written (1,308 MiB for a 147 MB store in a first sync).
 */
import { statSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Logger } from '../../../shared/platform/logger';
import { startWalCheckpointer } from '../../../src-main/app/wal-checkpointer';
import { readCursor, writeCursor } from '../../../src-main/db/sync-cursor';
import { writeTransaction } from '../../../src-main/db/write-transaction';
import { openTempStore } from '../../support/temp-store';

const MiB = 1024 * 1024;
const PAGES = 20;
const SLICES_PER_PAGE = 16;
const SLICES = PAGES * SLICES_PER_PAGE;
const SLICE_BYTES = 256 * 1024;
const RESTART_ABOVE = 2 * MiB;
/**
 * The limit and up to three pages' slices (the thread tells the WAL's size at its ticks, which a loaded machine
 * delays): a fifth of all that is written. Seen: 8.4 MiB with the pause; 36-85 MiB without.
 */
const WAL_BOUND = 16 * MiB;

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * Writes PAGES pages of SLICES_PER_PAGE transactions of SLICE_BYTES back to back, each moving the cursor, as the feed's
 * slices do, letting the WAL restart between pages as the sync does; answers the WAL file's largest size.
 */
async function writePages(betweenPages: 'restart if large' | 'nothing (as before)'): Promise<{ largestWal: number; temp: ReturnType<typeof openTempStore> }> {
  const temp = openTempStore();
  const { sqlite } = temp.store;
  const checkpointer = startWalCheckpointer(temp.store, undefined, { logger: silent, everyMs: 10, restartAboveBytes: RESTART_ABOVE });
  onTestFinished(() => checkpointer.close());
  await until(() => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 0);
  sqlite.exec('CREATE TABLE planted_pages (slice INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO planted_pages (slice, body) VALUES (?, randomblob(?))');
  const slice = writeTransaction(sqlite, (index: number) => {
    insert.run(index, SLICE_BYTES);
    writeCursor(sqlite, String(index));
  });
  let largestWal = 0;
  for (let index = 1; index <= SLICES; index++) {
    slice(index);
    largestWal = Math.max(largestWal, statSync(`${temp.path}-wal`).size);
    await (index % SLICES_PER_PAGE === 0 && betweenPages === 'restart if large' ? checkpointer.restartIfLarge() : nextTurn());
  }
  return { largestWal, temp };
}

describe('the WAL during a long run of pages, with the checkpoint thread', () => {
  it(`stays under ${WAL_BOUND / MiB} MiB while ${(SLICES * SLICE_BYTES) / MiB} MiB are written, and nothing written is lost`, async () => {
    const { largestWal, temp } = await writePages('restart if large');
    expect(largestWal).toBeLessThan(WAL_BOUND);
    const { sqlite } = temp.store;
    expect(sqlite.prepare('SELECT count(*) AS slices, sum(length(body)) AS bytes FROM planted_pages').get()).toEqual({ slices: SLICES, bytes: SLICES * SLICE_BYTES });
    expect(readCursor(sqlite)).toBe(String(SLICES));
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('the twin: pages back to back, as before, leave the checkpoint thread no moment to catch up, and the WAL grows past the bound', async () => {
    const { largestWal, temp } = await writePages('nothing (as before)');
    expect(largestWal).toBeGreaterThan(WAL_BOUND);
    expect(readCursor(temp.store.sqlite)).toBe(String(SLICES));
  }, 120_000);
});
