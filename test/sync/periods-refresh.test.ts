import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { DEFAULT_RETENTION_PERIODS } from '../../shared/retention/periods';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { readRetentionPeriods, writeRetentionPeriods } from '../../src-main/db/retention-periods';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { tempDir } from '../support/temp-store';
import { FakeHub } from './support/fake-hub';

function setup() {
  const hub = new FakeHub();
  const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
  const engine = createSyncEngine(store, { hubUrl: 'http://127.0.0.1:1', token: 'pzh_test', fetch: hub.fetch, clock: systemClock });
  const periodEntries = () => store.sqlite.prepare<[], string>("SELECT details FROM audit_log WHERE action = 'retention.periods'").pluck().all().map((details) => JSON.parse(details) as unknown);
  return { hub, store, engine, periodEntries };
}

describe('the retention periods are the hub’s: every workstation copies them at sync', () => {
  it('copies the hub’s periods into the store and records the change once', async () => {
    const { store, engine, periodEntries } = setup();
    // The honest twin: a hub keeping the defaults changes nothing and records nothing.
    await engine.runOnce();
    expect(readRetentionPeriods(store.sqlite)).toEqual(DEFAULT_RETENTION_PERIODS);
    expect(periodEntries()).toEqual([]);
    store.close();

    const second = setup();
    second.hub.retentionPeriods = { dailyTaskYears: 2, caseYears: 7 };
    await second.engine.runOnce();
    expect(readRetentionPeriods(second.store.sqlite)).toEqual({ dailyTaskYears: 2, caseYears: 7 });
    expect(second.periodEntries()).toEqual([{ dailyTaskYears: 2, caseYears: 7, from: 'hub' }]);
  });

  it('puts the hub’s periods back over a local change at the next refresh', async () => {
    const { hub, store, engine, periodEntries } = setup();
    hub.retentionPeriods = { dailyTaskYears: 3, caseYears: 5 };
    await engine.runOnce();
    writeRetentionPeriods(store.sqlite, { dailyTaskYears: 1, caseYears: 5 });
    const later = createSyncEngine(store, { hubUrl: 'http://127.0.0.1:1', token: 'pzh_test', fetch: hub.fetch, clock: systemClock });
    await later.runOnce();
    expect(readRetentionPeriods(store.sqlite)).toEqual({ dailyTaskYears: 3, caseYears: 5 });
    expect(periodEntries()).toHaveLength(2);
  });

  it('refuses periods a hub sends that are not valid, and keeps the store’s own', async () => {
    const { hub, store, engine } = setup();
    hub.retentionPeriods = { dailyTaskYears: 5, caseYears: 1 };
    await expect(engine.runOnce()).rejects.toThrow(/retention periods that are not valid/);
    expect(readRetentionPeriods(store.sqlite)).toEqual(DEFAULT_RETENTION_PERIODS);
  });
});
