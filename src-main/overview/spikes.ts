/**
 * Spikes: indicators and clusters whose reports in the last days far exceed their own baseline. Method: the
 * baseline's rate (reports per day in the window before, at least one report per baseline window so that something
 * new is judged against "rare", not against zero) gives the expected count λ for the recent window; a count k is a
 * spike when the Poisson tail P(X ≥ k | λ) is below the threshold in the settings. Score: −log10 of that tail.
 * The counts are read from the kept counts of indicators and clusters (busy-days.ts), their days only for the spikes shown.
 */
import type Database from 'better-sqlite3';
import type { OverviewSettings, Spike } from '../../shared/overview/types';
import { addDays, endOfDay, startOfDay } from './days';
import { busyKeys, keyDays } from './busy-days';
import { poissonTailBelow } from './poisson';
import { firstReportIdIn } from './window-first-report';

export const SPIKE_LIMIT = 50;
const REPORT_IDS_LIMIT = 100;
/** Members beyond which a cluster's reports are read along the days rather than through the cluster index. */
const BIG_CLUSTER = 2_000;

export function computeSpikes(sqlite: Database.Database, asOf: string, settings: OverviewSettings['spikes'], team: string | null): Spike[] {
  const recentStart = addDays(asOf, -settings.recentDays + 1);
  const baselineStart = addDays(recentStart, -settings.baselineDays);
  const recentFrom = startOfDay(recentStart);
  const end = endOfDay(asOf);
  const window = { recentFrom, end, firstId: firstReportIdIn(sqlite, recentFrom, end), ...(team === null ? {} : { team }) };
  const teamClause = team === null ? '' : 'AND r.route_team = @team';
  // A big cluster's walk along the days stays on reports_queue (its cluster column read in the index), never on a big
  // team's own reports (reports_filed_team), each of which would be looked up in the table for its cluster.
  const bigTeamClause = team === null ? '' : 'AND +r.route_team = @team';
  // Only keys with enough recent reports can be spikes: found on the recent days first, then their baseline summed.
  const counted = { from: baselineStart, recentFrom: recentStart, to: asOf, minReports: settings.minRecent };
  const judge = (rows: ReadonlyArray<{ key: number; recent: number; before: number }>) => {
    const found: Array<{ key: number; recent: number; baseline: number; score: number }> = [];
    for (const { key, recent, before } of rows) {
      const expected = (Math.max(before, 1) * settings.recentDays) / settings.baselineDays;
      const tail = poissonTailBelow(recent, expected, settings.maxTailProbability);
      if (tail === null) continue;
      found.push({ key, recent, baseline: Math.round(expected * 100) / 100, score: Math.round(-Math.log10(Math.max(tail, Number.MIN_VALUE)) * 100) / 100 });
    }
    return found;
  };
  // Each day's place on a shown spike's sparkline.
  const days = settings.baselineDays + settings.recentDays;
  const placeOf = new Map(Array.from({ length: days }, (_, place) => [addDays(baselineStart, place), place]));
  const [indicatorDays, clusterDays] = [keyDays(sqlite, 'indicator', team), keyDays(sqlite, 'cluster', team)];
  const sparklineOf = (key: number, cluster: boolean) => {
    const sparkline = new Array<number>(days).fill(0);
    for (const { day, count } of (cluster ? clusterDays : indicatorDays)(key, baselineStart, asOf)) sparkline[placeOf.get(day)!]! += count;
    return sparkline;
  };

  const indicatorOf = sqlite.prepare<[number], { type: string; value: string }>('SELECT type, value FROM indicators WHERE id = ?');
  const indicatorReports = sqlite
    .prepare<Record<string, string | number>, string>(
      // CROSS JOIN: through the indicator's mentions from the window's first report on, never through every report of the window.
      `SELECT r.report_id FROM mentions m CROSS JOIN reports r ON r.id = m.report_id
        WHERE m.indicator_id = @key AND m.report_id >= @firstId AND r.status = 'filed' AND r.received_at >= @recentFrom AND r.received_at <= @end ${teamClause}
        GROUP BY r.id ORDER BY r.received_at DESC, r.report_id LIMIT ${REPORT_IDS_LIMIT}`,
    )
    .pluck();
  // A cluster's first report and its recent reports: a small cluster member by member (the unary + keeps SQLite off the
  // days), a big one (thousands, over a year) along the days instead — its first report walked from the first day it
  // has (kept counts; a Dutch day starts up to two hours before its UTC date, hence the day before), never through all its members.
  const sizeOf = sqlite.prepare<[number], number>('SELECT size FROM clusters WHERE id = ?').pluck();
  // A team's overview names a cluster by the team's own first report in it, not by another team's.
  const firstOfCluster = (big: boolean) =>
    sqlite
      .prepare<Record<string, string | number>, string>(
        `SELECT r.report_id FROM reports r WHERE ${big ? '+' : ''}r.cluster_id = @key AND ${big ? '' : '+'}r.status = 'filed' ${big ? bigTeamClause : teamClause}
          ${big ? `AND r.received_at >= (SELECT date(min(day), '-1 day') FROM cluster_day_counts WHERE cluster_id = @key ${team === null ? '' : 'AND team = @team'})` : ''} ORDER BY r.received_at, r.report_id LIMIT 1`,
      )
      .pluck();
  const recentOfCluster = (big: boolean) =>
    sqlite
      .prepare<Record<string, string | number>, string>(
        `SELECT r.report_id FROM reports r WHERE ${big ? '+' : ''}r.cluster_id = @key AND ${big ? '+' : ''}r.id >= @firstId AND ${big ? '' : '+'}r.status = 'filed' AND ${big ? '' : '+'}r.received_at >= @recentFrom AND ${big ? '' : '+'}r.received_at <= @end ${big ? bigTeamClause : teamClause}
          ORDER BY r.received_at DESC, r.report_id LIMIT ${REPORT_IDS_LIMIT}`,
      )
      .pluck();
  const [small, big] = [false, true].map((isBig) => ({ first: firstOfCluster(isBig), recent: recentOfCluster(isBig) }));
  const clusterReads = (key: number) => ((sizeOf.get(key) ?? 0) > BIG_CLUSTER ? big! : small!);

  // Rank first, then read names and reports only for the spikes shown.
  const ranked = [...judge(busyKeys(sqlite, 'indicator', counted, team)).map((found) => ({ ...found, cluster: false })), ...judge(busyKeys(sqlite, 'cluster', counted, team)).map((found) => ({ ...found, cluster: true }))]
    .sort((a, b) => b.score - a.score || b.recent - a.recent || Number(a.cluster) - Number(b.cluster) || a.key - b.key)
    .slice(0, SPIKE_LIMIT);
  return ranked.map(({ key, cluster, recent, baseline, score }): Spike => {
    const reads = cluster ? clusterReads(key) : undefined;
    const subject = reads ? { type: 'cluster', value: reads.first.get({ key, ...(team === null ? {} : { team }) })! } : indicatorOf.get(key)!;
    const reportIds = (reads ? reads.recent : indicatorReports).all({ ...window, key });
    return { type: subject.type, value: subject.value, recent, baseline, score, reportIds, recentFrom: recentStart, sparkline: sparklineOf(key, cluster) };
  });
}
