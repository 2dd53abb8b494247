/**
 * A colleague's workstation that has not yet pulled a withdrawal pushes a note quoting the reporter on the case that
 * holds the report (each engine turn pushes before it pulls). The withdrawal redacted the quotes the hub held at
 * intake; this one arrives after it, so the hub refuses it (410) as it refuses a late text for a purged report's
 * holders: the withdrawal remembered the report's cases and requests with its day. A late note on the withdrawn
 * report itself is refused too (mutations/authority/withdrawn-notes.ts). The same notes on a case that never held the
 * report, and on a report still filed, are taken whole.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { queryRows } from '../../src-hub/db/database';
import { handClock } from '../support/hand-clock';
import { filedRecord, withdrawal } from '../support/records';
import { BACKENDS, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.grutto';
const reporterPhone = '06-24681357';
const sentence = 'Ik woon aan de Gruttostraat negentien en betaalde vooruit.';

function mutation<K extends MutationKind>(kind: K, at: string, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer: OFFICER, at, payload } as AnyMutation;
}

describe.each(BACKENDS)('a late note quoting a report withdrawn on the hub (%s)', (backend) => {
  let hub: TestHub;
  const clock = handClock('2026-11-02T08:00:00Z');
  const quoted = filedRecord({ reporter: { type: 'person', name: 'G. Grutto', phone: reporterPhone }, incident: { summary: 'Fiets niet geleverd', narrative: sentence } });
  const other = filedRecord();
  const heldCase = randomUUID();
  const otherCase = randomUUID();

  beforeAll(async () => {
    hub = await startTestHub(backend, { clock });
    expect((await hub.postNdjson([quoted, other])).imported).toBe(2);
    const pushed = await hub.push([
      mutation('case.create', '2026-11-02T07:00:00Z', { caseId: heldCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [quoted.reportId] }),
      mutation('case.create', '2026-11-02T07:00:00Z', { caseId: otherCase, title: 'Andere zaak', owner: OFFICER, team: null, reportIds: [other.reportId] }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    clock.set('2026-11-02T09:00:00Z');
    expect((await hub.postNdjson([withdrawal(quoted, 2, '2026-11-02T08:55:00Z')])).updated).toBe(1);
  });
  afterAll(() => hub?.close());

  // Written on the colleague's workstation before it pulled the withdrawal.
  const noteOn = (caseId: string) =>
    mutation('note.add', '2026-11-02T08:58:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: `Melder schreef: "${sentence}" Bel ${reporterPhone}.` });

  const storedQuotes = async () =>
    (await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE '%Gruttostraat%' OR payload::text LIKE ${`%${reporterPhone}%`}`))[0]?.n;

  it('refuses it (410) and keeps nothing of its text, in the hub’s tables or its feed (the attack)', async () => {
    clock.set('2026-11-02T09:05:00Z');
    const late = noteOn(heldCase);
    const pushed = await hub.push([late]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(410);
    expect(pushed.body.error).toMatchObject({ code: 'RETENTION_WINDOW', refused: { index: 0, id: late.id } });
    expect(pushed.body.error?.message).toMatch(/withdrawn by their reporter/);
    const [kept] = await queryRows<{ payload: unknown }>(hub.database.db, sql`SELECT payload FROM refused_mutations WHERE mutation_id = ${late.id}::uuid`);
    expect(kept?.payload).toEqual({});
    expect(await storedQuotes()).toBe(0);
    const feed = JSON.stringify(await hub.readAll({ limit: 500 }));
    expect(feed).not.toContain('Gruttostraat');
    expect(feed).not.toContain(reporterPhone);
  });

  it('refuses a note on the withdrawn report itself, written before the workstation pulled the withdrawal (the attack)', async () => {
    clock.set('2026-11-02T09:06:00Z');
    const late = mutation('note.add', '2026-11-02T08:59:00Z', { noteId: randomUUID(), subjectType: 'report', subjectId: quoted.reportId, body: `Teruggebeld op ${reporterPhone}` });
    const pushed = await hub.push([late]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(410);
    expect(pushed.body.error).toMatchObject({ code: 'RETENTION_WINDOW', refused: { index: 0, id: late.id } });
    expect(pushed.body.error?.message).toMatch(/the report was withdrawn by its reporter/);
    expect(await storedQuotes()).toBe(0);
  });

  it('takes the same note on a report still filed (the honest twin)', async () => {
    const pushed = await hub.push([mutation('note.add', '2026-11-02T08:59:00Z', { noteId: randomUUID(), subjectType: 'report', subjectId: other.reportId, body: 'Teruggebeld, geen gehoor.' })]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  });

  it('remembers the case that held it with the day of the withdrawal, and nothing of the report', async () => {
    const holders = await queryRows<{ subject: string; purged_on: string }>(hub.database.db, sql`SELECT subject, purged_on::text FROM purged_holders`);
    expect(holders).toEqual([{ subject: `case:${heldCase}`, purged_on: '2026-11-02' }]);
  });

  it('takes the same note on a case that never held the report, whole (the honest twin)', async () => {
    const pushed = await hub.push([noteOn(otherCase)]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(await storedQuotes()).toBe(1);
    expect(JSON.stringify(await hub.readAll({ limit: 500 }))).toContain('Gruttostraat');
  });
});
