import { describe, expect, it } from 'vitest';
import { connectEvents } from '../../src-renderer/state/connect-events';
import { createAppStore } from '../../src-renderer/app/create-app-store';
import { caseDetail, queueRow, reportDetail, reportIdOf } from './support/builders';
import { FakeApi, settle } from './support/fake-api';
import { openReportUnder } from './support/open-report';

describe('cluster, cases, notes, benign and sync slices', () => {
  it('decides a link with a reason and reloads the related list', async () => {
    const api = new FakeApi().handle('report.get', () => reportDetail()).handle('link.decide', () => null);
    const store = createAppStore(api);
    await openReportUnder(store, reportIdOf(0));
    expect(await store.getState().decideLink(reportIdOf(4), 'rejected', 'Zelfde bank, andere zaak')).toBe(true);
    expect(api.callsOf('link.decide')).toEqual([{ reportA: reportIdOf(0), reportB: reportIdOf(4), decision: 'rejected', reason: 'Zelfde bank, andere zaak' }]);
    expect(api.callsOf('report.related')).toHaveLength(2);
  });

  it('creates a case and opens it', async () => {
    const detail = caseDetail();
    const api = new FakeApi().handle('case.create', () => ({ caseId: detail.caseId })).handle('case.get', () => detail);
    const store = createAppStore(api);
    expect(await store.getState().createCase({ title: detail.title, reportIds: [reportIdOf(0), reportIdOf(1)], team: 'Cyber', owner: 'officer-1' })).toBe(true);
    await settle();
    expect(store.getState().view).toEqual({ screen: 'cases', caseId: detail.caseId });
    expect(store.getState().openCaseDetail).toEqual(detail);
  });

  it('closing a case sends the reason along and reloads the case', async () => {
    const detail = caseDetail();
    const api = new FakeApi().handle('case.update', () => null).handle('case.get', () => ({ ...detail, status: 'closed' }));
    const store = createAppStore(api);
    store.getState().openCase(detail.caseId);
    await settle();
    expect(await store.getState().setCaseStatus('closed', 'Dader aangehouden')).toBe(true);
    expect(api.callsOf('case.update')).toEqual([{ caseId: detail.caseId, status: 'closed', closeReason: 'Dader aangehouden' }]);
    expect(store.getState().openCaseDetail?.status).toBe('closed');
  });

  it('adds a note and reloads the notes of that subject', async () => {
    const api = new FakeApi().handle('note.add', () => ({ noteId: 'n1' }));
    api.handle('note.list', () => [
      { noteId: 'n1', subjectType: 'report', subjectId: reportIdOf(0), body: 'Gebeld', author: 'officer-1', createdAt: '2026-03-01T10:00:00Z', synced: false },
    ]);
    const store = createAppStore(api);
    expect(await store.getState().addNote('report', reportIdOf(0), 'Gebeld')).toBe(true);
    expect(store.getState().notes[`report:${reportIdOf(0)}`]).toHaveLength(1);
  });

  it('routes pushed events: sync state, changed reports (and the regions they bring), changed benign list', async () => {
    let regions = ['Oost-Nederland'];
    const api = new FakeApi([queueRow(0)]).handle('benign.list', () => []).handle('sync.conflicts', () => []).handle('queue.regions', () => regions);
    const store = createAppStore(api);
    connectEvents(api, store);
    await store.getState().loadQueue();
    await store.getState().loadQueueRegions();
    expect(store.getState().queueRegions).toEqual(['Oost-Nederland']);
    regions = ['Oost-Nederland', 'Rotterdam'];
    const syncState = { revision: 1, configured: true, online: true, lastSyncAt: null, pendingOutbox: 2, lastError: null, initialSync: { active: false, received: 0, total: null }, conflicts: 0 };
    api.emit('sync.state', syncState);
    expect(store.getState().syncState).toEqual(syncState);
    api.emit('reports.changed', { count: 1 });
    api.emit('work.changed', { entities: ['benign'] });
    await settle();
    expect(api.callsOf('queue.list')).toHaveLength(2);
    expect(store.getState().queueRegions).toEqual(['Oost-Nederland', 'Rotterdam']);
    expect(api.callsOf('benign.list')).toHaveLength(1);
  });

  it('asks the queue at once when another officer signs in here, without waiting for the session’s answer', async () => {
    const api = new FakeApi([queueRow(0)]);
    const store = createAppStore(api);
    connectEvents(api, store);
    let answerSession!: () => void;
    const sessionAnswered = new Promise<void>((resolve) => (answerSession = resolve));
    api.handle('session.get', async () => {
      await sessionAnswered;
      return { officer: { id: 'officer-2', displayName: 'B. Agent', role: 'officer', team: 'Cyber' }, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null };
    });
    api.emit('work.changed', { entities: ['officer'] });
    await settle();
    expect(api.callsOf('session.get')).toHaveLength(1);
    expect(api.callsOf('queue.list')).toHaveLength(1);
    expect(api.callsOf('case.list')).toHaveLength(0);

    // What depends on who signed in waits for them.
    answerSession();
    await settle();
    expect(store.getState().session?.officer?.id).toBe('officer-2');
    expect(api.callsOf('case.list')).toHaveLength(1);
  });

  it('takes the new officer’s session, which draws their workstation, once their queue’s rows are in', async () => {
    const api = new FakeApi([queueRow(0)]);
    const store = createAppStore(api);
    connectEvents(api, store);
    let rowsWhenSessionTaken: number | null = null;
    store.subscribe((state, before) => {
      if (rowsWhenSessionTaken === null && state.session !== before.session) rowsWhenSessionTaken = state.queuePages[0]?.length ?? 0;
    });
    api.emit('work.changed', { entities: ['officer'] });
    await settle();
    expect(rowsWhenSessionTaken).toBe(1);
  });

  it('reloads the conflict list when the count changes while it is open', async () => {
    const api = new FakeApi().handle('sync.conflicts', () => []);
    const store = createAppStore(api);
    await store.getState().loadConflicts();
    const base = { revision: 1, configured: true, online: true, lastSyncAt: null, pendingOutbox: 0, lastError: null, initialSync: { active: false, received: 0, total: null } };
    store.getState().receiveSyncState({ ...base, conflicts: 1 });
    await settle();
    expect(api.callsOf('sync.conflicts')).toHaveLength(2);
  });
});
