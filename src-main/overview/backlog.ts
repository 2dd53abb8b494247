/**
 * The backlog as of a day: live reports received by then and not closed by then, by age, against the service
 * level of their category in working days, and where they pile up (team, officer, region, category).
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import { AGE_BUCKETS, type AgeBucket, type Backlog, type BacklogCount, type OverdueReport, type OverviewSettings } from '../../shared/overview/types';
import { officerTeams } from '../db/officers';
import { daysBetween, endOfDay, startOfDay, workingDaysUntil } from './days';
import { median } from './median';
import { dayGroupsUpTo } from './report-day-counts';

export const OVERDUE_LIST_LIMIT = 200;

export function ageBucket(ageDays: number): AgeBucket {
  if (ageDays <= 2) return '0-2d';
  if (ageDays <= 7) return '3-7d';
  if (ageDays <= 30) return '8-30d';
  return '31d+';
}

export const levelOf = (settings: OverviewSettings, category: string): number => settings.serviceLevels.byCategory[category] ?? settings.serviceLevels.default;

const bump = (counts: Record<string, BacklogCount>, key: string, open: number, overdue: number) => {
  const count = (counts[key] ??= { open: 0, overdue: 0 });
  count.open += open;
  count.overdue += overdue;
};

/**
 * Reads open reports grouped by received day and the columns the backlog splits on (report-day-counts.ts), so that
 * JavaScript sees a few thousand groups rather than every report. Reports closed after `asOf` count as open; `team`
 * limits to one team.
 */
export function computeBacklog(sqlite: Database.Database, asOf: string, settings: OverviewSettings, closedAt: Map<string, string>, team: string | null): Backlog {
  const end = endOfDay(asOf);
  const groups = dayGroupsUpTo(sqlite, asOf, team);
  // Closed reports count as open when they were closed after the as-of day.
  const closedLater = [...closedAt].filter(([, at]) => at > end).map(([reportId]) => reportId);
  if (closedLater.length > 0) {
    const lookup = sqlite.prepare<[string, string], { day: string; category: string; region: string | null; team: string | null; assignee: string | null }>(
      `SELECT ${dutchDaySql('received_at')} AS day, category, region, route_team AS team, assignee FROM reports
        WHERE report_id = ? AND status = 'filed' AND work_status = 'closed' AND received_at <= ?`,
    );
    for (const reportId of closedLater) {
      const row = lookup.get(reportId, end);
      if (!row || (team !== null && row.team !== team)) continue;
      groups.push({ ...row, workStatus: 'reopened', count: 1, loss: 0 });
    }
  }

  const backlog: Backlog = {
    open: 0,
    overdue: 0,
    byAge: Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgeBucket, number>,
    byTeam: {},
    byOfficer: {},
    byRegion: {},
    byCategory: {},
    overdueList: [],
  };
  const earliest = groups.reduce((first, group) => (group.day < first ? group.day : first), asOf);
  const workingDays = workingDaysUntil(earliest, asOf);
  const teamOf = new Map<string, string | null>();
  const overdueCells: Array<{ day: string; category: string; level: number; workingDays: number }> = [];
  for (const group of groups) {
    if (group.workStatus === 'closed') continue;
    const level = levelOf(settings, group.category);
    const elapsed = workingDays.get(group.day)!;
    const overdue = elapsed > level ? group.count : 0;
    backlog.open += group.count;
    backlog.overdue += overdue;
    backlog.byAge[ageBucket(daysBetween(group.day, asOf))] += group.count;
    bump(backlog.byTeam, group.team ?? '', group.count, overdue);
    bump(backlog.byRegion, group.region ?? '', group.count, overdue);
    bump(backlog.byCategory, group.category, group.count, overdue);
    if (group.assignee !== null) {
      const officer = (backlog.byOfficer[group.assignee] ??= { open: 0, overdue: 0, team: null, teamMedian: 0 });
      officer.open += group.count;
      officer.overdue += overdue;
      if (!teamOf.has(group.assignee)) teamOf.set(group.assignee, group.team);
    }
    if (overdue > 0) overdueCells.push({ day: group.day, category: group.category, level, workingDays: elapsed });
  }
  const teamOfOfficer = officerTeams(sqlite);
  const openByTeam = new Map<string | null, number[]>();
  for (const [officer, count] of Object.entries(backlog.byOfficer)) {
    const officerTeam = teamOfOfficer.get(officer) ?? teamOf.get(officer) ?? null;
    count.team = officerTeam;
    openByTeam.set(officerTeam, [...(openByTeam.get(officerTeam) ?? []), count.open]);
  }
  for (const entry of Object.values(backlog.byOfficer)) entry.teamMedian = median(openByTeam.get(entry.team) ?? []) ?? 0;
  backlog.overdueList = overdueReports(sqlite, overdueCells, end, team, closedAt);
  return backlog;
}

/** The oldest overdue reports, read only from the (day, category) cells known to be overdue. */
function overdueReports(sqlite: Database.Database, cells: ReadonlyArray<{ day: string; category: string; level: number; workingDays: number }>, end: string, team: string | null, closedAt: Map<string, string>): OverdueReport[] {
  const unique = new Map(cells.map((cell) => [`${cell.day}|${cell.category}`, cell]));
  const sorted = [...unique.values()].sort((a, b) => a.day.localeCompare(b.day) || a.category.localeCompare(b.category));
  const select = sqlite.prepare<Record<string, string>, { reportId: string; receivedAt: string; workStatus: string }>(
    `SELECT report_id AS reportId, received_at AS receivedAt, work_status AS workStatus FROM reports
      WHERE status = 'filed' AND category = @category AND received_at >= @from AND received_at <= @to ${team === null ? '' : 'AND route_team = @team'}
      ORDER BY received_at, report_id`,
  );
  const list: OverdueReport[] = [];
  for (const cell of sorted) {
    const rows = select.all({ category: cell.category, from: startOfDay(cell.day), to: endOfDay(cell.day), ...(team === null ? {} : { team }) });
    for (const row of rows) {
      if (row.workStatus === 'closed' && !((closedAt.get(row.reportId) ?? '') > end)) continue;
      list.push({ reportId: row.reportId, category: cell.category, receivedAt: row.receivedAt, workingDays: cell.workingDays, levelDays: cell.level });
      if (list.length >= OVERDUE_LIST_LIMIT) return list;
    }
  }
  return list;
}
