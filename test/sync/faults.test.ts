import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import type { CaseStore } from '../../src-main/db/open-store';
import { addNote, assignReport, setWorkStatus } from '../../src-main/mutations/services';
import { createSyncEngine, type SyncEngine } from '../../src-main/sync/sync-engine';
import { openTempStore, tempDir } from '../support/temp-store';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy';
import { serviceDeps } from './support/mutation-fixtures';
import { reportMix } from './support/report-mix';
import { reportView } from './support/store-views';
import { spawnSyncCli } from './support/sync-cli';
import { startSyncHub, type SyncHub } from './support/sync-hub';
import { workState } from './support/work-state';

let hub: SyncHub;
let proxy: FaultProxy;
let hubDir: string;
const posted: IntakeRecord[] = [];

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-faults-'));
  hub = await startSyncHub(hubDir);
  proxy = await startFaultProxy(hub.url);
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

async function post(records: IntakeRecord[]): Promise<void> {
  posted.push(...records);
  expect((await hub.post(records)).rejected).toEqual([]);
}

function openWorkstation(): CaseStore {
  return hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
}

/** A workstation that talks to the hub directly: what a fault-free sync gives. */
async function referenceState(token: string) {
  const store = openWorkstation();
  const engine = createSyncEngine(store, { hubUrl: hub.url, token, pageSize: 200 });
  const { cursor } = await engine.runOnce();
  return { view: reportView(store.sqlite), work: workState(store.sqlite), cursor, close: () => store.close() };
}

function faultyEngine(store: CaseStore, token: string): SyncEngine {
  return createSyncEngine(store, {
    hubUrl: proxy.url,
    token,
    pageSize: 5,
    longPollSeconds: 1,
    requestTimeoutMs: 400,
    backoff: { initialMs: 20, maxMs: 200 },
  });
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type HubEntry = { seq: string; type: 'report'; reportId: string; revision: number } | { seq: string; type: 'mutation'; mutation: { id: string } };

/** Every feed entry of the hub, read directly. */
async function hubFeed(): Promise<HubEntry[]> {
  const entries: HubEntry[] = [];
  let after = '0';
  for (;;) {
    const response = await fetch(`${hub.url}/v1/feed?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${hub.tokens.workstations[2]}` } });
    const page = (await response.json()) as { entries: HubEntry[]; cursor: string; hasMore: boolean };
    entries.push(...page.entries);
    after = page.cursor;
    if (!page.hasMore) return entries;
  }
}

async function hubMutationIds(): Promise<string[]> {
  return (await hubFeed()).flatMap((entry) => (entry.type === 'mutation' ? [entry.mutation.id] : []));
}

describe('sync through a failing hub', () => {
  it('pulls every revision exactly once through 500s, timeouts, cut connections, repeated pages and a hub that dies mid-page', async () => {
    await post(reportMix(45, 21));
    // Another workstation's work reaches the feed too.
    const colleague = openWorkstation();
    const colleagueEngine = createSyncEngine(colleague, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, pageSize: 100 });
    await colleagueEngine.runOnce();
    const someReports = colleague.sqlite.prepare("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY report_id LIMIT 3").pluck().all() as string[];
    const deps = serviceDeps('2026-11-05T09:00:00Z', 7);
    for (const reportId of someReports) {
      setWorkStatus(colleague, deps, { officer: 'agent.vermeer', reportId, status: 'in_progress' });
      addNote(colleague, deps, { officer: 'agent.vermeer', subjectType: 'report', subjectId: reportId, body: 'Nagebeld' });
    }
    await colleagueEngine.runOnce();

    let feedRequests = 0;
    const schedule: Record<number, Fault['kind']> = { 1: 'status', 3: 'hang', 4: 'cut', 6: 'replay', 7: 'replay', 9: 'status', 11: 'cut' };
    proxy.setPolicy(({ path }) => {
      if (!path.startsWith('/v1/feed')) return { kind: 'pass' };
      feedRequests += 1;
      const kind = schedule[feedRequests] ?? 'pass';
      return kind === 'status' ? { kind, status: feedRequests % 2 ? 500 : 503 } : { kind };
    });
    // The hub dies in the middle of a page (the second cut) and comes back a moment later.
    let cuts = 0;
    const killOnSecondCut = (async () => {
      while (cuts < 2) {
        await proxy.waitFor('cut', '/v1/feed');
        cuts += 1;
      }
      await proxy.down();
      await hub.stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await hub.restart();
      await proxy.up();
    })();

    const store = openWorkstation();
    const engine = faultyEngine(store, hub.tokens.workstations[0]!);
    const seenOffline: string[] = [];
    engine.onStateChange((state) => {
      if (!state.online && state.lastError) seenOffline.push(state.lastError);
    });
    engine.start();
    await killOnSecondCut;
    // More reports arrive while it recovers.
    await post(reportMix(10, 22));

    const reference = await referenceState(hub.tokens.workstations[2]!);
    await until(() => engine.getState().cursor === reference.cursor && engine.getState().online, 'the faulty workstation to catch up');
    await engine.stop();

    expect(feedRequests).toBeGreaterThan(11);
    expect(seenOffline.some((error) => error.includes('500'))).toBe(true);
    expect(seenOffline.some((error) => error.includes('did not answer'))).toBe(true);
    expect(seenOffline.some((error) => error.includes('closed the connection') || error.includes('refuses connections'))).toBe(true);

    const direct = openTempStore();
    await direct.importRecords(posted);
    expect(reportView(store.sqlite)).toEqual(reportView(direct.store.sqlite));
    expect(workState(store.sqlite)).toEqual(reference.work);
    // Each of the colleague's mutations applied exactly once.
    expect(store.sqlite.prepare('SELECT count(*) FROM sync_applied').pluck().get()).toBe(someReports.length * 2);
    expect(store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'note.add'").pluck().get()).toBe(someReports.length);
    reference.close();
    colleague.close();
    store.close();
  });

  it('pushes every mutation exactly once through lost answers, cut connections, 500s and timeouts', async () => {
    await post(reportMix(6, 23));
    const store = openWorkstation();
    const engine = faultyEngine(store, hub.tokens.workstations[0]!);
    proxy.setPolicy(() => ({ kind: 'pass' }));
    await engine.runOnce();
    const reports = store.sqlite.prepare("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY report_id DESC LIMIT 4").pluck().all() as string[];
    const deps = serviceDeps('2026-11-06T09:00:00Z', 8);

    let pushes = 0;
    const pushFaults: Fault[] = [{ kind: 'hold' }, { kind: 'cut' }, { kind: 'status', status: 500 }, { kind: 'hang' }, { kind: 'hold' }];
    proxy.setPolicy(({ method }) => (method === 'POST' ? (pushFaults[pushes++] ?? { kind: 'pass' }) : { kind: 'pass' }));
    engine.start();
    const made: string[] = [];
    for (const reportId of reports) {
      made.push(assignReport(store, deps, { officer: 'agent.jansen', reportId, assignee: 'agent.jansen' }).id);
      engine.wake();
      made.push(setWorkStatus(store, deps, { officer: 'agent.jansen', reportId, status: 'closed' }).id);
      engine.wake();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await until(() => engine.getState().pendingOutbox === 0 && engine.getState().online, 'the outbox to drain');
    const reference = await referenceState(hub.tokens.workstations[2]!);
    await until(() => engine.getState().cursor === reference.cursor, 'the own mutations to come back through the feed');
    await engine.stop();

    expect(pushes).toBeGreaterThan(pushFaults.length);
    const onHub = await hubMutationIds();
    for (const id of made) expect(onHub.filter((other) => other === id)).toHaveLength(1);
    expect(store.sqlite.prepare("SELECT count(*) FROM outbox WHERE state = 'acked'").pluck().get()).toBe(made.length);
    expect(store.sqlite.prepare(`SELECT count(*) FROM sync_applied WHERE mutation_id IN (${made.map(() => '?').join(',')})`).pluck().get(...made)).toBe(made.length);
    expect(workState(store.sqlite)).toEqual(reference.work);
    reference.close();
    store.close();
  });
});

const syncArgs = (db: string, ...more: string[]) => ['--db', db, '--hub', proxy.url, '--token', hub.tokens.workstations[0]!, ...more];

async function syncOnce(db: string): Promise<{ pulled: number; pushed: number; cursor: string }> {
  const { code, stdout, stderr } = await spawnSyncCli(syncArgs(db, '--once')).done;
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as { pulled: number; pushed: number; cursor: string };
}

describe('a workstation killed with SIGKILL', () => {
  it('mid-pull: after recovery every report revision is present exactly once', async () => {
    // One big page (the CLI reads 500 entries at a time): the kill lands while it is read or applied.
    proxy.setPolicy(() => ({ kind: 'pass' }));
    const batch = reportMix(150, 31);
    for (let start = 0; start < batch.length; start += 150) await post(batch.slice(start, start + 150));
    const db = join(tempDir(), 'ws.db');
    hub.enroll(openCaseStore({ clock: systemClock, path: db })).close();
    proxy.setPolicy(() => ({ kind: 'pass' }));
    const firstPageSent = proxy.waitFor('pass', '/v1/feed');
    const run = spawnSyncCli(syncArgs(db));
    await firstPageSent;
    // The page has left the hub: kill while the workstation reads or applies it.
    await new Promise((resolve) => setTimeout(resolve, 25));
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    const killed = openCaseStore({ clock: systemClock, path: db });
    const cursor = killed.sqlite.prepare("SELECT value FROM store_meta WHERE key = 'sync.cursor'").pluck().get() ?? '0';
    const revisions = killed.sqlite.prepare('SELECT count(*) FROM report_revisions').pluck().get();
    // Never half a page: the revisions stored are exactly those the feed held up to the stored cursor.
    const upToCursor = (await hubFeed()).filter((entry) => entry.type === 'report' && Number(entry.seq) <= Number(cursor));
    expect(revisions).toBe(upToCursor.length);
    killed.close();

    const summary = await syncOnce(db);
    expect(summary.pulled).toBeGreaterThan(0);
    const store = openCaseStore({ clock: systemClock, path: db });
    const direct = openTempStore();
    await direct.importRecords(posted);
    expect(reportView(store.sqlite)).toEqual(reportView(direct.store.sqlite));
    store.close();
  });

  it('mid-push: after recovery no mutation is lost or applied twice', async () => {
    const db = join(tempDir(), 'ws.db');
    proxy.setPolicy(() => ({ kind: 'pass' }));
    const setup = hub.enroll(openCaseStore({ clock: systemClock, path: db }));
    await createSyncEngine(setup, { hubUrl: proxy.url, token: hub.tokens.workstations[0]! }).runOnce();
    const reports = setup.sqlite.prepare("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY report_id LIMIT 5").pluck().all() as string[];
    const deps = serviceDeps('2026-11-07T09:00:00Z', 9);
    const made = reports.flatMap((reportId) => [
      setWorkStatus(setup, deps, { officer: 'agent.jansen', reportId, status: 'in_progress' }).id,
      addNote(setup, deps, { officer: 'agent.jansen', subjectType: 'report', subjectId: reportId, body: 'Bank gebeld' }).id,
    ]);
    setup.close();

    // The hub stores the push, but its answer never reaches the workstation, which dies waiting.
    proxy.setPolicy(({ method }) => (method === 'POST' ? { kind: 'hold' } : { kind: 'pass' }));
    const held = proxy.waitFor('hold', '/v1/mutations');
    const run = spawnSyncCli(syncArgs(db, '--once'));
    await held;
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');

    proxy.setPolicy(() => ({ kind: 'pass' }));
    // The restarted workstation finds its mutations in the feed (the hub had them) and pushes nothing again.
    expect(await syncOnce(db)).toMatchObject({ pushed: 0 });
    const store = openCaseStore({ clock: systemClock, path: db });
    expect(store.sqlite.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all()).toEqual([{ state: 'acked', n: made.length }]);
    const applied = store.sqlite.prepare(`SELECT count(*) FROM sync_applied WHERE mutation_id IN (${made.map(() => '?').join(',')})`).pluck();
    expect(applied.get(...made)).toBe(made.length);
    expect(store.sqlite.prepare("SELECT count(*) FROM notes WHERE author = 'agent.jansen'").pluck().get()).toBe(reports.length);
    expect(store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'note.add' AND actor = 'agent.jansen'").pluck().get()).toBe(reports.length);
    // The hub holds each exactly once.
    const onHub = await hubMutationIds();
    for (const id of made) expect(onHub.filter((other) => other === id)).toHaveLength(1);
    store.close();
  });
});
