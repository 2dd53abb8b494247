import { describe, expect, it } from 'vitest';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness, OFFICER } from './support/api-harness';

describe('benign list', () => {
  it('lets a supervisor add a value, which unlinks the reports that shared it', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const api = await openApiHarness({ records: [a, b] });
    expect((await api.value('report.get', { reportId: a.reportId, purpose: 'Beoordelen van de melding' })).clusterSize).toBe(2);
    const entry = await api.value('benign.add', { type: 'iban', value: 'nl44 rabo 0123 4567 89', reason: 'Incassorekening van de bank' });
    expect(entry).toMatchObject({ type: 'iban', value: IBANS.muleC, reason: 'Incassorekening van de bank', addedBy: api.context.officer.id });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['benign', 'report'] } });
    expect((await api.value('report.get', { reportId: a.reportId, purpose: 'Beoordelen van de melding' })).clusterSize).toBe(1);
    expect(await api.value('benign.list', {})).toContainEqual(expect.objectContaining({ type: 'iban', value: IBANS.muleC }));

    await api.value('benign.remove', { type: 'iban', value: IBANS.muleC });
    expect((await api.value('report.get', { reportId: a.reportId, purpose: 'Beoordelen van de melding' })).clusterSize).toBe(2);
    expect(await api.call('benign.remove', { type: 'iban', value: IBANS.muleC })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses changes by an officer who is no supervisor', async () => {
    const api = (await openApiHarness()).as(OFFICER);
    expect(await api.call('benign.add', { type: 'iban', value: IBANS.muleC, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call('benign.remove', { type: 'iban', value: IBANS.muleC })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api.value('benign.list', {})).length).toBeGreaterThan(0);
  });
});
