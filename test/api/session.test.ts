/**
 * session.signIn: in the demo any known, active officer without a credential; with a real hub the officer's
 * credential, checked by the hub (`GET /v1/whoami`), which then becomes the workstation's sync token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setWorkStatus } from '../../src-main/mutations/services';
import { filedRecord } from '../support/records';
import { serviceDeps } from '../sync/support/mutation-fixtures';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';
import { openApiHarness, type ApiHarness } from './support/api-harness';
import { closedPort } from '../support/ports';


describe('signing in to the demo', () => {
  it('makes any known, active officer the one every change is made by, and tells every window', async () => {
    const record = filedRecord();
    const api = await openApiHarness({ records: [record] });
    const session = await api.value('session.signIn', { officerId: 'j.devries' });
    expect(session.officer).toEqual({ id: 'j.devries', displayName: 'Hoofdagent J. de Vries', role: 'officer', team: 'Team Fraude' });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['officer'] } });
    expect((await api.value('session.get', {})).officer?.id).toBe('j.devries');

    await api.value('report.setWorkStatus', { reportIds: [record.reportId], status: 'in_progress' });
    expect(api.store.sqlite.prepare('SELECT officer FROM outbox').pluck().all()).toEqual(['j.devries']);
    // Their role counts from now on: an officer may not change the benign list.
    expect(await api.call('benign.add', { type: 'phone', value: '+31201234567', reason: 'nummer van de gemeente' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses an unknown officer (NOT_FOUND), a deactivated one (FORBIDDEN) and no name at all (BAD_INPUT)', async () => {
    const api = await openApiHarness();
    expect(await api.call('session.signIn', { officerId: 'niet.bekend' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No officer "niet.bekend" is known here.' } });
    api.store.sqlite.prepare("UPDATE officers SET active = 0 WHERE id = 'm.dijkstra'").run();
    expect(await api.call('session.signIn', { officerId: 'm.dijkstra' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Officer "m.dijkstra" has been deactivated.' } });
    expect(await api.call('session.signIn', { officerId: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(api.context.officer.id).toBe('l.vermeer');
  });
});

describe('signing in with a real hub', () => {
  let hubDir: string;
  let hub: SyncHub;
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-api-session-'));
    hub = await startSyncHub(hubDir);
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  async function connected(): Promise<ApiHarness> {
    const api = await openApiHarness();
    await api.value('settings.set', { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! });
    return api;
  }

  it('checks the credential with the hub, takes the officer as the hub has them and syncs with the credential', async () => {
    const api = await connected();
    const credential = hub.tokens.credentials['j.devries'];
    const session = await api.value('session.signIn', { officerId: 'j.devries', credential: ` ${credential} ` });
    expect(session.officer).toEqual({ id: 'j.devries', displayName: 'Hoofdagent J. de Vries', role: 'officer', team: 'Team Fraude' });
    expect(api.context.officer.id).toBe('j.devries');
    expect(api.secrets.get('hub-token')).toBe(credential);
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['officer'] } });
  });

  it.each([
    ['no credential', 'j.devries', undefined, 'UNAUTHENTICATED', /needs your credential/],
    ['something that is not a credential', 'j.devries', 'wachtwoord', 'UNAUTHENTICATED', /That is not a credential/],
    ['a credential the hub does not know', 'j.devries', `pzh_${'A'.repeat(43)}`, 'UNAUTHENTICATED', /does not accept this credential/],
    ['another officer’s credential', 'j.devries', 'r.dekker', 'UNAUTHENTICATED', /This credential is not the credential of "j.devries"/],
    ['a shared workstation token', 'j.devries', 'shared', 'UNAUTHENTICATED', /workstation token, not an officer’s credential/],
    ['a deactivated officer’s credential', 'x.oud', 'x.oud', 'FORBIDDEN', /who has been deactivated/],
  ] as const)('refuses %s', async (_what, officerId, given, code, message) => {
    const api = await connected();
    const credential =
      given === 'r.dekker' || given === 'x.oud' ? hub.tokens.credentials[given] : given === 'shared' ? hub.tokens.workstations[1]! : given;
    const result = await api.call('session.signIn', { officerId, ...(credential === undefined ? {} : { credential }) });
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) as unknown } });
    expect(api.context.officer.id).toBe('l.vermeer');
    expect(api.secrets.get('hub-token')).toBe(hub.tokens.workstations[0]);
  });

  it('waits while another officer’s changes have not reached the hub (their credential could not send them)', async () => {
    const record = filedRecord();
    const api = await connected();
    await api.importRecords([record]);
    setWorkStatus(api.store, serviceDeps(), { officer: 'l.vermeer', reportId: record.reportId, status: 'closed' });
    const result = await api.call('session.signIn', { officerId: 'j.devries', credential: hub.tokens.credentials['j.devries'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '1 change by another officer has not reached the hub yet; sign in once sync has sent them.' } });
  });

  it('says when the hub cannot be reached to check the credential of an officer who never signed in here', async () => {
    const api = await openApiHarness();
    await api.value('settings.set', { hubUrl: `http://127.0.0.1:${await closedPort()}` });
    const result = await api.call('session.signIn', { officerId: 'j.devries', credential: hub.tokens.credentials['j.devries'] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/^The credential cannot be checked now: the hub refuses connections.*Without the hub: this is not the credential .* never signed in here with the hub/) as unknown },
    });
  });
});
