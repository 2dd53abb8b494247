/**
 * The backlog reads its older reports from the open totals without the day (`open_report_counts`) less the days
 * after a boundary: as of a past day (reports received after it), with a service level longer than a month (an
 * overdue cutoff before the oldest age bucket's boundary), for one team, and with reports closed only after the
 * as-of day, every number still equals a plain count over the records. The totals themselves equal a recount from
 * the reports after every kind of write, and an upgraded store gets them filled.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/platform/clock';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { openStore, type CaseStore } from '../../../src-main/db/open-store';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { writeOverviewSettings, DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { migrationsBefore } from '../../support/older-migrations';
import { withdrawal } from '../../support/records';
import { tempDir } from '../../support/temp-store';
import { AS_OF, quietRecords, workingDaysIndependent } from './support';

const DAY_MS = 86_400_000;
/** The harness's clock, when the closures below are made. */
const CLOSED_AT = '2026-11-02T09:00:00Z';
const LEVELS = { default: 5, byCategory: { bank_helpdesk_fraud: 2, marketplace_fraud: 45 } };
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** The totals as kept, and counted afresh from the reports (filed, not closed) in SQL apart from the triggers. */
const openKept = (sqlite: Database.Database) => sqlite.prepare('SELECT category, region, team, assignee, reports FROM open_report_counts ORDER BY 1, 2, 3, 4').raw().all();
const openFromReports = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), count(*) FROM reports
        WHERE status = 'filed' AND work_status <> 'closed' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .raw()
    .all();

/** The backlog's numbers counted over the records themselves (quiet records are received 02:00–12:00 UTC: the UTC day is the Dutch day). */
function plainBacklog(records: readonly IntakeRecord[], options: { asOf: string; team: string | null; closed: ReadonlySet<string>; teamOf: ReadonlyMap<string, string | null> }) {
  const byAge = { '0-2d': 0, '3-7d': 0, '8-30d': 0, '31d+': 0 };
  const byCategory: Record<string, { open: number; overdue: number }> = {};
  let open = 0;
  let overdue = 0;
  const workingDays = new Map<string, number>();
  for (const record of records) {
    const day = record.receivedAt.slice(0, 10);
    if (day > options.asOf) continue;
    if (options.team !== null && options.teamOf.get(record.reportId) !== options.team) continue;
    // Closed on the harness's day, or on receipt when that came later; open as of an earlier day.
    const closedOn = (record.receivedAt > CLOSED_AT ? record.receivedAt : CLOSED_AT).slice(0, 10);
    if (options.closed.has(record.reportId) && closedOn <= options.asOf) continue;
    const age = dayNumber(options.asOf) - dayNumber(day);
    byAge[age <= 2 ? '0-2d' : age <= 7 ? '3-7d' : age <= 30 ? '8-30d' : '31d+'] += 1;
    if (!workingDays.has(day)) workingDays.set(day, workingDaysIndependent(day, options.asOf));
    const level = LEVELS.byCategory[record.category as keyof typeof LEVELS.byCategory] ?? LEVELS.default;
    const late = workingDays.get(day)! > level ? 1 : 0;
    open += 1;
    overdue += late;
    byCategory[record.category] ??= { open: 0, overdue: 0 };
    byCategory[record.category]!.open += 1;
    byCategory[record.category]!.overdue += late;
  }
  return { open, overdue, byAge, byCategory };
}

async function importInto(store: CaseStore, records: readonly IntakeRecord[]): Promise<void> {
  const writer = createReportWriter(store, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
  await importNdjson(Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]), writer);
}

describe('the backlog from the open totals without the day', () => {
  it('equals a plain count as of past days, with a level longer than a month, per team and with later closures', async () => {
    const records = quietRecords(600, 23, 150);
    const api = await openApiHarness({ records });
    const supervisor = api.as(SUPERVISOR);
    const sqlite = api.store.sqlite;
    writeOverviewSettings(sqlite, { ...DEFAULT_OVERVIEW_SETTINGS, serviceLevels: LEVELS });
    const officers = ['s.bakker', 'j.devries', 'e.yilmaz'];
    for (const [index, officer] of officers.entries()) {
      await api.value('report.assign', { reportIds: records.slice(0, 180).filter((_, at) => at % 3 === index).map((record) => record.reportId), assignee: officer });
    }
    await supervisor.value('report.reroute', { reportIds: records.slice(100, 400).map((record) => record.reportId), team: 'Team Cybercrime', priority: 'normal', assignee: null, reason: 'Test' });
    const closed = new Set(records.slice(150, 300).map((record) => record.reportId));
    await api.value('report.setWorkStatus', { reportIds: [...closed], status: 'closed' });
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));

    const teamOf = new Map(sqlite.prepare<[], [string, string | null]>('SELECT report_id, route_team FROM reports').raw().all());
    const asOfs = [AS_OF, daysBefore(AS_OF, 4), daysBefore(AS_OF, 40), daysBefore(AS_OF, 90)];
    // Reports received after the earlier as-of days, and reports closed only after one of them.
    expect(records.filter((record) => record.receivedAt > `${asOfs[2]}T23`).length).toBeGreaterThan(50);
    expect(asOfs[2]! < CLOSED_AT.slice(0, 10)).toBe(true);
    for (const asOf of asOfs) {
      for (const team of [null, 'Team Cybercrime']) {
        const { backlog } = computeOverview(sqlite, { asOf, team });
        const plain = plainBacklog(records, { asOf, team, closed, teamOf });
        expect(plain.byCategory.marketplace_fraud?.open ?? 0, `${asOf} ${team}`).toBeGreaterThan(0);
        expect(backlog, `${asOf} ${team}`).toMatchObject(plain);
        expect(Object.keys(backlog.byCategory).sort()).toEqual(Object.keys(plain.byCategory).sort());
      }
    }
    // A long level leaves reports of a month and more open without being overdue, so both sides of its cutoff are there.
    const { backlog } = computeOverview(sqlite, { asOf: AS_OF, team: null });
    expect(backlog.byCategory.marketplace_fraud!.overdue).toBeGreaterThan(0);
    expect(backlog.byCategory.marketplace_fraud!.overdue).toBeLessThan(backlog.byAge['31d+']);
  }, 120_000);

  it('gives an assignee the officers table has no team for the team of their first open group, and only them', async () => {
    const records = quietRecords(30, 3, 20);
    // Signed in as an officer not known here: added to the officers table without a team.
    const api = await openApiHarness({ records, officer: 'k.nieuw' });
    const supervisor = api.as(SUPERVISOR);
    const ids = records.map((record) => record.reportId);
    await supervisor.value('report.reroute', { reportIds: ids, team: 'Team Cybercrime', priority: 'normal', assignee: null, reason: 'Test' });
    await supervisor.value('report.assign', { reportIds: ids.slice(0, 5), assignee: 'k.nieuw' });
    await supervisor.value('report.assign', { reportIds: ids.slice(5, 9), assignee: 's.bakker' });
    expect(api.store.sqlite.prepare("SELECT team FROM officers WHERE id = 'k.nieuw'").pluck().get()).toBeNull();
    const { backlog } = computeOverview(api.store.sqlite, { asOf: AS_OF, team: null });
    expect(backlog.byOfficer['k.nieuw']).toMatchObject({ open: 5, team: 'Team Cybercrime', teamMedian: 5 });
    // The officers table's team wins over the reports' routing.
    expect(backlog.byOfficer['s.bakker']).toMatchObject({ open: 4, team: 'Team Fraude', teamMedian: 4 });
  });

  it('are a recount of the open reports after assignments, closures, re-opening and withdrawals', async () => {
    const records = quietRecords(60, 5, 60);
    const api = await openApiHarness({ records });
    const supervisor = api.as(SUPERVISOR);
    const sqlite = api.store.sqlite;
    const ids = records.map((record) => record.reportId);
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));
    expect(openKept(sqlite).length).toBeGreaterThan(3);
    await api.value('report.assign', { reportIds: ids.slice(0, 20), assignee: 's.bakker' });
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));
    await api.value('report.setWorkStatus', { reportIds: ids.slice(10, 30), status: 'closed' });
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));
    await api.value('report.setWorkStatus', { reportIds: ids.slice(10, 15), status: 'in_progress' });
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));
    await supervisor.value('report.reroute', { reportIds: ids.slice(5, 25), team: 'Team Fraude', priority: 'normal', assignee: null, reason: 'Test' });
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));
    await api.importRecords(records.slice(0, 8).map((record) => withdrawal(record, 2)));
    expect(openKept(sqlite)).toEqual(openFromReports(sqlite));
    // Every report closed: no total is left, not even a zero.
    await api.value('report.setWorkStatus', { reportIds: ids, status: 'closed' });
    expect(openKept(sqlite)).toEqual([]);
  });

  it('are filled from the day groups when a store of the release before is opened', async () => {
    const path = join(tempDir(), 'old.db');
    const records = quietRecords(80, 9, 60);
    const old = openStore({ path, migrationsFolder: migrationsBefore('_overview_open_counts') });
    await importInto(old, records);
    expect(old.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'open_report_counts'").pluck().get()).toBe(0);
    old.close();

    const store = openStore({ path });
    try {
      expect(openKept(store.sqlite)).toEqual(openFromReports(store.sqlite));
      expect(openKept(store.sqlite).reduce((sum: number, row) => sum + (row as number[])[4]!, 0)).toBe(records.length);
      expect(computeOverview(store.sqlite, { asOf: AS_OF, team: null }).backlog.open).toBe(records.length);
    } finally {
      store.close();
    }
  });
});
