/**
 * Did a published prevention warning help? For each warning published by the as-of day and linked to the cluster
 * (or indicator) it came from: that subject's new reports per day in the days before publication against the days
 * since (at most `EFFECT_DAYS` on each side), with the day-by-day counts. The cluster is the one its report is in
 * now, so reports that joined it after publication count.
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import type { WarningEffect } from '../../shared/overview/types';
import { addDays, daysBetween, endOfDay, startOfDay } from './days';

export const EFFECT_DAYS = 14;

interface PublishedWarning {
  actionId: string;
  title: string;
  publishedAt: string;
  payload: string;
  indicatorType: string | null;
  indicatorValue: string | null;
}

interface WarningPayload {
  clusterReportId: string | null;
  steps: { executed?: { reference: string | null } };
}

const round = (value: number) => Math.round(value * 100) / 100;

export function computeWarningEffects(sqlite: Database.Database, asOf: string): WarningEffect[] {
  const warnings = sqlite
    .prepare<[string], PublishedWarning>(
      `SELECT id AS actionId, title, executed_at AS publishedAt, payload, indicator_type AS indicatorType, indicator_value AS indicatorValue
         FROM requests WHERE kind = 'prevention_warning' AND state = 'executed' AND executed_at IS NOT NULL AND executed_at <= ?
        ORDER BY executed_at DESC, id`,
    )
    .all(asOf);
  const clusterDays = sqlite.prepare<Record<string, string>, { day: string; count: number }>(
    `SELECT ${dutchDaySql('r.received_at')} AS day, count(*) AS count FROM reports r JOIN reports seed ON seed.report_id = @subject
      WHERE r.status = 'filed' AND (r.id = seed.id OR r.cluster_id = seed.cluster_id) AND r.received_at >= @from AND r.received_at <= @end
      GROUP BY day`,
  );
  const indicatorDays = sqlite.prepare<Record<string, string>, { day: string; count: number }>(
    `SELECT ${dutchDaySql('r.received_at')} AS day, count(*) AS count FROM reports r
      WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end
        AND r.id IN (SELECT m.report_id FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE i.type = @type AND i.value = @subject)
      GROUP BY day`,
  );
  return warnings.flatMap((warning): WarningEffect[] => {
    const payload = JSON.parse(warning.payload) as WarningPayload;
    const subject = payload.clusterReportId !== null ? { type: 'cluster', value: payload.clusterReportId } : warning.indicatorType !== null ? { type: warning.indicatorType, value: warning.indicatorValue! } : null;
    if (subject === null) return [];
    const from = addDays(warning.publishedAt, -EFFECT_DAYS);
    const last = [asOf, addDays(warning.publishedAt, EFFECT_DAYS - 1)].sort()[0]!;
    const window = { subject: subject.value, type: subject.type, from: startOfDay(from), end: endOfDay(last) };
    const rows = subject.type === 'cluster' ? clusterDays.all(window) : indicatorDays.all(window);
    const sparkline = new Array<number>(daysBetween(from, last) + 1).fill(0);
    for (const row of rows) sparkline[daysBetween(from, row.day)]! += row.count;
    const before = sparkline.slice(0, EFFECT_DAYS);
    const after = sparkline.slice(EFFECT_DAYS);
    const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
    return [
      {
        actionId: warning.actionId,
        title: warning.title,
        publishedAt: warning.publishedAt,
        where: payload.steps.executed?.reference ?? null,
        subjectType: subject.type,
        subjectValue: subject.value,
        perDayBefore: round(sum(before) / EFFECT_DAYS),
        perDayAfter: round(sum(after) / after.length),
        daysAfter: after.length,
        sparkline,
      },
    ];
  });
}
