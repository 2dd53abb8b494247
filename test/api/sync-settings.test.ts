import { describe, expect, it } from 'vitest';
import { recordConflictNotice } from '../../src-main/mutations/conflict-notices';
import { openApiHarness } from './support/api-harness';

describe('sync.state and sync.conflicts', () => {
  it('reports an unconfigured workstation with its pending changes and open notices, which the officer can dismiss', async () => {
    const api = await openApiHarness();
    recordConflictNotice(api.store.sqlite, {
      mutationId: 'm-1',
      entity: 'report',
      entityId: 'IA-2026-0000001',
      field: 'workStatus',
      myValue: 'closed',
      winningValue: 'in_progress',
      winningMutationId: 'm-2',
      winningOfficer: 'e.yilmaz',
      winningAt: '2026-11-02T08:00:00.000Z',
      detectedAt: '2026-11-02T09:00:00.000Z',
    });
    expect(await api.value('sync.state', {})).toEqual({
      revision: expect.any(Number) as number,
      configured: false,
      online: false,
      lastSyncAt: null,
      pendingOutbox: 0,
      lastError: null,
      initialSync: { active: false, received: 0, total: null },
      conflicts: 1,
    });
    const [notice] = await api.value('sync.conflicts', {});
    expect(notice).toEqual({ id: expect.any(Number) as number, mutationId: 'm-1', entity: 'report', entityId: 'IA-2026-0000001', field: 'workStatus', mine: 'closed', winning: 'in_progress', winningOfficer: 'e.yilmaz', at: '2026-11-02T08:00:00.000Z' });

    expect(await api.value('sync.dismissConflict', { id: notice!.id })).toBeNull();
    expect(await api.value('sync.conflicts', {})).toEqual([]);
    expect(api.events).toContainEqual({ event: 'sync.state', payload: expect.objectContaining({ conflicts: 0 }) as object });
    expect(await api.call('sync.dismissConflict', { id: notice!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('settings', () => {
  it('stores the hub, language and scope; the token is only ever reported as set', async () => {
    const api = await openApiHarness();
    expect(await api.value('settings.get', {})).toEqual({ hubUrl: null, hubTokenSet: false, hubCaFile: null, language: 'nl', scope: '*', idleLockMinutes: 15, supervisorGuarded: false });
    const changed = await api.value('settings.set', { hubUrl: 'https://hub.politie.example/', hubToken: 'pzh_secret', language: 'en', scope: 'Oost-Brabant, Amsterdam' });
    expect(changed).toEqual({ hubUrl: 'https://hub.politie.example', hubTokenSet: true, hubCaFile: null, language: 'en', scope: 'Amsterdam,Oost-Brabant', idleLockMinutes: 15, supervisorGuarded: false });
    expect(JSON.stringify(await api.value('settings.get', {}))).not.toContain('pzh_secret');
  });

  it('refuses a hub that is no http(s) URL and a malformed scope', async () => {
    const api = await openApiHarness();
    expect(await api.call('settings.set', { hubUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.call('settings.set', { scope: 'Amsterdam,,*' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await api.value('settings.get', {})).scope).toBe('*');
  });
});
