import { describe, expect, it } from 'vitest';
import { requestDetail } from '../../../src-main/requests/request-detail';
import { listRequests } from '../../../src-main/requests/request-list';
import { requireRequest } from '../../../src-main/requests/request-record';
import { updateRequestReports } from '../../../src-main/requests/request-services';
import { createCase } from '../../../src-main/mutations';
import { IBANS } from '../../support/records';
import { NOW, OFFICER, OTHER_OFFICER, openRequestStore, paidToIban, SUPERVISOR, type RequestStore } from './support/request-store';
import { createFromDraft, SEND, walk } from './support/requests';

const TODAY = '2026-11-02';

function sendRequest(store: RequestStore, actionId: string, dates: { occurredAt: string; dueAt: string }): void {
  walk(store, actionId, [
    { officer: OFFICER, from: 'draft', to: 'awaiting_approval' },
    { officer: SUPERVISOR, from: 'awaiting_approval', to: 'approved' },
    { officer: OFFICER, from: 'approved', to: 'sent', ...SEND, ...dates },
  ]);
}

const viewer = (id: string, role: 'officer' | 'supervisor') => ({ id, role, now: NOW, purpose: 'Onderzoek in een zaak', use: 'request.get' });

describe('the actions list', () => {
  it('filters by state, kind, addressee, indicator, case and due date, and marks what is overdue', async () => {
    const records = [paidToIban(IBANS.muleA), paidToIban(IBANS.muleB), paidToIban(IBANS.muleC)];
    const store = await openRequestStore(records);
    const { payload } = createCase(store.store, store.deps, { officer: OFFICER, title: 'Mules', reportIds: [records[2]!.reportId] });
    const overdue = createFromDraft(store, OFFICER, IBANS.muleA);
    const dueLater = createFromDraft(store, OFFICER, IBANS.muleB);
    const concept = createFromDraft(store, OFFICER, IBANS.muleC, { caseId: payload.caseId });
    sendRequest(store, overdue, { occurredAt: '2026-10-01', dueAt: '2026-10-15' });
    sendRequest(store, dueLater, { occurredAt: '2026-10-30', dueAt: '2026-11-20' });
    const ids = (query: Parameters<typeof listRequests>[1]) => listRequests(store.store.sqlite, query, TODAY).map((summary) => summary.actionId).sort();

    expect(ids({})).toEqual([overdue, dueLater, concept].sort());
    expect(ids({ states: ['draft'] })).toEqual([concept]);
    expect(ids({ kinds: ['phone_block'] })).toEqual([]);
    expect(ids({ kinds: ['bank_block'], addresseeId: 'bank.ing' })).toEqual([dueLater]);
    expect(ids({ indicatorType: 'iban', indicatorValue: 'nl91 abna 0417 1643 00' })).toEqual([overdue]);
    expect(ids({ caseId: payload.caseId })).toEqual([concept]);
    expect(ids({ dueBefore: '2026-11-20' })).toEqual([overdue, dueLater].sort());
    expect(ids({ dueBefore: '2026-11-19' })).toEqual([overdue]);
    expect(ids({ overdueOnly: true })).toEqual([overdue]);
    // Tomorrow's workstation clock makes nothing new overdue; three weeks on, the second one is too.
    expect(listRequests(store.store.sqlite, { overdueOnly: true }, '2026-11-21').map((summary) => summary.actionId).sort()).toEqual([overdue, dueLater].sort());

    const summary = listRequests(store.store.sqlite, { states: ['sent'] }, TODAY).find((entry) => entry.actionId === overdue);
    expect(summary).toMatchObject({ overdue: true, addresseeName: 'ABN AMRO Bank N.V.', sentAt: '2026-10-01', dueAt: '2026-10-15', reportCount: 1, createdBy: OFFICER });
  });

  it('does not count a request that is done as overdue', async () => {
    const store = await openRequestStore([paidToIban(IBANS.muleA)]);
    const actionId = createFromDraft(store, OFFICER, IBANS.muleA);
    sendRequest(store, actionId, { occurredAt: '2026-10-01', dueAt: '2026-10-15' });
    walk(store, actionId, [{ officer: OFFICER, from: 'sent', to: 'executed', occurredAt: '2026-10-20' }]);
    expect(listRequests(store.store.sqlite, { overdueOnly: true }, TODAY)).toEqual([]);
    expect(listRequests(store.store.sqlite, {}, TODAY)[0]).toMatchObject({ overdue: false, executedAt: '2026-10-20' });
  });
});

describe('the request detail', () => {
  it('shows the steps newest first and, per officer, which next steps they may take', async () => {
    const store = await openRequestStore([paidToIban(IBANS.muleB)]);
    const actionId = createFromDraft(store, OFFICER, IBANS.muleB);
    walk(store, actionId, [{ officer: OFFICER, from: 'draft', to: 'awaiting_approval' }]);
    const asAuthor = requestDetail(store.store.sqlite, actionId, viewer(OFFICER, 'officer'));
    expect(asAuthor.nextSteps.map((step) => step.to)).toEqual(['approved', 'draft']);
    expect(asAuthor.nextSteps.every((step) => step.refusal?.includes('only a supervisor'))).toBe(true);
    expect(asAuthor.editRefusal).toMatch(/only a draft/);
    const asSupervisor = requestDetail(store.store.sqlite, actionId, viewer(SUPERVISOR, 'supervisor'));
    expect(asSupervisor.nextSteps).toEqual([
      { to: 'approved', refusal: null },
      { to: 'draft', refusal: null },
    ]);

    walk(store, actionId, [
      { officer: SUPERVISOR, from: 'awaiting_approval', to: 'approved' },
      { officer: OFFICER, from: 'approved', to: 'sent', ...SEND },
    ]);
    const detail = requestDetail(store.store.sqlite, actionId, viewer(OTHER_OFFICER, 'officer'));
    expect(detail.steps.map((step) => [step.to, step.by])).toEqual([
      ['sent', OFFICER],
      ['approved', SUPERVISOR],
      ['awaiting_approval', OFFICER],
    ]);
    expect(detail.steps[0]).toMatchObject({ from: 'approved', method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16' });
    expect(detail.nextSteps.map((step) => [step.to, step.refusal])).toEqual([
      ['acknowledged', null],
      ['executed', null],
      ['refused', null],
      ['expired', null],
    ]);
    expect(detail).toMatchObject({ addressee: { id: 'bank.ing', name: 'ING Bank N.V.' }, route: { suggestedId: 'bank.ing' }, bundle: { victims: 1 }, effect: null });
  });

  it('offers the reports with the same IBAN that arrived later, and adds them on request', async () => {
    const first = paidToIban(IBANS.muleD);
    const store = await openRequestStore([first]);
    const actionId = createFromDraft(store, OFFICER, IBANS.muleD);
    expect(requestDetail(store.store.sqlite, actionId, viewer(OFFICER, 'officer')).newReportIds).toEqual([]);

    const later = paidToIban(IBANS.muleD, { receivedAt: '2026-11-01T08:00:00Z' });
    await store.importRecords([later, paidToIban(IBANS.muleA)]);
    const detail = requestDetail(store.store.sqlite, actionId, viewer(OFFICER, 'officer'));
    expect(detail.newReportIds).toEqual([later.reportId]);
    expect(detail.bundle.victims).toBe(1);

    expect(updateRequestReports(store.store, store.deps, { officer: OFFICER, actionId })).toEqual({ added: 1 });
    expect(requireRequest(store.store.sqlite, actionId).payload.reportIds).toEqual([first.reportId, later.reportId]);
    const updated = requestDetail(store.store.sqlite, actionId, viewer(OFFICER, 'officer'));
    expect(updated).toMatchObject({ newReportIds: [], reportCount: 2, bundle: { victims: 2, totalLossCents: 30_000 } });
    expect(updateRequestReports(store.store, store.deps, { officer: OFFICER, actionId })).toEqual({ added: 0 });
  });

  it('keeps the bundle of a request that is final', async () => {
    const store = await openRequestStore([paidToIban(IBANS.muleD)]);
    const actionId = createFromDraft(store, OFFICER, IBANS.muleD);
    sendRequest(store, actionId, { occurredAt: '2026-10-01', dueAt: '2026-10-15' });
    walk(store, actionId, [{ officer: OFFICER, from: 'sent', to: 'expired' }]);
    await store.importRecords([paidToIban(IBANS.muleD)]);
    expect(() => updateRequestReports(store.store, store.deps, { officer: OFFICER, actionId })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('counts the reports that still mention the indicator after the block was executed', async () => {
    const before = paidToIban(IBANS.muleA, { incident: { summary: 'voor', firstContactAt: '2026-09-01T10:00:00Z' } });
    const store = await openRequestStore([before]);
    const actionId = createFromDraft(store, OFFICER, IBANS.muleA);
    sendRequest(store, actionId, { occurredAt: '2026-10-01', dueAt: '2026-10-15' });
    expect(requestDetail(store.store.sqlite, actionId, viewer(OFFICER, 'officer')).effect).toBeNull();
    walk(store, actionId, [{ officer: OFFICER, from: 'sent', to: 'executed', occurredAt: '2026-10-05' }]);

    const sameDay = paidToIban(IBANS.muleA, { incident: { summary: 'zelfde dag', firstContactAt: '2026-10-05T20:00:00Z' } });
    const after = paidToIban(IBANS.muleA, { incident: { summary: 'erna', firstContactAt: '2026-10-20T10:00:00Z' } });
    const receivedAfter = paidToIban(IBANS.muleA, { receivedAt: '2026-10-25T10:00:00Z', incident: { summary: 'geen datum' } });
    const lateReportOfEarlyIncident = paidToIban(IBANS.muleA, { receivedAt: '2026-10-28T10:00:00Z', incident: { summary: 'oud', firstContactAt: '2026-09-15T10:00:00Z' } });
    await store.importRecords([sameDay, after, receivedAfter, lateReportOfEarlyIncident]);
    expect(requestDetail(store.store.sqlite, actionId, viewer(OFFICER, 'officer')).effect).toEqual({
      since: '2026-10-05',
      reportsAfter: 2,
      reportIdsAfter: [after.reportId, receivedAfter.reportId],
    });
  });
});
