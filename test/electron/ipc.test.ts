import { beforeEach, describe, expect, it, vi } from 'vitest';
import { coreInThisThread } from '../../src-main/api/core-link';
import { API_METHODS, type ApiMethod, type ApiParams, type ApiValue, type PreloadBridge } from '../../shared/api/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/wire';
import { recordConflictNotice } from '../../src-main/mutations/conflict-notices';
import { filedRecord, IBANS } from '../support/records';
import { acceptedDraft } from '../support/request-params';
import { openApiHarness, OFFICER } from '../api/support/api-harness';
import { recorded, resetFakeElectron } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const { forwardEvents, serveApiOverIpc } = await import('../../src-main/electron/ipc');
const electron = await import('electron');

/** The preload runs once per page; here once per test, against the fake contextBridge. */
async function loadPreload(): Promise<PreloadBridge> {
  vi.resetModules();
  await import('../../src-main/electron/preload');
  return recorded.exposed.get('puzzelstuk') as PreloadBridge;
}

beforeEach(() => resetFakeElectron());

describe('the preload bridge over IPC', () => {
  it('exposes one object with call and subscribe only', async () => {
    const bridge = await loadPreload();
    expect([...recorded.exposed.keys()]).toEqual(['puzzelstuk']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
  });

  it('serves every contract method', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const api = await openApiHarness({ records: [a, b] });
    serveApiOverIpc(electron.ipcMain, coreInThisThread(api.context));
    const bridge = await loadPreload();
    const served = new Set<string>();
    const call = async <M extends ApiMethod>(method: M, params: ApiParams<M>) => {
      const result = await bridge.call(method, params);
      expect(result, method).toMatchObject({ ok: true });
      served.add(method);
      return (result as { value: unknown }).value;
    };
    const refused = async <M extends ApiMethod>(method: M, params: ApiParams<M>) => {
      const result = await bridge.call(method, params);
      expect(result, method).toMatchObject({ ok: false, error: { code: expect.any(String) as unknown } });
      served.add(method);
    };

    await call('session.get', {});
    await call('officers.list', {});
    await call('queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 10 });
    await call('app.firstScreen', { queue: { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 10 } });
    expect(await call('app.startState', {})).toEqual({ phase: 'ready' });
    await call('queue.regions', {});
    await call('report.get', { reportId: a.reportId, purpose: 'Beoordelen van de melding' });
    await call('report.revealReporter', { reportId: a.reportId, reason: 'Contact opnemen' });
    await call('report.revisions', { reportId: a.reportId });
    await call('report.audit', { reportId: a.reportId, purpose: 'Beoordelen van de melding' });
    await call('report.related', { reportId: a.reportId });
    await call('report.setWorkStatus', { reportIds: [a.reportId], status: 'in_progress' });
    await call('report.assign', { reportIds: [a.reportId], assignee: OFFICER });
    await call('indicator.list', { sort: 'reports', offset: 0, limit: 10 });
    await call('indicator.summary', { type: 'iban', value: IBANS.muleA });
    await call('indicator.seenElsewhere', { type: 'iban', value: IBANS.muleA });
    await call('indicator.reports', { type: 'iban', value: IBANS.muleA });
    await call('cluster.graph', { reportId: a.reportId });
    await call('link.decide', { reportA: a.reportId, reportB: b.reportId, decision: 'confirmed', reason: '' });
    const { caseId } = (await call('case.create', { title: 'Zaak', reportIds: [a.reportId] })) as { caseId: string };
    await call('case.list', {});
    await call('case.get', { caseId });
    await call('case.update', { caseId, title: 'Zaak Utrecht' });
    await call('case.addReports', { caseId, reportIds: [b.reportId] });
    await call('case.removeReports', { caseId, reportIds: [b.reportId] });
    await call('note.add', { subjectType: 'case', subjectId: caseId, body: 'Eerste bevindingen' });
    await call('note.list', { subjectType: 'case', subjectId: caseId });
    await call('sync.state', {});
    recordConflictNotice(api.store.sqlite, {
      mutationId: 'm-1',
      entity: 'report',
      entityId: a.reportId,
      field: 'workStatus',
      myValue: 'closed',
      winningValue: 'new',
      winningMutationId: 'm-2',
      winningOfficer: 'e.yilmaz',
      winningAt: '2026-11-02T08:00:00.000Z',
      detectedAt: '2026-11-02T09:00:00.000Z',
    });
    const [notice] = (await call('sync.conflicts', {})) as Array<{ id: number }>;
    await call('sync.dismissConflict', { id: notice!.id });
    await call('settings.get', {});
    await call('settings.set', { language: 'en' });
    await call('benign.list', {});
    await call('benign.add', { type: 'iban', value: IBANS.muleB, reason: 'Bankrekening van de bank' });
    await call('benign.remove', { type: 'iban', value: IBANS.muleB });

    const draft = (await call('request.draft', { indicatorType: 'iban', indicatorValue: IBANS.muleA })) as ApiValue<'request.draft'>;
    const { actionId } = (await call('request.create', acceptedDraft(draft))) as { actionId: string };
    await call('request.list', {});
    await call('request.get', { actionId });
    await call('request.edit', { actionId, title: 'Blokkeringsverzoek' });
    await call('request.updateReports', { actionId });
    await call('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' });
    await call('request.letter', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    await call('request.export', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    const warningDraft = (await call('request.draft', { kind: 'prevention_warning', clusterReportId: a.reportId })) as ApiValue<'request.draft'>;
    const { actionId: warningId } = (await call('request.create', acceptedDraft(warningDraft))) as { actionId: string };
    await call('request.warningDocument', { actionId: warningId, format: 'html' });
    await call('directory.list', {});
    const entry = { kind: 'exchange' as const, name: 'Testbeurs', channel: 'email' as const, email: 'abuse@testbeurs.example', networks: ['btc'] };
    const { id: entryId } = (await call('directory.put', { entry })) as { id: string };
    await call('directory.remove', { entryId });
    await call('routing.rules', {});
    const rule = { name: 'Test', position: 5, enabled: false, conditions: {}, team: 'Team Fraude', priority: 'low' as const, assign: 'none' as const };
    const { id: ruleId } = (await call('routing.putRule', { rule })) as { id: string };
    await call('routing.removeRule', { ruleId });
    await call('routing.explain', { reportId: a.reportId });
    await call('routing.apply', { reportIds: [a.reportId] });
    await call('report.reroute', { reportIds: [b.reportId], team: 'Team Fraude', priority: 'high', assignee: null, reason: 'Hoort bij lopend onderzoek' });
    await call('overview.get', {});
    const settings = (await call('overview.settings', {})) as ApiValue<'overview.settings'>;
    await call('overview.setSettings', { settings: { ...settings, weeks: 8 } });
    const { purposes } = (await call('audit.purposes', {})) as ApiValue<'audit.purposes'>;
    await call('audit.setPurposes', { purposes });
    await call('audit.lastPurpose', { reportId: a.reportId });
    await call('audit.logbook', { reportId: a.reportId });
    await call('audit.exportCsv', { officer: OFFICER, from: '2026-01-01', purpose: 'Interne controle' });
    await call('audit.refusals', {});
    await call('sync.refusedChanges', {});
    await call('session.activity', {});
    await call('session.lock', {});
    await call('session.unlock', {});
    await call('session.oidcOffer', {});
    // Without a hub that offers a police account these two can only refuse — still as an envelope over IPC.
    await refused('session.oidcStart', {});
    await refused('session.oidcFinish', {});
    // Nothing was drawn after a sign-in: there is nothing to release, and nothing is refused.
    await call('session.drawn', {});
    // Only right after a police-account sign-in, which the demo has not: refused, as an envelope.
    await refused('session.setOfflineCode', { code: '24681357', replace: false });
    await call('session.signOut', {});
    await call('session.signIn', { officerId: OFFICER });
    expect([...served].sort()).toEqual([...API_METHODS].sort());
  });

  it('answers errors as envelopes, never as thrown IPC errors', async () => {
    const api = await openApiHarness();
    serveApiOverIpc(electron.ipcMain, coreInThisThread(api.context));
    const bridge = await loadPreload();
    expect(await bridge.call('report.get', { reportId: 'IA-2026-0000001', purpose: 'Beoordelen van de melding' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await bridge.call('shell.openExternal', { url: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses a call from a frame that is not the app', async () => {
    const api = await openApiHarness();
    serveApiOverIpc(electron.ipcMain, coreInThisThread(api.context));
    const bridge = await loadPreload();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'puzzelstuk://other/index.html', 'http://127.0.0.1:5173/']) {
      recorded.senderUrl = url;
      expect(await bridge.call('session.get', {}), url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const handler = recorded.ipcHandlers.get(IPC_CALL_CHANNEL)!;
    expect(await handler({ senderFrame: null }, { method: 'session.get', params: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('pushes events to the window and into the page’s listeners until it unsubscribes', async () => {
    const api = await openApiHarness();
    const window = new electron.BrowserWindow({ webPreferences: {} });
    forwardEvents(coreInThisThread(api.context), window.webContents);
    const bridge = await loadPreload();
    const heard: Array<[string, unknown]> = [];
    const unsubscribe = bridge.subscribe((event, payload) => heard.push([event, payload]));
    api.context.events.emit('work.changed', { entities: ['note'] });
    unsubscribe();
    api.context.events.emit('reports.changed', { count: 2 });
    expect(heard).toEqual([['work.changed', { entities: ['note'] }]]);
    expect((window.webContents as unknown as { sent: unknown[] }).sent).toEqual([
      [IPC_EVENT_CHANNEL, { event: 'work.changed', payload: { entities: ['note'] } }],
      [IPC_EVENT_CHANNEL, { event: 'reports.changed', payload: { count: 2 } }],
    ]);
  });
});
