/**
 * After a pulled withdrawal the WAL is emptied (src-main/sync/sync-engine.ts, settleRedactions). When it cannot be —
 * another connection holds a read on it — the page's own error still wins, the failure is logged by its kind, and the
 * truncation stays owed until a later settle makes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import type { LogFields, Logger } from '../../shared/platform/logger';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord, withdrawal } from '../support/records';
import { tempDir } from '../support/temp-store';
import { startSyncHub } from './support/sync-hub';
import { holdReader } from '../support/wal-reader';

const phrase = 'Tapirhof zevenendertig boven de slijterij';

function recordingLogger() {
  const lines: Array<{ event: string; fields?: LogFields }> = [];
  const logger: Logger = { info: () => undefined, warn: (event, fields) => lines.push({ event, fields }), error: (event, fields) => lines.push({ event, fields }) };
  return { logger, lines };
}

/** A station that synced a report quoting `phrase`, and the hub, which now holds that report's withdrawal. */
async function stationBeforeWithdrawal() {
  const hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-settle-'));
  const hub = await startSyncHub(hubDir);
  onTestFinished(async () => {
    await hub.close();
    rmSync(hubDir, { recursive: true, force: true });
  });
  const report = filedRecord({ reporter: { type: 'person', name: 'Hendrika Zeldzaamnaam' }, incident: { summary: 'Laptop niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
  expect((await hub.post([report])).rejected).toEqual([]);
  const path = join(tempDir(), 'station.db');
  const store = hub.enroll(openCaseStore({ clock: systemClock, path }));
  onTestFinished(() => store.close());
  // A TRUNCATE checkpoint meets the reader below at once instead of after the default 5 s busy wait.
  store.sqlite.pragma('busy_timeout = 20');
  return { hub, store, path, report };
}

describe('emptying the WAL after a pulled withdrawal, when it cannot be done', () => {
  it('a page that fails after its withdrawal is reported with its own error; the truncation is logged, owed, and made at the next settle', async () => {
    const { hub, store, path, report } = await stationBeforeWithdrawal();
    const later = filedRecord();
    const { logger, lines } = recordingLogger();
    let failOnce = true;
    // Every entry its own slice; the slice after the withdrawal fails, as a full disk would fail it.
    const withdrawn = () => store.sqlite.prepare('SELECT revision FROM reports WHERE report_id = ?').pluck().get(report.reportId) === 2;
    const sliceMs = () => {
      if (failOnce && withdrawn()) {
        failOnce = false;
        throw new Error('the disk is full');
      }
      return 0;
    };
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, logger, sliceMs });
    await engine.runOnce();
    expect(storeFilesHold(path, phrase)).toBe(true);

    expect((await hub.post([withdrawal(report, 2)])).rejected).toEqual([]);
    expect((await hub.post([later])).rejected).toEqual([]);
    const release = holdReader(path);
    // Before: the truncation's failure, thrown in the pull's `finally`, replaced the page's own.
    await expect(engine.runOnce()).rejects.toThrow('the disk is full');
    expect(engine.getState().lastError).toBe('sync failed: the disk is full');
    expect(lines).toEqual([{ event: 'sync.wal_not_emptied', fields: { error: 'CONFLICT' } }]);
    expect(JSON.stringify(lines)).not.toMatch(/Tapirhof|Zeldzaamnaam/);
    // The withdrawal's slice is committed; its redacted text is still in the WAL, which is owed a truncation.
    expect(withdrawn()).toBe(true);
    expect(storeFilesHold(path, phrase)).toBe(true);

    release();
    await engine.runOnce();
    expect(store.sqlite.prepare('SELECT count(*) FROM reports WHERE report_id = ?').pluck().get(later.reportId)).toBe(1);
    for (const text of [phrase, 'Zeldzaamnaam', 'tapirhof']) expect(storeFilesHold(path, text)).toBe(false);
    expect(engine.getState().lastError).toBeNull();
  }, 120_000);

  it('a page written whole: the failed truncation is the round’s error, its reports still arrive, and the next round empties the WAL', async () => {
    const { hub, store, path, report } = await stationBeforeWithdrawal();
    const later = filedRecord();
    const { logger, lines } = recordingLogger();
    const arrived: string[] = [];
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, logger, onReportsArrived: (ids) => arrived.push(...ids) });
    await engine.runOnce();
    arrived.length = 0;

    expect((await hub.post([withdrawal(report, 2)])).rejected).toEqual([]);
    expect((await hub.post([later])).rejected).toEqual([]);
    const release = holdReader(path);
    await expect(engine.runOnce()).rejects.toThrow(/could not be emptied/);
    expect(engine.getState().lastError).toMatch(/^sync failed: The write-ahead log .* could not be emptied/);
    expect(lines).toEqual([{ event: 'sync.wal_not_emptied', fields: { error: 'CONFLICT' } }]);
    // The page is written and its cursor moved: the new report was routed, nothing is pulled twice.
    expect(arrived).toEqual([later.reportId]);
    const cursor = readCursor(store.sqlite);
    expect(storeFilesHold(path, phrase)).toBe(true);

    release();
    // Nothing new on the hub: the round's settle makes the owed truncation.
    expect(await engine.runOnce()).toMatchObject({ pulled: 0, cursor });
    for (const text of [phrase, 'Zeldzaamnaam', 'tapirhof']) expect(storeFilesHold(path, text)).toBe(false);
    expect(engine.getState().lastError).toBeNull();
    expect(lines).toHaveLength(1);
  }, 120_000);
});
