/**
 * The hub enforces roles, not only the UI: supervisor-only kinds, manual re-routes, four-eyes approval and the
 * request lifecycle against the hub's own state, the first automatic route, and officers' credentials. A refusal
 * names the mutation, answers the whole push and stores nothing of it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { queryRows } from '../../src-hub/db/database';
import { addOfficer, deactivateOfficer, registerOfficers } from '../../src-hub/officers/registry';
import { BACKENDS, hubClock, startTestHub, type TestHub } from './harness';

const at = '2026-11-02T08:30:00+01:00';
const REPORT = 'IA-2026-0000001';

/** Registered: two supervisors, an officer, and a supervisor who has been deactivated. `x.nobody` is not registered. */
const SUPERVISOR = 'sup.anna';
const OTHER_SUPERVISOR = 'sup.bram';
const OFFICER = 'off.cas';
/** Another officer of the team: not the author of OFFICER's drafts, not a supervisor. */
const COLLEAGUE = 'off.dirk';
const RETIRED = 'sup.oud';
const UNREGISTERED = 'x.nobody';

function mutation<K extends MutationKind>(kind: K, officer: string, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer, at, payload } as AnyMutation;
}

const routingRule = (officer: string) =>
  mutation('routing.put', officer, {
    ruleId: 'hoge-schade',
    rule: { name: 'Hoge schade', position: 10, enabled: true, conditions: { minLossCents: 1_000_000 }, team: 'Team Fraude', priority: 'high', assign: 'balance' },
  });
const directoryEntry = (officer: string) =>
  mutation('directory.put', officer, { entryId: 'bank-ingb', entry: { kind: 'bank', name: 'ING Bank', channel: 'email', email: 'fraude@ing.example', bankCodes: ['INGB'] } });
/** An automatic route by a rule, or (ruleId null) a supervisor's re-route by hand. */
const route = (officer: string, ruleId: string | null, reportId = REPORT) =>
  mutation('report.route', officer, {
    reportId,
    team: 'Team Fraude',
    priority: 'normal',
    assignee: null,
    ruleId,
    reason: ruleId ? 'categorie is bankhelpdeskfraude' : 'hoort bij lopend onderzoek',
    automatic: ruleId !== null,
  });
/** A supervisor applying the rules to a report (the backlog, or after the rules changed). */
const applyRule = (officer: string, reportId = REPORT) =>
  mutation('report.route', officer, { reportId, team: 'Team Fraude', priority: 'high', assignee: null, ruleId: 'hoge-schade', reason: 'schade is hoog', automatic: false });

function createRequest(officer: string, actionId: string = randomUUID()): AnyMutation {
  return mutation('action.create', officer, {
    actionId,
    kind: 'bank_block',
    indicatorType: 'iban',
    indicatorValue: 'NL91ABNA0417164300',
    caseId: null,
    clusterReportId: null,
    title: 'Blokkeringsverzoek NL91ABNA0417164300',
    addresseeId: null,
    reportIds: [REPORT],
    includePersonalData: false,
    legalBasis: 'art. 126nd Sv',
    body: 'Verzoek tot blokkering.',
  });
}

type Step = Pick<MutationPayloads['action.transition'], 'from' | 'to'> & Partial<MutationPayloads['action.transition']>;
const transition = (officer: string, actionId: string, step: Step) =>
  mutation('action.transition', officer, { actionId, reason: null, method: null, occurredAt: null, dueAt: null, reference: null, ...step });
const submit = (officer: string, actionId: string) => transition(officer, actionId, { from: 'draft', to: 'awaiting_approval' });
const approve = (officer: string, actionId: string) => transition(officer, actionId, { from: 'awaiting_approval', to: 'approved' });
const send = (officer: string, actionId: string) =>
  transition(officer, actionId, { from: 'approved', to: 'sent', method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16' });
/** A public prevention warning about a cluster, drafted by `officer`. */
const createWarning = (officer: string): AnyMutation =>
  mutation('action.create', officer, {
    actionId: randomUUID(),
    kind: 'prevention_warning',
    indicatorType: null,
    indicatorValue: null,
    caseId: null,
    clusterReportId: REPORT,
    title: 'Publiekswaarschuwing bankhelpdeskfraude',
    addresseeId: 'communication.preventie',
    reportIds: [REPORT],
    includePersonalData: false,
    legalBasis: 'Publieksvoorlichting (art. 3 Politiewet 2012)',
    body: 'Wat gebeurt er?\n\nOplichters bellen namens uw bank.',
  });
const publish = (officer: string, actionId: string, from: 'approved' | 'sent', reference: string | null = 'politie.nl/nieuws en Facebook Politie Utrecht') =>
  transition(officer, actionId, { from, to: 'executed', occurredAt: '2026-11-03', reference });
const withdraw = (officer: string, actionId: string) => transition(officer, actionId, { from: 'draft', to: 'withdrawn', reason: 'Vervangen door één brief.' });
const requestIdOf = (create: AnyMutation) => (create.payload as { actionId: string }).actionId;

describe.each(BACKENDS)('the hub enforces roles (%s)', (backend) => {
  let hub: TestHub;
  let officerCredential: string;
  let colleagueCredential: string;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    const { db } = hub.database;
    await registerOfficers(db, hubClock(), [
      { id: SUPERVISOR, displayName: 'Inspecteur A. Anna', role: 'supervisor', team: 'Team Fraude' },
      { id: OTHER_SUPERVISOR, displayName: 'Inspecteur B. Bram', role: 'supervisor', team: 'Team Fraude' },
      { id: RETIRED, displayName: 'Inspecteur O. Oud', role: 'supervisor', team: null },
    ]);
    officerCredential = (await addOfficer(db, hubClock(), { id: OFFICER, displayName: 'Agent C. Cas', role: 'officer', team: 'Team Fraude' })).credential;
    colleagueCredential = (await addOfficer(db, hubClock(), { id: COLLEAGUE, displayName: 'Agent D. Dirk', role: 'officer', team: 'Team Fraude' })).credential;
    await deactivateOfficer(db, RETIRED);
  });
  afterAll(() => hub?.close());

  const push = (mutations: AnyMutation[], token = hub.workstationToken) => hub.push(mutations, { token });
  const storedCount = async () => Number((await queryRows<{ n: string }>(hub.database.db, sql`SELECT count(*)::text AS n FROM mutations`))[0]!.n);

  async function expectAccepted(mutations: AnyMutation[], token?: string): Promise<void> {
    const result = await push(mutations, token);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.acks.map((ack) => ack.id)).toEqual(mutations.map((item) => item.id));
  }

  /** Pushes, expects the refusal of `mutations[index]`, and that nothing of the push was stored. */
  async function expectRefused(mutations: AnyMutation[], index: number, status: 400 | 403 | 409, reason: RegExp, token?: string): Promise<void> {
    const before = await storedCount();
    const result = await push(mutations, token);
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    expect(result.body.error.code).toBe({ 400: 'BAD_INPUT', 403: 'FORBIDDEN', 409: 'CONFLICT' }[status]);
    expect(result.body.error.message).toMatch(new RegExp(`^mutations\\[${index}\\] \\(id ${mutations[index]!.id}\\): `));
    expect(result.body.error.message).toMatch(reason);
    expect(result.body.error.refused).toEqual({ index, id: mutations[index]!.id });
    expect(await storedCount()).toBe(before);
  }

  describe('supervisor-only changes', () => {
    it('accepts routing rules and directory entries from an active supervisor', async () => {
      await expectAccepted([routingRule(SUPERVISOR), directoryEntry(OTHER_SUPERVISOR), mutation('routing.remove', SUPERVISOR, { ruleId: 'hoge-schade' })]);
    });

    it('refuses every change of a deactivated supervisor, signed or not (403), and stores nothing of the push', async () => {
      await expectRefused([routingRule(RETIRED)], 0, 403, /officer "sup.oud" has been deactivated; this change is kept for a supervisor to see/);
      await expectRefused([mutation('report.setWorkStatus', RETIRED, { reportId: REPORT, status: 'in_progress' })], 0, 403, /deactivated/);
    });

    it.each([
      ['a registered officer', OFFICER],
      ['an officer unknown to the registry until their first signed change', UNREGISTERED],
    ])('refuses them from %s (403), and stores nothing of the push', async (_who, officer) => {
      const fine = mutation('report.setWorkStatus', officer, { reportId: REPORT, status: 'in_progress' });
      await expectRefused([fine, routingRule(officer)], 1, 403, /only a supervisor may change the routing rules/);
      await expectRefused([directoryEntry(officer)], 0, 403, /only a supervisor may change the directory of addressees/);
      await expectRefused([mutation('directory.remove', officer, { entryId: 'bank-ingb' })], 0, 403, /directory/);
      await expectRefused([mutation('routing.remove', officer, { ruleId: 'hoge-schade' })], 0, 403, /routing rules/);
      await expectRefused([mutation('benign.add', officer, { type: 'phone', value: '+31889898000', reason: 'echt nummer van de bank' })], 0, 403, /benign list/);
    });

    it('keeps accepting ordinary changes from any officer name, as before', async () => {
      await expectAccepted([
        mutation('report.setWorkStatus', UNREGISTERED, { reportId: REPORT, status: 'closed' }),
        mutation('note.add', 'agent.bakker', { noteId: randomUUID(), subjectType: 'report', subjectId: REPORT, body: 'gebeld' }),
      ]);
    });

    it('acknowledges a retried push without judging it again', async () => {
      const { db } = hub.database;
      await registerOfficers(db, hubClock(), [{ id: 'sup.tijdelijk', displayName: 'Inspecteur T. Tijdelijk', role: 'supervisor', team: null }]);
      const rule = routingRule('sup.tijdelijk');
      await expectAccepted([rule]);
      await deactivateOfficer(db, 'sup.tijdelijk');
      const retry = await push([rule]);
      expect(retry.status).toBe(200);
      expect(retry.body.acks[0]!.duplicate).toBe(true);
    });
  });

  describe('routes', () => {
    it('lets only a supervisor re-route by hand or apply the rules', async () => {
      await expectRefused([route(OFFICER, null)], 0, 403, /only a supervisor may re-route a report by hand/);
      await expectAccepted([route(SUPERVISOR, null)]);
      await expectRefused([applyRule(UNREGISTERED)], 0, 403, /only a supervisor may apply the routing rules to a report/);
      await expectAccepted([applyRule(OTHER_SUPERVISOR)]);
    });

    it('keeps the first automatic route of a report and refuses a second (409), whoever routes', async () => {
      const reportId = 'IA-2026-0000077';
      await expectAccepted([route(UNREGISTERED, 'bankhelpdeskfraude', reportId)]);
      await expectRefused([route(OFFICER, 'online-intake', reportId)], 0, 409, /IA-2026-0000077 was routed by a rule already/);
      // Two in one push: the second is refused, and so the first is not kept either.
      const other = 'IA-2026-0000078';
      await expectRefused([route(OFFICER, 'a', other), route(OFFICER, 'b', other)], 1, 409, /routed by a rule already/);
      await expectAccepted([route(OFFICER, 'b', other)]);
      // A supervisor may still re-route it by hand, or apply the rules to it again.
      await expectAccepted([route(SUPERVISOR, null, reportId), applyRule(SUPERVISOR, reportId)]);
    });
  });

  describe('requests (actions)', () => {
    it('follows an officer’s request through four-eyes approval and sending, in several pushes', async () => {
      const create = createRequest(OFFICER);
      const id = requestIdOf(create);
      await expectAccepted([create, submit(OFFICER, id)]);
      await expectRefused([approve(OFFICER, id)], 0, 403, /only a supervisor may approve or send back a request/);
      await expectRefused([approve(UNREGISTERED, id)], 0, 403, /only a supervisor/);
      await expectRefused([approve(RETIRED, id)], 0, 403, /officer "sup.oud" has been deactivated/);
      await expectAccepted([approve(SUPERVISOR, id)]);
      // Approving again from the state someone saw before is stale.
      await expectRefused([approve(OTHER_SUPERVISOR, id)], 0, 409, /the request is "approved" now, not "awaiting_approval"/);
      await expectRefused([transition(OFFICER, id, { from: 'approved', to: 'sent', method: 'email' })], 0, 400, /sending needs the date it was sent/);
      await expectAccepted([send(OFFICER, id)]);
      const [state] = await queryRows<{ state: string; author: string }>(hub.database.db, sql`SELECT state, author FROM request_states WHERE request_id = ${id}::uuid`);
      expect(state).toEqual({ state: 'sent', author: OFFICER });
    });

    it('does not let a supervisor approve or send back their own request', async () => {
      const create = createRequest(SUPERVISOR);
      const id = requestIdOf(create);
      await expectAccepted([create, submit(SUPERVISOR, id)]);
      await expectRefused([approve(SUPERVISOR, id)], 0, 403, /four-eyes: the author of a request may not approve/);
      await expectRefused([transition(SUPERVISOR, id, { from: 'awaiting_approval', to: 'draft', reason: 'IBAN nakijken' })], 0, 403, /four-eyes/);
      await expectAccepted([transition(OTHER_SUPERVISOR, id, { from: 'awaiting_approval', to: 'draft', reason: 'IBAN nakijken' })]);
    });

    it('judges a push in order, with the state its earlier mutations made', async () => {
      const create = createRequest(OFFICER);
      const id = requestIdOf(create);
      await expectAccepted([create, submit(OFFICER, id), approve(SUPERVISOR, id), send(SUPERVISOR, id)]);
      // The refused transition comes after an accepted create: neither is stored, so the request stays unknown.
      const second = createRequest(OFFICER);
      const secondId = requestIdOf(second);
      await expectRefused([second, submit(OFFICER, secondId), approve(OFFICER, secondId)], 2, 403, /only a supervisor/);
      await expectRefused([submit(OFFICER, secondId)], 0, 409, new RegExp(`the hub knows no request ${secondId}`));
    });

    it('refuses transitions the lifecycle does not have, and a request created twice (409)', async () => {
      const create = createRequest(OFFICER);
      const id = requestIdOf(create);
      await expectAccepted([create]);
      await expectRefused([transition(SUPERVISOR, id, { from: 'draft', to: 'approved' })], 0, 409, /cannot become "approved"/);
      await expectRefused([createRequest(SUPERVISOR, id)], 0, 409, new RegExp(`a request with id ${id} exists already`));
    });

    it('lets the author or a supervisor edit a concept, and nobody edit it once submitted', async () => {
      const create = createRequest(OFFICER);
      const id = requestIdOf(create);
      await expectAccepted([create, mutation('action.edit', OFFICER, { actionId: id, title: 'Nieuwe titel' }), mutation('action.edit', SUPERVISOR, { actionId: id, body: 'Aangevuld.' })]);
      await expectRefused([mutation('action.edit', 'off.ander', { actionId: id, title: 'Van een ander' })], 0, 403, /only the author or a supervisor may edit/);
      await expectAccepted([submit(OFFICER, id)]);
      await expectRefused([mutation('action.edit', OFFICER, { actionId: id, title: 'Te laat' })], 0, 409, /cannot be edited; only a draft can/);
      await expectRefused([mutation('action.edit', OFFICER, { actionId: randomUUID(), title: 'Onbekend' })], 0, 409, /the hub knows no request/);
    });

    it('lets the author or a supervisor withdraw a draft, refuses another officer’s session (attack), and nothing follows a withdrawal', async () => {
      const [mine, theirs, submitted] = [createRequest(OFFICER), createRequest(OFFICER), createRequest(OFFICER)];
      const [mineId, theirsId, submittedId] = [mine, theirs, submitted].map(requestIdOf) as [string, string, string];
      await expectAccepted([mine, theirs, submitted, submit(OFFICER, submittedId)], officerCredential);
      await expectRefused([withdraw(COLLEAGUE, mineId)], 0, 403, /only its author or a supervisor may withdraw a draft/, colleagueCredential);
      await expectAccepted([withdraw(OFFICER, mineId)], officerCredential);
      await expectAccepted([withdraw(SUPERVISOR, theirsId)]);
      // Only a draft can be withdrawn, and a withdrawn one is final.
      await expectRefused([withdraw(OFFICER, submittedId)], 0, 409, /"awaiting_approval" now, not "draft"/, officerCredential);
      await expectRefused([transition(OFFICER, mineId, { from: 'withdrawn', to: 'draft' })], 0, 409, /"withdrawn" cannot become "draft" \(it is final\)/, officerCredential);
      await expectRefused([submit(OFFICER, theirsId)], 0, 409, /"withdrawn" now, not "draft"/, officerCredential);
      await expectRefused([mutation('action.edit', SUPERVISOR, { actionId: mineId, title: 'Toch nog' })], 0, 409, /only a draft can/);
    });

    it('updates the bundle while the request is open, not once it is final', async () => {
      const create = createRequest(OFFICER);
      const id = requestIdOf(create);
      await expectAccepted([create, submit(OFFICER, id), approve(SUPERVISOR, id), send(OFFICER, id)]);
      await expectAccepted([mutation('action.setReports', OFFICER, { actionId: id, reportIds: [REPORT, 'IA-2026-0000002'] })]);
      await expectAccepted([transition(OFFICER, id, { from: 'sent', to: 'refused', occurredAt: '2026-11-05', reason: 'Rekening al opgeheven' })]);
      await expectRefused([mutation('action.setReports', OFFICER, { actionId: id, reportIds: [REPORT] })], 0, 409, /"refused" is final/);
    });
  });

  describe('prevention warnings', () => {
    it('refuses a warning approved by its own author, by an officer, published unapproved or without where (attack)', async () => {
      const create = createWarning(SUPERVISOR);
      const id = requestIdOf(create);
      await expectAccepted([create, submit(SUPERVISOR, id)]);
      await expectRefused([approve(SUPERVISOR, id)], 0, 403, /four-eyes: the author of a request may not approve/);
      await expectRefused([approve(OFFICER, id)], 0, 403, /only a supervisor may approve/);
      await expectRefused([transition(SUPERVISOR, id, { from: 'awaiting_approval', to: 'executed', occurredAt: '2026-11-03', reference: 'politie.nl' })], 0, 409, /cannot become "executed"/);
      await expectAccepted([approve(OTHER_SUPERVISOR, id)]);
      await expectRefused([publish(SUPERVISOR, id, 'approved', null)], 0, 400, /publishing a warning needs where it was published/);
      await expectRefused([publish(SUPERVISOR, id, 'approved', '   ')], 0, 400, /needs where it was published/);
      const [state] = await queryRows<{ state: string }>(hub.database.db, sql`SELECT state FROM request_states WHERE request_id = ${id}::uuid`);
      expect(state).toEqual({ state: 'approved' });
    });

    it('publishes a warning approved by a second supervisor, directly or through the communication team (honest twin)', async () => {
      const direct = createWarning(SUPERVISOR);
      const directId = requestIdOf(direct);
      await expectAccepted([direct, submit(SUPERVISOR, directId), approve(OTHER_SUPERVISOR, directId), publish(SUPERVISOR, directId, 'approved')]);
      const viaTeam = createWarning(OFFICER);
      const viaTeamId = requestIdOf(viaTeam);
      await expectAccepted([viaTeam, submit(OFFICER, viaTeamId), approve(SUPERVISOR, viaTeamId), send(OFFICER, viaTeamId), publish(OFFICER, viaTeamId, 'sent')]);
      const states = await queryRows<{ state: string }>(hub.database.db, sql`SELECT state FROM request_states WHERE request_id IN (${directId}::uuid, ${viaTeamId}::uuid)`);
      expect(states).toEqual([{ state: 'executed' }, { state: 'executed' }]);
    });

    it('does not let a request skip sending the way a warning skips it (409)', async () => {
      const create = createRequest(OFFICER);
      const id = requestIdOf(create);
      await expectAccepted([create, submit(OFFICER, id), approve(SUPERVISOR, id)]);
      await expectRefused([publish(SUPERVISOR, id, 'approved')], 0, 409, /cannot become "executed" \(only "sent"\)/);
    });
  });

  it('judges concurrent pushes about the same request or report one after the other', async () => {
    const create = createRequest(OFFICER);
    const id = requestIdOf(create);
    await expectAccepted([create, submit(OFFICER, id)]);
    const approvals = await Promise.all([push([approve(SUPERVISOR, id)]), push([approve(OTHER_SUPERVISOR, id)])]);
    expect(approvals.map((result) => result.status).sort()).toEqual([200, 409]);
    const routes = await Promise.all([push([route(OFFICER, 'a', 'IA-2026-0000099')]), push([route(UNREGISTERED, 'b', 'IA-2026-0000099')])]);
    expect(routes.map((result) => result.status).sort()).toEqual([200, 409]);
  });

  describe('officers’ credentials', () => {
    it('push only their own officer’s changes', async () => {
      await expectAccepted([mutation('report.setWorkStatus', OFFICER, { reportId: REPORT, status: 'in_progress' })], officerCredential);
      // Another officer's change needs that officer's signature: unsigned, the credential cannot vouch for it.
      const mine = mutation('report.setWorkStatus', OFFICER, { reportId: REPORT, status: 'closed' });
      const theirs = mutation('report.setWorkStatus', SUPERVISOR, { reportId: REPORT, status: 'new' });
      const refused = await hub.push([mine, theirs], { token: officerCredential, unsigned: true });
      expect(refused.status).toBe(403);
      expect(refused.body.error.refused).toEqual({ index: 1, id: theirs.id });
      expect(refused.body.error.message).toMatch(new RegExp(`this is the credential of officer "${OFFICER}"; a change made by "${SUPERVISOR}" needs their own signature`));
      // Signed by its officer, it goes with the credential's push (a shift change: the next officer sends it).
      await expectAccepted([mine, theirs], officerCredential);
      // Their role still counts: a credential does not make an officer a supervisor.
      await expectRefused([routingRule(OFFICER)], 0, 403, /only a supervisor/, officerCredential);
    });
  });
});
