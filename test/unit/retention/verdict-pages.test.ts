/**
 * The retention run's verdict (which reports expired) is read a page at a time, pausing between pages, so that on a
 * thread that also serves the window no single step reads every report (seconds at 1M). Counted in pauses, not time.
 */
import { describe, expect, it } from 'vitest';
import { runRetentionYielding } from '../../../src-main/retention/retention-run';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const AS_OF = '2027-04-01';

/** 40 reports that expired on AS_OF — half of them received at the same second, so pages split ties — and one younger. */
async function storeWithExpiredReports() {
  const temp = openTempStore();
  const sameSecond = Array.from({ length: 20 }, () => filedRecord({ receivedAt: '2026-03-15T10:00:00Z' }));
  const spread = Array.from({ length: 20 }, (_, index) => filedRecord({ receivedAt: `2026-03-${String(10 + (index % 10)).padStart(2, '0')}T0${index % 7}:00:00Z` }));
  await temp.importRecords([...spread, filedRecord({ receivedAt: '2026-10-01T10:00:00Z' }), ...sameSecond]);
  const count = () => temp.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
  return { sqlite: temp.store.sqlite, count };
}

/** Runs retention, counting its pauses (each asks `stopping`) and how many came before its first slice. */
async function runCountingPauses(sqlite: Parameters<typeof runRetentionYielding>[0], options: { verdictPageSize: number; stopAtPause?: number }) {
  let pauses = 0;
  let beforeFirstSlice: number | null = null;
  const outcome = await runRetentionYielding(sqlite, {
    asOf: AS_OF,
    at: '2027-04-01T06:00:00Z',
    actor: 'system:retention',
    sliceSize: 10,
    verdictPageSize: options.verdictPageSize,
    onSlice: () => void (beforeFirstSlice ??= pauses),
    stopping: () => {
      pauses += 1;
      return pauses === options.stopAtPause;
    },
  });
  return { outcome, pauses, beforeFirstSlice };
}

describe('the retention run’s verdict', () => {
  it('reads the 40 expired reports in pages of 5, pausing after each, before its first slice purges any', async () => {
    const { sqlite, count } = await storeWithExpiredReports();
    const run = await runCountingPauses(sqlite, { verdictPageSize: 5 });
    // Eight full pages and an empty ninth: 8 pauses between pages, then one before judging the holders, then one before the first slice.
    expect(run.beforeFirstSlice).toBe(10);
    expect(run.pauses).toBe(10 + 3);
    expect(run.outcome).toMatchObject({ purged: 40, kept: 1 });
    expect(count()).toBe(1);
  });

  it('with pages larger than the store, reads it in one step', async () => {
    const { sqlite, count } = await storeWithExpiredReports();
    const run = await runCountingPauses(sqlite, { verdictPageSize: 100 });
    expect(run.beforeFirstSlice).toBe(2);
    expect(run.outcome).toMatchObject({ purged: 40, kept: 1 });
    expect(count()).toBe(1);
  });

  it('ends at a pause of the verdict when the workstation closes: nothing purged, and it is not the day’s run', async () => {
    const { sqlite, count } = await storeWithExpiredReports();
    const run = await runCountingPauses(sqlite, { verdictPageSize: 5, stopAtPause: 3 });
    expect(run).toMatchObject({ pauses: 3, beforeFirstSlice: null, outcome: { purged: 0, kept: 41 } });
    expect(count()).toBe(41);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'retention.stopped'").pluck().get()).toBe(1);
  });
});
