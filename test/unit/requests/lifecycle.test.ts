import { describe, expect, it } from 'vitest';
import { requireRequest } from '../../../src-main/requests/request-record';
import { createRequest, editRequest, transitionRequest } from '../../../src-main/requests/request-services';
import { IBANS } from '../../support/records';
import { OFFICER, OTHER_OFFICER, openRequestStore, paidToIban, SUPERVISOR, type RequestStore } from './support/request-store';
import { createFromDraft, SEND, walk } from './support/requests';

async function storeWithRequest(author = OFFICER): Promise<{ store: RequestStore; actionId: string }> {
  const store = await openRequestStore([paidToIban(IBANS.muleB), paidToIban(IBANS.muleB)]);
  return { store, actionId: createFromDraft(store, author, IBANS.muleB) };
}

const SECOND_SUPERVISOR = 'a.dekker';

function addSupervisor(store: RequestStore, id: string): void {
  store.store.sqlite.prepare("INSERT INTO officers (id, display_name, role, team, active) VALUES (?, ?, 'supervisor', NULL, 1)").run(id, id);
}

function expectError(run: () => unknown, code: string, message?: RegExp): void {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  expect(error, 'expected an error').toMatchObject({ code });
  if (message) expect((error as Error).message).toMatch(message);
}

describe('creating a request', () => {
  it('makes a concept authored by the officer, addressed to the bank and bundling the reports', async () => {
    const { store, actionId } = await storeWithRequest();
    const action = requireRequest(store.store.sqlite, actionId);
    expect(action).toMatchObject({
      kind: 'bank_block',
      state: 'draft',
      createdBy: OFFICER,
      addresseeId: 'bank.ing',
      indicator: { type: 'iban', value: IBANS.muleB },
      title: `Blokkeringsverzoek bankrekening ${IBANS.muleB}`,
    });
    expect(action.payload.reportIds).toHaveLength(2);
    expect(action.payload.legalBasis).toContain('Wet politiegegevens');
    expect(action.payload.body).toContain(IBANS.muleB);
    expect(store.store.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'action.create'").get()).toEqual({ n: 1 });
  });

  it('refuses a request that does not fit its indicator, names no report or an unknown addressee', async () => {
    const { store } = await storeWithRequest();
    const base = {
      officer: OFFICER,
      kind: 'bank_block' as const,
      indicatorType: 'iban' as const,
      indicatorValue: IBANS.muleB,
      caseId: null,
      clusterReportId: null,
      title: 'Verzoek',
      addresseeId: 'bank.ing',
      reportIds: store.store.sqlite.prepare<[], string>('SELECT report_id FROM reports').pluck().all(),
      includePersonalData: false,
      legalBasis: '',
      body: '',
    };
    expectError(() => createRequest(store.store, store.deps, { ...base, kind: 'phone_block' }), 'BAD_INPUT', /iban leads to a bank_block/);
    expectError(() => createRequest(store.store, store.deps, { ...base, indicatorValue: 'NL00INGB0000000000' }), 'BAD_INPUT', /not a valid iban/);
    expectError(() => createRequest(store.store, store.deps, { ...base, reportIds: [] }), 'BAD_INPUT', /at least one report/);
    expectError(() => createRequest(store.store, store.deps, { ...base, reportIds: ['IA-2026-0000001'] }), 'NOT_FOUND');
    expectError(() => createRequest(store.store, store.deps, { ...base, addresseeId: 'bank.nowhere' }), 'BAD_INPUT', /no addressee bank\.nowhere/);
    expectError(() => createRequest(store.store, store.deps, { ...base, title: '  ' }), 'BAD_INPUT', /title/);
  });
});

describe('the lifecycle', () => {
  it('goes from concept through approval, sending and confirmation to executed, recording every step', async () => {
    const { store, actionId } = await storeWithRequest();
    walk(store, actionId, [
      { officer: OFFICER, from: 'draft', to: 'awaiting_approval' },
      { officer: SUPERVISOR, from: 'awaiting_approval', to: 'approved' },
      { officer: OFFICER, from: 'approved', to: 'sent', ...SEND, reference: 'via fraudedesk' },
      { officer: OFFICER, from: 'sent', to: 'acknowledged', occurredAt: '2026-11-02', reference: 'ING-2026-77' },
      { officer: OFFICER, from: 'acknowledged', to: 'executed', occurredAt: '2026-11-02' },
    ]);
    const action = requireRequest(store.store.sqlite, actionId);
    expect(action).toMatchObject({ state: 'executed', sentAt: '2026-11-02', dueAt: '2026-11-16', executedAt: '2026-11-02' });
    expect(action.payload.steps.approved).toMatchObject({ from: 'awaiting_approval', by: SUPERVISOR });
    expect(action.payload.steps.sent).toMatchObject({ by: OFFICER, method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16', reference: 'via fraudedesk' });
    expect(action.payload.steps.acknowledged).toMatchObject({ reference: 'ING-2026-77' });
    const audited = store.store.sqlite.prepare<[string], { actor: string }>("SELECT actor FROM audit_log WHERE action = 'action.transition' AND subject_id = ? ORDER BY id").all(actionId);
    expect(audited.map((row) => row.actor)).toEqual([OFFICER, SUPERVISOR, OFFICER, OFFICER, OFFICER]);
    expectError(() => transitionRequest(store.store, store.deps, { officer: OFFICER, actionId, from: 'executed', to: 'expired' }), 'CONFLICT', /final/);
  });

  it('four-eyes: the author may not approve, not even as a supervisor; an officer may not approve at all', async () => {
    const { store, actionId } = await storeWithRequest(SUPERVISOR);
    addSupervisor(store, SECOND_SUPERVISOR);
    walk(store, actionId, [{ officer: SUPERVISOR, from: 'draft', to: 'awaiting_approval' }]);
    const approve = (officer: string) => () => transitionRequest(store.store, store.deps, { officer, actionId, from: 'awaiting_approval', to: 'approved' });
    expectError(approve(SUPERVISOR), 'FORBIDDEN', /four-eyes/);
    expectError(approve(OFFICER), 'FORBIDDEN', /only a supervisor/);
    expect(requireRequest(store.store.sqlite, actionId).state).toBe('awaiting_approval');
    approve(SECOND_SUPERVISOR)();
    expect(requireRequest(store.store.sqlite, actionId).payload.steps.approved?.by).toBe(SECOND_SUPERVISOR);
  });

  it('sends a request back to its author only with a reason', async () => {
    const { store, actionId } = await storeWithRequest();
    walk(store, actionId, [{ officer: OFFICER, from: 'draft', to: 'awaiting_approval' }]);
    const sendBack = (reason: string | null) => () => transitionRequest(store.store, store.deps, { officer: SUPERVISOR, actionId, from: 'awaiting_approval', to: 'draft', reason });
    expectError(sendBack('  '), 'BAD_INPUT', /needs a reason/);
    sendBack('Grondslag aanvullen')();
    expect(requireRequest(store.store.sqlite, actionId)).toMatchObject({ state: 'draft', payload: { steps: { draft: { reason: 'Grondslag aanvullen', by: SUPERVISOR } } } });
  });

  it('refuses a step taken on a stale view, or one the state does not allow', async () => {
    const { store, actionId } = await storeWithRequest();
    expectError(() => transitionRequest(store.store, store.deps, { officer: SUPERVISOR, actionId, from: 'awaiting_approval', to: 'approved' }), 'CONFLICT', /is "draft" now/);
    expectError(() => transitionRequest(store.store, store.deps, { officer: OFFICER, actionId, from: 'draft', to: 'sent', ...SEND }), 'CONFLICT', /cannot become "sent"/);
  });

  it('records how, when and until when a request was sent; not a date in the future', async () => {
    const { store, actionId } = await storeWithRequest();
    walk(store, actionId, [
      { officer: OFFICER, from: 'draft', to: 'awaiting_approval' },
      { officer: SUPERVISOR, from: 'awaiting_approval', to: 'approved' },
    ]);
    const send = (facts: object) => () => transitionRequest(store.store, store.deps, { officer: OFFICER, actionId, from: 'approved', to: 'sent', ...facts });
    expectError(send({ occurredAt: '2026-11-02', dueAt: '2026-11-16' }), 'BAD_INPUT', /way it was sent/);
    expectError(send({ method: 'portal', dueAt: '2026-11-16' }), 'BAD_INPUT', /date it was sent/);
    expectError(send({ method: 'portal', occurredAt: '2026-11-02' }), 'BAD_INPUT', /answer is due/);
    expectError(send({ method: 'portal', occurredAt: '2026-11-02', dueAt: '2026-11-01' }), 'BAD_INPUT', /before the date it was sent/);
    expectError(send({ method: 'portal', occurredAt: '2026-11-03', dueAt: '2026-11-16' }), 'BAD_INPUT', /future/);
    send({ method: 'letter', occurredAt: '2026-10-30', dueAt: '2026-11-13' })();
    expect(requireRequest(store.store.sqlite, actionId)).toMatchObject({ state: 'sent', sentAt: '2026-10-30', dueAt: '2026-11-13' });
  });

  it('needs a reason for a refusal and a date for an execution', async () => {
    const { store, actionId } = await storeWithRequest();
    walk(store, actionId, [
      { officer: OFFICER, from: 'draft', to: 'awaiting_approval' },
      { officer: SUPERVISOR, from: 'awaiting_approval', to: 'approved' },
      { officer: OFFICER, from: 'approved', to: 'sent', ...SEND },
    ]);
    expectError(() => transitionRequest(store.store, store.deps, { officer: OFFICER, actionId, from: 'sent', to: 'refused', occurredAt: '2026-11-02' }), 'BAD_INPUT', /reason/);
    expectError(() => transitionRequest(store.store, store.deps, { officer: OFFICER, actionId, from: 'sent', to: 'executed' }), 'BAD_INPUT', /date it happened/);
    walk(store, actionId, [{ officer: OFFICER, from: 'sent', to: 'refused', occurredAt: '2026-11-02', reason: 'Rekening al opgeheven' }]);
    expect(requireRequest(store.store.sqlite, actionId).state).toBe('refused');
  });

  it('asks for an addressee before approval is asked', async () => {
    const store = await openRequestStore([paidToIban(IBANS.muleB)]);
    const actionId = createFromDraft(store, OFFICER, IBANS.muleB, { addresseeId: null });
    expectError(() => transitionRequest(store.store, store.deps, { officer: OFFICER, actionId, from: 'draft', to: 'awaiting_approval' }), 'BAD_INPUT', /addressee/);
    editRequest(store.store, store.deps, { officer: OFFICER, actionId, addresseeId: 'bank.ing' });
    walk(store, actionId, [{ officer: OFFICER, from: 'draft', to: 'awaiting_approval' }]);
  });
});

describe('editing a request', () => {
  it('lets the author and supervisors edit a concept, nobody else, and nobody once it is submitted', async () => {
    const { store, actionId } = await storeWithRequest();
    editRequest(store.store, store.deps, { officer: OFFICER, actionId, title: 'Blokkade mule-rekening', includePersonalData: true });
    editRequest(store.store, store.deps, { officer: SUPERVISOR, actionId, legalBasis: 'Art. 19 Wpg' });
    expect(requireRequest(store.store.sqlite, actionId)).toMatchObject({ title: 'Blokkade mule-rekening', payload: { includePersonalData: true, legalBasis: 'Art. 19 Wpg' } });
    expectError(() => editRequest(store.store, store.deps, { officer: OTHER_OFFICER, actionId, body: 'x' }), 'FORBIDDEN', /author or a supervisor/);
    expectError(() => editRequest(store.store, store.deps, { officer: OFFICER, actionId }), 'BAD_INPUT', /Nothing to change/);
    walk(store, actionId, [{ officer: OFFICER, from: 'draft', to: 'awaiting_approval' }]);
    expectError(() => editRequest(store.store, store.deps, { officer: SUPERVISOR, actionId, body: 'x' }), 'CONFLICT', /only a draft/);
  });

  it('answers NOT_FOUND for a request that does not exist', async () => {
    const { store } = await storeWithRequest();
    expectError(() => editRequest(store.store, store.deps, { officer: OFFICER, actionId: '00000000-0000-4000-8000-00000000ffff', body: 'x' }), 'NOT_FOUND');
  });
});
