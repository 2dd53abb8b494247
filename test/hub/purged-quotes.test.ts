/**
 * A workstation that has not yet purged a report the hub purged may still write a note quoting it on the case that
 * held it, or another text for it. The hub keeps no word of the report to redact the quote on arrival, so it refuses
 * texts for the cases and requests that held a purged report written before every workstation's own daily run removed
 * it too (two days after the day of the purge), 410 as changes naming it are
 * (src-hub/mutations/authority/purged-reports.ts). When a text was written is the earlier of its `at` and the hub's
 * clock at the push, so a text dated ahead is refused as well. Notes on live cases, changes without text, and texts
 * written later for a case reopened after the purge are taken.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { queryRows } from '../../src-hub/db/database';
import { silentLogger } from '../../shared/platform/logger';
import { runHubRetention } from '../../src-hub/retention/run';
import { handClock } from '../support/hand-clock';
import { warningOnCase } from '../support/warning-on-case';
import { REDACTED } from '../../shared/requests/reporter-redaction';
import { filedRecord, IBANS } from '../support/records';
import { BACKENDS, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.wulp';
const quote = 'Ik woon aan de Wulpenkade vierenzestig en betaalde vooruit.';

function mutation<K extends MutationKind>(kind: K, at: string, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer: OFFICER, at, payload } as AnyMutation;
}

describe.each(BACKENDS)('a late note quoting a report the hub purged (%s)', (backend) => {
  let hub: TestHub;
  // The hub's clock: the rule's days are in 2031, when the closed case's period is over.
  const clock = handClock('2031-04-03T08:00:00Z');
  const expired = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: quote } });
  const live = filedRecord({ receivedAt: '2031-03-01T10:00:00Z' });
  const closedCase = randomUUID();
  const liveCase = randomUUID();

  beforeAll(async () => {
    hub = await startTestHub(backend, { clock });
    expect((await hub.postNdjson([expired, live])).imported).toBe(2);
    const pushed = await hub.push([
      mutation('case.create', '2026-04-02T09:00:00Z', { caseId: closedCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [expired.reportId] }),
      mutation('case.update', '2026-04-02T10:00:00Z', { caseId: closedCase, status: 'closed', closeReason: 'Afgehandeld' }),
      mutation('case.create', '2031-03-02T09:00:00Z', { caseId: liveCase, title: 'Tabletfraude', owner: OFFICER, team: null, reportIds: [live.reportId] }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    // The closed case's five years are over on 3 April 2031: the report and its case expire.
    const { outcome } = await runHubRetention(hub.database, { asOf: '2031-04-03', at: new Date('2031-04-03T03:00:00Z'), logger: silentLogger });
    expect(outcome).toMatchObject({ purged: 1, kept: 1 });
  });
  afterAll(() => hub?.close());

  const noteOn = (caseId: string) => mutation('note.add', '2031-04-03T09:00:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: `Melder schreef: ${quote}` });

  it('refuses it (410) and keeps nothing of its text, on the hub or in the feed', async () => {
    clock.set('2031-04-03T09:05:00Z');
    const late = noteOn(closedCase);
    const pushed = await hub.push([late]);
    expect(pushed.status).toBe(410);
    expect(pushed.body.error).toMatchObject({ code: 'RETENTION_WINDOW', refused: { index: 0, id: late.id } });
    expect(pushed.body.error?.message).toMatch(/held reports that expired and were removed/);
    const [kept] = await queryRows<{ payload: unknown }>(hub.database.db, sql`SELECT payload FROM refused_mutations WHERE mutation_id = ${late.id}::uuid`);
    expect(kept?.payload).toEqual({});
    const [stored] = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE '%Wulpenkade%'`);
    expect(stored?.n).toBe(0);
    expect(JSON.stringify(await hub.readAll({ limit: 500 }))).not.toContain('Wulpenkade');
  });

  it('refuses the other texts a late workstation may send for the held case: its new title, a new request on it', async () => {
    clock.set('2031-04-04T12:05:00Z');
    const title = mutation('case.update', '2031-04-04T12:00:00Z', { caseId: closedCase, title: `Fietsfraude: ${quote}` });
    const request = mutation('action.create', '2031-04-04T12:00:00Z', warningOnCase(closedCase, `Een melder schreef: "${quote}"`, 'Publiekswaarschuwing fietsfraude'));
    for (const late of [title, request]) {
      const pushed = await hub.push([late]);
      expect(pushed.status, late.kind).toBe(410);
      expect(pushed.body.error?.message).toMatch(/held reports that expired and were removed/);
    }
    const [stored] = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE '%Wulpenkade%'`);
    expect(stored?.n).toBe(0);
  });

  it('judges a text by the hub’s clock when it is dated ahead, and by its date when it is dated behind (the attack)', async () => {
    clock.set('2031-04-04T12:10:00Z');
    const datedAhead = mutation('note.add', '2031-04-06T09:00:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: closedCase, body: `Melder schreef: ${quote}` });
    const ahead = await hub.push([datedAhead]);
    expect(ahead.status, JSON.stringify(ahead.body)).toBe(410);
    expect(ahead.body.error?.message).toMatch(/held reports that expired and were removed/);
    // Written on a workstation that still held the report, pushed once the window was over: its date counts.
    clock.set('2031-04-06T09:05:00Z');
    const heldBack = await hub.push([noteOn(closedCase)]);
    expect(heldBack.status, JSON.stringify(heldBack.body)).toBe(410);
    const [stored] = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE '%Wulpenkade%'`);
    expect(stored?.n).toBe(0);
  });

  it('takes a reopening at once, and new notes and a new title on the reopened case once the workstations removed the report too (the honest twin)', async () => {
    const reopened = await hub.push([mutation('case.update', '2031-04-03T10:00:00Z', { caseId: closedCase, status: 'in_progress' })]);
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    // Written and pushed after the window: the same date as the attack's note, now true.
    clock.set('2031-04-06T09:10:00Z');
    const later = [
      mutation('note.add', '2031-04-06T09:00:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: closedCase, body: 'Nieuwe aangifte over dezelfde verkoper; zaak heropend.' }),
      mutation('case.update', '2031-04-06T09:05:00Z', { caseId: closedCase, title: 'Fietsfraude (heropend)' }),
    ];
    const pushed = await hub.push(later);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(JSON.stringify(await hub.readAll({ limit: 500 }))).toContain('zaak heropend');
  });

  it('takes the same note on a live case (the honest twin), and the cases’ ids are all the hub remembers of the holders', async () => {
    const pushed = await hub.push([noteOn(liveCase)]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(JSON.stringify(await hub.readAll({ limit: 500 }))).toContain('Wulpenkade');
    const holders = await queryRows<{ subject: string; purged_on: string }>(hub.database.db, sql`SELECT subject, purged_on::text FROM purged_holders`);
    expect(holders).toEqual([{ subject: `case:${closedCase}`, purged_on: '2031-04-03' }]);
  });
});

describe.each(BACKENDS)('a purge run later with a past --as-of (%s)', (backend) => {
  let hub: TestHub;
  const clock = handClock('2031-05-10T02:00:00Z');
  const expired = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: quote } });
  const closedCase = randomUUID();

  beforeAll(async () => {
    hub = await startTestHub(backend, { clock });
    expect((await hub.postNdjson([expired])).imported).toBe(1);
    const pushed = await hub.push([
      mutation('case.create', '2026-04-02T09:00:00Z', { caseId: closedCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [expired.reportId] }),
      mutation('case.update', '2026-04-02T10:00:00Z', { caseId: closedCase, status: 'closed', closeReason: 'Afgehandeld' }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    // Judged as of 3 April, run on 10 May: the workstations still hold the report until their runs after 10 May.
    const { outcome } = await runHubRetention(hub.database, { asOf: '2031-04-03', at: new Date('2031-05-10T03:00:00Z'), logger: silentLogger });
    expect(outcome).toMatchObject({ purged: 1 });
  });
  afterAll(() => hub?.close());

  const noteAt = (at: string) => mutation('note.add', at, { noteId: randomUUID(), subjectType: 'case', subjectId: closedCase, body: `Melder schreef: ${quote}` });

  it('refuses a late quote for two days from the day it ran, not from the --as-of day (the attack)', async () => {
    const holders = await queryRows<{ purged_on: string }>(hub.database.db, sql`SELECT purged_on::text FROM purged_holders`);
    expect(holders).toEqual([{ purged_on: '2031-05-10' }]);
    clock.set('2031-05-11T23:55:00Z');
    const pushed = await hub.push([noteAt('2031-05-11T23:50:00Z')]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(410);
    expect(pushed.body.error).toMatchObject({ code: 'RETENTION_WINDOW' });
  });

  it('takes a note written two days after the day it ran (the honest twin)', async () => {
    clock.set('2031-05-12T00:05:00Z');
    const pushed = await hub.push([noteAt('2031-05-12T00:00:00Z')]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  });
});

describe.each(BACKENDS)('a request made on a case that held a purged report, not listing it (%s)', (backend) => {
  let hub: TestHub;
  const clock = handClock('2031-03-03T08:00:00Z');
  const liveQuote = 'Tweede melder uit Zwolle noemt dezelfde tabletverkoper.';
  // The reporter's own account, named in the story and quoted on its own in a note (spaced and unspaced) beside the
  // suspect's account, which is evidence and stays.
  const ownIbanSpaced = IBANS.muleD.replace(/(.{4})(?!$)/g, '$1 ');
  const ownAccountNote = `Slachtoffer betaalde vanaf ${IBANS.muleD} (in de aangifte: ${ownIbanSpaced}) naar ${IBANS.muleB}.`;
  const expired = filedRecord({
    receivedAt: '2026-04-01T10:00:00Z',
    incident: { summary: 'Fiets niet geleverd', narrative: `${quote} Ik heb betaald vanaf mijn eigen rekening ${ownIbanSpaced} naar ${IBANS.muleB}.` },
  });
  const live = filedRecord({ receivedAt: '2031-03-01T10:00:00Z', incident: { summary: 'Tablet niet geleverd', narrative: liveQuote } });
  const closedCase = randomUUID();
  const liveCase = randomUUID();
  const requestOn = (caseId: string, body: string, at: string) =>
    mutation('action.create', at, warningOnCase(caseId, body));
  const count = async (text: string) =>
    (await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE ${`%${text}%`}`))[0]?.n;

  beforeAll(async () => {
    hub = await startTestHub(backend, { clock });
    expect((await hub.postNdjson([expired, live])).imported).toBe(2);
    const pushed = await hub.push([
      mutation('case.create', '2026-04-02T09:00:00Z', { caseId: closedCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [expired.reportId] }),
      requestOn(closedCase, `Een melder schreef: "${quote}"`, '2026-04-02T09:30:00Z'),
      mutation('note.add', '2026-04-02T09:40:00Z', { noteId: randomUUID(), subjectType: 'case', subjectId: closedCase, body: ownAccountNote }),
      mutation('case.update', '2026-04-02T10:00:00Z', { caseId: closedCase, status: 'closed', closeReason: 'Afgehandeld' }),
      mutation('case.create', '2031-03-02T09:00:00Z', { caseId: liveCase, title: 'Tabletfraude', owner: OFFICER, team: null, reportIds: [live.reportId] }),
      requestOn(liveCase, `Een melder schreef: "${liveQuote}"`, '2031-03-02T09:30:00Z'),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    // The honest twin of the attack: before the purge, the note holds the own account in both notations.
    expect(await count(IBANS.muleD)).toBe(1);
    expect(await count(ownIbanSpaced)).toBe(1);
  });
  afterAll(() => hub?.close());

  it('loses its quotes of the purged report in the feed and the tables, while the request on a live case keeps its words (the twin)', async () => {
    const { outcome } = await runHubRetention(hub.database, { asOf: '2031-04-03', at: new Date('2031-04-03T03:00:00Z'), logger: silentLogger });
    expect(outcome).toMatchObject({ purged: 1, kept: 1 });
    const requests = (await hub.readAll({ limit: 500 })).flatMap((entry) =>
      entry.type === 'mutation' && entry.mutation.kind === 'action.create' ? [entry.mutation.payload as { caseId: string; body: string }] : [],
    );
    const bodyOn = (caseId: string) => requests.find((request) => request.caseId === caseId)?.body;
    expect(bodyOn(closedCase)).toContain(PURGED_QUOTE);
    expect(bodyOn(closedCase)).not.toContain('Wulpenkade');
    expect(bodyOn(liveCase)).toBe(`Een melder schreef: "${liveQuote}"`);
    const [stored] = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM mutations WHERE payload::text LIKE '%Wulpenkade%'`);
    expect(stored?.n).toBe(0);
  });

  it('loses the reporter’s own account quoted on its own in a note on that case, spaced and unspaced, and keeps the suspect’s beside it', async () => {
    const notes = (await hub.readAll({ limit: 500 })).flatMap((entry) =>
      entry.type === 'mutation' && entry.mutation.kind === 'note.add' ? [entry.mutation.payload as { subjectId: string; body: string }] : [],
    );
    expect(notes.filter((note) => note.subjectId === closedCase).map((note) => note.body)).toEqual([
      `Slachtoffer betaalde vanaf ${REDACTED.account} (in de aangifte: ${REDACTED.account}) naar ${IBANS.muleB}.`,
    ]);
    expect(await count(IBANS.muleD)).toBe(0);
    expect(await count(ownIbanSpaced)).toBe(0);
    expect(await count(IBANS.muleB)).toBe(1);
  });
});
