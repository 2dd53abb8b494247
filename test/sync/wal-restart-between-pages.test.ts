/**
 * A sync lets the core's checkpoint thread start a large WAL over between pages (sync-engine's restartLargeWal, wired
 * to app/wal-checkpointer.ts's restartIfLarge): back-to-back slices never begin with the WAL all copied, so a first
 * sync grew it by all it wrote (1,308 MiB for a 147 MB store). Here the limit is tiny, so every pause tries a restart:
 * all reports arrive and the cursor stands at the feed's end. The WAL's bound in bytes: test/unit/store/wal-restart.
 */
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { checkpointedStation } from './support/checkpointed-station';

const REPORTS = 120;
const PAGE = 20;

async function syncedStation(restartBetweenPages: boolean) {
  const { hub, store, checkpointer } = await checkpointedStation({ restartAboveBytes: 1 });
  expect((await hub.post(Array.from({ length: REPORTS }, () => filedRecord()))).rejected).toEqual([]);
  const asked = { restarts: 0 };
  const engine = createSyncEngine(store, {
    hubUrl: hub.url,
    token: hub.tokens.workstations[0]!,
    pageSize: PAGE,
    firstPageSize: PAGE,
    ...(restartBetweenPages
      ? {
          restartLargeWal: async () => {
            asked.restarts += 1;
            await checkpointer.restartIfLarge();
          },
        }
      : {}),
  });
  await engine.runOnce();
  return { store, asked };
}

const reportsIn = (store: ReturnType<typeof openCaseStore>) => store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();

describe('a sync’s pages with the checkpoint thread', () => {
  it('asks between pages, never after the last, and every report arrives', async () => {
    const { store, asked } = await syncedStation(true);
    expect(asked.restarts).toBe(REPORTS / PAGE - 1);
    expect(reportsIn(store)).toBe(REPORTS);
    expect(Number(readCursor(store.sqlite))).toBeGreaterThanOrEqual(REPORTS);
  }, 120_000);

  it('the twin: without it, as before, the same reports arrive all the same', async () => {
    const { store, asked } = await syncedStation(false);
    expect(asked.restarts).toBe(0);
    expect(reportsIn(store)).toBe(REPORTS);
  }, 120_000);
});
