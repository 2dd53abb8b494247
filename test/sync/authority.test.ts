/**
 * The workstation's side of the hub's authority: a mutation the hub refuses (403 naming it) is rolled back while
 * the others are pushed; a 403 about the token stops the push and rolls back nothing; the hub's registry of
 * officers is copied into the store.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { openStore } from '../../src-main/db/open-store';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { recordMutation } from '../../src-main/mutations/record-mutation';
import { setWorkStatus } from '../../src-main/mutations/services';
import { systemClock } from '../../shared/platform/clock';
import type { HubClient } from '../../src-main/sync/hub-client';
import { HubRefusedError } from '../../src-main/sync/hub-errors';
import { createOutboxPusher } from '../../src-main/sync/push-outbox';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { openTempStore, tempDir, type TempStore } from '../support/temp-store';
import { FakeHub } from './support/fake-hub';
import { serviceDeps } from './support/mutation-fixtures';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hubDir: string;
let hub: SyncHub;
beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-authority-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

const outboxStates = (store: ReturnType<typeof openStore>) =>
  store.sqlite.prepare<[], { kind: string; state: string; last_error: string | null }>('SELECT kind, state, last_error FROM outbox ORDER BY position').all();

describe('pushing to a hub that enforces roles', () => {
  it('rolls back the re-route an officer may not make and pushes the changes around it', async () => {
    const record = filedRecord();
    await hub.post([record]);
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, clock: systemClock, longPollSeconds: 0 });
    await engine.runOnce();

    const deps = serviceDeps('2026-11-02T09:00:00Z', 1);
    const officer = 'j.devries';
    setWorkStatus(store, deps, { officer, reportId: record.reportId, status: 'in_progress' });
    recordMutation(store, {
      id: randomUUID(),
      kind: 'report.route',
      officer,
      at: deps.clock.now().toISOString(),
      payload: { reportId: record.reportId, team: 'Team Fraude', priority: 'high', assignee: officer, ruleId: null, reason: 'Ik pak hem zelf op', automatic: false },
    });
    setWorkStatus(store, deps, { officer, reportId: record.reportId, status: 'closed' });
    expect(store.sqlite.prepare('SELECT route_team FROM reports').pluck().get()).toBe('Team Fraude');

    expect(await engine.runOnce()).toMatchObject({ pushed: 2 });
    expect(outboxStates(store)).toEqual([
      { kind: 'report.setWorkStatus', state: 'acked', last_error: null },
      { kind: 'report.route', state: 'rejected', last_error: expect.stringMatching(/^the hub answered 403: mutations\[0\] \(id .+\): only a supervisor may re-route a report by hand/) as unknown },
      { kind: 'report.setWorkStatus', state: 'acked', last_error: null },
    ]);
    expect(store.sqlite.prepare('SELECT work_status, route_team, assignee FROM reports WHERE report_id = ?').get(record.reportId)).toEqual({ work_status: 'closed', route_team: null, assignee: null });
    expect(engine.getState()).toMatchObject({ online: true, lastError: null, pendingOutbox: 0, rejectedOutbox: 1 });
    store.close();
  });

  it('stops on a 403 about the credential itself and rolls nothing back', async () => {
    const record = filedRecord();
    await hub.post([record]);
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    await createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, clock: systemClock, longPollSeconds: 0 }).runOnce();
    setWorkStatus(store, serviceDeps('2026-11-02T09:00:00Z', 2), { officer: 'x.oud', reportId: record.reportId, status: 'in_progress' });

    // A deactivated officer's credential is refused as a whole, whatever it pushes.
    const retired = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.credentials['x.oud'], clock: systemClock, longPollSeconds: 0 });
    await expect(retired.pushOnce()).rejects.toThrow(/403: this is the credential of officer "x.oud", who has been deactivated/);
    expect(store.sqlite.prepare('SELECT state, attempts FROM outbox').all()).toEqual([{ state: 'pending', attempts: 1 }]);
    expect(store.sqlite.prepare('SELECT work_status FROM reports WHERE report_id = ?').pluck().get(record.reportId)).toBe('in_progress');
    store.close();
  });
});

describe('the outbox pusher after a refusal', () => {
  /** A pusher whose hub answers each push with `answer(batch)`: an error to throw, or null to accept it. */
  function pusherWith(answer: (batch: readonly AnyMutation[]) => Error | null) {
    const temp = openTempStore();
    const { store } = temp;
    const applier = createMutationApplier(store.sqlite, { clock: systemClock });
    const pushed: string[][] = [];
    let seq = 0;
    const client = {
      push: (batch: readonly AnyMutation[]) => {
        pushed.push(batch.map((mutation) => mutation.id));
        const failure = answer(batch);
        if (failure) return Promise.reject(failure);
        return Promise.resolve(batch.map((mutation) => ({ id: mutation.id, seq: String((seq += 1)), duplicate: false })));
      },
    } as unknown as HubClient;
    return { temp, store, pushed, pusher: createOutboxPusher(store, { client, applier, batchSize: 10 }) };
  }

  /** Four changes of one report's work status, in the outbox; their ids. */
  async function fourChanges(temp: TempStore): Promise<string[]> {
    const record = filedRecord();
    await temp.importRecords([record]);
    const { store } = temp;
    const deps = serviceDeps();
    return (['in_progress', 'closed', 'new', 'in_progress'] as const).map((status) => setWorkStatus(store, deps, { officer: 'j.devries', reportId: record.reportId, status }).id);
  }

  it('sends the accepted ones before a named refusal alone, then rolls back only that one', async () => {
    let culprit = '';
    const { temp, store, pushed, pusher } = pusherWith((batch) => {
      const index = batch.findIndex((mutation) => mutation.id === culprit);
      return index < 0 ? null : new HubRefusedError(403, 'FORBIDDEN', 'the hub answered 403: not allowed', { index, id: culprit });
    });
    const ids = await fourChanges(temp);
    culprit = ids[2]!;
    expect(await pusher.pushAll()).toEqual({ pushed: 3, rejected: 1 });
    expect(pushed).toEqual([ids, ids.slice(0, 2), ids.slice(2), [ids[2]], [ids[3]]]);
    expect(store.sqlite.prepare('SELECT state FROM outbox ORDER BY position').pluck().all()).toEqual(['acked', 'acked', 'rejected', 'acked']);
  });

  it('treats a 403 that names no mutation as a refusal of the token: nothing is rolled back', async () => {
    const { temp, store, pushed, pusher } = pusherWith(() => new HubRefusedError(403, 'FORBIDDEN', 'the hub answered 403: this endpoint needs a token of role "workstation"'));
    const ids = await fourChanges(temp);
    await expect(pusher.pushAll()).rejects.toThrow(/needs a token of role/);
    expect(pushed).toEqual([ids]);
    expect(store.sqlite.prepare('SELECT state, attempts FROM outbox').all()).toEqual(ids.map(() => ({ state: 'pending', attempts: 1 })));
  });
});

describe('copying the hub’s officers', () => {
  it('takes roles, teams and who is active from the hub when it connects', async () => {
    const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
    store.sqlite.prepare("INSERT INTO officers (id, display_name, role, team, active) VALUES ('j.devries', 'J. de Vries', 'supervisor', NULL, 1), ('eigen.naam', 'Eigen', 'officer', NULL, 1)").run();
    let told = 0;
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, clock: systemClock, longPollSeconds: 0, onOfficersChanged: () => (told += 1) });
    await engine.runOnce();
    const officers = store.sqlite.prepare('SELECT id, display_name AS name, role, team, active FROM officers ORDER BY id').all();
    expect(officers).toContainEqual({ id: 'j.devries', name: 'Hoofdagent J. de Vries', role: 'officer', team: 'Team Fraude', active: 1 });
    expect(officers).toContainEqual({ id: 'r.dekker', name: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude', active: 1 });
    expect(officers).toContainEqual({ id: 'x.oud', name: 'Agent X. Oud', role: 'supervisor', team: null, active: 0 });
    // Officers the hub does not list stay as they are.
    expect(officers).toContainEqual({ id: 'eigen.naam', name: 'Eigen', role: 'officer', team: null, active: 1 });
    expect(told).toBe(1);
    store.close();
  });

  it('asks again only after a while, and takes a hub without a registry as one without officers', async () => {
    const fake = new FakeHub();
    fake.officers = [{ id: 'a.visser', displayName: 'Agent A. Visser', role: 'officer', team: null, active: true }];
    let now = Date.parse('2026-11-02T09:00:00Z');
    const clock = { now: () => new Date(now) };
    const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
    const engine = createSyncEngine(store, { hubUrl: 'http://127.0.0.1:1', token: 'pzh_test', fetch: fake.fetch, clock, longPollSeconds: 0 });
    const registryRequests = () => fake.requests.filter((request) => request === 'GET /v1/officers').length;
    await engine.runOnce();
    await engine.runOnce();
    expect(registryRequests()).toBe(1);
    now += 5 * 60_000;
    fake.officers = [{ id: 'a.visser', displayName: 'Agent A. Visser', role: 'supervisor', team: 'Team Fraude', active: true }];
    await engine.runOnce();
    expect(registryRequests()).toBe(2);
    expect(store.sqlite.prepare("SELECT role, team FROM officers WHERE id = 'a.visser'").get()).toEqual({ role: 'supervisor', team: 'Team Fraude' });

    const oldHub = async (input: string | URL | Request, init?: RequestInit) =>
      (input instanceof Request ? input.url : input.toString()).includes('/officers') ? Response.json({ error: { code: 'NOT_FOUND', message: 'no endpoint GET /v1/officers' } }, { status: 404 }) : fake.fetch(input, init);
    const older = createSyncEngine(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws2.db') }), { hubUrl: 'http://127.0.0.1:1', token: 'pzh_test', fetch: oldHub, clock, longPollSeconds: 0 });
    await expect(older.runOnce()).resolves.toMatchObject({ pulled: 0 });
    store.close();
  });
});
