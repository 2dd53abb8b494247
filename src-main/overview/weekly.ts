/**
 * Throughput per ISO week (received, closed, requests sent and executed, the backlog at each week's end) and each
 * category's last seven days against its own baseline (the eight seven-day windows before).
 */
import type Database from 'better-sqlite3';
import type { CategoryTrend, WeekCounts } from '../../shared/overview/types';
import { addDays, dayOf, endOfDay, isoWeek } from './days';
import { closedMoment } from './closures';
import { categoryDays, reportsAfter, reportsNotClosed } from './report-day-counts';

/** Seven-day windows before the last one that form a category's baseline. */
export const TREND_BASELINE_WINDOWS = 8;

interface DayCategory {
  day: string;
  category: string;
  count: number;
  loss: number;
}

export interface WeeklyResult {
  weekly: WeekCounts[];
  categoryTrends: CategoryTrend[];
}

export function computeWeekly(sqlite: Database.Database, asOf: string, weeks: number, closedAt: Map<string, string>, team: string | null): WeeklyResult {
  const end = endOfDay(asOf);
  const firstMonday = addDays(isoWeek(asOf).monday, -7 * (weeks - 1));
  const trendStart = addDays(asOf, -7 * (TREND_BASELINE_WINDOWS + 1) + 1);
  const from = firstMonday < trendStart ? firstMonday : trendStart;
  // The unary + keeps SQLite on the closed reports (reports_work), never on every report of a big team (reports_filed_team).
  const teamClause = team === null ? '' : 'AND +route_team = @team';
  const teamParam: Record<string, string> = team === null ? {} : { team };
  const days = categoryDays(sqlite, from, asOf, team);

  const weekList: WeekCounts[] = [];
  for (let monday = firstMonday; monday <= asOf; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    weekList.push({ week: isoWeek(monday).week, from: monday, to: sunday < asOf ? sunday : asOf, received: 0, closed: 0, loss: 0, requestsSent: 0, requestsExecuted: 0, openAtEnd: 0, byCategory: {} });
  }
  const weekOf = (day: string) => weekList.find((week) => day >= week.from && day <= week.to);
  for (const row of days) {
    const week = weekOf(row.day);
    if (!week) continue;
    week.received += row.count;
    week.loss += row.loss;
    const category = (week.byCategory[row.category] ??= { received: 0, loss: 0 });
    category.received += row.count;
    category.loss += row.loss;
  }

  // Closed reports: when they were closed (closedMoment: not before their receipt, at receipt when unknown).
  const closedReports = sqlite
    .prepare<Record<string, string>, { reportId: string; receivedAt: string }>(
      `SELECT report_id AS reportId, received_at AS receivedAt FROM reports WHERE status = 'filed' AND work_status = 'closed' ${teamClause}`,
    )
    .all(teamParam);
  // Received before the first week: every filed report — those not closed (kept without the day) and the closed ones
  // — less those received on its days or later. Never a sum over every day of the store.
  const receivedFrom = days.reduce((sum, row) => (row.day >= firstMonday ? sum + row.count : sum), reportsAfter(sqlite, asOf, team));
  const receivedBefore = reportsNotClosed(sqlite, team) + closedReports.length - receivedFrom;
  const closedMoments = closedReports.map((report) => closedMoment(closedAt.get(report.reportId), report.receivedAt)).filter((at) => at <= end);
  let closedBefore = 0;
  for (const at of closedMoments) {
    const week = weekOf(dayOf(at));
    if (week) week.closed += 1;
    else if (dayOf(at) < firstMonday) closedBefore += 1;
  }

  const requestDays = sqlite.prepare<[], { sentAt: string | null; executedAt: string | null }>('SELECT sent_at AS sentAt, executed_at AS executedAt FROM requests WHERE sent_at IS NOT NULL').all();
  for (const request of requestDays) {
    const sent = request.sentAt === null ? undefined : weekOf(request.sentAt);
    if (sent) sent.requestsSent += 1;
    const executed = request.executedAt === null ? undefined : weekOf(request.executedAt);
    if (executed) executed.requestsExecuted += 1;
  }

  let received = receivedBefore;
  let closed = closedBefore;
  for (const week of weekList) {
    received += week.received;
    closed += week.closed;
    week.openAtEnd = received - closed;
  }
  return { weekly: weekList, categoryTrends: categoryTrends(days, asOf) };
}

/** Each category's last seven days against the mean of the windows before; outside mean ± 2·√mean is flagged. */
function categoryTrends(days: readonly DayCategory[], asOf: string): CategoryTrend[] {
  const windows = new Map<string, { counts: number[]; loss: number }>();
  for (const row of days) {
    const window = Math.floor((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${row.day}T00:00:00Z`)) / (7 * 86_400_000));
    if (window < 0 || window > TREND_BASELINE_WINDOWS) continue;
    const entry = windows.get(row.category) ?? { counts: new Array<number>(TREND_BASELINE_WINDOWS + 1).fill(0), loss: 0 };
    entry.counts[window]! += row.count;
    if (window === 0) entry.loss += row.loss;
    windows.set(row.category, entry);
  }
  const trends: CategoryTrend[] = [];
  for (const [category, { counts, loss }] of windows) {
    const [received = 0, ...baseline] = counts;
    const mean = baseline.reduce((sum, count) => sum + count, 0) / TREND_BASELINE_WINDOWS;
    const spread = 2 * Math.sqrt(mean);
    const expectedLow = Math.max(0, Math.floor(mean - spread));
    const expectedHigh = Math.ceil(mean + spread);
    const flag = received > expectedHigh ? 'rise' : received < expectedLow ? 'fall' : null;
    trends.push({ category, received, loss, baselineMean: Math.round(mean * 10) / 10, expectedLow, expectedHigh, flag });
  }
  return trends.sort((a, b) => Number(b.flag !== null) - Number(a.flag !== null) || b.received - a.received || a.category.localeCompare(b.category));
}
