/** `hub officer add|credential|deactivate|list|oidc-subject`, and that what they make works at a hub over the same database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubErrorBody, HubOfficer, WhoamiResponse } from '../../shared/hub/protocol';
import { findOfficerByOidcSubject } from '../../src-hub/officers/registry';
import { generateSigningKey } from '../../src-main/mutations/officer-signing';
import { runCliCaptured } from '../support/run-cli';
import { BACKENDS, freshDatabase, startTestHub, type TestDatabase, type TestHub } from './harness';

const CREDENTIAL = /^pzh_[A-Za-z0-9_-]{43}$/;

describe.each(BACKENDS)('hub officer CLI (%s)', (backend) => {
  let database: TestDatabase;
  let where: string[];
  let hub: TestHub | null = null;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    where = 'dataDir' in database.options ? ['--data', database.options.dataDir] : ['--database-url', database.options.databaseUrl];
  });
  // The hub disposes of the database when it closes.
  afterAll(() => (hub ? hub.close() : database?.dispose()));

  const cli = (...args: string[]) => runCliCaptured(['hub', 'officer', ...args]);

  it('adds officers with a credential each, lists, renews and deactivates them', async () => {
    const supervisor = await cli('add', ...where, '--id', 'r.dekker', '--name', 'Inspecteur R. Dekker', '--role', 'supervisor', '--team', 'Team Fraude');
    expect(supervisor.code, supervisor.stderr).toBe(0);
    expect(supervisor.lines).toEqual([
      { officer: { id: 'r.dekker', displayName: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude', active: true }, scope: '*', credential: expect.stringMatching(CREDENTIAL) as unknown },
    ]);
    const officer = await cli('add', ...where, '--id', 'j.devries', '--name', 'Hoofdagent J. de Vries', '--role', 'officer', '--scope', 'Rotterdam, Zeeland-West-Brabant');
    expect(officer.lines[0]).toMatchObject({ scope: 'Rotterdam,Zeeland-West-Brabant' });
    expect(officer.code, officer.stderr).toBe(0);
    const first = (officer.lines[0] as { credential: string }).credential;
    // The privacy officer reads the audit log of consultations (shared/audit/readers.ts); otherwise an officer.
    const privacy = await cli('add', ...where, '--id', 'p.smit', '--name', 'Privacyfunctionaris P. Smit', '--role', 'privacy');
    expect(privacy.code, privacy.stderr).toBe(0);
    expect(privacy.lines[0]).toMatchObject({ officer: { id: 'p.smit', role: 'privacy', active: true } });

    const renewed = await cli('credential', ...where, '--id', 'j.devries');
    expect(renewed.lines).toEqual([{ officer: 'j.devries', credential: expect.stringMatching(CREDENTIAL) as unknown }]);
    const second = (renewed.lines[0] as { credential: string }).credential;

    const deactivated = await cli('deactivate', ...where, '--id', 'r.dekker');
    expect(deactivated.lines).toEqual([{ officer: { id: 'r.dekker', displayName: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude', active: false } }]);
    const listed = await cli('list', ...where);
    expect((listed.lines[0] as { officers: HubOfficer[] }).officers.map((item) => [item.id, item.role, item.active])).toEqual([
      ['j.devries', 'officer', true],
      ['p.smit', 'privacy', true],
      ['r.dekker', 'supervisor', false],
    ]);

    hub = await startTestHub(backend, { database });
    const whoami = (token: string) => hub!.request<WhoamiResponse & HubErrorBody>('/v1/whoami', { token });
    expect((await whoami(second)).body.officer).toMatchObject({ id: 'j.devries', role: 'officer', team: null, active: true });
    // The renewed credential keeps the officer's scope: it may not read beyond Rotterdam and Zeeland-West-Brabant.
    expect((await hub.request('/v1/feed?scope=Midden-Nederland', { token: second })).status).toBe(403);
    expect((await hub.request('/v1/feed?scope=Rotterdam', { token: second })).status).toBe(200);
    expect((await whoami((privacy.lines[0] as { credential: string }).credential)).body.officer).toMatchObject({ id: 'p.smit', role: 'privacy' });
    expect((await whoami(first)).status).toBe(401);
    expect((await whoami((supervisor.lines[0] as { credential: string }).credential)).status).toBe(403);
  }, 120_000);

  it('explains what is wrong with the input', async () => {
    const noRole = await cli('add', ...where, '--id', 'a.b', '--name', 'A. B', '--role', 'chef');
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/--role is one of officer, supervisor, privacy, not "chef"/);
    const noId = await cli('add', ...where, '--name', 'A. B', '--role', 'officer');
    expect(noId.code).toBe(2);
    expect(noId.stderr).toMatch(/--id is required/);
    const unknown = await cli('promote', ...where);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown subcommand "officer promote"[\s\S]*hub officer add/);
    if (backend === 'postgres') {
      // (Opening PGlite takes seconds: these messages do not depend on the database, so they are checked once.)
      const badId = await cli('add', ...where, '--id', 'met spatie', '--name', 'A. B', '--role', 'officer');
      expect(badId.code).toBe(1);
      expect(badId.stderr).toMatch(/an officer id is 1–80 letters/);
      const badScope = await cli('add', ...where, '--id', 'a.b', '--name', 'A. B', '--role', 'officer', '--scope', 'Rotterdam,*');
      expect(badScope.code).toBe(1);
      expect(badScope.stderr).toMatch(/scope "\*" stands alone/);
      const taken = await cli('add', ...where, '--id', 'j.devries', '--name', 'J. de Vries', '--role', 'officer');
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(/an officer with id "j.devries" is registered already/);
      const nobody = await cli('deactivate', ...where, '--id', 'niemand');
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toMatch(/no officer with id "niemand" is registered/);
    }
  });

  it('links officers to their subject at the identity provider, one officer per subject', async () => {
    const neither = await cli('oidc-subject', ...where, '--id', 'j.devries');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/give --subject <subject> or --clear/);
    if (backend !== 'postgres') return; // (the PGlite directory is the running hub's; these need the database)
    const added = await cli('add', ...where, '--id', 'k.smit', '--name', 'K. Smit', '--role', 'officer', '--oidc-subject', 'f3a9-smit');
    expect(added.code, added.stderr).toBe(0);
    const linked = await cli('oidc-subject', ...where, '--id', 'j.devries', '--subject', 'b71c-devries');
    expect(linked.lines).toEqual([{ officer: expect.objectContaining({ id: 'j.devries', oidcSubject: 'b71c-devries' }) as unknown }]);
    const taken = await cli('oidc-subject', ...where, '--id', 'j.devries', '--subject', 'f3a9-smit');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/subject "f3a9-smit" belongs to officer "k.smit" already/);
    expect((await findOfficerByOidcSubject(hub!.database.db, 'b71c-devries'))?.id).toBe('j.devries');
    const cleared = await cli('oidc-subject', ...where, '--id', 'j.devries', '--clear');
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(await findOfficerByOidcSubject(hub!.database.db, 'b71c-devries')).toBeNull();
  });

  it('lists an officer’s signing keys and revokes one, or all, for a lost or stolen workstation', async () => {
    const noOfficer = await cli('revoke-key', ...where, '--key', 'abc');
    expect(noOfficer.code).toBe(2);
    expect(noOfficer.stderr).toMatch(/--officer is required[\s\S]*hub officer revoke-key .*--officer <id> \[--key=<key id>\]/);
    if (backend !== 'postgres') return; // (the PGlite directory is the running hub's; these need the database)
    const added = await cli('add', ...where, '--id', 'm.jansen', '--name', 'M. Jansen', '--role', 'officer');
    const credential = (added.lines[0] as { credential: string }).credential;
    const register = async (x: string) => {
      const answer = await hub!.request<{ keyId: string }>('/v1/keys', { token: credential, contentType: 'application/json', body: JSON.stringify({ publicKey: { kty: 'OKP', crv: 'Ed25519', x } }) });
      expect(answer.status).toBe(200);
      return answer.body.keyId;
    };
    // A key id is base64url and may begin with a dash, which an option's argument must then be joined to (`--key=`).
    let dashed = generateSigningKey().publicKey.x;
    while (!dashed.startsWith('-')) dashed = generateSigningKey().publicKey.x;
    const laptop = await register(dashed);
    const desk = await register(generateSigningKey().publicKey.x);

    const listed = await cli('keys', ...where, '--officer', 'm.jansen');
    expect((listed.lines[0] as { keys: { keyId: string; revokedAt: string | null }[] }).keys.map((key) => [key.keyId, key.revokedAt]).sort()).toEqual([[desk, null], [laptop, null]].sort());

    const one = await cli('revoke-key', ...where, '--officer', 'm.jansen', `--key=${laptop}`);
    expect(one.code, one.stderr).toBe(0);
    expect(one.lines).toEqual([{ officer: 'm.jansen', revoked: [laptop], next: expect.stringMatching(/refused and kept for supervisors[\s\S]*hub officer credential --id m.jansen/) as unknown }]);
    const after = (await cli('keys', ...where, '--officer', 'm.jansen')).lines[0] as { keys: { keyId: string; revokedAt: string | null }[] };
    expect(after.keys.find((key) => key.keyId === laptop)?.revokedAt).toEqual(expect.any(String));
    expect(after.keys.find((key) => key.keyId === desk)?.revokedAt).toBeNull();

    const foreign = await cli('revoke-key', ...where, '--officer', 'j.devries', `--key=${desk}`);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/officer "j.devries" has no key .*hub officer keys --officer j.devries lists theirs/);
    const nobody = await cli('revoke-key', ...where, '--officer', 'niemand');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no officer with id "niemand" is registered/);
    expect((await cli('revoke-key', ...where, '--officer', 'm.jansen')).lines[0]).toMatchObject({ revoked: [desk] });
  });
});
