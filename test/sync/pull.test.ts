import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { importNdjson } from '../../src-main/ingest/importer';
import { createWorkerPreparer } from '../../src-main/ingest/prepare-pool';
import { readCursor } from '../../src-main/db/sync-cursor';
import { HubUnavailableError } from '../../src-main/sync/hub-errors';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { openTempStore, tempDir } from '../support/temp-store';
import { reportMix } from './support/report-mix';
import { reportView } from './support/store-views';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hub: SyncHub;
let hubDir: string;
/** Everything posted to this file's hub, for comparing with a direct import. */
const posted: IntakeRecord[] = [];

async function post(records: IntakeRecord[]): Promise<void> {
  posted.push(...records);
  expect((await hub.post(records)).rejected).toEqual([]);
}

/** In the importer's own batches: the same rows as the temp store's three-record batches, at a fraction of the commits. */
async function directImportOfAll() {
  const direct = openTempStore();
  const lines = [...posted].reverse().map((record) => `${JSON.stringify(record)}\n`);
  expect((await importNdjson(Readable.from([Buffer.from(lines.join(''))]), direct.writer)).rejected).toEqual([]);
  return reportView(direct.store.sqlite);
}

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-pull-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

function workstation(token = hub.tokens.workstations[0]!, scope?: string[], preparer?: ReturnType<typeof createWorkerPreparer>) {
  const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
  const engine = createSyncEngine(store, { hubUrl: hub.url, token, pageSize: 7, longPollSeconds: 5, ...(scope ? { scope } : {}), ...(preparer ? { preparer } : {}) });
  return { store, engine };
}

describe('pulling the feed', () => {
  it('gives the store exactly what a direct import of the same records gives, in any posting order', async () => {
    const records = reportMix(40, 7);
    // Posted in uneven batches, revisions and withdrawals mixed in any order.
    for (let start = 0, size = 1; start < records.length; start += size, size = (size % 6) + 1) {
      await post(records.slice(start, start + size));
    }

    const { store, engine } = workstation();
    const firstRound = await engine.runOnce();
    expect(firstRound.pulled).toBeGreaterThanOrEqual(records.length);
    expect(engine.getState()).toMatchObject({ online: true, lastError: null, initialSync: { active: false } });
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    expect(reportView(store.sqlite).clusters.length).toBeGreaterThan(0);

    // A second round finds nothing new and changes nothing.
    expect(await engine.runOnce()).toMatchObject({ pulled: 0, pushed: 0, cursor: firstRound.cursor });
    store.close();
  });

  it('prepares pulled reports on the prepare worker (parse, validate, extract) and writes the same store', async () => {
    // reportMix has withdrawals: their redacted earlier revisions are refused by the intake contract on the worker and read here instead.
    await post(reportMix(30, 11));
    const preparer = createWorkerPreparer();
    try {
      const { store, engine } = workstation(undefined, undefined, preparer);
      await engine.runOnce();
      expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    } finally {
      await preparer.close();
    }
  });

  it('follows only its regions with a scoped token, and starts over when the scope changes', async () => {
    await post(reportMix(12, 11));
    const { store, engine } = workstation(hub.tokens.oostBrabant, ['Oost-Brabant']);
    await engine.runOnce();
    const regions = store.sqlite.prepare('SELECT DISTINCT region FROM reports WHERE status = ?').pluck().all('filed');
    expect(regions).toEqual(['Oost-Brabant']);

    // The same store following every region: the cursor of the narrower scope means nothing for it.
    const everywhere = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[2]!, pageSize: 50 });
    expect(everywhere.getState().cursor).toBe('0');
    await everywhere.runOnce();
    const allRegions = store.sqlite.prepare('SELECT DISTINCT region FROM reports WHERE status = ? ORDER BY region').pluck().all('filed');
    expect(allRegions).toEqual(['Midden-Nederland', 'Oost-Brabant']);
    // The audit log is this store's, whatever token carries it: signed by the store's key, it goes on under the new one.
    expect(everywhere.getState().auditRefused).toBeNull();
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
    await post([record!]);
    const find = store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?');
    while (!find.get(record!.reportId)) {
      expect(Date.now() - postedAt).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - postedAt).toBeLessThan(2000);
    await engine.stop();
    store.close();
  });

  it('misses and repeats nothing while many intake posts run in parallel with workstations pulling', async () => {
    const stations = [workstation(hub.tokens.workstations[0]), workstation(hub.tokens.workstations[1])];
    for (const { engine } of stations) engine.start();
    const batches = Array.from({ length: 24 }, (_, index) => reportMix(4, 500 + index));
    await Promise.all(batches.map((batch) => post(batch)));

    const reference = workstation(hub.tokens.workstations[2]);
    const { cursor } = await reference.engine.runOnce();
    const deadline = Date.now() + 15_000;
    while (stations.some(({ engine }) => engine.getState().cursor !== cursor)) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const expected = await directImportOfAll();
    for (const { store, engine } of stations) {
      await engine.stop();
      expect(reportView(store.sqlite)).toEqual(expected);
      store.close();
    }
    expect(reportView(reference.store.sqlite)).toEqual(expected);
    reference.store.close();
  });
  it('asks for the next page while it applies the one before, and a failed page asked ahead fails that pull, cursor kept', async () => {
    await post(reportMix(30, 13));
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    /** For each feed request: the cursor it asked from and the store's cursor when it was asked. */
    const asked: { after: bigint; stored: bigint }[] = [];
    let failFrom = Number.POSITIVE_INFINITY;
    const recording: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/feed')) {
        asked.push({ after: BigInt(url.searchParams.get('after')!), stored: BigInt(readCursor(store.sqlite)) });
        if (asked.length >= failFrom) throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 7, longPollSeconds: 5, fetch: recording });

    failFrom = 3;
    await expect(engine.runOnce()).rejects.toBeInstanceOf(HubUnavailableError);
    // The third page was asked ahead, before the second was applied; the second was applied all the same.
    expect(asked[2]!.after).toBeGreaterThan(asked[2]!.stored);
    expect(BigInt(readCursor(store.sqlite))).toBe(asked[2]!.after);

    failFrom = Number.POSITIVE_INFINITY;
    await engine.runOnce();
    const ahead = asked.filter((request) => request.after > request.stored).length;
    expect(ahead).toBeGreaterThan(3);
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });

  it('asks a fresh store’s first page small, so that the queue shows reports early, and whole pages after it', async () => {
    await post(reportMix(20, 17));
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    const limits: number[] = [];
    const recording: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/feed')) limits.push(Number(url.searchParams.get('limit')));
      return fetch(input, init);
    };
    const engineOf = () => createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 7, firstPageSize: 3, longPollSeconds: 5, fetch: recording });
    await engineOf().runOnce();
    expect(limits[0]).toBe(3);
    expect(limits.length).toBeGreaterThan(2);
    expect(new Set(limits.slice(1))).toEqual(new Set([7]));
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());

    // A store that holds the feed already asks whole pages from the first request on.
    limits.length = 0;
    await post(reportMix(4, 19));
    await engineOf().runOnce();
    expect(limits[0]).toBe(7);
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });
});
