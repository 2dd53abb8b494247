// Issue 14: while an officer signs in during the station's first sync, the station's pull is held — the page it asked
// ahead is abandoned, no more is asked — and the officer's own engine, which replaces it, goes on from exactly its
// cursor. The hold is no lever (review M3): pushes go on, it ends at its cap however often it is taken, and a station
// that has caught up is not held at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { importNdjson } from '../../src-main/ingest/importer';
import { readCursor } from '../../src-main/db/sync-cursor';
import { countOutbox } from '../../src-main/mutations/outbox';
import { setWorkStatus } from '../../src-main/mutations/services';
import { PULL_HOLD_CAP_MS } from '../../src-main/sync/pull-hold';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { realTimers, type SyncTimers } from '../../src-main/sync/timers';
import { openTempStore, tempDir } from '../support/temp-store';
import { serviceDeps } from './support/mutation-fixtures';
import { reportMix } from './support/report-mix';
import { reportView } from './support/store-views';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hub: SyncHub;
let hubDir: string;
const posted: IntakeRecord[] = [];

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-hold-'));
  hub = await startSyncHub(hubDir);
  const records = reportMix(40, 23);
  posted.push(...records);
  expect((await hub.post(records)).rejected).toEqual([]);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

async function directImportOfAll() {
  const direct = openTempStore();
  const lines = [...posted].reverse().map((record) => `${JSON.stringify(record)}\n`);
  expect((await importNdjson(Readable.from([Buffer.from(lines.join(''))]), direct.writer)).rejected).toEqual([]);
  return reportView(direct.store.sqlite);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A station syncing in its loop, held the moment it first asks a page ahead (while it applies the one before): the
 * feed requests it makes are recorded, with whether each was abandoned.
 */
async function stationHeldWhileAskingAhead(timers: SyncTimers = realTimers) {
  const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
  const requests: { after: bigint; signal: AbortSignal }[] = [];
  let release: (() => void) | null = null;
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const recording: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/feed')) {
      const after = BigInt(url.searchParams.get('after')!);
      requests.push({ after, signal: init!.signal! });
      if (release === null && after > BigInt(readCursor(store.sqlite))) {
        // Taken once this request is the engine's page ahead (the engine records it right after asking).
        setTimeout(() => {
          release = station.hold();
          held();
        }, 0);
        await holding;
      }
    }
    return fetch(input, init);
  };
  const station = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 5, firstPageSize: 5, longPollSeconds: 5, fetch: recording, timers });
  station.start();
  await holding;
  return { store, station, requests, release: () => release!() };
}

describe('the station engine held while an officer signs in', () => {
  it('abandons the page asked ahead, asks and writes nothing more, and the officer’s engine goes on from its exact cursor', async () => {
    const { store, station, requests } = await stationHeldWhileAskingAhead();
    const ahead = requests.at(-1)!;
    expect(ahead.signal.aborted).toBe(true);
    // The page being written when the hold came is finished; from then on no page is asked for or written.
    await pause(100);
    const cursorWhenHeld = readCursor(store.sqlite);
    const reportsWhenHeld = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
    const asked = requests.length;
    expect(BigInt(cursorWhenHeld)).toBeGreaterThan(0n);
    expect(BigInt(cursorWhenHeld)).toBeLessThanOrEqual(ahead.after);

    // An officer's change made meanwhile is pushed by the held engine: only the pull is held.
    const reportId = store.sqlite.prepare('SELECT report_id FROM reports LIMIT 1').pluck().get() as string;
    const change = setWorkStatus(store, serviceDeps(), { officer: 'agent.jansen', reportId, status: 'in_progress' });
    station.wake();
    while (countOutbox(store.sqlite, 'pending') > 0) await pause(5);
    expect(store.sqlite.prepare('SELECT state FROM outbox WHERE mutation_id = ?').pluck().get(change.id)).toBe('acked');
    await pause(100);
    expect(requests.length).toBe(asked);
    expect(readCursor(store.sqlite)).toBe(cursorWhenHeld);
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(reportsWhenHeld);

    // Signed in: the held engine ends at once, and the officer's engine starts from the cursor it left.
    await station.stop();
    expect(readCursor(store.sqlite)).toBe(cursorWhenHeld);
    const officerAsked: bigint[] = [];
    const officer = createSyncEngine(store, {
      hubUrl: hub.url,
      token: hub.tokens.workstations[1]!,
      pageSize: 5,
      longPollSeconds: 5,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/feed')) officerAsked.push(BigInt(url.searchParams.get('after')!));
        return fetch(input, init);
      },
    });
    await officer.runOnce();
    expect(officerAsked[0]).toBe(BigInt(cursorWhenHeld));
    expect(countOutbox(store.sqlite, 'pending')).toBe(0);
    expect(store.sqlite.prepare('SELECT work_status FROM reports WHERE report_id = ?').pluck().get(reportId)).toBe('in_progress');
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });

  it('stops the page being written at its next slice, and the officer’s engine goes on from that slice’s end exactly', async () => {
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    let release: (() => void) | null = null;
    // One entry a slice, in a page of all 40 reports; the hold comes once two are written.
    const sliceMs = () => {
      if (release === null && (store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number) >= 2) release = station.hold();
      return 0;
    };
    const station = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 100, firstPageSize: 100, longPollSeconds: 5, sliceMs });
    station.start();
    while (release === null) await pause(5);
    await pause(100);
    const reportsWhenHeld = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
    expect(reportsWhenHeld).toBeGreaterThanOrEqual(2);
    expect(reportsWhenHeld).toBeLessThan(posted.length);
    expect(station.getState().initialSync).toMatchObject({ active: true, received: reportsWhenHeld });
    await station.stop();
    const officer = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, pageSize: 100, longPollSeconds: 5 });
    await officer.runOnce();
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });

  it('goes on where it stopped once released (a sign-in that failed): the store as a direct import gives', async () => {
    const { store, station, requests, release } = await stationHeldWhileAskingAhead();
    await pause(100);
    const asked = requests.length;
    release();
    while (station.getState().initialSync.active || requests.length === asked) await pause(5);
    await station.stop();
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });

  it('cannot be kept held past its cap by sign-ins started again and again (the attack): the station completes', async () => {
    let fireCap: (() => void) | null = null;
    const capCaught: SyncTimers = {
      setTimeout: (callback, ms) => (ms === PULL_HOLD_CAP_MS ? ((fireCap = callback), 'cap') : realTimers.setTimeout(callback, ms)),
      clearTimeout: (handle) => (handle === 'cap' ? undefined : realTimers.clearTimeout(handle)),
    };
    const { store, station, requests } = await stationHeldWhileAskingAhead(capCaught);
    // Each new start takes a hold before the flow it replaced lets go of its own; the last is never let go.
    for (let start = 0; start < 5; start++) station.hold();
    await pause(100);
    const asked = requests.length;
    expect(fireCap).not.toBeNull();
    fireCap!();
    // The cap has passed: the station pulls again, and holds taken from now on hold nothing.
    while (requests.length === asked) await pause(5);
    for (let start = 0; start < 5; start++) station.hold();
    while (station.getState().initialSync.active) await pause(5);
    await station.stop();
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });

  it('holds nothing once the station has caught up: what reaches the hub during a sign-in arrives', async () => {
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    const station = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, pageSize: 5, longPollSeconds: 1 });
    station.start();
    while (station.getState().initialSync.active) await pause(5);
    station.hold();
    const cursorBefore = readCursor(store.sqlite);
    const more = reportMix(2, 24);
    posted.push(...more);
    expect((await hub.post(more)).rejected).toEqual([]);
    while (readCursor(store.sqlite) === cursorBefore) await pause(5);
    await station.stop();
    expect(reportView(store.sqlite)).toEqual(await directImportOfAll());
    store.close();
  });
});
