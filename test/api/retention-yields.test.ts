import { describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/platform/clock';
import type { LogFields, Logger } from '../../shared/platform/logger';
import { lastRetentionRunAt, startDailyRetention } from '../../src-main/retention/daily-retention';
import { filedRecord } from '../support/records';
import { ManualTimers } from '../sync/support/manual-timers';
import { openApiHarness } from './support/api-harness';

const QUEUE = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 5 } as const;
const EXPIRING = 40;
const clock: Clock = { now: () => new Date('2027-04-01T06:00:00Z') };

function recordingLogger() {
  const lines: Array<{ event: string; fields?: LogFields }> = [];
  const logger: Logger = { info: (event, fields) => lines.push({ event, fields }), warn: () => undefined, error: (event, fields) => lines.push({ event, fields }) };
  return { logger, lines };
}

/** A store with 40 reports received on 1 April 2026 (expired a year later) and one younger, behind the API. */
async function storeWithExpiringReports() {
  const records = [...Array.from({ length: EXPIRING }, () => filedRecord({ receivedAt: '2026-04-01T10:00:00Z' })), filedRecord({ receivedAt: '2026-10-01T10:00:00Z' })];
  const api = await openApiHarness({ records });
  const count = () => api.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
  return { api, count };
}

/** The run reads which reports expired over a few pauses before its first slice purges any. */
const untilFirstSliceGone = async (count: () => number) => {
  while (count() === EXPIRING + 1) await new Promise((resolve) => setImmediate(resolve));
};

const untilLogged = async (lines: Array<{ event: string }>, event: string) => {
  while (!lines.some((line) => line.event === event)) await new Promise((resolve) => setImmediate(resolve));
};

describe('the daily retention run in serve and the desktop', () => {
  it('lets the window’s API calls through between its slices, and holds what they put in a case meanwhile', async () => {
    const { api, count } = await storeWithExpiringReports();
    const timers = new ManualTimers();
    const { logger, lines } = recordingLogger();
    const runs = startDailyRetention(api.store, { clock, timers, logger, sliceSize: 5 });
    await timers.fire((ms) => ms === 0);
    await untilFirstSliceGone(count);

    // The run has begun (its first slice is gone) and is not over when the call is answered.
    const answer = await api.call('queue.list', QUEUE);
    expect(answer).toMatchObject({ ok: true });
    const leftWhenAnswered = count();
    expect(leftWhenAnswered).toBeLessThan(EXPIRING + 1);
    expect(leftWhenAnswered).toBeGreaterThan(1);
    expect(lines).toEqual([]);
    // An officer puts a report that is still there in a case meanwhile: the slice that comes to it holds it.
    const rescued = api.store.sqlite.prepare("SELECT report_id FROM reports WHERE received_at < '2026-05-01' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    await api.value('case.create', { title: 'Nog lopend', reportIds: [rescued] });

    await untilLogged(lines, 'retention.run');
    expect(lines).toEqual([{ event: 'retention.run', fields: { asOf: '2027-04-01', purged: EXPIRING - 1, kept: 2, 'held.openCase': 1 } }]);
    expect(api.store.sqlite.prepare('SELECT report_id FROM reports WHERE received_at < ?').pluck().all('2026-05-01')).toEqual([rescued]);
    await runs.stop();
  });

  it('ends at the next pause when the workstation closes, records what it purged, and is not the day’s run', async () => {
    const { api, count } = await storeWithExpiringReports();
    const timers = new ManualTimers();
    const { logger, lines } = recordingLogger();
    const runs = startDailyRetention(api.store, { clock, timers, logger, sliceSize: 5 });
    await timers.fire((ms) => ms === 0);
    await untilFirstSliceGone(count);
    await runs.stop();

    expect(lines).toEqual([{ event: 'retention.run', fields: { asOf: '2027-04-01', purged: 5, kept: EXPIRING - 4 } }]);
    expect(count()).toBe(EXPIRING - 4);
    const entry = api.store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'retention.stopped'").pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ purged: 5 });
    // The rest is still due: the next start runs at once, not a day after the stopped run.
    expect(lastRetentionRunAt(api.store.sqlite)).toBeNull();
    const again = startDailyRetention(api.store, { clock, timers, logger, sliceSize: 5 });
    await timers.fire((ms) => ms === 0);
    while (lines.length < 2) await new Promise((resolve) => setImmediate(resolve));
    await again.stop();
    expect(lines[1]).toEqual({ event: 'retention.run', fields: { asOf: '2027-04-01', purged: EXPIRING - 5, kept: 1 } });
    expect(count()).toBe(1);
    expect(lastRetentionRunAt(api.store.sqlite)).not.toBeNull();
  });
});
