import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../shared/platform/clock';
import type { LogFields, Logger } from '../../../shared/platform/logger';
import { RETENTION_INTERVAL_MS, scheduleDailyRuns } from '../../../shared/retention/daily-runs';
import { RETENTION_ACTOR, lastRetentionRunAt, startDailyRetention } from '../../../src-main/retention/daily-retention';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { ManualTimers } from '../../sync/support/manual-timers';

const HOUR = 60 * 60_000;

/** A clock the test moves by hand. */
function handClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

function recordingLogger() {
  const lines: Array<{ level: string; event: string; fields?: LogFields }> = [];
  const logger: Logger = {
    info: (event, fields) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields) => lines.push({ level: 'error', event, fields }),
  };
  return { logger, lines };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('daily runs', () => {
  it('runs at once when it never ran, then every 24 hours, each counting from its own day', async () => {
    const clock = handClock('2027-04-01T23:30:00Z');
    const timers = new ManualTimers();
    const days: string[] = [];
    const runs = scheduleDailyRuns({ clock, timers, lastRunAt: () => null, run: (asOf) => void days.push(asOf), onError: (error) => { throw error; } });
    expect(await timers.fire(() => true)).toBe(0);
    await settle();
    clock.advance(RETENTION_INTERVAL_MS);
    expect(await timers.fire(() => true)).toBe(RETENTION_INTERVAL_MS);
    await settle();
    expect(days).toEqual(['2027-04-01', '2027-04-02']);
    await runs.stop();
  });

  it('waits for the rest of the day when the last run is younger than a day', async () => {
    const clock = handClock('2027-04-02T09:00:00Z');
    const timers = new ManualTimers();
    const runs = scheduleDailyRuns({ clock, timers, lastRunAt: () => Promise.resolve(new Date('2027-04-02T03:00:00Z')), run: () => undefined, onError: () => undefined });
    await settle();
    expect(timers.requested).toEqual([18 * HOUR]);
    await runs.stop();
  });

  it('tries again a day after a failed run, and says so', async () => {
    const clock = handClock('2027-04-02T09:00:00Z');
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    const runs = scheduleDailyRuns({ clock, timers, lastRunAt: () => null, run: () => { throw new Error('disk full'); }, onError: (error) => errors.push(error) });
    await timers.fire((ms) => ms === 0);
    await settle();
    expect(errors).toEqual([new Error('disk full')]);
    expect(timers.requested).toEqual([0, RETENTION_INTERVAL_MS]);
    await runs.stop();
  });

  it('schedules nothing more once stopped', async () => {
    const timers = new ManualTimers();
    const runs = scheduleDailyRuns({ clock: handClock('2027-04-02T09:00:00Z'), timers, lastRunAt: () => new Date('2027-04-02T08:00:00Z'), run: () => undefined, onError: () => undefined });
    await settle();
    await runs.stop();
    expect(timers.requested).toEqual([23 * HOUR]);
  });
});

describe('the workstation’s daily retention run', () => {
  it('purges at start when the last run is a day old, records a chained audit entry and logs counts only', async () => {
    const temp = openTempStore();
    const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
    const younger = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
    await temp.importRecords([expiring, younger]);
    const clock = handClock('2027-04-01T06:00:00Z');
    const timers = new ManualTimers();
    const { logger, lines } = recordingLogger();

    const first = startDailyRetention(temp.store, { clock, timers, logger });
    await timers.fire((ms) => ms === 0);
    // The run pauses between its steps (the verdict's pages, its slices): it is done once it logs.
    while (lines.length === 0) await settle();
    const present = (reportId: string) => temp.store.sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(reportId) !== undefined;
    expect(present(expiring.reportId)).toBe(false);
    expect(present(younger.reportId)).toBe(true);
    const entry = temp.store.sqlite.prepare<[], { actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'retention.run'").get();
    expect(entry?.actor).toBe(RETENTION_ACTOR);
    expect(JSON.parse(entry!.details)).toMatchObject({ asOf: '2027-04-01', purged: 1, kept: 1 });
    expect(lines).toEqual([{ level: 'info', event: 'retention.run', fields: { asOf: '2027-04-01', purged: 1, kept: 1 } }]);
    expect(JSON.stringify(lines)).not.toContain(expiring.reportId);
    await first.stop();

    // A restart two hours later: the audit log says the last run was this morning, so the next is due in 22 hours.
    clock.advance(2 * HOUR);
    expect(lastRetentionRunAt(temp.store.sqlite)).toEqual(new Date('2027-04-01T06:00:00Z'));
    const restartTimers = new ManualTimers();
    const again = startDailyRetention(temp.store, { clock, timers: restartTimers, logger });
    await settle();
    await again.stop();
    expect(restartTimers.requested).toEqual([22 * HOUR]);
    expect(lines).toHaveLength(1);
  });
});
