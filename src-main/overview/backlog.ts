/**
 * The backlog as of a day: live reports received by then and not closed by then, by age, against the service
 * level of their category in working days, and where they pile up (team, officer, region, category).
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import { AGE_BUCKETS, type AgeBucket, type Backlog, type BacklogCount, type OverdueReport, type OverviewSettings } from '../../shared/overview/types';
import { officerTeams } from '../db/officers';
import { addDays, daysBetween, endOfDay, startOfDay, workingDaysUntil } from './days';
import { median } from './median';
import { backlogGroups, firstCountedDay, firstTeamOfAssignees, overdueCells } from './report-day-counts';

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
 * Sums the day groups kept beside the reports (report-day-counts.ts) in SQLite, by age bucket, overdue or not and
 * the columns the backlog splits on — a year of days becomes a few hundred groups: a report is overdue when it was
 * received on or before its category's last overdue day (its service level in working days). Reports closed after
 * `asOf` count as open; `team` limits to one team.
 */
export function computeBacklog(sqlite: Database.Database, asOf: string, settings: OverviewSettings, closedAt: Map<string, string>, team: string | null): Backlog {
  const end = endOfDay(asOf);
  // Closed reports count as open when they were closed after the as-of day: looked up one by one (few).
  const reopened: Array<{ day: string; category: string; region: string | null; team: string | null; assignee: string | null }> = [];
  const closedLater = [...closedAt].filter(([, at]) => at > end).map(([reportId]) => reportId);
  if (closedLater.length > 0) {
    const lookup = sqlite.prepare<[string, string], { day: string; category: string; region: string | null; team: string | null; assignee: string | null }>(
      `SELECT ${dutchDaySql('received_at')} AS day, category, region, route_team AS team, assignee FROM reports
        WHERE report_id = ? AND status = 'filed' AND work_status = 'closed' AND received_at <= ?`,
    );
    for (const reportId of closedLater) {
      const row = lookup.get(reportId, end);
      if (!row || (team !== null && row.team !== team)) continue;
      reopened.push(row);
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
  const earliest = [firstCountedDay(sqlite) ?? asOf, ...reopened.map((row) => row.day)].reduce((first, day) => (day < first ? day : first), asOf);
  const workingDays = workingDaysUntil(earliest, asOf);
  const levels = new Map([settings.serviceLevels.default, ...Object.values(settings.serviceLevels.byCategory)].map((level) => [level, lastOverdueDay(workingDays, level)]));
  const cutoffs = {
    byCategory: Object.entries(settings.serviceLevels.byCategory).map(([category, level]): [string, string] => [category, levels.get(level)!]),
    otherwise: levels.get(settings.serviceLevels.default)!,
  };
  const groups = backlogGroups(sqlite, { asOf, ages: [['0-2d', addDays(asOf, -2)], ['3-7d', addDays(asOf, -7)], ['8-30d', addDays(asOf, -30)]], oldest: '31d+', cutoffs }, team);
  for (const row of reopened) {
    const late = row.day <= levels.get(levelOf(settings, row.category))! ? 1 : 0;
    groups.push({ ...row, bucket: ageBucket(daysBetween(row.day, asOf)), late, count: 1 });
  }
  for (const group of groups) {
    const overdue = group.late === 1 ? group.count : 0;
    backlog.open += group.count;
    backlog.overdue += overdue;
    backlog.byAge[group.bucket] += group.count;
    bump(backlog.byTeam, group.team ?? '', group.count, overdue);
    bump(backlog.byRegion, group.region ?? '', group.count, overdue);
    bump(backlog.byCategory, group.category, group.count, overdue);
    if (group.assignee !== null) {
      const officer = (backlog.byOfficer[group.assignee] ??= { open: 0, overdue: 0, team: null, teamMedian: 0 });
      officer.open += group.count;
      officer.overdue += overdue;
    }
  }
  const teamOfOfficer = officerTeams(sqlite);
  // An assignee the officers table gives no team gets the team of their first open group: looked for (a scan of
  // every open day group) only when there is such an assignee.
  const teamOf = new Map<string, string | null>();
  if (Object.keys(backlog.byOfficer).some((officer) => (teamOfOfficer.get(officer) ?? null) === null)) {
    for (const [officer, officerTeam] of firstTeamOfAssignees(sqlite, asOf, team)) teamOf.set(officer, officerTeam);
    for (const row of reopened) if (row.assignee !== null && !teamOf.has(row.assignee)) teamOf.set(row.assignee, row.team);
  }
  const openByTeam = new Map<string | null, number[]>();
  for (const [officer, count] of Object.entries(backlog.byOfficer)) {
    const officerTeam = teamOfOfficer.get(officer) ?? teamOf.get(officer) ?? null;
    count.team = officerTeam;
    openByTeam.set(officerTeam, [...(openByTeam.get(officerTeam) ?? []), count.open]);
  }
  for (const entry of Object.values(backlog.byOfficer)) entry.teamMedian = median(openByTeam.get(entry.team) ?? []) ?? 0;
  const reopenedCells = reopened.map((row) => `${row.day}|${row.category}`);
  const cells = (function* () {
    for (const { day, category } of overdueCells(sqlite, asOf, cutoffs, reopenedCells, team)) yield { day, category, level: levelOf(settings, category), workingDays: workingDays.get(day)! };
  })();
  backlog.overdueList = overdueReports(sqlite, cells, end, team, closedAt);
  return backlog;
}

/** The last day (on or before the as-of day) more than `level` working days before it, or '' when none is counted. */
function lastOverdueDay(workingDays: ReadonlyMap<string, number>, level: number): string {
  // The days run back from the as-of day, and their working days only grow.
  for (const [day, elapsed] of workingDays) if (elapsed > level) return day;
  return '';
}

/**
 * The oldest overdue reports, read only from the (day, category) cells known to be overdue. A team's are read through
 * its own reports of the day: a small team has one or two in each cell among hundreds of other teams'.
 */
function overdueReports(sqlite: Database.Database, cells: Iterable<{ day: string; category: string; level: number; workingDays: number }>, end: string, team: string | null, closedAt: Map<string, string>): OverdueReport[] {
  const select = sqlite.prepare<Record<string, string>, { reportId: string; receivedAt: string; workStatus: string }>(
    `SELECT report_id AS reportId, received_at AS receivedAt, work_status AS workStatus FROM reports ${team === null ? '' : 'INDEXED BY reports_filed_team'}
      WHERE status = 'filed' AND category = @category AND received_at >= @from AND received_at <= @to ${team === null ? '' : 'AND route_team = @team'}
      ORDER BY received_at, report_id`,
  );
  const list: OverdueReport[] = [];
  for (const cell of cells) {
    const rows = select.all({ category: cell.category, from: startOfDay(cell.day), to: endOfDay(cell.day), ...(team === null ? {} : { team }) });
    for (const row of rows) {
      if (row.workStatus === 'closed' && !((closedAt.get(row.reportId) ?? '') > end)) continue;
      list.push({ reportId: row.reportId, category: cell.category, receivedAt: row.receivedAt, workingDays: cell.workingDays, levelDays: cell.level });
      if (list.length >= OVERDUE_LIST_LIMIT) return list;
    }
  }
  return list;
}
