import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { fixedClock } from '../../shared/platform/clock';
import { filedRecord, IBANS } from '../support/records';
import { openTempStore } from '../support/temp-store';
import { foreignMutation } from './support/mutation-fixtures';
import { workState } from './support/work-state';

const CASE = 'cccccccc-cccc-4ccc-8ccc-000000000001';
const clock = () => fixedClock(new Date('2026-11-03T09:00:00Z'), 1000);

const reports = [
  filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }),
  filedRecord({ suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } }),
  filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } }),
];
const [r1, r2, r3] = reports.map((record) => record.reportId) as [string, string, string];

/** One of every kind, some touching the same registers, by several officers. */
const mutations: AnyMutation[] = [
  foreignMutation('report.setWorkStatus', { reportId: r1, status: 'in_progress' }, 'agent.a'),
  foreignMutation('report.setWorkStatus', { reportId: r1, status: 'closed' }, 'agent.b'),
  foreignMutation('report.assign', { reportId: r1, assignee: 'agent.a' }, 'agent.c'),
  foreignMutation('report.assign', { reportId: r2, assignee: null }, 'agent.a'),
  foreignMutation('link.decide', { reportA: r1, reportB: r2, decision: 'confirmed', reason: '' }, 'agent.a'),
  foreignMutation('link.decide', { reportA: r2, reportB: r1, decision: 'rejected', reason: 'toeval' }, 'agent.b'),
  foreignMutation('note.add', { noteId: 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001', subjectType: 'report', subjectId: r3, body: 'gebeld' }, 'agent.c'),
  foreignMutation('case.create', { caseId: CASE, title: 'Zaak', owner: null, team: 'Cyber', reportIds: [r1] }, 'agent.a'),
  foreignMutation('case.create', { caseId: CASE, title: 'Dubbel aangemaakt', owner: 'x', team: null, reportIds: [] }, 'agent.b'),
  foreignMutation('case.update', { caseId: CASE, title: 'Zaak Utrecht', status: 'in_progress' }, 'agent.b'),
  foreignMutation('case.update', { caseId: CASE, status: 'closed', closeReason: 'klaar' }, 'agent.c'),
  foreignMutation('case.addReports', { caseId: CASE, reportIds: [r2, r3] }, 'agent.a'),
  foreignMutation('case.removeReports', { caseId: CASE, reportIds: [r2] }, 'agent.b'),
  foreignMutation('benign.add', { type: 'iban', value: IBANS.muleB, reason: 'politierekening' }, 'agent.s'),
  foreignMutation('benign.remove', { type: 'iban', value: IBANS.muleB }, 'agent.t'),
  foreignMutation('benign.add', { type: 'iban', value: IBANS.muleA, reason: 'bank zelf' }, 'agent.s'),
];

async function storeWith(records = reports) {
  const temp = openTempStore();
  await temp.importRecords(records);
  return { ...temp, applier: createMutationApplier(temp.store.sqlite, { clock: clock() }) };
}

describe('appliers, in the hub’s order', () => {
  it('apply every kind: last writer per field and pair, create-once, append-only notes', async () => {
    const { store, applier } = await storeWith();
    mutations.forEach((mutation, index) => expect(applier.applyFromHub(mutation, index + 1)).toBe('applied'));
    const state = workState(store.sqlite);
    expect(state.reports.find((row) => (row as { report_id: string }).report_id === r1)).toMatchObject({ work_status: 'closed', assignee: 'agent.a' });
    expect(state.links).toEqual([{ report_a: r1, report_b: r2, decision: 'rejected', reason: 'toeval', decided_by: 'agent.b', decided_at: '2026-11-02T08:00:00Z' }]);
    expect(state.notes).toMatchObject([{ subject_id: r3, body: 'gebeld', author: 'agent.c' }]);
    expect(state.cases).toMatchObject([{ id: CASE, title: 'Zaak Utrecht', owner: null, team: 'Cyber', status: 'closed', close_reason: 'klaar', created_by: 'agent.a' }]);
    expect(state.caseReports.map((row) => (row as { report_id: string }).report_id)).toEqual([r1, r3]);
    // muleB was added and removed again; muleA is benign now: only muleB links, r2 with r3.
    expect(state.benign.filter((row) => (row as { added_by: string }).added_by.startsWith('agent'))).toMatchObject([{ value: IBANS.muleA, added_by: 'agent.s' }]);
    expect(state.clusters).toEqual([{ cluster: [r2, r3], via: [{ type: 'iban', value: IBANS.muleB }] }]);
  });

  it('give the same store for any arrival order, with repeats (property)', async () => {
    const reference = await storeWith();
    mutations.forEach((mutation, index) => reference.applier.applyFromHub(mutation, index + 1));
    const expected = workState(reference.store.sqlite);
    const seqOf = new Map(mutations.map((mutation, index) => [mutation.id, index + 1]));

    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(mutations, { minLength: mutations.length }), fc.array(fc.nat(mutations.length - 1), { maxLength: 5 }), async (order, repeats) => {
        const { store, applier } = await storeWith();
        for (const mutation of order) applier.applyFromHub(mutation, seqOf.get(mutation.id)!);
        for (const index of repeats) expect(applier.applyFromHub(order[index]!, seqOf.get(order[index]!.id)!)).toBe('duplicate');
        expect(workState(store.sqlite)).toEqual(expected);
        expect(store.sqlite.prepare('SELECT count(*) FROM sync_applied').pluck().get()).toBe(mutations.length);
      }),
      { numRuns: 12 },
    );
  });

  it('keep changes to a report that has not arrived yet, and show them when it does', async () => {
    const late = filedRecord();
    const { store, writer, applier } = await storeWith([]);
    applier.applyFromHub(foreignMutation('report.setWorkStatus', { reportId: late.reportId, status: 'closed' }), 3);
    writer.apply({ record: late, raw: JSON.stringify(late) });
    expect(store.sqlite.prepare('SELECT work_status FROM reports').pluck().get()).toBe('new');
    applier.refreshEntity('report', late.reportId);
    expect(store.sqlite.prepare('SELECT work_status FROM reports').pluck().get()).toBe('closed');
  });

  it('hold case updates until the case’s creation arrives', async () => {
    const { store, applier } = await storeWith();
    applier.applyFromHub(foreignMutation('case.update', { caseId: CASE, title: 'Later titel' }), 9);
    applier.applyFromHub(foreignMutation('case.addReports', { caseId: CASE, reportIds: [r2] }), 10);
    expect(store.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    applier.applyFromHub(foreignMutation('case.create', { caseId: CASE, title: 'Eerste titel', owner: null, team: null, reportIds: [r1] }), 4);
    expect(store.sqlite.prepare('SELECT title FROM cases').pluck().get()).toBe('Later titel');
    expect(store.sqlite.prepare('SELECT report_id FROM case_reports ORDER BY report_id').pluck().all()).toEqual([r1, r2]);
  });
});
