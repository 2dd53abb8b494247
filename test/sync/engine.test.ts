import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { setWorkStatus } from '../../src-main/mutations/services';
import { systemClock } from '../../shared/platform/clock';
import { backoffDelay, retryDelay } from '../../src-main/sync/backoff';
import { parseRetryAfter } from '../../src-main/sync/hub-errors';
import { createSyncEngine, type SyncEngineOptions } from '../../src-main/sync/sync-engine';
import type { SyncState } from '../../src-main/sync/sync-state';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { FakeHub } from './support/fake-hub';
import { ManualTimers } from './support/manual-timers';
import { foreignMutation, serviceDeps } from './support/mutation-fixtures';

const REQUEST_TIMEOUT = 15_000;
const isBackoff = (ms: number) => ms < 10_000;
const isRequestTimeout = (ms: number) => ms >= REQUEST_TIMEOUT;

function setup(options: Partial<SyncEngineOptions> = {}) {
  const hub = new FakeHub();
  const timers = new ManualTimers();
  const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
  const engine = createSyncEngine(store, {
    hubUrl: 'http://127.0.0.1:1',
    token: 'pzh_test',
    fetch: hub.fetch,
    timers,
    random: () => 0,
    clock: systemClock,
    requestTimeoutMs: REQUEST_TIMEOUT,
    pageSize: 2,
    ...options,
  });
  const states: SyncState[] = [];
  engine.onStateChange((state) => states.push(state));
  const until = async (check: (state: SyncState) => boolean) => {
    while (!check(engine.getState())) await new Promise((resolve) => setTimeout(resolve, 2));
  };
  return { hub, timers, store, engine, states, until };
}

describe('backoff', () => {
  it('waits as long as the hub asked, at least the backoff and at most its cap', () => {
    const options = { initialMs: 500, maxMs: 8_000 };
    const asked = (ms: number | null) => Object.assign(new Error('429'), { retryAfterMs: ms });
    expect(retryDelay(asked(3000), 0, options, () => 0)).toBe(3000);
    expect(retryDelay(asked(100), 3, options, () => 0)).toBe(2000);
    expect(retryDelay(asked(3_600_000), 0, options, () => 0)).toBe(8000);
    expect(retryDelay(new Error('refused'), 1, options, () => 0)).toBe(500);
    expect(parseRetryAfter('12', 0)).toBe(12_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it('doubles from the first delay up to the cap, with half of each step random', () => {
    const options = { initialMs: 500, maxMs: 8_000 };
    expect([0, 1, 2, 3, 4, 5, 12].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect([0, 1, 5].map((attempt) => backoffDelay(attempt, options, () => 0.999999))).toEqual([500, 1000, 8000]);
  });
});

describe('the sync engine against a hub that fails', () => {
  it('goes offline on refused connections, backs off exponentially with jitter, and resumes by itself', async () => {
    const { hub, timers, store, engine, until } = setup();
    hub.addReport(filedRecord());
    hub.faults.push('refused', 'refused', 'refused');
    engine.start();
    expect(await timers.fire(isBackoff)).toBe(250);
    expect(engine.getState()).toMatchObject({ online: false, lastError: 'the hub refuses connections (is it running?)' });
    expect(await timers.fire(isBackoff)).toBe(500);
    expect(await timers.fire(isBackoff)).toBe(1000);
    await until((state) => state.online);
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(1);
    expect(engine.getState()).toMatchObject({ online: true, lastError: null, cursor: '1', initialSync: { active: false, received: 1 } });
    await engine.stop();
    store.close();
  });

  it('backs off on 429 for as long as the hub asks (Retry-After), as on any outage, and resumes by itself', async () => {
    const { hub, timers, store, engine, until } = setup();
    hub.addReport(filedRecord());
    hub.faults.push('rate-limited', 'rate-limited');
    engine.start();
    expect(await timers.fire(isBackoff)).toBe(7000);
    expect(engine.getState()).toMatchObject({ online: false, lastError: 'the hub answered 429: slow down', cursor: '0' });
    expect(await timers.fire(isBackoff)).toBe(7000);
    await until((state) => state.online && state.cursor === '1');
    await engine.stop();
    store.close();
  });

  it.each([
    ['status500', 'the hub answered 500: boom'],
    ['malformed', 'the hub sent a malformed feed page'],
    ['cut', 'the hub sent an answer that is not JSON'],
  ] as const)('treats %s as offline and applies nothing of it', async (fault, message) => {
    const { hub, timers, store, engine, until } = setup();
    hub.addReport(filedRecord());
    hub.faults.push(fault);
    engine.start();
    await timers.fire(isBackoff);
    expect(engine.getState()).toMatchObject({ online: false, lastError: message, cursor: '0' });
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);
    await until((state) => state.online && state.cursor === '1');
    await engine.stop();
    store.close();
  });

  it('gives up on a hub that does not answer in time, via an abort signal', async () => {
    const { hub, timers, store, engine, until } = setup();
    hub.faults.push('hang');
    engine.start();
    expect(await timers.fire(isRequestTimeout)).toBe(REQUEST_TIMEOUT);
    await until((state) => state.lastError !== null);
    expect(engine.getState()).toMatchObject({ online: false, lastError: 'the hub did not answer within 15 s' });
    await timers.fire(isBackoff);
    await until((state) => state.online);
    await engine.stop();
    store.close();
  });

  it('keeps the store usable offline and pushes the officer’s changes once the hub is back', async () => {
    const { hub, timers, store, engine, until } = setup();
    const record = filedRecord();
    hub.addReport(record);
    await engine.runOnce();
    hub.faults.push('refused', 'refused');
    engine.start();
    await until((state) => !state.online);
    const mutation = setWorkStatus(store, serviceDeps(), { officer: 'agent.jansen', reportId: record.reportId, status: 'closed' });
    engine.wake();
    expect(engine.getState()).toMatchObject({ online: false, pendingOutbox: 1 });
    expect(store.sqlite.prepare('SELECT work_status FROM reports').pluck().get()).toBe('closed');
    // The officer's change cuts the wait short: the push is tried at once, and fails once more.
    await until(() => hub.requests.includes('POST /v1/mutations'));
    await timers.fire(isBackoff);
    await until((state) => state.online && state.pendingOutbox === 0);
    expect(hub.stored.has(mutation.id)).toBe(true);
    expect(store.sqlite.prepare('SELECT state, hub_seq FROM outbox').get()).toEqual({ state: 'acked', hub_seq: 2 });
    await engine.stop();
    store.close();
  });

  it('polls when the hub answers at once although asked to wait', async () => {
    const { hub, timers, store, engine } = setup({ pollIntervalMs: 1234 });
    hub.noLongPoll = true;
    engine.start();
    expect(await timers.fire((ms) => ms === 1234)).toBe(1234);
    hub.addReport(filedRecord());
    await timers.fire((ms) => ms === 1234);
    expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(1);
    await engine.stop();
    store.close();
  });

  it('tells subscribers only when the state changed', async () => {
    const { hub, store, engine, states } = setup();
    hub.addReport(filedRecord());
    await engine.runOnce();
    expect(states.at(-1)).toMatchObject({ online: true, cursor: '1', initialSync: { active: false, received: 1 } });
    const seen = states.length;
    engine.wake();
    expect(states).toHaveLength(seen);
    store.close();
  });
});

describe('pushing', () => {
  it('is safe to retry when the hub’s answer is lost: stored and applied once', async () => {
    const { hub, store, engine } = setup({ longPollSeconds: 0 });
    const record = filedRecord();
    hub.addReport(record);
    await engine.runOnce();
    const mutation = setWorkStatus(store, serviceDeps(), { officer: 'agent.jansen', reportId: record.reportId, status: 'in_progress' });
    hub.pushFaults.push('lose-answer');
    await expect(engine.runOnce()).rejects.toThrow(/closed the connection/);
    expect(store.sqlite.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'pending', attempts: 1 });
    // The loop pushes first: the hub knows the mutation and acknowledges it as a duplicate.
    engine.start();
    while (engine.getState().pendingOutbox > 0) await new Promise((resolve) => setTimeout(resolve, 2));
    await engine.stop();
    expect([...hub.stored.keys()]).toEqual([mutation.id]);
    expect(store.sqlite.prepare('SELECT state, hub_seq FROM outbox').get()).toEqual({ state: 'acked', hub_seq: 2 });
    // The own mutation came back in the feed too: nothing happened twice.
    expect(engine.getState().cursor).toBe('2');
    expect(store.sqlite.prepare('SELECT count(*) FROM sync_applied').pluck().get()).toBe(1);
    expect(store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'report.setWorkStatus'").pluck().get()).toBe(1);
  });

  it('finds the mutation the hub refuses in a batch, rolls it back and pushes the rest', async () => {
    const { hub, store, engine } = setup({ pushBatchSize: 10 });
    const record = filedRecord();
    hub.addReport(record);
    await engine.runOnce();
    const deps = serviceDeps();
    const officer = 'agent.jansen';
    setWorkStatus(store, deps, { officer, reportId: record.reportId, status: 'in_progress' });
    const refused = setWorkStatus(store, deps, { officer, reportId: record.reportId, status: 'closed' });
    setWorkStatus(store, deps, { officer, reportId: record.reportId, status: 'new' });
    hub.refuseId = refused.id;
    expect(await engine.runOnce()).toMatchObject({ pushed: 2 });
    expect(store.sqlite.prepare('SELECT state FROM outbox ORDER BY position').pluck().all()).toEqual(['acked', 'rejected', 'acked']);
    expect(engine.getState()).toMatchObject({ pendingOutbox: 0, rejectedOutbox: 1 });
    expect(store.sqlite.prepare('SELECT work_status FROM reports').pluck().get()).toBe('new');
  });

  it('applies mutations from other workstations in the feed', async () => {
    const { hub, store, engine } = setup();
    const record = filedRecord();
    hub.addReport(record);
    hub.addMutation(foreignMutation('report.assign', { reportId: record.reportId, assignee: 'agent.bakker' }));
    await engine.runOnce();
    expect(store.sqlite.prepare('SELECT assignee FROM reports').pluck().get()).toBe('agent.bakker');
  });
});
