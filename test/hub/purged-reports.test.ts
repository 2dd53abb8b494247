import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { queryRows } from '../../src-hub/db/database';
import { silentLogger } from '../../shared/platform/logger';
import { runHubRetention } from '../../src-hub/retention/run';
import { PURGED_REPORT_REASON } from '../../src-hub/retention/tombstones';
import { filedRecord, withdrawal } from '../support/records';
import { BACKENDS, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.das';
const notePhrase = 'Melder woont boven de Dassenburcht';
const narrativePhrase = 'Dassenlaan zeventien achter het tuinhek';

function mutation<K extends MutationKind>(kind: K, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer: OFFICER, at: '2027-04-06T09:00:00Z', payload } as AnyMutation;
}

/**
 * `purged` was received in April 2026 and is purged by the run of 5 April 2027 (a year of the daily task); `live` was
 * received in November 2026 and stays. What comes afterwards about `purged` — a workstation's late changes, the
 * portal sending it again — is refused; the same about `live`, and a new report, are taken.
 */
describe.each(BACKENDS)('what retention removed does not come back (%s)', (backend) => {
  let hub: TestHub;
  const purged = filedRecord({
    receivedAt: '2026-04-01T10:00:00Z',
    incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${narrativePhrase}.` },
  });
  const live = filedRecord({ receivedAt: '2026-11-01T10:00:00Z' });

  beforeAll(async () => {
    hub = await startTestHub(backend);
    expect((await hub.postNdjson([purged, live])).imported).toBe(2);
    const { outcome } = await runHubRetention(hub.database, { asOf: '2027-04-05', at: new Date('2027-04-05T03:00:00Z'), logger: silentLogger });
    expect(outcome).toMatchObject({ purged: 1, kept: 1 });
  });
  afterAll(() => hub?.close());

  const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(hub.database.db, query))[0]?.n);
  const feedText = async () => JSON.stringify(await hub.readAll({ limit: 500 }));

  const note = (reportId: string) => mutation('note.add', { noteId: randomUUID(), subjectType: 'report', subjectId: reportId, body: `${notePhrase} (${reportId})` });
  const lateChanges = () => [
    note(purged.reportId),
    mutation('report.assign', { reportId: purged.reportId, assignee: OFFICER }),
    mutation('report.setWorkStatus', { reportId: purged.reportId, status: 'in_progress' }),
    mutation('link.decide', { reportA: live.reportId, reportB: purged.reportId, decision: 'confirmed', reason: 'zelfde IBAN' }),
    mutation('case.create', { caseId: randomUUID(), title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [live.reportId, purged.reportId] }),
  ];

  it('refuses a late change about a purged report (410, naming it), stores nothing of it and keeps the refusal for supervisors without its content', async () => {
    for (const change of lateChanges()) {
      const pushed = await hub.push([change]);
      expect(pushed.status, change.kind).toBe(410);
      expect(pushed.body.error).toMatchObject({ code: 'CONFLICT', refused: { index: 0, id: change.id } });
      expect(pushed.body.error?.message).toMatch(/expired and was removed under the retention period/);
      const [kept] = await queryRows<{ kind: string; payload: unknown; reason: string }>(
        hub.database.db,
        sql`SELECT kind, payload, reason FROM refused_mutations WHERE mutation_id = ${change.id}::uuid`,
      );
      expect(kept).toMatchObject({ kind: change.kind, payload: {} });
      expect(kept?.reason).toMatch(/retention period/);
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE ${`%${purged.reportId}%`}`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM refused_mutations WHERE payload::text LIKE ${`%${purged.reportId}%`} OR reason LIKE ${`%${purged.reportId}%`}`)).toBe(0);
    const feed = await feedText();
    for (const text of [notePhrase, purged.reportId]) expect(feed).not.toContain(text);
  });

  it('refuses the purged report’s change in a push of several, after taking the ones before it', async () => {
    const first = note(live.reportId);
    const pushed = await hub.push([first, note(purged.reportId)]);
    expect(pushed.status).toBe(410);
    expect(pushed.body.error?.refused?.index).toBe(1);
    // Nothing of the push is stored (the workstation sends the first again alone).
    expect(await count(sql`SELECT count(*)::int AS n FROM mutations WHERE id = ${first.id}::uuid`)).toBe(0);
  });

  it('takes the same changes about a live report (the honest twin)', async () => {
    const changes = [
      note(live.reportId),
      mutation('report.assign', { reportId: live.reportId, assignee: OFFICER }),
      mutation('case.create', { caseId: randomUUID(), title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [live.reportId] }),
    ];
    const pushed = await hub.push(changes);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(pushed.body.acks).toHaveLength(3);
    expect(await feedText()).toContain(`${notePhrase} (${live.reportId})`);
  });

  it('refuses the portal sending a purged report again, any revision, with a reason that names no value; a withdrawal of it is ignored', async () => {
    const again = { ...purged, revision: 2, receivedAt: '2027-04-06T08:00:00Z' };
    const summary = await hub.postNdjson([purged, again, withdrawal(purged, 3, '2027-04-06T09:00:00Z')]);
    expect(summary).toEqual({
      read: 3,
      imported: 0,
      updated: 0,
      ignored: 1,
      rejected: [
        { line: 1, reason: PURGED_REPORT_REASON },
        { line: 2, reason: PURGED_REPORT_REASON },
      ],
    });
    expect(PURGED_REPORT_REASON).not.toContain(purged.reportId);
    expect(await count(sql`SELECT count(*)::int AS n FROM report_revisions WHERE report_id = ${purged.reportId}`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM reports WHERE report_id = ${purged.reportId}`)).toBe(0);
    const feed = await feedText();
    for (const text of [narrativePhrase, purged.reportId]) expect(feed).not.toContain(text);
  });

  it('takes a new report and a live report’s revision in the same batch (the honest twins), each on its own line', async () => {
    const fresh = filedRecord({ receivedAt: '2027-04-06T08:00:00Z' });
    const summary = await hub.postNdjson([fresh, { ...purged, revision: 4 }, { ...live, revision: 2, receivedAt: '2027-04-06T08:30:00Z' }]);
    expect(summary).toEqual({ read: 3, imported: 1, updated: 1, ignored: 0, rejected: [{ line: 2, reason: PURGED_REPORT_REASON }] });
    expect(await feedText()).toContain(fresh.reportId);
  });

  it('keeps only a keyed hash of the purged report’s id: neither the id nor its plain SHA-256 is in the tombstones', async () => {
    const rows = await queryRows<{ report_key: string }>(hub.database.db, sql`SELECT report_key FROM purged_reports`);
    expect(rows).toHaveLength(1);
    const plain = createHash('sha256').update(purged.reportId);
    for (const form of [purged.reportId, plain.copy().digest('hex'), plain.copy().digest('base64url'), plain.digest('base64')]) {
      expect(rows[0]!.report_key).not.toBe(form);
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM purge_key`)).toBe(1);
  });
});
