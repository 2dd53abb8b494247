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
import { silentLogger, type Logger } from '../../shared/platform/logger';
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
      expect(await owed(hub.database.db)).toBe(0);
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
      expect(await owed(connection.db)).toBe(0);
    } finally {
      await restarted.close();
      await connection.close();
      await database.dispose();
    }
  }, 90_000);
});

/**
 * A compaction that fails (here: cancelled while it waits for a table that a long reader holds, as an administrator
 * would cancel it) stays owed, and the hub's next look clears it. PostgreSQL only: PGlite serves one session, so no
 * reader can hold a table against the compaction there.
 */
describe('a failed compaction after a withdrawal (postgres)', () => {
  it('stays owed and a later attempt clears it; the words then leave the files', async () => {
    const phrase = 'Scholeksterlaan negentien bij de dijk';
    const events: string[] = [];
    const logger: Logger = { info: (event) => events.push(event), warn: (event) => events.push(event), error: (event) => events.push(event) };
    const database = await freshDatabase('postgres');
    const { hub, files, withdraw } = await quotedOnHub('postgres', { database, redactionCompactionDelayMs: 0, redactionCompactionRetryMs: 300, logger }, phrase);
    const reader = new pg.Client({ connectionString: (database.options as { databaseUrl: string }).databaseUrl });
    await reader.connect();
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM report_indicators');
      await withdraw();
      const waitingCompaction = async () =>
        (await reader.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'VACUUM FULL%' AND wait_event_type = 'Lock'")).rows[0]?.pid;
      await expect.poll(waitingCompaction, { timeout: 30_000, interval: 100 }).toBeDefined();
      await reader.query('SELECT pg_cancel_backend($1)', [await waitingCompaction()]);
      await expect.poll(() => events.includes('withdrawal.compaction_failed'), { timeout: 30_000, interval: 100 }).toBe(true);
      expect(await owed(hub.database.db)).toBe(1);
      // The reader ends; the hub's next look (every 300 ms here) compacts.
      await reader.query('COMMIT');
      await expect.poll(() => owed(hub.database.db), { timeout: 30_000, interval: 250 }).toBe(0);
      expect(events).toContain('withdrawal.compacted');
      await expect.poll(() => folderHolds(files, phrase), { timeout: 30_000, interval: 250 }).toBe(false);
    } finally {
      await reader.end();
      await hub.close();
    }
  }, 90_000);
});
