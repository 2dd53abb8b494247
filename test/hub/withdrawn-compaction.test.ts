/**
 * A withdrawal redacts the report on the hub in its transaction, but the rows as they were stay readable in the
 * database's files (dead tuples, the write-ahead log) until the tables are rewritten: the hub does that soon after
 * (src-hub/retention/redaction-compaction.ts), and what it owes is kept in the database until the rewrite succeeded,
 * so a restart or a failed VACUUM FULL does not lose it. Proven by searching the database's own files byte for byte.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { folderHolds } from '../support/raw-bytes';
import { filedRecord, withdrawal } from '../support/records';
import pg from 'pg';
import { connect } from '../../src-hub/db/connect';
import { queryRows, type HubDb } from '../../src-hub/db/database';
import { createHubServer } from '../../src-hub/server';
import { silentLogger, type LogFields, type Logger } from '../../shared/platform/logger';
import { BACKENDS, databaseFiles, freshDatabase, hubClock, startTestHub, type Backend } from './harness';

const OFFICER = 'agent.grutto';

/** A hub holding a report and a note quoting it, about to be told of the report's withdrawal. */
async function quotedOnHub(backend: Backend, options: Parameters<typeof startTestHub>[1], phrase: string) {
  const database = options?.database ?? (await freshDatabase(backend));
  const hub = await startTestHub(backend, { ...options, database });
  const record = filedRecord({ incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${phrase} en betaalde vooruit.` } });
  const caseId = randomUUID();
  expect((await hub.postNdjson([record])).imported).toBe(1);
  const mutations = [
    { id: randomUUID(), kind: 'case.create', officer: OFFICER, at: '2026-11-01T09:00:00Z', payload: { caseId, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [record.reportId] } },
    { id: randomUUID(), kind: 'note.add', officer: OFFICER, at: '2026-11-01T09:01:00Z', payload: { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: `Melder schreef: Ik woon aan de ${phrase} en betaalde vooruit.` } },
  ] as AnyMutation[];
  expect((await hub.push(mutations)).status).toBe(200);
  const files = await databaseFiles(hub, database);
  await hub.database.db.execute(sql`CHECKPOINT`);
  expect(folderHolds(files, phrase)).toBe(true);
  const withdraw = async () => {
    expect((await hub.postNdjson([withdrawal(record, 2)])).updated).toBe(1);
    await hub.database.db.execute(sql`CHECKPOINT`);
  };
  return { hub, files, database, withdraw };
}

/** The same, told of the withdrawal. */
async function withdrawnOnHub(backend: Backend, redactionCompactionDelayMs: number, phrase: string) {
  const quoted = await quotedOnHub(backend, { redactionCompactionDelayMs }, phrase);
  await quoted.withdraw();
  return quoted;
}

/** How many compactions the database says are owed (0 or 1). */
const owed = async (db: HubDb) => (await queryRows<{ id: number }>(db, sql`SELECT id FROM redaction_compaction_due`)).length;

describe.each(BACKENDS)('a withdrawal’s redaction leaves nothing in the hub’s files (%s)', (backend) => {
  it('without a compaction yet, the old rows are still in the files (the honest twin: what the compaction is for)', async () => {
    const phrase = 'Gruttostraat zesenveertig bij het gemaal';
    const { hub, files } = await withdrawnOnHub(backend, 3_600_000, phrase);
    try {
      expect(folderHolds(files, phrase)).toBe(true);
    } finally {
      await hub.close();
    }
  }, 60_000);

  it('rewrites the redacted tables soon after: neither the report’s words nor the note’s quote stay in any file', async () => {
    const phrase = 'Tureluurhof zevenenvijftig achter de kerk';
    const { hub, files } = await withdrawnOnHub(backend, 0, phrase);
    try {
      await expect.poll(() => folderHolds(files, phrase), { timeout: 30_000, interval: 250 }).toBe(false);
      // The report itself stays, withdrawn, and the hub goes on taking reports.
      expect((await hub.postNdjson([filedRecord()])).imported).toBe(1);
      await expect.poll(() => owed(hub.database.db), { timeout: 30_000, interval: 250 }).toBe(0);
    } finally {
      await hub.close();
    }
  }, 60_000);

  it('compacts after a restart inside the window: the compaction owed is kept in the database and taken up at start', async () => {
    const phrase = 'Kemphaanpad achtendertig naast de molen';
    const { hub, files, database } = await withdrawnOnHub(backend, 3_600_000, phrase);
    // The hub stops (an update, a crash after the commit) before its compaction was due.
    expect(await owed(hub.database.db)).toBe(1);
    await hub.app.close();
    await hub.database.close();
    expect(folderHolds(files, phrase)).toBe(true);
    const connection = await connect(database.options);
    const restarted = createHubServer({ database: connection, clock: hubClock(), logger: silentLogger, redactionCompactionDelayMs: 0 });
    try {
      await restarted.ready();
      await expect.poll(() => folderHolds(files, phrase), { timeout: 30_000, interval: 250 }).toBe(false);
      // The database's own files are clean once VACUUM FULL committed; the owed row goes only after the checkpoints that follow.
      await expect.poll(() => owed(connection.db), { timeout: 30_000, interval: 250 }).toBe(0);
    } finally {
      await restarted.close();
      await connection.close();
      await database.dispose();
    }
  }, 90_000);
});

/** How many VACUUM FULL statements run now on the test database (waiting for a lock included). */
async function vacuumsRunning(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ running: number }>(
    "SELECT count(*)::int AS running FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'VACUUM FULL%'",
  );
  return rows[0]!.running;
}

/** A connection to the test database of its own (a long transaction, a reader, an observer). */
async function clientOf(database: Awaited<ReturnType<typeof freshDatabase>>): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: (database.options as { databaseUrl: string }).databaseUrl });
  await client.connect();
  return client;
}

/** A logger keeping each event with its fields. */
function recorder() {
  const entries: Array<{ event: string; fields: LogFields }> = [];
  const keep = (event: string, fields: LogFields = {}) => void entries.push({ event, fields });
  const logger: Logger = { info: keep, warn: keep, error: keep };
  return { logger, entries, events: () => entries.map((entry) => entry.event) };
}

/**
 * A long transaction holds a table the compaction rewrites (PostgreSQL only: PGlite serves one session, so nothing
 * can hold a table against the compaction there). VACUUM FULL waits for it, and every reader of that table would
 * queue behind the VACUUM FULL for as long: so the compaction gives up after its lock timeout, stays owed, and tries
 * again later, each time after a longer wait.
 */
describe('the compaction after a withdrawal, against a long transaction (postgres)', () => {
  it('gives up waiting for the table, so the readers never wait for the long transaction; retries later and clears it', async () => {
    const phrase = 'Scholeksterlaan negentien bij de dijk';
    const log = recorder();
    const database = await freshDatabase('postgres');
    const { hub, files, withdraw } = await quotedOnHub('postgres', { database, redactionCompactionDelayMs: 0, redactionCompactionRetryMs: 300, logger: log.logger }, phrase);
    const [holder, reader, observer] = [await clientOf(database), await clientOf(database), await clientOf(database)];
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT count(*) FROM report_indicators');
      await withdraw();
      await expect.poll(() => vacuumsRunning(observer), { timeout: 30_000, interval: 50 }).toBe(1);
      // A reader of that table asking now is answered while the long transaction still runs (without the
      // compaction's lock timeout it would wait for the whole transaction: here, for the statement timeout).
      await reader.query("SET statement_timeout = '10s'");
      expect((await reader.query('SELECT count(*) FROM report_indicators')).rows).toHaveLength(1);

      const failures = () => log.entries.filter((entry) => entry.event === 'withdrawal.compaction_failed').map((entry) => entry.fields);
      await expect.poll(() => failures().length, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(3);
      expect(failures().slice(0, 3)).toEqual([300, 600, 1200].map((retryInMs) => expect.objectContaining({ sqlState: '55P03', retryInMs }) as unknown));
      // The tables rewritten before the held one may be clean already; what is owed stays owed until all are.
      expect(await owed(hub.database.db)).toBe(1);

      // The long transaction ends; the next try compacts.
      await holder.query('COMMIT');
      await expect.poll(() => owed(hub.database.db), { timeout: 30_000, interval: 250 }).toBe(0);
      expect(log.events()).toContain('withdrawal.compacted');
      await expect.poll(() => folderHolds(files, phrase), { timeout: 30_000, interval: 250 }).toBe(false);
    } finally {
      await Promise.all([holder.end(), reader.end(), observer.end()]);
      await hub.close();
    }
  }, 120_000);

  it('two hubs on one database: one compacts at a time, and the compaction owed is done once', async () => {
    const phrase = 'Wulpenweg drieëntwintig bij het veer';
    const [first, second] = [recorder(), recorder()];
    const database = await freshDatabase('postgres');
    const { hub, files, withdraw } = await quotedOnHub('postgres', { database, redactionCompactionDelayMs: 0, redactionCompactionRetryMs: 100, logger: first.logger }, phrase);
    const connection = await connect(database.options);
    const other = createHubServer({ database: connection, clock: hubClock(), logger: second.logger, redactionCompactionDelayMs: 0, redactionCompactionRetryMs: 100 });
    const [holder, observer] = [await clientOf(database), await clientOf(database)];
    try {
      await other.ready();
      // Held, so that each try lasts its whole lock timeout while the other hub keeps looking.
      await holder.query('BEGIN');
      await holder.query('SELECT count(*) FROM report_indicators');
      await withdraw();
      let most = 0;
      for (const until = Date.now() + 6_000; Date.now() < until; ) {
        most = Math.max(most, await vacuumsRunning(observer));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(most).toBe(1);
      const tried = (log: ReturnType<typeof recorder>) => log.events().filter((event) => event === 'withdrawal.compaction_failed').length;
      expect(tried(first) + tried(second)).toBeGreaterThanOrEqual(2);

      await holder.query('COMMIT');
      await expect.poll(() => owed(hub.database.db), { timeout: 30_000, interval: 100 }).toBe(0);
      // Both hubs look ten times more: nothing is owed, nobody compacts again.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const compacted = [...first.events(), ...second.events()].filter((event) => event === 'withdrawal.compacted');
      expect(compacted).toHaveLength(1);
      await expect.poll(() => folderHolds(files, phrase), { timeout: 30_000, interval: 250 }).toBe(false);
    } finally {
      await Promise.all([holder.end(), observer.end()]);
      await other.close();
      await connection.close();
      await hub.close();
    }
  }, 120_000);
});
