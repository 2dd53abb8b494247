import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { openApiHarness } from '../../api/support/api-harness';
import { runCliCaptured } from '../../support/run-cli';
import { AS_OF, quietRecords, workingDaysIndependent } from './support';

const DAY_MS = 86_400_000;
/** The harness's clock, when the closures below are made. */
const CLOSED_AT = '2026-11-02T09:00:00Z';
const eurCents = (record: IntakeRecord) =>
  (record.payments ?? []).filter((payment) => payment.currency === 'EUR').reduce((sum, payment) => sum + Math.round(Number(payment.amount) * 100), 0);
const dayNumber = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);

/** ISO week by counting weeks from a known Monday (2026-01-05 starts 2026-W02), a different path from the overview's. */
function weekLabel(iso: string): string {
  const weeks = Math.floor((dayNumber(iso) - dayNumber('2026-01-05T00:00:00Z')) / 7);
  return `2026-W${String(weeks + 2).padStart(2, '0')}`;
}

describe('the overview on a generated store equals a plain computation over the same records', () => {
  it('backlog, officers, weekly throughput and the CLI shape', async () => {
    const records = quietRecords(1200, 11);
    const api = await openApiHarness({ records });
    const assigned = records.slice(0, 300).map((record, index) => ({ reportId: record.reportId, officer: ['s.bakker', 'j.devries', 'e.yilmaz'][index % 3]! }));
    for (const officer of ['s.bakker', 'j.devries', 'e.yilmaz']) {
      await api.value('report.assign', { reportIds: assigned.filter((entry) => entry.officer === officer).map((entry) => entry.reportId), assignee: officer });
    }
    const closed = new Set(records.slice(250, 400).map((record) => record.reportId));
    await api.value('report.setWorkStatus', { reportIds: [...closed], status: 'closed' });

    const overview = computeOverview(api.store.sqlite, { asOf: AS_OF, team: null });

    // Independent: the records themselves, the harness clock (closures on 2026-11-02) and the default levels.
    const end = Date.parse(`${AS_OF}T23:59:59.999Z`);
    const open = records.filter((record) => Date.parse(record.receivedAt) <= end && !closed.has(record.reportId));
    const levels = DEFAULT_OVERVIEW_SETTINGS.serviceLevels;
    const byAge = { '0-2d': 0, '3-7d': 0, '8-30d': 0, '31d+': 0 };
    let overdue = 0;
    const byCategory: Record<string, { open: number; overdue: number }> = {};
    const byRegion: Record<string, { open: number; overdue: number }> = {};
    const workingDaysCache = new Map<string, number>();
    for (const record of open) {
      const day = record.receivedAt.slice(0, 10);
      const age = dayNumber(`${AS_OF}T00:00:00Z`) - dayNumber(`${day}T00:00:00Z`);
      byAge[age <= 2 ? '0-2d' : age <= 7 ? '3-7d' : age <= 30 ? '8-30d' : '31d+'] += 1;
      if (!workingDaysCache.has(day)) workingDaysCache.set(day, workingDaysIndependent(day, AS_OF));
      const late = workingDaysCache.get(day)! > (levels.byCategory[record.category] ?? levels.default) ? 1 : 0;
      overdue += late;
      for (const [counts, key] of [[byCategory, record.category], [byRegion, record.region ?? '']] as const) {
        counts[key] ??= { open: 0, overdue: 0 };
        counts[key].open += 1;
        counts[key].overdue += late;
      }
    }
    expect(overdue).toBeGreaterThan(0);
    expect(overview.backlog).toMatchObject({ open: open.length, overdue, byAge, byCategory, byRegion });
    expect(overview.backlog.overdueList.length).toBe(Math.min(overdue, 200));
    expect(overview.backlog.overdueList.every((entry) => !closed.has(entry.reportId))).toBe(true);

    const officerOpen = new Map<string, number>();
    for (const entry of assigned) if (!closed.has(entry.reportId)) officerOpen.set(entry.officer, (officerOpen.get(entry.officer) ?? 0) + 1);
    const fraude = [officerOpen.get('s.bakker')!, officerOpen.get('j.devries')!].sort((a, b) => a - b);
    expect(overview.backlog.byOfficer['s.bakker']).toMatchObject({ open: officerOpen.get('s.bakker'), team: 'Team Fraude', teamMedian: (fraude[0]! + fraude[1]!) / 2 });
    expect(overview.backlog.byOfficer['e.yilmaz']).toMatchObject({ open: officerOpen.get('e.yilmaz'), team: 'Team Cybercrime', teamMedian: officerOpen.get('e.yilmaz') });

    const weeks = new Map<string, { received: number; loss: number; closed: number }>();
    const weekOf = (iso: string) => weeks.get(weekLabel(iso)) ?? weeks.set(weekLabel(iso), { received: 0, loss: 0, closed: 0 }).get(weekLabel(iso))!;
    for (const record of records) {
      weekOf(record.receivedAt).received += 1;
      weekOf(record.receivedAt).loss += eurCents(record);
      // Closed on the harness's day, or on receipt when that came later (never closed before it was received).
      if (closed.has(record.reportId)) weekOf(record.receivedAt > CLOSED_AT ? record.receivedAt : CLOSED_AT).closed += 1;
    }
    expect(records.some((record) => closed.has(record.reportId) && record.receivedAt > CLOSED_AT)).toBe(true);
    expect(overview.weekly).toHaveLength(12);
    let before = records.filter((record) => record.receivedAt < `${overview.weekly[0]!.from}`).length;
    for (const week of overview.weekly) {
      expect(week).toMatchObject({ received: weeks.get(week.week)?.received ?? 0, loss: weeks.get(week.week)?.loss ?? 0, closed: weeks.get(week.week)?.closed ?? 0 });
      before += week.received - week.closed;
      expect(week.openAtEnd).toBe(before);
    }
    expect(overview.weekly.at(-1)!.openAtEnd).toBe(open.length);

    const cli = await runCliCaptured(['overview', '--db', api.path, '--as-of', AS_OF]);
    expect(cli.code).toBe(0);
    const printed = cli.lines[0] as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['asOf', 'backlog', 'weekly', 'spikes', 'harm', 'disruption']);
    expect(printed).toMatchObject({ asOf: AS_OF, backlog: { open: open.length, overdue, byAge } });
    expect(Object.keys((printed.weekly as object[])[0]!)).toEqual(['week', 'received', 'closed', 'loss', 'byCategory']);
  });

  it('a bad --as-of is refused with what to type instead', async () => {
    const api = await openApiHarness();
    const cli = await runCliCaptured(['overview', '--db', api.path, '--as-of', '2026-02-30']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--as-of must be a date such as');
  });
});
