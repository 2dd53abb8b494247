/**
 * A report taken out of a case before the hub purges it or its reporter withdraws it: the case it was taken out of,
 * and a request made on that case, may still quote it, as on the workstation (test/security/former-case-quotes.test.ts).
 * Their texts lose its words, and a late text for them is refused within the window (410) — an edit of the request
 * on the case as well as a note on the case — while a case that never listed it takes one. Being taken out ends the
 * case's hold: the report expires on its own period, while the one still in the case is held.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { queryRows } from '../../src-hub/db/database';
import { silentLogger } from '../../shared/platform/logger';
import { runHubRetention } from '../../src-hub/retention/run';
import { handClock } from '../support/hand-clock';
import { filedRecord, withdrawal } from '../support/records';
import { warningOnCase } from '../support/warning-on-case';
import { BACKENDS, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.grutto';
const purgedSentence = 'Ik woon aan de Gruttostraat negentien en betaalde vooruit.';
const withdrawnSentence = 'Ik woon aan de Kemphaanlaan drie en betaalde vooruit.';

function mutation<K extends MutationKind>(kind: K, at: string, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer: OFFICER, at, payload } as AnyMutation;
}

describe.each(BACKENDS)('a report taken out of its case before it goes (%s)', (backend) => {
  let hub: TestHub;
  const clock = handClock('2026-11-01T09:00:00Z');
  const purged = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: purgedSentence } });
  const withdrawn = filedRecord({ receivedAt: '2026-10-01T10:00:00Z', incident: { summary: 'Tablet niet geleverd', narrative: withdrawnSentence } });
  // As old as the purged one, and still in both cases: held while they are open.
  const stays = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
  const stranger = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
  const purgedCase = randomUUID();
  const withdrawnCase = randomUUID();
  const strangerCase = randomUUID();
  const onPurgedCase = warningOnCase(purgedCase, `Een melder schreef: "${purgedSentence}"`);
  const onWithdrawnCase = warningOnCase(withdrawnCase, `Een melder schreef: "${withdrawnSentence}"`);

  const storedWith = async (text: string) =>
    (await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE ${`%${text}%`}`))[0]?.n;

  beforeAll(async () => {
    hub = await startTestHub(backend, { clock });
    expect((await hub.postNdjson([purged, withdrawn, stays, stranger])).imported).toBe(4);
    const at = '2026-11-01T08:00:00Z';
    const pushed = await hub.push([
      mutation('case.create', at, { caseId: purgedCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [purged.reportId, stays.reportId] }),
      mutation('case.create', at, { caseId: withdrawnCase, title: 'Tabletfraude', owner: OFFICER, team: null, reportIds: [withdrawn.reportId, stays.reportId] }),
      mutation('case.create', at, { caseId: strangerCase, title: 'Andere zaak', owner: OFFICER, team: null, reportIds: [stranger.reportId] }),
      mutation('note.add', at, { noteId: randomUUID(), subjectType: 'case', subjectId: purgedCase, body: `Melder schreef: "${purgedSentence}"` }),
      mutation('note.add', at, { noteId: randomUUID(), subjectType: 'case', subjectId: withdrawnCase, body: `Melder schreef: "${withdrawnSentence}"` }),
      mutation('action.create', at, onPurgedCase),
      mutation('action.create', at, onWithdrawnCase),
      mutation('case.removeReports', at, { caseId: purgedCase, reportIds: [purged.reportId] }),
      mutation('case.removeReports', at, { caseId: withdrawnCase, reportIds: [withdrawn.reportId] }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  });
  afterAll(() => hub?.close());

  it('withdrawn: its words leave the case it was taken out of and the request on it, and a late edit of that request is refused', async () => {
    clock.set('2026-11-01T10:00:00Z');
    expect(await hub.postNdjson([withdrawal(withdrawn, 2, '2026-11-01T09:30:00Z')])).toMatchObject({ updated: 1 });
    expect(await storedWith('Kemphaanlaan')).toBe(0);
    const edit = mutation('action.edit', '2026-11-01T10:00:00Z', { actionId: onWithdrawnCase.actionId, body: `Nogmaals: "${withdrawnSentence}"` });
    const refused = await hub.push([edit]);
    expect(refused.status).toBe(410);
    expect(refused.body.error).toMatchObject({ code: 'RETENTION_WINDOW', refused: { index: 0, id: edit.id } });
    // The twin: a case that never listed it takes a note the same day.
    const taken = await hub.push([mutation('note.add', '2026-11-01T10:00:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: strangerCase, body: 'Betaalde vooruit, niets ontvangen.' })]);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  });

  it('purged on its own period though its case is open, its former case and the request on it refuse late texts; a case that never listed it takes one', async () => {
    const { outcome } = await runHubRetention(hub.database, { asOf: '2027-06-01', at: new Date('2027-06-01T03:00:00Z'), logger: silentLogger });
    expect(outcome).toMatchObject({ purged: 1, held: { openCase: 1 } });
    const reports = await queryRows<{ report_id: string }>(hub.database.db, sql`SELECT report_id FROM reports`);
    expect(reports.map((row) => row.report_id)).not.toContain(purged.reportId);
    expect(reports.map((row) => row.report_id)).toContain(stays.reportId);
    expect(await storedWith('Gruttostraat')).toBe(0);

    clock.set('2027-06-01T09:00:00Z');
    const lateAt = '2027-06-01T09:00:00Z';
    const lateNote = mutation('note.add', lateAt, { noteId: randomUUID(), subjectType: 'case', subjectId: purgedCase, body: `Melder schreef: "${purgedSentence}"` });
    const lateEdit = mutation('action.edit', lateAt, { actionId: onPurgedCase.actionId, body: `Nogmaals: "${purgedSentence}"` });
    for (const late of [lateNote, lateEdit]) {
      const pushed = await hub.push([late]);
      expect(pushed.status, late.kind).toBe(410);
      expect(pushed.body.error, late.kind).toMatchObject({ code: 'RETENTION_WINDOW' });
    }
    expect(await storedWith('Gruttostraat')).toBe(0);
    const taken = await hub.push([mutation('note.add', lateAt, { noteId: randomUUID(), subjectType: 'case', subjectId: strangerCase, body: 'Verkoper levert nooit, let op bij vooruitbetalen.' })]);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  });
});
