/**
 * Issue 14 §1, tried as an attacker on a workstation would, against a running hub (PGlite and PostgreSQL): every
 * change must come with proof from the officer it names. Each attack sits beside its honest twin.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubErrorBody, KeyRegistered, PushResponse, RefusedChangesResponse, SessionResponse } from '../../shared/hub/protocol';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { revokeOfficerKeys } from '../../src-hub/auth/officer-keys';
import { addOfficer, deactivateOfficer } from '../../src-hub/officers/registry';
import { generateSigningKey, signingKeyOf, signMutation, type OfficerSigningKey } from '../../src-main/mutations/officer-signing';
import { createHubClient } from '../../src-main/sync/hub-client';
import { enrollOfficer, keyEnrolmentOffer, takeEnrolledKey } from '../../src-main/sync/officer-enrollment';
import { openTempStore } from '../support/temp-store';
import { BACKENDS, hubClock, startTestHub, type TestHub } from '../hub/harness';

const SUPERVISOR = 'sup.smit';
const OFFICER = 'agent.visser';
const COLLEAGUE = 'agent.bos';
const LEAVER = 'agent.weg';
const REPORT = 'IA-2026-0000001';

const mutation = <K extends MutationKind>(kind: K, officer: string, payload: MutationPayloads[K]): AnyMutation =>
  ({ id: randomUUID(), kind, officer, at: '2026-11-02T09:00:00Z', payload }) as AnyMutation;
const note = (officer: string) => mutation('note.add', officer, { noteId: randomUUID(), subjectType: 'report', subjectId: REPORT, body: 'Melder gebeld.' });
const routingRemove = (officer: string) => mutation('routing.remove', officer, { ruleId: 'hoge-schade' });
const benignAdd = (officer: string) => mutation('benign.add', officer, { type: 'phone', value: '+31889898000', reason: 'echt nummer van de bank' });

describe.each(BACKENDS)('officers prove who they are (%s)', (backend) => {
  let hub: TestHub;
  const credentials: Record<string, string> = {};
  const keys: Record<string, OfficerSigningKey> = {};

  const post = <T>(path: string, body: unknown, token?: string) => hub.request<T>(path, { token, contentType: 'application/json', body: JSON.stringify(body) });
  const push = (mutations: AnyMutation[], token: string) => post<PushResponse & HubErrorBody>('/v1/mutations', { mutations }, token);
  const sessionFor = async (officer: string) => {
    const answer = await post<SessionResponse>('/v1/sessions', { credential: credentials[officer] });
    expect(answer.status).toBe(200);
    return answer.body.session;
  };
  const signed = (item: AnyMutation) => signMutation(item, keys[item.officer]!);
  const expectRefusal = (answer: { status: number; body: PushResponse & HubErrorBody }, status: number, reason: RegExp) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.error.message).toMatch(reason);
  };

  beforeAll(async () => {
    hub = await startTestHub(backend);
    const { db } = hub.database;
    for (const [id, role] of [[SUPERVISOR, 'supervisor'], [OFFICER, 'officer'], [COLLEAGUE, 'officer'], [LEAVER, 'officer']] as const) {
      credentials[id] = (await addOfficer(db, hubClock(), { id, displayName: id, role, team: 'Team Fraude' })).credential;
      keys[id] = generateSigningKey();
      // Registered as a workstation does at sign-in: under the officer's own session.
      const registered = await post<KeyRegistered>('/v1/keys', { publicKey: keys[id].publicKey }, await sessionFor(id));
      expect(registered.body.keyId).toBe(keys[id].keyId);
    }
  });
  afterAll(() => hub?.close());

  describe('a shared station token', () => {
    it.each([
      ['a supervisor’s routing change', () => routingRemove(SUPERVISOR)],
      ['a supervisor’s benign-list change', () => benignAdd(SUPERVISOR)],
      ['an officer’s note', () => note(OFFICER)],
    ])('cannot push %s unsigned (403), but pushes it signed by its officer', async (_what, make) => {
      const change = make();
      expectRefusal(await push([change], hub.workstationToken), 403, /a shared workstation token cannot push an unsigned change/);
      const honest = await push([signed(change)], hub.workstationToken);
      expect(honest.status, JSON.stringify(honest.body)).toBe(200);
    });

    it('cannot push a supervisor’s approval of another officer’s request unsigned', async () => {
      const actionId = randomUUID();
      const create = signed(mutation('action.create', OFFICER, { actionId, kind: 'bank_block', indicatorType: 'iban', indicatorValue: 'NL91ABNA0417164300', caseId: null, clusterReportId: null, title: 'Blokkade', addresseeId: null, reportIds: [REPORT], includePersonalData: false, legalBasis: 'art. 126nd Sv', body: 'Verzoek.' }));
      const submit = signed(mutation('action.transition', OFFICER, { actionId, from: 'draft', to: 'awaiting_approval', reason: null, method: null, occurredAt: null, dueAt: null, reference: null }));
      expect((await push([create, submit], hub.workstationToken)).status).toBe(200);
      const approve = mutation('action.transition', SUPERVISOR, { actionId, from: 'awaiting_approval', to: 'approved', reason: null, method: null, occurredAt: null, dueAt: null, reference: null });
      expectRefusal(await push([approve], hub.workstationToken), 403, /cannot push an unsigned change/);
      expect((await push([signed(approve)], hub.workstationToken)).status).toBe(200);
    });

    it('cannot push a note in the name of an officer nobody registered, signed or not', async () => {
      const stranger = generateSigningKey();
      const unregistered = note('x.niemand');
      expectRefusal(await push([unregistered], hub.workstationToken), 403, /"x.niemand" is not an officer in the hub's registry/);
      expectRefusal(await push([signMutation(unregistered, stranger)], hub.workstationToken), 403, /not an officer in the hub's registry/);
      // Nor can anyone register a key for them: keys are registered under an officer's own session.
      expect((await post('/v1/keys', { publicKey: stranger.publicKey }, hub.workstationToken)).status).toBe(403);
    });
  });

  describe('signatures', () => {
    it('refuses a forged signature, a changed body under a signature and a key of another officer', async () => {
      const honest = signed(note(OFFICER));
      const tampered = { ...honest, payload: { ...honest.payload, body: 'Iets anders.' } } as AnyMutation;
      expectRefusal(await push([tampered], hub.workstationToken), 403, /its signature does not match its content/);
      const forged = { ...honest, proof: { keyId: honest.proof!.keyId, signature: 'A'.repeat(86) } };
      expectRefusal(await push([forged], hub.workstationToken), 403, /signature does not match/);
      const foreign = signMutation(note(OFFICER), keys[COLLEAGUE]!);
      expectRefusal(await push([foreign], hub.workstationToken), 403, new RegExp(`names "${OFFICER}" but is signed with a key of "${COLLEAGUE}"`));
      const unknownKey = signMutation(note(OFFICER), generateSigningKey());
      expectRefusal(await push([unknownKey], hub.workstationToken), 403, /a key the hub does not know/);
      expect((await push([honest], hub.workstationToken)).status).toBe(200);
    });

    it('refuses a registration that carries a private key, or another officer’s registered key', async () => {
      const mine = generateSigningKey();
      const session = await sessionFor(OFFICER);
      expect((await post('/v1/keys', { publicKey: { ...mine.publicKey, d: 'secret' } }, session)).status).toBe(400);
      expect((await post('/v1/keys', { publicKey: keys[COLLEAGUE]!.publicKey }, session)).status).toBe(409);
      expect((await post('/v1/keys', { publicKey: mine.publicKey }, session)).status).toBe(200);
    });
  });

  describe('an officer’s credential or session', () => {
    it('pushes its own officer’s change unsigned, never another officer’s', async () => {
      const session = await sessionFor(OFFICER);
      for (const token of [credentials[OFFICER]!, session]) {
        expect((await push([note(OFFICER)], token)).status).toBe(200);
        expectRefusal(await push([note(COLLEAGUE)], token), 403, new RegExp(`of officer "${OFFICER}"; a change made by "${COLLEAGUE}" needs their own signature`));
        expectRefusal(await push([routingRemove(SUPERVISOR)], token), 403, /needs their own signature/);
      }
      // A shift change: the colleague's signed change made earlier goes under this session, as the colleague's.
      expect((await push([signed(note(COLLEAGUE))], session)).status).toBe(200);
    });

    it('refuses sign-in with an unknown credential or a shared token, with reasons a person understands', async () => {
      expect((await post<HubErrorBody>('/v1/sessions', { credential: 'pzh_' + 'x'.repeat(43) })).body.error.message).toMatch(/unknown or has been replaced/);
      const shared = await post<HubErrorBody>('/v1/sessions', { credential: hub.workstationToken });
      expect(shared.status).toBe(403);
      expect(shared.body.error.message).toMatch(/shared workstation token, not an officer’s credential/);
      expect((await post('/v1/sessions', {})).status).toBe(400);
      const oversized = await post<HubErrorBody>('/v1/sessions', { credential: 'x'.repeat(70 * 1024) });
      expect(oversized.status).toBe(413);
      expect(oversized.body.error.message).toMatch(/too large \(at most 64 KB here\)/);
    });

    it('refuses an expired session (401) and takes a renewed or fresh one', async () => {
      const session = await sessionFor(OFFICER);
      const renewed = await post<{ expiresAt: string }>('/v1/sessions/renew', {}, session);
      expect(renewed.status).toBe(200);
      // The test hub's clock moves 1 s per reading; a session from a hub with a 1 ms lifetime has ended at once.
      const shortHub = await startTestHub(backend, { sessionLifetimeMs: 1 });
      try {
        const { credential } = await addOfficer(shortHub.database.db, hubClock(), { id: OFFICER, displayName: OFFICER, role: 'officer', team: null });
        const opened = await shortHub.request<SessionResponse>('/v1/sessions', { contentType: 'application/json', body: JSON.stringify({ credential }) });
        const expired = await shortHub.request<HubErrorBody>('/v1/whoami', { token: opened.body.session });
        expect(expired.status).toBe(401);
        expect(expired.body.error.message).toMatch(/session has expired; sign in again/);
        expect((await shortHub.request('/v1/whoami', { token: credential })).status).toBe(200);
      } finally {
        await shortHub.close();
      }
    });

    it('stops working when the officer signs out', async () => {
      const session = await sessionFor(COLLEAGUE);
      expect((await hub.request('/v1/sessions/current', { method: 'DELETE', token: session })).status).toBe(200);
      expect((await push([note(COLLEAGUE)], session)).status).toBe(401);
    });

    it('stops working at once on sign-out, before the hub hears the database announce it', async () => {
      // The hub trusts a session it checked for a while; on PostgreSQL the announcement arrives after the answer.
      const deaf = await startTestHub(backend, { deafToCredentialNews: true });
      try {
        const { credential } = await addOfficer(deaf.database.db, hubClock(), { id: OFFICER, displayName: OFFICER, role: 'officer', team: null });
        const open = async () => (await deaf.request<SessionResponse>('/v1/sessions', { contentType: 'application/json', body: JSON.stringify({ credential }) })).body.session;
        const whoami = (token: string) => deaf.request('/v1/whoami', { token });
        const leaving = await open();
        const staying = await open();
        expect((await whoami(leaving)).status).toBe(200);
        expect((await whoami(staying)).status).toBe(200);
        expect((await deaf.request('/v1/sessions/current', { method: 'DELETE', token: leaving })).status).toBe(200);
        expect((await whoami(leaving)).status).toBe(401);
        expect((await whoami(staying)).status).toBe(200);
      } finally {
        await deaf.close();
      }
    });
  });

  describe('a captured push replayed under another token', () => {
    it('changes nothing: acknowledged as the same mutation, and a changed body under its id is 409', async () => {
      const original = signed(note(OFFICER));
      const first = await push([original], credentials[OFFICER]!);
      expect(first.status).toBe(200);
      const otherToken = await hub.token('workstation', 'elders');
      const replay = await push([original], otherToken);
      expect(replay.body.acks).toEqual([{ id: original.id, seq: first.body.acks[0]!.seq, duplicate: true }]);
      const changed = signed({ ...original, payload: { ...original.payload, body: 'Anders.' } } as AnyMutation);
      expect((await push([changed], otherToken)).status).toBe(409);
    });
  });

  describe('a deactivated officer', () => {
    it('cannot sign in or push with their credential, and their signed offline change is refused and kept for a supervisor', async () => {
      const offline = signed(note(LEAVER));
      const before = await sessionFor(LEAVER);
      await deactivateOfficer(hub.database.db, LEAVER);
      const credential = await hub.request<HubErrorBody>('/v1/whoami', { token: credentials[LEAVER] });
      expect(credential.status).toBe(403);
      expect(credential.body.error.message).toMatch(/deactivated/);
      expect((await hub.request('/v1/whoami', { token: before })).status).toBe(403);
      expect((await post<HubErrorBody>('/v1/sessions', { credential: credentials[LEAVER] })).status).toBe(403);

      const refused = await push([offline], hub.workstationToken);
      expectRefusal(refused, 403, /has been deactivated; this change is kept for a supervisor to see/);
      expect(refused.body.error.refused).toEqual({ index: 0, id: offline.id });

      const list = await hub.request<RefusedChangesResponse>('/v1/refused', { token: await sessionFor(SUPERVISOR) });
      expect(list.status).toBe(200);
      expect(list.body.refused).toContainEqual(expect.objectContaining({ mutationId: offline.id, officer: LEAVER, kind: 'note.add', pushedBy: 'workstation-all' }));
      expect((await hub.request('/v1/refused', { token: await sessionFor(OFFICER) })).status).toBe(403);
      expect((await hub.request('/v1/refused', { token: hub.workstationToken })).status).toBe(403);
    });
  });

  describe('a revoked key (a lost or stolen workstation)', () => {
    it('refuses a change signed with it and keeps it for a supervisor; a new key after signing in again works', async () => {
      const officer = 'agent.kwijt';
      credentials[officer] = (await addOfficer(hub.database.db, hubClock(), { id: officer, displayName: officer, role: 'officer', team: 'Team Fraude' })).credential;
      const lost = generateSigningKey();
      const desk = generateSigningKey();
      for (const key of [lost, desk]) expect((await post('/v1/keys', { publicKey: key.publicKey }, await sessionFor(officer))).status).toBe(200);
      const beforeRevocation = signMutation(note(officer), lost);
      expect((await push([beforeRevocation], hub.workstationToken)).status).toBe(200);

      expect(await revokeOfficerKeys(hub.database.db, hubClock(), officer, lost.keyId)).toEqual([lost.keyId]);
      // The attack: the thief's workstation pushes a change signed with the lost key.
      const stolen = signMutation(note(officer), lost);
      const refused = await push([stolen], hub.workstationToken);
      expectRefusal(refused, 403, new RegExp(`signed with a key of "${officer}" that has been revoked \\(a lost or stolen workstation\\); this change is kept for a supervisor`));
      expect(refused.body.error.refused).toEqual({ index: 0, id: stolen.id });
      // Under the officer's own credential too: the key decides, not who pushes it.
      expectRefusal(await push([signMutation(note(officer), lost)], credentials[officer]), 403, /has been revoked/);
      const list = await hub.request<RefusedChangesResponse>('/v1/refused', { token: await sessionFor(SUPERVISOR) });
      expect(list.body.refused).toContainEqual(expect.objectContaining({ mutationId: stolen.id, officer, kind: 'note.add', reason: expect.stringMatching(/revoked/) as unknown }));
      // What was accepted before the revocation stays; the lost key cannot be registered again.
      expect((await push([beforeRevocation], hub.workstationToken)).body.acks).toEqual([expect.objectContaining({ id: beforeRevocation.id, duplicate: true })]);
      const again = await post<HubErrorBody>('/v1/keys', { publicKey: lost.publicKey }, await sessionFor(officer));
      expect(again.status).toBe(410);
      expect(again.body.error.message).toMatch(/this key has been revoked; make a new one/);

      // The honest twins: the key of the officer's other workstation still signs, and a new key after signing in again.
      expect((await push([signMutation(note(officer), desk)], hub.workstationToken)).status).toBe(200);
      const fresh = generateSigningKey();
      expect((await post('/v1/keys', { publicKey: fresh.publicKey }, await sessionFor(officer))).status).toBe(200);
      expect((await push([signMutation(note(officer), fresh)], hub.workstationToken)).status).toBe(200);

      // Without --key every key of the officer goes.
      expect((await revokeOfficerKeys(hub.database.db, hubClock(), officer)).sort()).toEqual([desk.keyId, fresh.keyId].sort());
      expectRefusal(await push([signMutation(note(officer), fresh)], hub.workstationToken), 403, /has been revoked/);
    });

    it('a workstation whose kept key was revoked makes and registers a new one when the officer signs in again', async () => {
      const officer = 'agent.terug';
      const credential = (await addOfficer(hub.database.db, hubClock(), { id: officer, displayName: officer, role: 'officer', team: null })).credential;
      const { store } = openTempStore();
      const client = createHubClient({ hubUrl: hub.url, token: credential });
      const first = await enrollOfficer(store, client, officer, hubClock());
      // Signing in again on the same workstation keeps its key.
      expect(await enrollOfficer(store, client, officer, hubClock())).toBe(first);
      await revokeOfficerKeys(hub.database.db, hubClock(), officer);

      const second = await enrollOfficer(store, client, officer, hubClock());
      expect(second).not.toBe(first);
      const kept = signingKeyOf(store.sqlite, officer)!;
      expect(kept.keyId).toBe(second);
      expect((await push([signMutation(note(officer), kept)], hub.workstationToken)).status).toBe(200);
    });
  });

  describe('a key enrolled with the session (a police-account sign-in)', () => {
    /** The session request with the workstation's offer, as a police-account sign-in sends it (credential here). */
    const signInEnrolling = async (officer: string, enrol: unknown) => {
      const answer = await post<SessionResponse>('/v1/sessions', { credential: credentials[officer], enrol });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    };

    it('takes the new key the hub registered, or the officer’s own kept key it confirmed, without a second request', async () => {
      const { store } = openTempStore();
      const first = keyEnrolmentOffer(store);
      const session = await signInEnrolling(OFFICER, first.enrol);
      // A client that cannot reach the hub: nothing is registered after the session request.
      const unreachable = createHubClient({ hubUrl: 'http://127.0.0.1:9', token: session.session });
      expect(await takeEnrolledKey(store, unreachable, OFFICER, first, session.keyId, hubClock())).toBe(first.fresh.keyId);
      expect(signingKeyOf(store.sqlite, OFFICER)!.keyId).toBe(first.fresh.keyId);

      const again = keyEnrolmentOffer(store);
      expect(again.enrol.keptKeyIds).toEqual([first.fresh.keyId]);
      const second = await signInEnrolling(OFFICER, again.enrol);
      expect(await takeEnrolledKey(store, unreachable, OFFICER, again, second.keyId, hubClock())).toBe(first.fresh.keyId);
      const kept = signingKeyOf(store.sqlite, OFFICER)!;
      expect(kept.keyId).toBe(first.fresh.keyId);
      expect((await push([signMutation(note(OFFICER), kept)], hub.workstationToken)).status).toBe(200);
    });

    it('never takes a key the hub names that this workstation keeps for another officer: the officer is enrolled under their session', async () => {
      const { store } = openTempStore();
      const colleague = keyEnrolmentOffer(store);
      await takeEnrolledKey(store, createHubClient({ hubUrl: hub.url }), COLLEAGUE, colleague, (await signInEnrolling(COLLEAGUE, colleague.enrol)).keyId, hubClock());
      const colleagueKey = signingKeyOf(store.sqlite, COLLEAGUE)!.keyId;

      // The answer names the colleague's key (a hub that is wrong, or an answer tampered with on its way).
      const offer = keyEnrolmentOffer(store);
      const session = await signInEnrolling(OFFICER, offer.enrol);
      const client = createHubClient({ hubUrl: hub.url, token: session.session });
      const taken = await takeEnrolledKey(store, client, OFFICER, offer, colleagueKey, hubClock());
      expect(taken).not.toBe(colleagueKey);
      const kept = signingKeyOf(store.sqlite, OFFICER)!;
      expect(kept.keyId).toBe(taken);
      expect(signingKeyOf(store.sqlite, COLLEAGUE)!.keyId).toBe(colleagueKey);
      // What the officer signs here is theirs on the hub; the colleague's key signs nothing in their name.
      expect((await push([signMutation(note(OFFICER), kept)], hub.workstationToken)).status).toBe(200);
      expectRefusal(await push([signMutation(note(OFFICER), { keyId: colleagueKey, privateKey: signingKeyOf(store.sqlite, COLLEAGUE)!.privateKey })], hub.workstationToken), 403, /names "agent.visser" but is signed with a key of "agent.bos"/);
    });
  });
});
