import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../shared/requests/directory';
import { openApiHarness, OFFICER } from './support/api-harness';

const ENTRY: DirectoryEntry = {
  kind: 'bank',
  name: 'Proefbank N.V.',
  channel: 'email',
  email: 'fraude@proefbank.example',
  bankCodes: ['AEGO'],
  notes: 'Synthetisch testadres',
};

describe('directory of addressees', () => {
  it('lists the Dutch defaults', async () => {
    const api = await openApiHarness();
    const entries = await api.value('directory.list', {});
    expect(entries.find((entry) => entry.id === 'bank.ing')).toMatchObject({ kind: 'bank', bankCodes: ['INGB'], updatedBy: 'system:defaults' });
    expect(entries.find((entry) => entry.id === 'registry.sidn')).toMatchObject({ tlds: ['nl'] });
  });

  it('lets a supervisor add, change and remove entries, recorded as synced changes', async () => {
    const api = await openApiHarness();
    const added = await api.value('directory.put', { entry: ENTRY });
    expect(added).toMatchObject({ ...ENTRY, id: 'bank.proefbank-n-v', updatedBy: api.context.officer.id });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['directory'] } });
    expect(await api.value('directory.put', { entry: ENTRY })).toMatchObject({ id: 'bank.proefbank-n-v-2' });

    await api.value('directory.put', { entryId: 'bank.proefbank-n-v', entry: { ...ENTRY, name: 'Proefbank Nederland' } });
    const entries = await api.value('directory.list', {});
    expect(entries.find((entry) => entry.id === 'bank.proefbank-n-v')).toMatchObject({ name: 'Proefbank Nederland', bankCodes: ['AEGO'] });

    await api.value('directory.remove', { entryId: 'bank.proefbank-n-v-2' });
    // The new bank now receives the requests about its bank code.
    const draft = await api.value('request.draft', { indicatorType: 'iban', indicatorValue: 'NL23AEGO0123456789' });
    expect(draft.addressee).toMatchObject({ suggestedId: 'bank.proefbank-n-v', explanation: expect.stringContaining('Proefbank Nederland') as string });

    await api.value('directory.remove', { entryId: 'bank.proefbank-n-v' });
    expect((await api.value('directory.list', {})).map((entry) => entry.id)).not.toContain('bank.proefbank-n-v');
    const kinds = api.store.sqlite.prepare<[], string>("SELECT kind FROM outbox WHERE kind LIKE 'directory.%' ORDER BY position, created_at").pluck().all();
    expect(kinds).toEqual(['directory.put', 'directory.put', 'directory.put', 'directory.remove', 'directory.remove']);
  });

  it('refuses changes by an officer, unknown ids and invalid entries', async () => {
    const supervisor = await openApiHarness();
    const officer = supervisor.as(OFFICER);
    expect(await officer.call('directory.put', { entry: ENTRY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officer.call('directory.remove', { entryId: 'bank.ing' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await supervisor.call('directory.remove', { entryId: 'bank.nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await supervisor.call('directory.put', { entryId: 'bank.nowhere', entry: ENTRY })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await supervisor.call('directory.put', { entry: { ...ENTRY, email: 'geen adres' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('entry.email') as string },
    });
    expect(await supervisor.call('directory.put', { entry: { ...ENTRY, bankCodes: ['ingb'] } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
