import { describe, expect, it } from 'vitest';
import { connectEvents } from '../../src-renderer/state/connect-events';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { ACTION_ID, requestDetail, requestDraft, requestSummary, directoryEntry, IBAN, routingRule, SUPERVISOR } from './support/request-builders';
import { reportDetail, reportIdOf } from './support/builders';
import { FakeApi, FakeFailure, settle } from './support/fake-api';
import { openReportUnder } from './support/open-report';

function openRequest(detail = requestDetail()) {
  const api = new FakeApi().handle('request.get', () => detail).handle('request.transition', () => null);
  const store = createAppStore(api);
  store.getState().openRequest(detail.actionId);
  return { api, store, state: () => store.getState() };
}

describe('requests slices', () => {
  it('loads a draft and creates the request as a concept, then opens it', async () => {
    const api = new FakeApi()
      .handle('request.draft', () => requestDraft())
      .handle('request.create', () => ({ actionId: ACTION_ID }))
      .handle('request.get', () => requestDetail());
    const store = createAppStore(api);
    await store.getState().loadRequestDraft({ kind: 'bank_block', indicatorType: 'iban', indicatorValue: IBAN });
    expect(api.callsOf('request.draft')).toEqual([{ kind: 'bank_block', indicatorType: 'iban', indicatorValue: IBAN }]);
    const draft = store.getState().requestDraft!;
    const created = await store.getState().createRequest({
      kind: draft.kind,
      indicatorType: draft.indicatorType,
      indicatorValue: draft.indicatorValue,
      caseId: null,
      clusterReportId: draft.clusterReportId,
      title: draft.title,
      addresseeId: 'abn-amro',
      reportIds: [reportIdOf(0), reportIdOf(1)],
      includePersonalData: false,
      legalBasis: draft.legalBasis,
      body: draft.body,
    });
    expect(created).toBe(true);
    await settle();
    expect(store.getState().view).toEqual({ screen: 'requests', actionId: ACTION_ID });
    expect(store.getState().openRequestDetail?.actionId).toBe(ACTION_ID);
    expect(api.callsOf('note.list')).toContainEqual({ subjectType: 'action', subjectId: ACTION_ID });
  });

  it('filters the list by state, type, addressee and due date', async () => {
    const api = new FakeApi().handle('request.list', () => [requestSummary()]);
    const store = createAppStore(api);
    store.getState().navigate({ screen: 'requests' });
    store.getState().setRequestFilters({ states: ['sent'], kinds: ['bank_block'] });
    store.getState().setRequestFilters({ addresseeId: 'abn-amro', overdueOnly: true });
    await settle();
    expect(api.callsOf('request.list').at(-1)).toEqual({ states: ['sent'], kinds: ['bank_block'], addresseeId: 'abn-amro', overdueOnly: true });
    expect(store.getState().requestList).toHaveLength(1);
  });

  it('takes a step from the state the officer saw, with only the facts the step needs', async () => {
    const { api, state } = openRequest(requestDetail({ state: 'approved' }));
    await settle();
    expect(await state().transitionRequest({ to: 'sent', method: 'portal', occurredAt: '2026-03-04', dueAt: '2026-03-18', reference: 'ABN-77', reason: null })).toBe(true);
    expect(api.callsOf('request.transition')).toEqual([
      { actionId: ACTION_ID, from: 'approved', to: 'sent', method: 'portal', occurredAt: '2026-03-04', dueAt: '2026-03-18', reference: 'ABN-77', reason: null },
    ]);
    expect(state().notices.at(-1)).toMatchObject({ tone: 'success', key: 'requestStep.sent' });
    expect(api.callsOf('request.get')).toHaveLength(2);
  });

  it('a refused step is reported and the request reloaded (it may have moved on elsewhere)', async () => {
    const { api, state } = openRequest();
    await settle();
    api.handle('request.transition', () => {
      throw new FakeFailure('CONFLICT');
    });
    expect(await state().transitionRequest({ to: 'awaiting_approval' })).toBe(false);
    expect(state().notices.at(-1)).toMatchObject({ tone: 'error', key: 'requestStepFailed' });
    expect(api.callsOf('request.get')).toHaveLength(2);
  });

  it('edits only what changed, adds the new reports, and fetches the letter and export', async () => {
    const { api, state } = openRequest(requestDetail({ newReportIds: [reportIdOf(5)] }));
    api
      .handle('request.edit', () => null)
      .handle('request.updateReports', () => ({ added: 1 }))
      .handle('request.letter', () => ({ fileName: 'verzoek.pdf', contentBase64: 'JVBERi0=' }))
      .handle('request.export', () => ({ fileName: 'verzoek.json', document: {} as never }));
    await settle();
    await state().editRequest({ title: 'Nieuwe titel' });
    await state().updateRequestReports();
    expect(api.callsOf('request.edit')).toEqual([{ actionId: ACTION_ID, title: 'Nieuwe titel' }]);
    expect(api.callsOf('request.updateReports')).toEqual([{ actionId: ACTION_ID }]);
    expect(state().notices.at(-1)).toMatchObject({ key: 'requestReportsAdded', values: { count: 1 } });
    expect(await state().fetchRequestLetter(ACTION_ID, 'Verzoek aan een derde voorbereiden')).toEqual({ fileName: 'verzoek.pdf', contentBase64: 'JVBERi0=' });
    expect((await state().fetchRequestExport(ACTION_ID, 'Interne controle'))?.fileName).toBe('verzoek.json');
    expect(api.callsOf('request.letter')).toEqual([{ actionId: ACTION_ID, purpose: 'Verzoek aan een derde voorbereiden' }]);
    expect(api.callsOf('request.export')).toEqual([{ actionId: ACTION_ID, purpose: 'Interne controle' }]);
    // The last purpose given for the request is offered next; its reporters are not shown for it.
    expect(await state().suggestRequestPurpose()).toBe('Interne controle');
    expect(state().requestPurpose).toEqual({ actionId: ACTION_ID, purpose: 'Interne controle', showsReporters: false });
  });

  it('loads the approval queue for supervisors only', async () => {
    const api = new FakeApi().handle('request.list', () => [requestSummary({ state: 'awaiting_approval' })]);
    const store = createAppStore(api);
    await store.getState().loadSession();
    await store.getState().loadApprovalQueue();
    expect(store.getState().approvalQueue).toBeNull();
    expect(api.callsOf('request.list')).toHaveLength(0);

    api.handle('session.get', () => ({ officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }));
    await store.getState().loadSession();
    await store.getState().loadApprovalQueue();
    expect(api.callsOf('request.list')).toEqual([{ states: ['awaiting_approval'] }]);
    expect(store.getState().approvalQueue).toHaveLength(1);
  });

  it('reloads the open request when actions change elsewhere, and when new reports arrive', async () => {
    const { api, store, state } = openRequest();
    connectEvents(api, store);
    await settle();
    api.emit('work.changed', { entities: ['action'] });
    await settle();
    api.emit('reports.changed', { count: 3 });
    await settle();
    expect(api.callsOf('request.get')).toHaveLength(3);
    expect(state().openRequestDetail?.actionId).toBe(ACTION_ID);
  });
});

describe('routing and directory slices', () => {
  it('saves, toggles and reorders rules by swapping positions', async () => {
    const first = routingRule({ id: 'a', name: 'A', position: 10 });
    const second = routingRule({ id: 'b', name: 'B', position: 20 });
    const api = new FakeApi().handle('routing.rules', () => [second, first]).handle('routing.putRule', ({ rule }) => ({ ...first, ...rule }));
    const store = createAppStore(api);
    await store.getState().loadRoutingRules();
    expect(store.getState().routingRules?.map((rule) => rule.id)).toEqual(['a', 'b']);
    expect(await store.getState().moveRoutingRule('b', 'up')).toBe(true);
    expect(api.callsOf('routing.putRule').map((call) => [call.ruleId, call.rule.position])).toEqual([
      ['b', 10],
      ['a', 20],
    ]);
    expect(api.callsOf('routing.putRule')[0]!.rule).not.toHaveProperty('id');
  });

  it('explains the open report, re-routes it by hand and routes it again by the rules', async () => {
    const detail = reportDetail();
    const api = new FakeApi()
      .handle('report.get', () => detail)
      .handle('report.reroute', () => ({ changed: 1 }))
      .handle('routing.apply', () => ({ changed: 1 }));
    const store = createAppStore(api);
    await openReportUnder(store, detail.reportId);
    expect(api.callsOf('routing.explain')).toEqual([{ reportId: detail.reportId }]);
    expect(store.getState().routeExplanation?.reportId).toBe(detail.reportId);

    await store.getState().rerouteReport({ team: 'Team Fraude', priority: 'high', assignee: 'officer-1', reason: 'Hoort bij lopend fraudeonderzoek' });
    expect(api.callsOf('report.reroute')).toEqual([
      { reportIds: [detail.reportId], team: 'Team Fraude', priority: 'high', assignee: 'officer-1', reason: 'Hoort bij lopend fraudeonderzoek' },
    ]);
    await store.getState().applyRoutingToReport();
    expect(api.callsOf('routing.apply')).toEqual([{ reportIds: [detail.reportId] }]);
    expect(api.callsOf('routing.explain')).toHaveLength(3);
  });

  it('saves and removes directory entries and reloads the directory', async () => {
    const entry = directoryEntry();
    const api = new FakeApi()
      .handle('directory.list', () => [entry])
      .handle('directory.put', () => entry)
      .handle('directory.remove', () => null);
    const store = createAppStore(api);
    const { id: _id, updatedBy: _by, updatedAt: _at, ...fields } = entry;
    expect(await store.getState().putDirectoryEntry(undefined, fields)).toBe(true);
    expect(await store.getState().removeDirectoryEntry('abn-amro')).toBe(true);
    expect(api.callsOf('directory.put')).toEqual([{ entry: fields }]);
    expect(api.callsOf('directory.remove')).toEqual([{ entryId: 'abn-amro' }]);
    expect(store.getState().directoryEntries).toEqual([entry]);
  });
});
