/**
 * The hub's retention run rewrites the tables it purged from (src-hub/retention/compact.ts). VACUUM FULL waits for
 * any transaction holding one of them, and every reader of that table queues behind it: so the run gives up after
 * its lock timeout, logs `retention.compaction_failed`, and records the rewrite as owed, which the next run makes
 * good even when nothing new expired. Proven against a real lock on PostgreSQL, by the tables' file numbers (VACUUM
 * FULL gives a table new files) and by searching the database's files for the purged words.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../shared/platform/logger';
import { queryRows, type HubDb } from '../../src-hub/db/database';
import { runHubRetention } from '../../src-hub/retention/run';
import { folderHolds } from '../support/raw-bytes';
import { filedRecord } from '../support/records';
import { BACKENDS, databaseFiles, freshDatabase, startTestHub, type Backend, type TestDatabase, type TestHub } from './harness';

/** A logger keeping each event with its fields. */
function recorder() {
  const entries: Array<{ event: string; fields: LogFields }> = [];
  const keep = (event: string, fields: LogFields = {}) => void entries.push({ event, fields });
  const logger: Logger = { info: keep, warn: keep, error: keep };
  return { logger, entries };
}

/** Which file holds the table now: VACUUM FULL writes it anew, so the number changes when it rewrote the table. */
async function fileOf(db: HubDb, table: string): Promise<string> {
  const [row] = await queryRows<{ file: string }>(db, sql`SELECT pg_relation_filenode(${table}::regclass)::text AS file`);
  return row!.file;
}

const compactedFlags = async (db: HubDb) => (await queryRows<{ compacted: boolean }>(db, sql`SELECT compacted FROM retention_runs ORDER BY id`)).map((row) => row.compacted);

/** A hub holding a report received on 1 April 2026, which the run of 3 April 2027 purges, and one that stays. */
async function hubWithExpiring(backend: Backend, phrase: string) {
  const database = await freshDatabase(backend);
  const hub = await startTestHub(backend, { database });
  const expiring = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
  expect((await hub.postNdjson([expiring, filedRecord({ receivedAt: '2027-03-01T10:00:00Z' })])).imported).toBe(2);
  const files = await databaseFiles(hub, database);
  await hub.database.db.execute(sql`CHECKPOINT`);
  expect(folderHolds(files, phrase)).toBe(true);
  return { hub, database, files };
}

const run = (hub: TestHub, asOf: string, logger: Logger) => runHubRetention(hub.database, { asOf, at: new Date(`${asOf}T03:00:00Z`), logger });

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe.each(BACKENDS)('the retention run’s compaction, nothing in its way (%s)', (backend) => {
  it('rewrites the purged tables at once, and a later run with nothing expired and nothing owed rewrites nothing', async () => {
    const phrase = 'Lepelaarstraat dertien bij de sluis';
    const log = recorder();
    const { hub, files } = await hubWithExpiring(backend, phrase);
    cleanups.push(() => hub.close());
    const before = await fileOf(hub.database.db, 'report_revisions');

    expect(await run(hub, '2027-04-03', log.logger)).toMatchObject({ outcome: { purged: 1, kept: 1 }, compacted: true });
    const rewritten = await fileOf(hub.database.db, 'report_revisions');
    expect(rewritten).not.toBe(before);
    expect(folderHolds(files, phrase)).toBe(false);

    expect(await run(hub, '2027-04-04', log.logger)).toMatchObject({ outcome: { purged: 0, kept: 1 }, compacted: true });
    expect(await fileOf(hub.database.db, 'report_revisions')).toBe(rewritten);
    expect(await compactedFlags(hub.database.db)).toEqual([true, true]);
    expect(log.entries).toEqual([]);
  }, 90_000);
});

describe('the retention run’s compaction against a transaction holding a purged table (postgres)', () => {
  it('purges, gives up rewriting after its lock timeout with retention.compaction_failed, and the next run rewrites once the table is free', async () => {
    const phrase = 'Kluutlaan eenendertig tegenover het gemaal';
    const log = recorder();
    const { hub, database, files } = await hubWithExpiring('postgres', phrase);
    cleanups.push(() => hub.close());
    const holder = await clientOf(database);
    cleanups.push(() => holder.end());
    const before = await fileOf(hub.database.db, 'report_revisions');

    // A report or an administrator's session reading the indicators in a long transaction.
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE report_indicators IN ACCESS SHARE MODE');
    const started = Date.now();
    const held = await run(hub, '2027-04-03', log.logger);
    // It gave up after its 2 s lock timeout instead of waiting for the transaction.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(held).toMatchObject({ outcome: { purged: 1, kept: 1 }, compacted: false, walCleared: false });
    expect(log.entries).toEqual([{ event: 'retention.compaction_failed', fields: { sqlState: '55P03', lockTimeoutMs: 2_000 } }]);
    // The purge itself is done; the table after the held one in the rewrite is not rewritten, its old rows still in its files.
    const [left] = await queryRows<{ reports: number }>(hub.database.db, sql`SELECT count(*)::int AS reports FROM reports`);
    expect(left?.reports).toBe(1);
    expect(await fileOf(hub.database.db, 'report_revisions')).toBe(before);
    await hub.database.db.execute(sql`CHECKPOINT`);
    expect(folderHolds(files, phrase)).toBe(true);
    expect(await compactedFlags(hub.database.db)).toEqual([false]);

    // The transaction ends; the next day's run has nothing new to purge, and rewrites what is owed.
    await holder.query('COMMIT');
    expect(await run(hub, '2027-04-04', log.logger)).toMatchObject({ outcome: { purged: 0, kept: 1 }, compacted: true });
    expect(await fileOf(hub.database.db, 'report_revisions')).not.toBe(before);
    expect(folderHolds(files, phrase)).toBe(false);
    expect(await compactedFlags(hub.database.db)).toEqual([false, true]);
    expect(log.entries).toHaveLength(1);
  }, 90_000);
});

/** A connection to the test database of its own, holding a lock as another session would. */
async function clientOf(database: TestDatabase): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: (database.options as { databaseUrl: string }).databaseUrl });
  await client.connect();
  return client;
}
