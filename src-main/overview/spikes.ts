/**
 * Spikes: indicators and clusters whose reports in the last days far exceed their own baseline. Method: the
 * baseline's rate (reports per day in the window before, at least one report per baseline window so that something
 * new is judged against "rare", not against zero) gives the expected count λ for the recent window; a count k is a
 * spike when the Poisson tail P(X ≥ k | λ) is below the threshold in the settings. Score: −log10 of that tail.
 * The days are read from the kept counts of indicators and clusters (busy-days.ts).
 */
import type Database from 'better-sqlite3';
import type { OverviewSettings, Spike } from '../../shared/overview/types';
import { addDays, daysBetween } from './days';
import { busyDays } from './busy-days';
import { poissonUpperTail } from './poisson';
import { windowReports, type WindowReports } from './window-reports';

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
  // Only keys with enough recent reports can be spikes: found on the recent days first, then their days read.
  const counted = { from: baselineStart, recentFrom: recentStart, to: asOf, minReports: settings.minRecent };
  const indicatorDays = busyDays(sqlite, 'indicator', counted, team);
  const clusterDays = busyDays(sqlite, 'cluster', counted, team);

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
  // A spike's recent reports, newest first: an indicator's through its mentions, a cluster's by their cluster, both
  // among the recent window's reports (window-reports.ts, read once when something spikes).
  let recentWindow: WindowReports | undefined;
  const reportIdOf = sqlite.prepare<[number], string>('SELECT report_id FROM reports WHERE id = ?').pluck();
  const recentReports = (key: number, cluster: boolean) => {
    recentWindow ??= windowReports(sqlite, recentStart, asOf, team);
    const ids = cluster ? recentWindow.inCluster(key) : recentWindow.namedBy(key);
    return newestReports(ids, recentWindow.receivedAt, (id) => reportIdOf.get(id)!);
  };
  // A cluster's first report: walked from the first day it has (kept counts), never through all its members.
  const firstReportOf = sqlite
    .prepare<[number, number], string>(
      `SELECT report_id FROM reports WHERE +cluster_id = ? AND status = 'filed' AND received_at >= (SELECT min(day) FROM cluster_day_counts WHERE cluster_id = ?)
        ORDER BY received_at, report_id LIMIT 1`,
    )
    .pluck();

  // Rank first, then read names and reports only for the spikes shown.
  const ranked = [...judge(indicatorDays).map((found) => ({ ...found, cluster: false })), ...judge(clusterDays).map((found) => ({ ...found, cluster: true }))]
    .sort((a, b) => b.score - a.score || b.recent - a.recent || Number(a.cluster) - Number(b.cluster) || a.key - b.key)
    .slice(0, SPIKE_LIMIT);
  return ranked.map(({ key, cluster, recent, baseline, score, sparkline }): Spike => {
    const subject = cluster ? { type: 'cluster', value: firstReportOf.get(key, key)! } : indicatorOf.get(key)!;
    const reportIds = recentReports(key, cluster);
    return { type: subject.type, value: subject.value, recent, baseline, score, reportIds, recentFrom: recentStart, sparkline };
  });
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The REPORT_IDS_LIMIT newest of some reports, as SQL's `ORDER BY received_at DESC, report_id` would give them: the
 * report ids (text) are read only for those that can make the list.
 */
function newestReports(ids: number[], receivedAt: ReadonlyMap<number, string>, reportIdOf: (id: number) => string): string[] {
  const sorted = ids.sort((a, b) => byteOrder(receivedAt.get(b)!, receivedAt.get(a)!));
  const edge = sorted.length > REPORT_IDS_LIMIT ? receivedAt.get(sorted[REPORT_IDS_LIMIT - 1]!)! : '';
  return sorted
    .filter((id) => receivedAt.get(id)! >= edge)
    .map((id) => ({ at: receivedAt.get(id)!, reportId: reportIdOf(id) }))
    .sort((a, b) => byteOrder(b.at, a.at) || byteOrder(a.reportId, b.reportId))
    .slice(0, REPORT_IDS_LIMIT)
    .map((entry) => entry.reportId);
}
