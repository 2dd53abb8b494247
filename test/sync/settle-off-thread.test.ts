/**
 * The WAL a pulled withdrawal owes is emptied on the core's checkpoint thread (src-main/app/wal-checkpointer.ts,
 * settleOwed), not on the store's thread: that full checkpoint waits for readers and for the periodic checkpoint, then
 * copies and syncs the whole WAL — at the end of a first sync, the window's queue.list waited up to seconds behind it.
 * The store's thread turns meanwhile; the words still leave both files; without the thread it is done as before.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMeta, writeMeta } from '../../src-main/db/store-meta';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord, withdrawal } from '../support/records';
import { checkpointedStation, until } from './support/checkpointed-station';
import { holdReader } from '../support/wal-reader';

const phrase = 'Okapilaan negenenveertig achter de molen';

/** A station with its checkpoint thread, that synced a report quoting `phrase`; the hub now holds its withdrawal. */
async function stationAfterWithdrawalPosted() {
  const { hub, store, checkpointer } = await checkpointedStation();
  const { path } = store;
  const report = filedRecord({ reporter: { type: 'person', name: 'Gerritje Zeldzaamvelt' }, incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
  expect((await hub.post([report])).rejected).toEqual([]);
  /** Counts the settles asked of the thread while one runs, so the test can see this thread turn meanwhile. */
  const settles = { running: false, asked: 0 };
  const engine = createSyncEngine(store, {
    hubUrl: hub.url,
    token: hub.tokens.workstations[0]!,
    settleOwedWal: async () => {
      settles.running = true;
      settles.asked += 1;
      try {
        return await checkpointer.settleOwed();
      } finally {
        settles.running = false;
      }
    },
  });
  await engine.runOnce();
  expect(storeFilesHold(path, phrase)).toBe(true);
  expect((await hub.post([withdrawal(report, 2)])).rejected).toEqual([]);
  settles.asked = 0;
  return { store, path, engine, checkpointer, settles };
}

const walBytes = (path: string) => statSync(`${path}-wal`).size;

describe('the WAL a pulled withdrawal owes, emptied on the checkpoint thread', () => {
  it('the store’s thread keeps turning, and writing, while the emptying waits for a reader; then the words are in neither file', async () => {
    const { store, path, engine, settles } = await stationAfterWithdrawalPosted();
    // The reader is let go only after this thread has turned five times while the settle waited for it. On the store's
    // thread the settle would wait for it in a busy loop that never lets go: the WAL is never emptied.
    const release = holdReader(path);
    // Each turn until then also writes, as an officer's change would. A write kept waiting longer than this is refused and
    // counted: the TRUNCATE held the writer's lock for as long as it waited for the reader (5 s), and this thread's writes with it.
    store.sqlite.pragma('busy_timeout = 250');
    const writes = { made: 0, refused: 0 };
    let turnsWhileSettling = 0;
    const ticker = setInterval(() => {
      if (!settles.running || turnsWhileSettling >= 5) return;
      turnsWhileSettling += 1;
      try {
        writeMeta(store.sqlite, 'test.written_while_settling', String(turnsWhileSettling));
        writes.made += 1;
      } catch {
        writes.refused += 1;
      }
      if (turnsWhileSettling === 5) release();
    }, 10);
    try {
      await engine.runOnce();
    } finally {
      clearInterval(ticker);
    }
    expect(settles.asked).toBe(1);
    expect(turnsWhileSettling).toBe(5);
    expect(writes).toEqual({ made: 5, refused: 0 });
    expect(engine.getState().lastError).toBeNull();
    for (const text of [phrase, 'Zeldzaamvelt', 'okapilaan']) expect(storeFilesHold(path, text)).toBe(false);
    expect(walBytes(path)).toBe(0);
    expect(readMeta(store.sqlite, 'wal.truncation_owed')).toBeUndefined();
  }, 120_000);

  it('with the checkpoint thread ended, the store’s own thread empties it (the twin)', async () => {
    const { store, path, engine, checkpointer, settles } = await stationAfterWithdrawalPosted();
    await checkpointer.terminate();
    await until(() => store.sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1000);
    await engine.runOnce();
    expect(settles.asked).toBe(1);
    for (const text of [phrase, 'Zeldzaamvelt', 'okapilaan']) expect(storeFilesHold(path, text)).toBe(false);
    expect(walBytes(path)).toBe(0);
    expect(readMeta(store.sqlite, 'wal.truncation_owed')).toBeUndefined();
  }, 120_000);
});
