import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src-main/db/open-store';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { openTempStore, tempDir } from '../support/temp-store';
import { reportMix } from './support/report-mix';
import { reportView } from './support/store-views';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hub: SyncHub;
let hubDir: string;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-pull-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

function workstation(token = hub.tokens.workstations[0]!, scope?: string[]) {
  const store = openStore({ path: join(tempDir(), 'ws.db') });
  const engine = createSyncEngine(store, { hubUrl: hub.url, token, pageSize: 7, longPollSeconds: 5, ...(scope ? { scope } : {}) });
  return { store, engine };
}

describe('pulling the feed', () => {
  it('gives the store exactly what a direct import of the same records gives, in any posting order', async () => {
    const records = reportMix(40, 7);
    // Posted in uneven batches, revisions and withdrawals mixed in any order.
    for (let start = 0, size = 1; start < records.length; start += size, size = (size % 6) + 1) {
      const summary = await hub.post(records.slice(start, start + size));
      expect(summary.rejected).toEqual([]);
    }
    const direct = openTempStore();
    await direct.importRecords([...records].reverse());

    const { store, engine } = workstation();
    const firstRound = await engine.runOnce();
    expect(firstRound.pulled).toBeGreaterThanOrEqual(records.length);
    expect(engine.getState()).toMatchObject({ online: true, lastError: null, initialSync: { active: false } });
    expect(reportView(store.sqlite)).toEqual(reportView(direct.store.sqlite));
    expect(reportView(store.sqlite).clusters.length).toBeGreaterThan(0);

    // A second round finds nothing new and changes nothing.
    expect(await engine.runOnce()).toMatchObject({ pulled: 0, pushed: 0, cursor: firstRound.cursor });
    store.close();
  });

  it('follows only its regions with a scoped token, and starts over when the scope changes', async () => {
    const records = reportMix(12, 11);
    await hub.post(records);
    const { store, engine } = workstation(hub.tokens.oostBrabant, ['Oost-Brabant']);
    await engine.runOnce();
    const regions = store.sqlite.prepare('SELECT DISTINCT region FROM reports WHERE status = ?').pluck().all('filed');
    expect(regions).toEqual(['Oost-Brabant']);
    store.close();
  });

  it('brings a report posted to the hub into an online workstation within 2 s (long-poll)', async () => {
    const { store, engine } = workstation(hub.tokens.workstations[1]);
    await engine.runOnce();
    engine.start();
    const [record] = reportMix(1, 99);
    // Let the engine settle into its long-poll first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const postedAt = Date.now();
    await hub.post([record!]);
    const find = store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?');
    while (!find.get(record!.reportId)) {
      expect(Date.now() - postedAt).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - postedAt).toBeLessThan(2000);
    await engine.stop();
    store.close();
  });
});
