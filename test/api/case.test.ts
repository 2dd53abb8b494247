import { describe, expect, it } from 'vitest';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness, OFFICER } from './support/api-harness';

function reports() {
  return [
    filedRecord({ payments: [{ amount: '100.00' }] }),
    filedRecord({ payments: [{ amount: '250.50' }] }),
    filedRecord(),
  ];
}

describe('cases', () => {
  it('lists the puzzle pieces of its reports, most shared first, without benign values', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA], phoneNumbers: ['06 12345678'] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const outside = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });
    const api = await openApiHarness({ records: [a, b, outside] });
    const { caseId } = await api.value('case.create', { title: 'Katvanger', reportIds: [a.reportId, b.reportId] });
    await api.value('benign.add', { type: 'phone', value: '06 12345678', reason: 'nummer van de bank' });
    expect((await api.value('case.get', { caseId })).indicators).toEqual([{ type: 'iban', value: IBANS.muleA, reports: 2 }]);
  });

  it('creates a case from reports and shows it with loss totals', async () => {
    const [a, b, c] = reports();
    const api = await openApiHarness({ records: [a!, b!, c!] });
    const { caseId } = await api.value('case.create', { title: 'Fietsfraude Utrecht', reportIds: [a!.reportId, b!.reportId], owner: OFFICER, team: 'DO-MN' });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['case'] } });
    const [summary] = await api.value('case.list', {});
    expect(summary).toMatchObject({ caseId, title: 'Fietsfraude Utrecht', status: 'new', owner: OFFICER, team: 'DO-MN', reportCount: 2, totalLossCents: 35_050 });
    const detail = await api.value('case.get', { caseId });
    expect(detail).toMatchObject({ createdBy: api.context.officer.id, closeReason: null });
    expect(detail.reports.map((row) => row.reportId).sort()).toEqual([a!.reportId, b!.reportId].sort());
    expect((await api.value('report.get', { reportId: a!.reportId, purpose: 'Beoordelen van de melding' })).caseIds).toEqual([caseId]);
  });

  it('adds and removes reports, and closes only with a reason', async () => {
    const [a, b, c] = reports();
    const api = await openApiHarness({ records: [a!, b!, c!] });
    const { caseId } = await api.value('case.create', { title: 'Zaak', reportIds: [a!.reportId] });
    await api.value('case.addReports', { caseId, reportIds: [b!.reportId, c!.reportId] });
    await api.value('case.removeReports', { caseId, reportIds: [a!.reportId] });
    expect((await api.value('case.get', { caseId })).reportCount).toBe(2);

    expect(await api.call('case.update', { caseId, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await api.value('case.update', { caseId, status: 'closed', closeReason: 'Overgedragen aan het OM' });
    expect(await api.value('case.list', { statuses: ['new'] })).toEqual([]);
    expect(await api.value('case.list', { statuses: ['closed'] })).toHaveLength(1);
    expect(await api.call('case.addReports', { caseId, reportIds: [a!.reportId] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('answers NOT_FOUND for an unknown case and BAD_INPUT for a malformed id', async () => {
    const api = await openApiHarness();
    expect(await api.call('case.get', { caseId: '00000000-0000-4000-8000-00000000ffff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('case.get', { caseId: 'case-1' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
