import { describe, expect, it } from 'vitest';
import { connectEvents } from '../../src-renderer/state/connect-events';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { SUPERVISOR } from './support/request-builders';
import { reportDetail } from './support/builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { WORK_PURPOSE, openReportUnder } from './support/open-report';

const reporter = { type: 'person' as const, name: 'Jan de Vries', email: 'jan@example.nl', ownIndicators: [] };

/** A store with its slices and a fake core; a supervisor signed in unless `officer` (who may not read audit trails). */
function setup(viewer: 'supervisor' | 'officer' = 'supervisor') {
  const detail = reportDetail();
  const api = new FakeApi()
    .handle('report.get', () => detail)
    .handle('report.revealReporter', () => reporter)
    .handle('report.audit', () => [{ at: '2026-03-01T10:00:00Z', actor: 'officer-1', action: 'report.viewed', subjectType: 'report', subjectId: detail.reportId, details: null }]);
  const store = createAppStore(api);
  if (viewer === 'supervisor') store.setState({ session: { officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null } });
  return { api, store, state: () => store.getState(), detail };
}

describe('report slice', () => {
  it('opening a report asks the purpose first and fetches nothing of the report until the officer confirms one', async () => {
    const { api, state, detail } = setup();
    api.handle('audit.lastPurpose', () => ({ purpose: 'Onderzoek in een zaak' }));
    state().openReport(detail.reportId);
    await settle();
    expect(state().reportPurposeAsked).toEqual({ reportId: detail.reportId, suggested: 'Onderzoek in een zaak' });
    expect(api.callsOf('audit.lastPurpose')).toEqual([{ reportId: detail.reportId }]);
    expect(api.calls.map((call) => call.method).filter((method) => method.startsWith('report.') || method === 'note.list')).toEqual([]);
    expect(await state().openReportFor('Onderzoek in een zaak')).toBe(true);
    expect(api.callsOf('report.get')).toEqual([{ reportId: detail.reportId, purpose: 'Onderzoek in een zaak' }]);
    expect(state().reportPurposeAsked).toBeNull();
  });

  it('opening a report loads detail, history, related and notes', async () => {
    const { api, store, state, detail } = setup();
    await openReportUnder(store, detail.reportId);
    expect(api.callsOf('report.get')).toEqual([{ reportId: detail.reportId, purpose: WORK_PURPOSE }]);
    expect(state().report).toEqual(detail);
    expect(state().audit).toHaveLength(1);
    expect(api.calls.map((call) => call.method)).toEqual(
      expect.arrayContaining(['report.get', 'report.revisions', 'report.audit', 'report.related', 'note.list']),
    );
  });

  it('asks an officer’s report without its audit trail, which only supervisors may read (and the core refuses others)', async () => {
    const { api, store, state, detail } = setup('officer');
    await openReportUnder(store, detail.reportId);
    expect(await state().revealReporter('Terugbellen over aangifte')).toBe(true);
    expect(state().report).toEqual(detail);
    expect(api.callsOf('report.audit')).toEqual([]);
    expect(state().audit).toBeNull();
  });

  it('reads the audit trail under the report’s purpose for a supervisor', async () => {
    const { api, store, detail } = setup();
    await openReportUnder(store, detail.reportId);
    expect(api.callsOf('report.audit')).toEqual([{ reportId: detail.reportId, purpose: WORK_PURPOSE }]);
  });

  it('reveals the reporter only with a reason, and reloads the audit trail', async () => {
    const { api, store, state, detail } = setup();
    await openReportUnder(store, detail.reportId);
    expect(await state().revealReporter('Terugbellen over aangifte')).toBe(true);
    expect(api.callsOf('report.revealReporter')).toEqual([{ reportId: detail.reportId, reason: 'Terugbellen over aangifte' }]);
    expect(state().revealedReporter).toEqual(reporter);
    expect(api.callsOf('report.audit')).toHaveLength(2);
  });

  it('forgets revealed personal data when the officer leaves the report', async () => {
    const { store, state, detail } = setup();
    await openReportUnder(store, detail.reportId);
    await state().revealReporter('Terugbellen');
    state().navigate({ screen: 'queue' });
    expect(state().revealedReporter).toBeNull();
    expect(state().report).toBeNull();
  });

  it('a refused reveal shows an error notice and reveals nothing', async () => {
    const { api, store, state, detail } = setup();
    api.handle('report.revealReporter', () => {
      throw new FakeFailure('FORBIDDEN');
    });
    await openReportUnder(store, detail.reportId);
    expect(await state().revealReporter('Nieuwsgierig')).toBe(false);
    expect(state().revealedReporter).toBeNull();
    expect(state().notices.at(-1)).toEqual(expect.objectContaining({ tone: 'error', key: 'revealFailed' }));
  });

  it('an answer for a report the officer already left is ignored', async () => {
    const { api, state, detail } = setup();
    api.hold();
    state().openReport(detail.reportId);
    state().navigate({ screen: 'queue' });
    api.release();
    await settle();
    expect(state().report).toBeNull();
  });

  it('setting the work status reloads the report', async () => {
    const { api, store, state, detail } = setup();
    api.handle('report.setWorkStatus', () => ({ changed: 1 }));
    await openReportUnder(store, detail.reportId);
    await state().setReportWorkStatus('in_progress');
    expect(api.callsOf('report.setWorkStatus')).toEqual([{ reportIds: [detail.reportId], status: 'in_progress' }]);
    // The reload is logged under the purpose the report was opened with.
    expect(api.callsOf('report.get').map((call) => call.purpose)).toEqual([WORK_PURPOSE, WORK_PURPOSE]);
  });

  it('pushed changes reload the open report only for a new revision (each report.get is an audited view)', async () => {
    const { api, store, detail } = setup();
    let revisions = [{ revision: 2, status: 'filed', receivedAt: detail.receivedAt, changedFields: [] as string[] }];
    api.handle('report.revisions', () => revisions);
    connectEvents(api, store);
    await openReportUnder(store, detail.reportId);
    api.emit('reports.changed', { count: 5 });
    await settle();
    expect(api.callsOf('report.get')).toHaveLength(1);
    revisions = [...revisions, { revision: 3, status: 'filed', receivedAt: detail.receivedAt, changedFields: ['payments[0].amount'] }];
    api.emit('reports.changed', { count: 1 });
    await settle();
    expect(api.callsOf('report.get')).toHaveLength(2);
  });
});
