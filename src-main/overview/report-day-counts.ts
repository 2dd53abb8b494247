/**
 * The overview's per-day counts of filed reports (table `report_day_counts`): how many reports, and their loss, by
 * received day, category, region, team, assignee and work status. Triggers on `reports` keep it through updates and
 * deletes (migration overview_day_counts_kept), so every writer moves it in the same statement; new reports are
 * counted grouped when their writer's deferral ends (kept_day_counts_settle, 0026; no insert trigger since 0033). This
 * module reads it and can rebuild it from the reports.
 * The backlog and weekly throughput read these few thousand rows instead of every report; the backlog's older
 * reports are read from their sums without the day (`open_report_counts`, kept from this table by its own triggers).
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import type { AgeBucket } from '../../shared/overview/types';
import { addDays } from './days';
import { teamClause, teamParam } from './team-filter';
import { writeTransaction } from '../db/write-transaction';

/**
 * The last day whose reports are overdue, per category (received on or before it), and for every other category:
 * '' when none is. Days are the table's own, so the test is a comparison of keys.
 */
export interface OverdueCutoffs {
  byCategory: ReadonlyArray<[category: string, lastDay: string]>;
  otherwise: string;
}

/** The SQL test "reports received on `day` are overdue" and its parameters (named `late…`). */
function lateTest(cutoffs: OverdueCutoffs): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = { lateOtherwise: cutoffs.otherwise };
  const whens = cutoffs.byCategory.map(([category, lastDay], index) => {
    params[`lateCategory${index}`] = category;
    params[`lateDay${index}`] = lastDay;
    return `WHEN @lateCategory${index} THEN @lateDay${index}`;
  });
  return { sql: whens.length === 0 ? 'day <= @lateOtherwise' : `day <= (CASE category ${whens.join(' ')} ELSE @lateOtherwise END)`, params };
}

export interface BacklogGroup {
  bucket: AgeBucket;
  late: 0 | 1;
  category: string;
  region: string | null;
  team: string | null;
  assignee: string | null;
  count: number;
}

/**
 * The reports not closed, received on or before `asOf`, grouped by age bucket (received on or after `ages`' first
 * days), overdue or not, category, region, team and assignee. Only the days after a boundary — the oldest bucket's
 * last day, or an earlier overdue cutoff — are read day by day from `report_day_counts`; every report received on
 * or before it is in the oldest bucket and overdue by its category alone, so those are the kept totals without the
 * day (`open_report_counts`) less the days after the boundary (including those after `asOf`). The few thousand rows
 * are grouped here: each counts twice (less in the oldest bucket, more in its own), which SQLite's sorter took
 * three times as long to group as reading them.
 */
export function backlogGroups(
  sqlite: Database.Database,
  window: { asOf: string; ages: ReadonlyArray<[AgeBucket, string]>; oldest: AgeBucket; cutoffs: OverdueCutoffs },
  team: string | null,
): BacklogGroup[] {
  const { asOf, ages, oldest, cutoffs } = window;
  const cutoffDays = [cutoffs.otherwise, ...cutoffs.byCategory.map(([, lastDay]) => lastDay)].filter((day) => day !== '');
  const boundary = [addDays(ages.at(-1)![1], -1), ...cutoffDays].reduce((first, day) => (day < first ? day : first));
  const lastLateDays = new Map(cutoffs.byCategory);
  const late = (day: string, category: string): 0 | 1 => (day <= (lastLateDays.get(category) ?? cutoffs.otherwise) ? 1 : 0);
  const bucketOf = (day: string): AgeBucket => ages.find(([, from]) => day >= from)?.[0] ?? oldest;
  const groups = new Map<string, BacklogGroup>();
  const add = (bucket: AgeBucket, isLate: 0 | 1, category: string, region: string, rowTeam: string, assignee: string, reports: number) => {
    // Joined in the order of the grouping's columns by a character below any in them: sorting the keys sorts the groups.
    const key = `${bucket}\u0000${isLate}\u0000${category}\u0000${region}\u0000${rowTeam}\u0000${assignee}`;
    const group = groups.get(key);
    if (group) group.count += reports;
    else groups.set(key, { bucket, late: isLate, category, region: region || null, team: rowTeam || null, assignee: assignee || null, count: reports });
  };
  const open = sqlite
    .prepare<Record<string, string>, [string, string, string, string, number]>(`SELECT category, region, team, assignee, reports FROM open_report_counts WHERE 1 ${teamClause(team)}`)
    .raw()
    .all(teamParam(team));
  for (const [category, region, rowTeam, assignee, reports] of open) add(oldest, late(boundary, category), category, region, rowTeam, assignee, reports);
  const recent = sqlite
    .prepare<Record<string, string>, [string, string, string, string, string, number]>(
      `SELECT day, category, region, team, assignee, reports FROM report_day_counts WHERE day > @boundary AND work_status <> 'closed' ${teamClause(team)}`,
    )
    .raw()
    .all({ boundary, ...teamParam(team) });
  for (const [day, category, region, rowTeam, assignee, reports] of recent) {
    add(oldest, late(boundary, category), category, region, rowTeam, assignee, -reports);
    if (day <= asOf) add(bucketOf(day), late(day, category), category, region, rowTeam, assignee, reports);
  }
  return [...groups]
    .filter(([, group]) => group.count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => group);
}

/** Each assignee's team in their first group not closed (in key order: day, category, region, team). */
export function firstTeamOfAssignees(sqlite: Database.Database, asOf: string, team: string | null): Map<string, string | null> {
  // With one min() SQLite takes the bare columns from the row holding it; char(1) sorts below every character of a key.
  const rows = sqlite
    .prepare<Record<string, string>, [string, string]>(
      `SELECT assignee, team, min(day || char(1) || category || char(1) || region || char(1) || team) FROM report_day_counts
        WHERE day <= @asOf AND work_status <> 'closed' AND assignee <> '' ${teamClause(team)} GROUP BY assignee`,
    )
    .raw()
    .all({ asOf, ...teamParam(team) });
  return new Map(rows.map(([assignee, rowTeam]) => [assignee, rowTeam === '' ? null : rowTeam]));
}

/** Cells read per query by `overdueCells`: the overdue list usually needs the first one or two. */
const CELLS_PER_PAGE = 32;

/**
 * The (day, category) cells holding overdue reports, oldest first, read a page at a time as far as the caller goes:
 * those of groups not closed and the `alsoCells` (`day|category`: reports closed only after the as-of day).
 */
export function* overdueCells(sqlite: Database.Database, asOf: string, cutoffs: OverdueCutoffs, alsoCells: readonly string[], team: string | null): Generator<{ day: string; category: string }> {
  const late = lateTest(cutoffs);
  const page = sqlite.prepare<Record<string, string>, { day: string; category: string }>(
    `SELECT DISTINCT day, category FROM report_day_counts
      WHERE day <= @asOf AND (day, category) > (@afterDay, @afterCategory) AND ${late.sql} ${teamClause(team)}
        AND (work_status <> 'closed' OR day || '|' || category IN (SELECT value FROM json_each(@alsoCells)))
      ORDER BY day, category LIMIT ${CELLS_PER_PAGE}`,
  );
  const params = { asOf, alsoCells: JSON.stringify(alsoCells), ...late.params, ...teamParam(team) };
  let after = { afterDay: '', afterCategory: '' };
  for (;;) {
    const cells = page.all({ ...params, ...after });
    yield* cells;
    if (cells.length < CELLS_PER_PAGE) return;
    after = { afterDay: cells.at(-1)!.day, afterCategory: cells.at(-1)!.category };
  }
}

/** The first day any report is counted on, or null for an empty store. */
export function firstCountedDay(sqlite: Database.Database): string | null {
  return sqlite.prepare<[], string | null>('SELECT min(day) FROM report_day_counts').pluck().get() ?? null;
}

/** Reports and loss per day and category from `from` to `to` (days, inclusive). */
export function categoryDays(sqlite: Database.Database, from: string, to: string, team: string | null): Array<{ day: string; category: string; count: number; loss: number }> {
  return sqlite
    .prepare<Record<string, string>, { day: string; category: string; count: number; loss: number }>(
      `SELECT day, category, sum(reports) AS count, sum(loss_cents) AS loss FROM report_day_counts
        WHERE day >= @from AND day <= @to ${teamClause(team)} GROUP BY day, category`,
    )
    .all({ from, to, ...teamParam(team) });
}

/** Filed reports received after `day`. */
export function reportsAfter(sqlite: Database.Database, day: string, team: string | null): number {
  return sqlite
    .prepare<Record<string, string>, number>(`SELECT coalesce(sum(reports), 0) FROM report_day_counts WHERE day > @day ${teamClause(team)}`)
    .pluck()
    .get({ day, ...teamParam(team) })!;
}

/** Filed reports not closed, whenever received: the kept totals without the day. */
export function reportsNotClosed(sqlite: Database.Database, team: string | null): number {
  return sqlite.prepare<Record<string, string>, number>(`SELECT coalesce(sum(reports), 0) FROM open_report_counts WHERE 1 ${teamClause(team)}`).pluck().get(teamParam(team))!;
}

/** The counts as the reports give them now: what the triggers keep, computed from scratch. */
export const REPORT_DAY_COUNTS_FROM_REPORTS = `
  SELECT ${dutchDaySql('received_at')}, category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), work_status, count(*), sum(loss_cents)
    FROM reports WHERE status = 'filed'
   GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * Recomputes the table from the reports (after a restore, or to check it), and the open totals from it (its
 * triggers add each group again): in one transaction.
 */
export function rebuildReportDayCounts(sqlite: Database.Database): void {
  writeTransaction(sqlite, () => {
    sqlite.prepare('DELETE FROM report_day_counts').run();
    sqlite.prepare('DELETE FROM open_report_counts').run();
    sqlite.prepare(`INSERT INTO report_day_counts (day, category, region, team, assignee, work_status, reports, loss_cents) ${REPORT_DAY_COUNTS_FROM_REPORTS}`).run();
  })();
}
