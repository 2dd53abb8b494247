/**
 * A push of a text for a case and the purge of a report the case held, at the same moment on two connections of a
 * PostgreSQL hub: the purge reads the notes it redacts, and the push checks whether the case held a purged report.
 * A push judged before the purge commits, and committed after the purge read the notes, would keep its quote. Both
 * lock the case (src-hub/db/locks.ts), so the purge waits for the push and redacts it. The test holds the push at
 * the feed's lock, after its checks, while the purge runs. (PGlite serves one connection: nothing to race there.)
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { connect, type HubConnection } from '../../src-hub/db/connect';
import { inTransaction, queryRows } from '../../src-hub/db/database';
import { FEED_LOCK } from '../../src-hub/db/locks';
import { silentLogger } from '../../shared/platform/logger';
import { runHubRetention } from '../../src-hub/retention/run';
import { handClock } from '../support/hand-clock';
import { filedRecord } from '../support/records';
import { until } from '../support/shared-station';
import { freshDatabase, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.tureluur';
const quote = 'Ik woon aan de Tureluurlaan dertien en betaalde vooruit.';

function mutation<K extends MutationKind>(kind: K, at: string, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer: OFFICER, at, payload } as AnyMutation;
}

describe('a purge and a push for a case that held the purged report, at once (postgres)', () => {
  let hub: TestHub;
  let second: HubConnection;
  const clock = handClock('2031-04-03T08:00:00Z');
  const expired = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: quote } });
  const live = filedRecord({ receivedAt: '2031-03-01T10:00:00Z' });
  const closedCase = randomUUID();

  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    hub = await startTestHub('postgres', { database, clock });
    second = await connect(database.options);
    expect((await hub.postNdjson([expired, live])).imported).toBe(2);
    const pushed = await hub.push([
      mutation('case.create', '2026-04-02T09:00:00Z', { caseId: closedCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [expired.reportId] }),
      mutation('case.update', '2026-04-02T10:00:00Z', { caseId: closedCase, status: 'closed', closeReason: 'Afgehandeld' }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  });
  afterAll(async () => {
    await second?.close();
    await hub?.close();
  });

  /** Advisory locks waited for in this database (the push at the feed's, and the purge at the case's once it waits). */
  const waiting = async () =>
    (
      await queryRows<{ n: number }>(
        second.db,
        sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )
    )[0]!.n;
  const purgeCommitted = async () => (await queryRows<{ n: number }>(second.db, sql`SELECT count(*)::int AS n FROM purged_holders`))[0]!.n > 0;

  it('keeps no quote: the purge waits for the push and redacts its note', async () => {
    clock.set('2031-04-03T09:05:00Z');
    const [note] = await hub.sign([
      mutation('note.add', '2031-04-03T09:00:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: closedCase, body: `Melder schreef: ${quote}` }),
    ]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const feedHolder = inTransaction(
      second.db,
      async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${sql.raw(FEED_LOCK.toString())})`);
        holding();
        await released;
      },
      1,
    );
    await held;
    // The push is judged and waits at the feed's lock, uncommitted.
    const push = hub.push([note!], { unsigned: true });
    await until('the push waits at the feed', async () => (await waiting()) === 1);
    const run = runHubRetention(hub.database, { asOf: '2031-04-03', at: new Date('2031-04-03T09:06:00Z'), logger: silentLogger });
    // Either the purge committed past the push (the race), or it waits for the push's lock on the case.
    await until('the purge commits or waits', async () => (await purgeCommitted()) || (await waiting()) === 2);
    release();
    await feedHolder;
    const pushed = await push;
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect((await run).outcome).toMatchObject({ purged: 1, kept: 1 });
    const [stored] = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE '%Tureluurlaan%'`);
    expect(stored?.n).toBe(0);
    const feed = JSON.stringify(await hub.readAll({ limit: 500 }));
    expect(feed).not.toContain('Tureluurlaan');
    // The note itself stays, its quote redacted (the honest part of it).
    expect(feed).toContain('Melder schreef: [verwijderd: bewaartermijn verstreken]');
  });
});
