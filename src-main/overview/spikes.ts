/**
 * Spikes: indicators and clusters whose reports in the last days far exceed their own baseline. Method: the
 * baseline's rate (reports per day in the window before, at least one report per baseline window so that something
 * new is judged against "rare", not against zero) gives the expected count λ for the recent window; a count k is a
 * spike when the Poisson tail P(X ≥ k | λ) is below the threshold in the settings. Score: −log10 of that tail.
 */
import type Database from 'better-sqlite3';
import type { OverviewSettings, Spike } from '../../shared/overview/types';
import { addDays, daysBetween, endOfDay } from './days';
import { poissonUpperTail } from './poisson';

export const SPIKE_LIMIT = 50;
const REPORT_IDS_LIMIT = 100;

interface DayCount {
  key: number;
  day: string;
  count: number;
}

export function computeSpikes(sqlite: Database.Database, asOf: string, settings: OverviewSettings['spikes'], team: string | null): Spike[] {
  const recentStart = addDays(asOf, -settings.recentDays + 1);
  const baselineStart = addDays(recentStart, -settings.baselineDays);
  const window = { recentFrom: `${recentStart}T00:00:00.000Z`, from: `${baselineStart}T00:00:00.000Z`, end: endOfDay(asOf), minRecent: settings.minRecent, ...(team === null ? {} : { team }) };
  const teamClause = team === null ? '' : 'AND r.route_team = @team';
  // Only keys with enough recent reports can be spikes: find them on the recent window first, then read their days.
  const indicatorDays = sqlite
    .prepare<Record<string, string | number>, DayCount>(
      `WITH candidates AS (
         SELECT m.indicator_id AS key FROM reports r JOIN mentions m ON m.report_id = r.id
          WHERE r.status = 'filed' AND r.received_at >= @recentFrom AND r.received_at <= @end AND m.benign = 0 ${teamClause}
          GROUP BY m.indicator_id HAVING count(DISTINCT r.id) >= @minRecent)
       SELECT c.key, substr(r.received_at, 1, 10) AS day, count(DISTINCT r.id) AS count
         FROM candidates c JOIN mentions m ON m.indicator_id = c.key JOIN reports r ON r.id = m.report_id
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end ${teamClause}
        GROUP BY c.key, day`,
    )
    .all(window);
  const clusterDays = sqlite
    .prepare<Record<string, string | number>, DayCount>(
      `WITH candidates AS (
         SELECT r.cluster_id AS key FROM reports r
          WHERE r.status = 'filed' AND r.cluster_id IS NOT NULL AND r.received_at >= @recentFrom AND r.received_at <= @end ${teamClause}
          GROUP BY r.cluster_id HAVING count(*) >= @minRecent)
       SELECT c.key, substr(r.received_at, 1, 10) AS day, count(*) AS count
         FROM candidates c JOIN reports r ON r.cluster_id = c.key
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end ${teamClause}
        GROUP BY c.key, day`,
    )
    .all(window);

  const days = settings.baselineDays + settings.recentDays;
  const judge = (rows: readonly DayCount[]) => {
    const byKey = new Map<number, number[]>();
    for (const row of rows) {
      const line = byKey.get(row.key) ?? new Array<number>(days).fill(0);
      line[daysBetween(baselineStart, row.day)]! += row.count;
      byKey.set(row.key, line);
    }
    const found: Array<{ key: number; recent: number; baseline: number; score: number; sparkline: number[] }> = [];
    for (const [key, sparkline] of byKey) {
      const recent = sparkline.slice(settings.baselineDays).reduce((sum, count) => sum + count, 0);
      const before = sparkline.slice(0, settings.baselineDays).reduce((sum, count) => sum + count, 0);
      const expected = (Math.max(before, 1) * settings.recentDays) / settings.baselineDays;
      const tail = poissonUpperTail(recent, expected);
      if (recent < settings.minRecent || tail >= settings.maxTailProbability) continue;
      found.push({ key, recent, baseline: Math.round(expected * 100) / 100, score: Math.round(-Math.log10(Math.max(tail, Number.MIN_VALUE)) * 100) / 100, sparkline });
    }
    return found;
  };

  const indicatorOf = sqlite.prepare<[number], { type: string; value: string }>('SELECT type, value FROM indicators WHERE id = ?');
  const firstReportOf = sqlite.prepare<[number], string>("SELECT report_id FROM reports WHERE cluster_id = ? AND status = 'filed' ORDER BY received_at, report_id LIMIT 1").pluck();
  const indicatorReports = sqlite
    .prepare<Record<string, string | number>, string>(
      `SELECT r.report_id FROM mentions m JOIN reports r ON r.id = m.report_id
        WHERE m.indicator_id = @key AND r.status = 'filed' AND r.received_at >= @recentFrom AND r.received_at <= @end ${teamClause}
        GROUP BY r.id ORDER BY r.received_at DESC, r.report_id LIMIT ${REPORT_IDS_LIMIT}`,
    )
    .pluck();
  const clusterReports = sqlite
    .prepare<Record<string, string | number>, string>(
      `SELECT r.report_id FROM reports r WHERE r.cluster_id = @key AND r.status = 'filed' AND r.received_at >= @recentFrom AND r.received_at <= @end ${teamClause}
        ORDER BY r.received_at DESC, r.report_id LIMIT ${REPORT_IDS_LIMIT}`,
    )
    .pluck();

  // Rank first, then read names and reports only for the spikes shown.
  const ranked = [...judge(indicatorDays).map((found) => ({ ...found, cluster: false })), ...judge(clusterDays).map((found) => ({ ...found, cluster: true }))]
    .sort((a, b) => b.score - a.score || b.recent - a.recent || Number(a.cluster) - Number(b.cluster) || a.key - b.key)
    .slice(0, SPIKE_LIMIT);
  return ranked.map(({ key, cluster, recent, baseline, score, sparkline }): Spike => {
    const subject = cluster ? { type: 'cluster', value: firstReportOf.get(key)! } : indicatorOf.get(key)!;
    const reportIds = (cluster ? clusterReports : indicatorReports).all({ ...window, key });
    return { type: subject.type, value: subject.value, recent, baseline, score, reportIds, recentFrom: recentStart, sparkline };
  });
}
