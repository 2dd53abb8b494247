/**
 * Review M2 on the hub: a report's audit trail finds the intake batch entries (`reports.received`, up to 500 reports
 * each) that name it through `audit_entry_reports`, filled as a push is accepted, instead of searching the details of
 * every batch entry. Tried with reports whose ids differ in one digit's place (…0001, …0010, …0100), with entries in
 * the older one-a-report form beside the batch form; the question's plan reads no entry's details; a purge drops the
 * report's rows and keeps the entries; an upgrade from a hub holding batch entries fills the index from them. On PGlite
 * and PostgreSQL; and on PostgreSQL, a push accepted while a purge is under way on another connection.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainEntry } from '../../shared/audit/chain';
import type { AuditEntriesResponse, HubErrorBody } from '../../shared/hub/protocol';
import { silentLogger } from '../../shared/platform/logger';
import { pageQuery, questionWhere } from '../../src-hub/audit/questions';
import { connect, type HubConnection } from '../../src-hub/db/connect';
import type { Scope } from '../../src-hub/feed/scope';
import { inTransaction, queryRows, type HubDb } from '../../src-hub/db/database';
import { HUB_MIGRATIONS_FOLDER, hubMigrations, migrateHub } from '../../src-hub/db/migrate';
import { addOfficer } from '../../src-hub/officers/registry';
import { purgeReports } from '../../src-hub/retention/purge';
import { buryReports } from '../../src-hub/retention/tombstones';
import { runHubRetention } from '../../src-hub/retention/run';
import { filedRecord } from '../support/records';
import { until } from '../support/shared-station';
import { chainOf, signedPush, type LoggedEntry } from '../support/audit-push';
import { BACKENDS, freshDatabase, hubClock, startTestHub, type TestHub } from './harness';

const ONE = 'IA-2026-0000001';
const TEN = 'IA-2026-0000010';
const HUNDRED = 'IA-2026-0000100';

type Logged = LoggedEntry;

const batch = (at: string, details: Record<string, unknown>): Logged => ({ at, actor: 'system:import', action: 'reports.received', subjectType: 'reports', subjectId: 'intake', details });
const viewed = (at: string, reportId: string): Logged => ({ at, actor: 'agent.jansen', action: 'report.viewed', subjectType: 'report', subjectId: reportId, details: { purpose: 'Beoordelen van de melding' } });

const indexRows = (db: HubDb) => queryRows<{ report_id: string; seq: number }>(db, sql`SELECT report_id, seq FROM audit_entry_reports ORDER BY report_id, seq`);

describe.each(BACKENDS)('the hub’s index of intake batch entries (%s)', (backend) => {
  let hub: TestHub;
  let privacy: string;
  const station = randomUUID();
  const LOG: Logged[] = [
    batch('2026-11-02T08:00:00.000Z', { received: [[ONE, 1], [TEN, 1]] }),
    batch('2026-11-02T08:01:00.000Z', { received: [[HUNDRED, 1]], revised: [[ONE, 2, 1]] }),
    // The older form, one entry a report, as stores written before the batch entries hold it.
    { at: '2026-11-02T08:02:00.000Z', actor: 'system:import', action: 'report.revised', subjectType: 'report', subjectId: TEN, details: { revision: 2, previous: 1 } },
    batch('2026-11-02T08:03:00.000Z', { withdrawn: [[TEN, 3]] }),
    viewed('2026-11-02T08:04:00.000Z', HUNDRED),
  ];
  const log = chainOf([...LOG, batch('2026-11-02T08:05:00.000Z', { received: [[ONE, 3], [TEN, 4]] })]);

  const trail = async (reportId: string) => {
    const answer = await hub.request<AuditEntriesResponse & HubErrorBody>(`/v1/audit/entries?report=${reportId}`, { token: privacy });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.entries.map((entry) => entry.seq);
  };
  const push = (entries: readonly ChainEntry[]) => hub.request('/v1/audit', { token: hub.workstationToken, contentType: 'application/json', body: JSON.stringify(signedPush(station, entries)) });

  beforeAll(async () => {
    hub = await startTestHub(backend);
    // ONE arrived long ago and expires at the retention run below; the others stay.
    await hub.postNdjson([filedRecord({ reportId: ONE, receivedAt: '2026-04-01T10:00:00Z' }), filedRecord({ reportId: TEN, receivedAt: '2026-11-01T10:00:00Z' }), filedRecord({ reportId: HUNDRED, receivedAt: '2026-11-01T10:00:00Z' })]);
    privacy = (await addOfficer(hub.database.db, hubClock(), { id: 'privacy.officer', displayName: 'privacy.officer', role: 'privacy', team: null, scope: '*' })).credential;
    expect((await push(log.slice(0, LOG.length))).status).toBe(200);
  });
  afterAll(() => hub?.close());

  it('keeps a row for each report a batch entry names, as the push is accepted', async () => {
    expect(await indexRows(hub.database.db)).toEqual([
      { report_id: ONE, seq: 1 },
      { report_id: ONE, seq: 2 },
      { report_id: TEN, seq: 1 },
      { report_id: TEN, seq: 4 },
      { report_id: HUNDRED, seq: 2 },
    ]);
  });

  it('finds for each report its own entries only, in the batch form and the older one', async () => {
    expect(await trail(ONE)).toEqual([2, 1]);
    expect(await trail(TEN)).toEqual([4, 3, 1]);
    expect(await trail(HUNDRED)).toEqual([5, 2]);
    expect(await trail('IA-2026-0001000')).toEqual([]);
  });

  it('plans the question without reading any entry’s details: the batch entries are found by the index', async () => {
    const question = { report: TEN, officer: null, from: null, to: null, asOf: null, after: null, limit: 500, workstation: null };
    for (const scope of ['*', ['Midden-Nederland']] satisfies Scope[]) {
      const plan = await inTransaction(hub.database.db, async (tx) => {
        // A few rows make a sequential scan the cheapest plan; what matters is which plan is possible at 1M reports.
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        return (await queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN ${pageQuery(question, questionWhere(question, scope, new Date().toISOString()))}`)).map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('audit_entry_reports_report_id_workstation_id_seq_pk');
      expect(plan).not.toMatch(/strpos|details/);
      expect(plan).not.toMatch(/Seq Scan on audit_entr/);
    }
  });

  it('drops a purged report’s rows and keeps the entries; a late push naming it indexes only the others', async () => {
    const entries = async () => (await queryRows<{ count: number }>(hub.database.db, sql`SELECT count(*)::int AS count FROM audit_entries`))[0]!.count;
    const before = await entries();
    expect((await runHubRetention(hub.database, { asOf: '2027-04-02', at: new Date('2027-04-02T03:00:00Z'), logger: silentLogger })).outcome).toMatchObject({ purged: 1, kept: 2 });
    expect(await entries()).toBe(before);
    expect((await indexRows(hub.database.db)).map((row) => row.report_id)).not.toContain(ONE);
    expect(await trail(ONE)).toEqual([]);
    expect(await trail(TEN)).toEqual([4, 3, 1]);

    // The workstation sends an entry written before the purge, naming the purged report and one still held.
    expect((await push(log.slice(LOG.length))).status).toBe(200);
    expect(await indexRows(hub.database.db)).toEqual([
      { report_id: TEN, seq: 1 },
      { report_id: TEN, seq: 4 },
      { report_id: TEN, seq: 6 },
      { report_id: HUNDRED, seq: 2 },
    ]);
  });
});

/** The hub's migrations as the release before the index shipped them. */
function migrationsBeforeIndex() {
  const journal = JSON.parse(readFileSync(join(HUB_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag.endsWith('_audit_entry_reports'));
  expect(index).toBeGreaterThan(0);
  return hubMigrations().slice(0, index);
}

describe.each(BACKENDS)('upgrading a hub that holds intake batch entries (%s)', (backend) => {
  it('fills the index from the entries held: every report id they list, none of a purged report, nothing from details that are not a batch’s', async () => {
    const testDatabase = await freshDatabase(backend, { empty: true });
    const database = await connect(testDatabase.options);
    try {
      await migrateHub(database.db, migrationsBeforeIndex());
      const purged = 'IA-2026-0000002';
      await buryReports(database.db, [{ reportId: purged, regions: ['Rotterdam'] }]);
      const station = randomUUID();
      const held: Array<[action: string, subjectType: string, subjectId: string, details: string | null]> = [
        ['reports.received', 'reports', 'intake', JSON.stringify({ received: [[ONE, 1], [TEN, 1], [purged, 1]] })],
        ['reports.received', 'reports', 'intake', JSON.stringify({ revised: [[ONE, 2, 1]], withdrawn: [[HUNDRED, 2], [HUNDRED, 2]] })],
        ['report.received', 'report', HUNDRED, JSON.stringify({ revision: 1 })],
        // What a workstation may have sent as details and the hub stored as hashed: none of it names a report.
        ['reports.received', 'reports', 'intake', 'not json {'],
        ['reports.received', 'reports', 'intake', JSON.stringify([[ONE, 1]])],
        ['reports.received', 'reports', 'intake', JSON.stringify({ received: { [ONE]: 1 }, revised: [ONE, [7, 1], ['IA-1', 1]] })],
        ['reports.received', 'reports', 'intake', null],
      ];
      for (const [index, [action, subjectType, subjectId, details]] of held.entries()) {
        await database.db.execute(
          sql`INSERT INTO audit_entries (workstation_id, seq, at, actor, action, subject_type, subject_id, details, entry_hash, received_at)
              VALUES (${station}, ${index + 1}, '2026-11-02T08:00:00.000Z', 'system:import', ${action}, ${subjectType}, ${subjectId}, ${details}, ${'0'.repeat(64)}, now())`,
        );
      }

      await migrateHub(database.db);
      expect(await indexRows(database.db)).toEqual([
        { report_id: ONE, seq: 1 },
        { report_id: ONE, seq: 2 },
        { report_id: TEN, seq: 1 },
        { report_id: HUNDRED, seq: 2 },
      ]);
    } finally {
      await database.close();
      await testDatabase.dispose();
    }
  });
});

/**
 * Both run READ COMMITTED: a push that read the tombstones before the purge committed, and wrote its rows after the
 * purge emptied the index, kept a row (and no regions) for the purged report. The purge is held open on a second
 * connection once it has done all its work; this is the hub's first purge, so not even the tombstones' key exists.
 */
describe('a push accepted while a purge is under way (postgres)', () => {
  let hub: TestHub;
  let second: HubConnection;
  const station = randomUUID();
  const expired = filedRecord({ reportId: ONE, receivedAt: '2026-04-01T10:00:00Z' });
  const kept = filedRecord({ reportId: TEN, receivedAt: '2026-11-01T10:00:00Z' });
  let expiredRegions: string[];

  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    hub = await startTestHub('postgres', { database });
    second = await connect(database.options);
    await hub.postNdjson([expired, kept]);
    expiredRegions = (await queryRows<{ regions: string[] }>(hub.database.db, sql`SELECT regions FROM reports WHERE report_id = ${ONE}`))[0]!.regions;
    expect(expiredRegions.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await second?.close();
    await hub?.close();
  });

  const waitingForLocks = async () =>
    (
      await queryRows<{ n: number }>(
        second.db,
        sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )
    )[0]!.n;

  it('waits for the purge, then indexes the report still held and keeps the regions of the purged one', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let purged!: () => void;
    const done = new Promise<void>((resolve) => (purged = resolve));
    const purge = inTransaction(
      second.db,
      async (tx) => {
        await purgeReports(tx, [ONE]);
        purged();
        await released;
      },
      1,
    );
    await done;

    const log = chainOf([batch('2026-11-02T08:00:00.000Z', { received: [[ONE, 1], [TEN, 1]] }), viewed('2026-11-02T08:01:00.000Z', ONE)]);
    let answered = false;
    const push = hub
      .request('/v1/audit', { token: hub.workstationToken, contentType: 'application/json', body: JSON.stringify(signedPush(station, log)) })
      .finally(() => (answered = true));
    // Either the push was accepted past the open purge (the race), or it waits for it.
    await until('the push is answered or waits', async () => answered || (await waitingForLocks()) === 1);
    release();
    await purge;
    expect((await push).status).toBe(200);

    expect(await indexRows(hub.database.db)).toEqual([{ report_id: TEN, seq: 1 }]);
    const regions = await queryRows<{ report_id: string; regions: string[] }>(hub.database.db, sql`SELECT report_id, regions FROM audit_report_regions`);
    expect(regions).toEqual([{ report_id: ONE, regions: expiredRegions }]);
  });
});
