/**
 * The overview's kept counts as stored, and the same counted afresh in JavaScript from the reports (not the
 * migrations' SQL), for the tests that compare them.
 */
import type Database from 'better-sqlite3';
import { dutchDay } from '../../../shared/platform/dutch-days';
import { shapeOf } from '../../../src-main/overview/rising-shapes';

/** What the triggers keep, each table in key order. */
export const kept = (sqlite: Database.Database) => ({
  indicators: sqlite.prepare('SELECT day, indicator_id, team, reports, loss_cents FROM indicator_day_counts ORDER BY 1, 2, 3').raw().all(),
  shapes: sqlite.prepare('SELECT day, kind, shape, team, reports FROM shape_day_counts ORDER BY 1, 2, 3, 4').raw().all(),
  clusters: sqlite.prepare('SELECT day, cluster_id, team, reports FROM cluster_day_counts ORDER BY 1, 2, 3').raw().all(),
  summaries: sqlite.prepare('SELECT day, summary, team, reports FROM summary_day_counts ORDER BY 1, 2, 3').raw().all(),
  totals: sqlite.prepare('SELECT indicator_id, first_day, last_day, reports, loss_cents, domain FROM indicator_totals ORDER BY 1').raw().all(),
});

/**
 * Counted afresh in JavaScript from the reports and their mentions, written apart from the migrations' SQL: each
 * filed report once per indicator (not benign) it names, once per shape (`shapeOf`) of those, once in its cluster
 * and once under its summary, on the Dutch day (Intl's Europe/Amsterdam) it was received; each indicator's totals
 * (its first and last such day, its reports and loss over all of them, whether it is a domain) from those.
 */
export function fromScratch(sqlite: Database.Database): ReturnType<typeof kept> {
  const reports = sqlite
    .prepare<[], { id: number; receivedAt: string; team: string; loss: number; cluster: number | null; summary: string | null }>(
      "SELECT id, received_at AS receivedAt, coalesce(route_team, '') AS team, loss_cents AS loss, cluster_id AS cluster, summary FROM reports WHERE status = 'filed'",
    )
    .all()
    .map(({ receivedAt, ...report }) => ({ ...report, day: dutchDay(receivedAt) }));
  const named = sqlite.prepare<[], { reportId: number; indicatorId: number; type: string; value: string }>(
    'SELECT m.report_id AS reportId, m.indicator_id AS indicatorId, i.type, i.value FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE m.benign = 0',
  ).all();
  const byReport = new Map<number, typeof named>();
  for (const row of named) byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
  const indicators = new Map<string, [string, number, string, number, number]>();
  const shapes = new Map<string, [string, string, string, string, number]>();
  const clusters = new Map<string, [string, number, string, number]>();
  const summaries = new Map<string, [string, string, string, number]>();
  for (const report of reports) {
    const rows = byReport.get(report.id) ?? [];
    for (const indicatorId of new Set(rows.map((row) => row.indicatorId))) {
      const entry = indicators.get(`${report.day}|${indicatorId}|${report.team}`) ?? [report.day, indicatorId, report.team, 0, 0];
      entry[3] += 1;
      entry[4] += report.loss;
      indicators.set(`${report.day}|${indicatorId}|${report.team}`, entry);
    }
    const ownShapes = new Set(rows.map((row) => shapeOf(row.type, row.value)).flatMap((found) => (found ? [`${found.kind}|${found.shape}`] : [])));
    for (const kindShape of ownShapes) {
      const [kind, shape] = kindShape.split('|') as [string, string];
      const entry = shapes.get(`${report.day}|${kindShape}|${report.team}`) ?? [report.day, kind, shape, report.team, 0];
      entry[4] += 1;
      shapes.set(`${report.day}|${kindShape}|${report.team}`, entry);
    }
    if (report.cluster !== null) {
      const entry = clusters.get(`${report.day}|${report.cluster}|${report.team}`) ?? [report.day, report.cluster, report.team, 0];
      entry[3] += 1;
      clusters.set(`${report.day}|${report.cluster}|${report.team}`, entry);
    }
    if (report.summary !== null) {
      const entry = summaries.get(`${report.day}|${report.summary}|${report.team}`) ?? [report.day, report.summary, report.team, 0];
      entry[3] += 1;
      summaries.set(`${report.day}|${report.summary}|${report.team}`, entry);
    }
  }
  const ordered = <T extends Array<string | number>>(rows: Iterable<T>, keys: number) =>
    [...rows].sort((a, b) => {
      for (let index = 0; index < keys; index += 1) {
        const [x, y] = [a[index]!, b[index]!];
        if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
      }
      return 0;
    });
  const typeOf = new Map(named.map((row) => [row.indicatorId, row.type]));
  const totals = new Map<number, [number, string, string, number, number, number]>();
  for (const [day, indicatorId, , reports, loss] of indicators.values()) {
    const entry = totals.get(indicatorId) ?? [indicatorId, day, day, 0, 0, typeOf.get(indicatorId) === 'domain' ? 1 : 0];
    if (day < entry[1]) entry[1] = day;
    if (day > entry[2]) entry[2] = day;
    entry[3] += reports;
    entry[4] += loss;
    totals.set(indicatorId, entry);
  }
  return {
    indicators: ordered(indicators.values(), 3),
    shapes: ordered(shapes.values(), 4),
    clusters: ordered(clusters.values(), 3),
    summaries: ordered(summaries.values(), 3),
    totals: ordered(totals.values(), 1),
  };
}

/** The backlog's kept counts: each day group of filed reports, and the groups not closed without their day. */
export const keptGroups = (sqlite: Database.Database) => ({
  days: sqlite.prepare('SELECT day, category, region, team, assignee, work_status, reports, loss_cents FROM report_day_counts ORDER BY 1, 2, 3, 4, 5, 6').raw().all(),
  open: sqlite.prepare('SELECT category, region, team, assignee, reports FROM open_report_counts ORDER BY 1, 2, 3, 4').raw().all(),
});

/** The same, counted afresh in JavaScript from the filed reports on their Dutch days. */
export function groupsFromScratch(sqlite: Database.Database): ReturnType<typeof keptGroups> {
  const reports = sqlite
    .prepare<[], { receivedAt: string; category: string; region: string; team: string; assignee: string; workStatus: string; loss: number }>(
      `SELECT received_at AS receivedAt, category, coalesce(region, '') AS region, coalesce(route_team, '') AS team, coalesce(assignee, '') AS assignee,
              work_status AS workStatus, loss_cents AS loss FROM reports WHERE status = 'filed'`,
    )
    .all();
  const days = new Map<string, [string, string, string, string, string, string, number, number]>();
  const open = new Map<string, [string, string, string, string, number]>();
  for (const report of reports) {
    const day = dutchDay(report.receivedAt);
    const dayKey = JSON.stringify([day, report.category, report.region, report.team, report.assignee, report.workStatus]);
    const group = days.get(dayKey) ?? [day, report.category, report.region, report.team, report.assignee, report.workStatus, 0, 0];
    group[6] += 1;
    group[7] += report.loss;
    days.set(dayKey, group);
    if (report.workStatus === 'closed') continue;
    const openKey = JSON.stringify([report.category, report.region, report.team, report.assignee]);
    const openGroup = open.get(openKey) ?? [report.category, report.region, report.team, report.assignee, 0];
    openGroup[4] += 1;
    open.set(openKey, openGroup);
  }
  const inKeyOrder = <T extends Array<string | number>>(rows: Map<string, T>, keys: number) =>
    [...rows.values()].sort((a, b) => {
      const differing = a.slice(0, keys).findIndex((value, index) => value !== b[index]);
      return differing < 0 ? 0 : String(a[differing]) < String(b[differing]) ? -1 : 1;
    });
  return { days: inKeyOrder(days, 6), open: inKeyOrder(open, 4) };
}
