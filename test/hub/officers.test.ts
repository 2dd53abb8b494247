/**
 * The hub's registry of officers: `GET /v1/officers`, `GET /v1/whoami`, officers' credentials (bound workstation
 * tokens), deactivation and the registry's input checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubErrorBody, OfficersResponse, WhoamiResponse } from '../../shared/hub/protocol';
import { addOfficer, deactivateOfficer, listOfficers, registerOfficers, renewCredential } from '../../src-hub/officers/registry';
import { BACKENDS, hubClock, startTestHub, type TestHub } from './harness';

describe.each(BACKENDS)('officers at the hub (%s)', (backend) => {
  let hub: TestHub;
  let supervisorCredential: string;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    supervisorCredential = (await addOfficer(hub.database.db, hubClock(), { id: 'r.dekker', displayName: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude' })).credential;
    await registerOfficers(hub.database.db, hubClock(), [{ id: 'a.visser', displayName: 'Agent A. Visser', role: 'officer', team: null }]);
  });
  afterAll(() => hub?.close());

  const get = <T>(path: string, token?: string | null) => hub.request<T & HubErrorBody>(path, { token });

  it('lists the registry for workstations, deactivated officers too', async () => {
    const added = await addOfficer(hub.database.db, hubClock(), { id: 'm.ouderen', displayName: ' Agent M. Ouderen ', role: 'officer', team: ' ' });
    expect(added.officer).toEqual({ id: 'm.ouderen', displayName: 'Agent M. Ouderen', role: 'officer', team: null, active: true });
    await deactivateOfficer(hub.database.db, 'm.ouderen');
    const result = await get<OfficersResponse>('/v1/officers', hub.workstationToken);
    expect(result.status).toBe(200);
    expect(result.body.officers).toEqual([
      { id: 'a.visser', displayName: 'Agent A. Visser', role: 'officer', team: null, active: true },
      { id: 'm.ouderen', displayName: 'Agent M. Ouderen', role: 'officer', team: null, active: false },
      { id: 'r.dekker', displayName: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude', active: true },
    ]);
  });

  it.each(['/v1/officers', '/v1/whoami'])('answers %s with 401 without a valid token and 403 for an intake token', async (path) => {
    expect((await get(path, null)).status).toBe(401);
    expect((await get(path, 'pzh_' + 'x'.repeat(43))).body.error.code).toBe('UNAUTHENTICATED');
    const intake = await get(path, hub.intakeToken);
    expect(intake.status).toBe(403);
    expect(intake.body.error).toEqual({ code: 'FORBIDDEN', message: 'this endpoint needs a token of role "workstation"; this one has role "intake"' });
  });

  it('says whose credential a token is, or that it is shared', async () => {
    expect((await get<WhoamiResponse>('/v1/whoami', hub.workstationToken)).body).toEqual({ token: 'workstation-all', officer: null });
    const mine = await get<WhoamiResponse>('/v1/whoami', supervisorCredential);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ token: 'officer r.dekker', officer: { id: 'r.dekker', displayName: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude', active: true } });
  });

  it('ends a deactivated officer’s credential (403 everywhere), and replaces a lost one', async () => {
    const { credential } = await addOfficer(hub.database.db, hubClock(), { id: 'k.tijdelijk', displayName: 'Agent K. Tijdelijk', role: 'officer', team: 'Team Fraude' });
    expect((await get('/v1/feed', credential)).status).toBe(200);
    const renewed = await renewCredential(hub.database.db, hubClock(), 'k.tijdelijk');
    await expect.poll(async () => (await get('/v1/whoami', credential)).status, { timeout: 1000, interval: 20 }).toBe(401);
    expect((await get<WhoamiResponse>('/v1/whoami', renewed)).body.officer?.id).toBe('k.tijdelijk');

    await deactivateOfficer(hub.database.db, 'k.tijdelijk');
    // Announced to the hub, which trusted the credential until then (a moment later over PostgreSQL).
    await expect.poll(async () => (await get('/v1/whoami', renewed)).status, { timeout: 1000, interval: 20 }).toBe(403);
    for (const path of ['/v1/whoami', '/v1/feed', '/v1/officers']) {
      const refused = await get(path, renewed);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.message).toBe('this is the credential of officer "k.tijdelijk", who has been deactivated');
    }
    await expect(renewCredential(hub.database.db, hubClock(), 'k.tijdelijk')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps registering the same officers idempotent, taking the given role and team and reactivating', async () => {
    const { db } = hub.database;
    await registerOfficers(db, hubClock(), [{ id: 'a.visser', displayName: 'Brigadier A. Visser', role: 'supervisor', team: 'Team Cybercrime' }]);
    await deactivateOfficer(db, 'a.visser');
    await registerOfficers(db, hubClock(), [{ id: 'a.visser', displayName: 'Brigadier A. Visser', role: 'supervisor', team: 'Team Cybercrime' }]);
    expect((await listOfficers(db)).find((officer) => officer.id === 'a.visser')).toEqual({
      id: 'a.visser',
      displayName: 'Brigadier A. Visser',
      role: 'supervisor',
      team: 'Team Cybercrime',
      active: true,
    });
  });

  it('refuses unusable officers with errors a person understands', async () => {
    const { db } = hub.database;
    const add = (input: Partial<Parameters<typeof addOfficer>[2]>) => addOfficer(db, hubClock(), { id: 'n.nieuw', displayName: 'Agent N. Nieuw', role: 'officer', team: null, ...input });
    await expect(add({ id: 'r.dekker' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'an officer with id "r.dekker" is registered already' });
    await expect(add({ id: 'met spatie' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^an officer id is 1–80 letters/) as unknown });
    await expect(add({ id: '.punt' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(add({ displayName: '  ' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: "an officer's name is 1–200 characters" });
    await expect(add({ role: 'admin' as 'officer' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: `an officer's role is one of officer, supervisor, privacy, not "admin"` });
    await expect(deactivateOfficer(db, 'niemand')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no officer with id "niemand" is registered' });
    // Nothing half-made: the refused officers are not in the registry.
    expect((await listOfficers(db)).map((officer) => officer.id)).not.toContain('n.nieuw');
  });
});
