import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { dutchDay, dutchDaySql } from '../../../shared/platform/dutch-days';
import { generateReports } from '../../../src-generator';
import { brandOfDomain, computeFreshBrandDomains } from '../../../src-main/overview/brand-domains';
import { addDays, endOfDay, startOfDay } from '../../../src-main/overview/days';
import { computeHarm, HARM_LIMIT } from '../../../src-main/overview/harm';
import { busyKeys, keyDays } from '../../../src-main/overview/busy-days';
import { shapeOf } from '../../../src-main/overview/rising-shapes';
import { shapeWeeks } from '../../../src-main/overview/shape-day-counts';
import { summaryWeeks } from '../../../src-main/overview/summary-day-counts';
import { DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { filedRecord } from '../../support/records';
import { AS_OF, quietRecords } from './support';

const HARM_DAYS = DEFAULT_OVERVIEW_SETTINGS.harmDays;
const TEAM = 'Team Fraude';

const middle = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};
const teamWhere = (team: string | null) => (team === null ? '' : 'AND r.route_team = @team');

/** The harm ranking straight from the reports and their mentions, every loss read (as before the kept counts). */
function harmFromReports(sqlite: Database.Database, team: string | null) {
  const params = { from: startOfDay(addDays(AS_OF, -HARM_DAYS + 1)), end: endOfDay(AS_OF), ...(team === null ? {} : { team }) };
  const rows = sqlite
    .prepare<Record<string, string>, { indicatorId: number; loss: number }>(
      `SELECT DISTINCT m.indicator_id AS indicatorId, r.id, r.loss_cents AS loss FROM reports r JOIN mentions m ON m.report_id = r.id
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end AND m.benign = 0 ${teamWhere(team)}`,
    )
    .all(params);
  const losses = new Map<number, number[]>();
  for (const row of rows) losses.set(row.indicatorId, [...(losses.get(row.indicatorId) ?? []), row.loss]);
  const totals = sqlite.prepare<Record<string, string | number>, { victims: number; loss: number }>(
    `SELECT count(*) AS victims, coalesce(sum(r.loss_cents), 0) AS loss FROM reports r WHERE r.status = 'filed' AND r.received_at <= @end ${teamWhere(team)}
        AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = @id AND benign = 0)`,
  );
  const value = sqlite.prepare<[number], string>('SELECT value FROM indicators WHERE id = ?').pluck();
  return [...losses]
    .map(([id, list]) => {
      const typicalLoss = Math.round(middle(list));
      return { id, recent: list.length, typicalLoss, harmPerDay: Math.round((list.length / HARM_DAYS) * typicalLoss), recentLoss: list.reduce((sum, loss) => sum + loss, 0) };
    })
    .sort((a, b) => b.harmPerDay - a.harmPerDay || b.recent - a.recent || b.recentLoss - a.recentLoss || a.id - b.id)
    .slice(0, HARM_LIMIT)
    .map(({ id, recent, typicalLoss, harmPerDay }) => ({ value: value.get(id)!, ...totals.get({ ...params, id })!, perDay: Math.round((recent / HARM_DAYS) * 1000) / 1000, typicalLoss, harmPerDay }));
}

/** Per candidate indicator and day, its reports, joined from the reports and their mentions. */
function spikeDaysFromReports(sqlite: Database.Database, team: string | null) {
  const { recentDays, baselineDays, minRecent } = DEFAULT_OVERVIEW_SETTINGS.spikes;
  const recentStart = addDays(AS_OF, -recentDays + 1);
  const params = { recentFrom: startOfDay(recentStart), from: startOfDay(addDays(recentStart, -baselineDays)), end: endOfDay(AS_OF), minRecent, ...(team === null ? {} : { team }) };
  return sqlite
    .prepare<Record<string, string | number>, { key: number; day: string; count: number }>(
      `WITH candidates AS (
         SELECT m.indicator_id AS key FROM reports r JOIN mentions m ON m.report_id = r.id
          WHERE r.status = 'filed' AND r.received_at >= @recentFrom AND r.received_at <= @end AND m.benign = 0 ${teamWhere(team)}
          GROUP BY m.indicator_id HAVING count(DISTINCT r.id) >= @minRecent)
       SELECT c.key, ${dutchDaySql('r.received_at')} AS day, count(DISTINCT r.id) AS count
         FROM candidates c JOIN mentions m ON m.indicator_id = c.key AND m.benign = 0 JOIN reports r ON r.id = m.report_id
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end ${teamWhere(team)}
        GROUP BY c.key, day ORDER BY c.key, day`,
    )
    .all(params);
}

/** Branded domains first named in the last seven days, with their first day, from the reports and their mentions. */
function freshDomainsFromReports(sqlite: Database.Database, team: string | null) {
  const params = { from: startOfDay(addDays(AS_OF, -6)), end: endOfDay(AS_OF), ...(team === null ? {} : { team }) };
  const rows = sqlite
    .prepare<Record<string, string>, { domain: string; first: string }>(
      `SELECT i.value AS domain, (SELECT min(r2.received_at) FROM mentions m2 JOIN reports r2 ON r2.id = m2.report_id WHERE m2.indicator_id = i.id AND m2.benign = 0 AND r2.status = 'filed') AS first
         FROM indicators i WHERE i.type = 'domain' AND i.id IN (
           SELECT m.indicator_id FROM reports r JOIN mentions m ON m.report_id = r.id
            WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end AND m.benign = 0 ${teamWhere(team)})`,
    )
    .all(params);
  return rows
    .filter((row) => row.first >= params.from && brandOfDomain(row.domain, DEFAULT_OVERVIEW_SETTINGS.brands) !== null)
    .map((row) => ({ domain: row.domain, firstSeen: dutchDay(row.first) }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
}

/** Per candidate cluster and day, its reports, read from the reports themselves. */
function clusterDaysFromReports(sqlite: Database.Database, team: string | null) {
  const { recentDays, baselineDays, minRecent } = DEFAULT_OVERVIEW_SETTINGS.spikes;
  const recentStart = addDays(AS_OF, -recentDays + 1);
  const params = { recentFrom: startOfDay(recentStart), from: startOfDay(addDays(recentStart, -baselineDays)), end: endOfDay(AS_OF), minRecent, ...(team === null ? {} : { team }) };
  return sqlite
    .prepare<Record<string, string | number>, { key: number; day: string; count: number }>(
      `WITH candidates AS (
         SELECT r.cluster_id AS key FROM reports r WHERE r.status = 'filed' AND r.cluster_id IS NOT NULL AND r.received_at >= @recentFrom AND r.received_at <= @end ${teamWhere(team)}
          GROUP BY r.cluster_id HAVING count(*) >= @minRecent)
       SELECT c.key, ${dutchDaySql('r.received_at')} AS day, count(*) AS count FROM candidates c JOIN reports r ON r.cluster_id = c.key
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end ${teamWhere(team)}
        GROUP BY c.key, day ORDER BY c.key, day`,
    )
    .all(params);
}

/** Reports per indicator shape this week and last, each report once per shape, from the reports and their mentions. */
function shapeWeeksFromReports(sqlite: Database.Database, team: string | null) {
  const recentFrom = startOfDay(addDays(AS_OF, -6));
  const rows = sqlite
    .prepare<Record<string, string>, { id: number; receivedAt: string; type: string; value: string }>(
      `SELECT r.id, r.received_at AS receivedAt, i.type, i.value FROM reports r JOIN mentions m ON m.report_id = r.id JOIN indicators i ON i.id = m.indicator_id
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end AND m.benign = 0 ${teamWhere(team)}`,
    )
    .all({ from: startOfDay(addDays(AS_OF, -13)), end: endOfDay(AS_OF), ...(team === null ? {} : { team }) });
  const weeks = new Map<string, { thisWeek: Set<number>; lastWeek: Set<number> }>();
  for (const row of rows) {
    const found = shapeOf(row.type, row.value);
    if (!found) continue;
    const entry = weeks.get(`${found.kind} ${found.shape}`) ?? { thisWeek: new Set<number>(), lastWeek: new Set<number>() };
    (row.receivedAt >= recentFrom ? entry.thisWeek : entry.lastWeek).add(row.id);
    weeks.set(`${found.kind} ${found.shape}`, entry);
  }
  return [...weeks].map(([key, entry]) => ({ key, thisWeek: entry.thisWeek.size, lastWeek: entry.lastWeek.size })).sort((a, b) => a.key.localeCompare(b.key));
}

describe('the overview read from its kept counts equals the same numbers joined from the reports', () => {
  it('harm ranking, spike candidates, shapes, summaries and fresh brand domains, for everyone and for one team, on a quiet store with dense last days', async () => {
    // A quiet half year, then the generator's own dense stream (campaigns: one mule account, many victims) in the last days.
    const dense = [...generateReports(1500, { seed: 77, startAt: new Date(`${addDays(AS_OF, -2)}T06:00:00Z`), revisions: true, withdrawals: true })];
    const api = await openApiHarness({ records: [...quietRecords(800, 31), ...dense] });
    const sqlite = api.store.sqlite;
    const filed = sqlite.prepare<[], string>("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY id").pluck().all();
    await api.as(SUPERVISOR).value('report.reroute', { reportIds: filed.filter((_, index) => index % 3 === 0), team: TEAM, priority: 'normal', assignee: null, reason: 'Test' });

    for (const team of [null, TEAM]) {
      const harm = computeHarm(sqlite, AS_OF, HARM_DAYS, team);
      expect(harm.length).toBe(HARM_LIMIT);
      expect(harm.some((entry) => entry.victims >= 3)).toBe(true);
      expect(harm.map(({ value, victims, loss, perDay, typicalLoss, harmPerDay }) => ({ value, victims, loss, perDay, typicalLoss, harmPerDay }))).toEqual(harmFromReports(sqlite, team));

      const { recentDays, baselineDays, minRecent } = DEFAULT_OVERVIEW_SETTINGS.spikes;
      const recentFrom = addDays(AS_OF, -recentDays + 1);
      const counted = { from: addDays(recentFrom, -baselineDays), recentFrom, to: AS_OF, minReports: minRecent };
      const byKeyAndDay = (rows: Array<{ key: number; day: string; count: number }>) => [...rows].sort((a, b) => a.key - b.key || a.day.localeCompare(b.day));
      /** Each candidate's reports on the recent days and on the baseline's, summed from its days. */
      const sumsOf = (rows: Array<{ key: number; day: string; count: number }>) => {
        const sums = new Map<number, { key: number; recent: number; before: number }>();
        for (const { key, day, count } of rows) {
          const sum = sums.get(key) ?? sums.set(key, { key, recent: 0, before: 0 }).get(key)!;
          if (day >= recentFrom) sum.recent += count;
          else sum.before += count;
        }
        return [...sums.values()];
      };
      const byKey = (rows: Array<{ key: number; recent: number; before: number }>) => [...rows].sort((a, b) => a.key - b.key);
      for (const [source, fromReports] of [['indicator', spikeDaysFromReports(sqlite, team)], ['cluster', clusterDaysFromReports(sqlite, team)]] as const) {
        expect(fromReports.length).toBeGreaterThan(0);
        const candidates = busyKeys(sqlite, source, counted, team);
        expect(byKey(candidates)).toEqual(sumsOf(fromReports));
        const daysOf = keyDays(sqlite, source, team);
        expect(byKeyAndDay(candidates.flatMap(({ key }) => daysOf(key, counted.from, AS_OF).map((day) => ({ key, ...day }))))).toEqual(fromReports);
      }

      const shapes = shapeWeeks(sqlite, { from: addDays(AS_OF, -13), recentFrom: addDays(AS_OF, -6), to: AS_OF }, team);
      expect(shapes.some((entry) => entry.thisWeek >= 5)).toBe(true);
      expect(shapes.map(({ kind, shape, thisWeek, lastWeek }) => ({ key: `${kind} ${shape}`, thisWeek, lastWeek })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(shapeWeeksFromReports(sqlite, team));

      const summaries = sqlite
        .prepare<Record<string, string>, [string, number, number]>(
          `SELECT summary, sum(received_at >= @recentFrom), sum(received_at < @recentFrom) FROM reports r
            WHERE status = 'filed' AND summary IS NOT NULL AND received_at >= @from AND received_at <= @end ${teamWhere(team)} GROUP BY summary ORDER BY summary`,
        )
        .raw()
        .all({ recentFrom: startOfDay(addDays(AS_OF, -6)), from: startOfDay(addDays(AS_OF, -13)), end: endOfDay(AS_OF), ...(team === null ? {} : { team }) });
      expect(summaries.length).toBeGreaterThan(10);
      expect(summaryWeeks(sqlite, { from: addDays(AS_OF, -13), recentFrom: addDays(AS_OF, -6), to: AS_OF }, team).sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual(summaries);

      const fresh = computeFreshBrandDomains(sqlite, AS_OF, team, DEFAULT_OVERVIEW_SETTINGS.brands);
      expect(fresh.map(({ domain, firstSeen }) => ({ domain, firstSeen })).sort((a, b) => a.domain.localeCompare(b.domain))).toEqual(freshDomainsFromReports(sqlite, team));
    }
  }, 120_000);

  it('harm ranking when hundreds of candidates look worse than they are: read past the first page of candidates, the same top 50', async () => {
    // 450 decoys: three recent victims each, two without loss and one of €10,000 — bounded at about 3/14 × 2 × €10,000 / 4
    // a day, but their median loss is 0. 60 steady ones: ten victims of €100 each, 10/14 × €100 a day. All decoys outrank
    // the steady ones' harm by their bound, so the ranking must read more of them than its first page (8 × 50) holds.
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
    const victim = (phone: string, amount: string, day: number): IntakeRecord =>
      filedRecord({ receivedAt: at(day), payments: [{ amount, currency: 'EUR' }], suspect: { phoneNumbers: [phone] } });
    const decoys = Array.from({ length: 450 }, (_, index) => `06-2${String(index).padStart(7, '0')}`);
    const steady = Array.from({ length: 60 }, (_, index) => `06-3${String(index).padStart(7, '0')}`);
    const records = [
      ...decoys.flatMap((phone) => [victim(phone, '0.00', 10), victim(phone, '0.00', 12), victim(phone, '10000.00', 14)]),
      ...steady.flatMap((phone) => Array.from({ length: 10 }, (_, day) => victim(phone, '100.00', 8 + day))),
    ];
    const api = await openApiHarness({ records });
    const harm = computeHarm(api.store.sqlite, AS_OF, HARM_DAYS, null);
    expect(harm).toHaveLength(HARM_LIMIT);
    expect(harm.every((entry) => entry.victims === 10 && entry.harmPerDay === Math.round((10 / HARM_DAYS) * 10_000))).toBe(true);
    expect(harm.map(({ value, victims, loss, perDay, typicalLoss, harmPerDay }) => ({ value, victims, loss, perDay, typicalLoss, harmPerDay }))).toEqual(harmFromReports(api.store.sqlite, null));
  }, 120_000);
});
