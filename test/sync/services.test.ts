import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import {
  addBenignValue,
  addNote,
  addReportsToCase,
  assignReport,
  createCase,
  decideLink,
  removeBenignValue,
  removeReportsFromCase,
  setWorkStatus,
  updateCase,
} from '../../src-main/mutations/services';
import { listClusters } from '../../src-main/linking/queries';
import { filedRecord, IBANS } from '../support/records';
import { openTempStore } from '../support/temp-store';
import { serviceDeps } from './support/mutation-fixtures';

const officer = 'agent.jansen';

function expectCode(work: () => unknown, code: ErrorCode, message?: RegExp): void {
  expect(work).toThrow(expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) as unknown } : {}) }));
}

async function storeWithReports(count = 3) {
  const temp = openTempStore();
  const records = Array.from({ length: count }, () => filedRecord());
  await temp.importRecords(records);
  return { ...temp, ids: records.map((record) => record.reportId), deps: serviceDeps() };
}

describe('report services', () => {
  it('set the work status and assignee, naming the officer', async () => {
    const { store, ids, deps } = await storeWithReports(1);
    const mutation = setWorkStatus(store, deps, { officer, reportId: ids[0]!, status: 'in_progress' });
    assignReport(store, deps, { officer, reportId: ids[0]!, assignee: '  agent.bakker ' });
    expect(mutation).toMatchObject({ kind: 'report.setWorkStatus', officer, id: '00000000-0000-4000-8000-000000000001', at: '2026-11-02T09:00:00.000Z' });
    expect(store.sqlite.prepare('SELECT work_status, assignee FROM reports').get()).toEqual({ work_status: 'in_progress', assignee: 'agent.bakker' });
    assignReport(store, deps, { officer, reportId: ids[0]!, assignee: ' ' });
    expect(store.sqlite.prepare('SELECT assignee FROM reports').pluck().get()).toBeNull();
  });

  it('refuse an unknown report, an unknown status and a missing officer', async () => {
    const { store, ids, deps } = await storeWithReports(1);
    expectCode(() => setWorkStatus(store, deps, { officer, reportId: 'IA-2026-0000001', status: 'closed' }), 'NOT_FOUND', /IA-2026-0000001/);
    expectCode(() => setWorkStatus(store, deps, { officer, reportId: ids[0]!, status: 'done' as 'closed' }), 'BAD_INPUT', /work status/);
    expectCode(() => setWorkStatus(store, deps, { officer: ' ', reportId: ids[0]!, status: 'closed' }), 'BAD_INPUT', /officer/);
    expect(store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });
});

describe('link decisions', () => {
  it('confirm, reject with a reason, and take back', async () => {
    const { store, ids, deps } = await storeWithReports(2);
    const [a, b] = [ids[1]!, ids[0]!];
    decideLink(store, deps, { officer, reportA: a, reportB: b, decision: 'confirmed' });
    expect(store.sqlite.prepare('SELECT report_a, report_b, decision, decided_by FROM link_decisions').get()).toEqual({
      report_a: ids[0],
      report_b: ids[1],
      decision: 'confirmed',
      decided_by: officer,
    });
    expectCode(() => decideLink(store, deps, { officer, reportA: a, reportB: b, decision: 'rejected', reason: ' ' }), 'BAD_INPUT', /reason/);
    decideLink(store, deps, { officer, reportA: a, reportB: b, decision: 'rejected', reason: 'Ander slachtoffer, zelfde naam' });
    expect(store.sqlite.prepare('SELECT decision FROM link_decisions').pluck().get()).toBe('rejected');
    decideLink(store, deps, { officer, reportA: b, reportB: a, decision: 'undecided' });
    expect(store.sqlite.prepare('SELECT count(*) FROM link_decisions').pluck().get()).toBe(0);
    expectCode(() => decideLink(store, deps, { officer, reportA: a, reportB: b, decision: 'undecided' }), 'CONFLICT');
    expectCode(() => decideLink(store, deps, { officer, reportA: a, reportB: a, decision: 'confirmed' }), 'BAD_INPUT');
  });
});

describe('notes', () => {
  it('are added to reports and cases; an empty note or unknown subject is refused', async () => {
    const { store, ids, deps } = await storeWithReports(1);
    const note = addNote(store, deps, { officer, subjectType: 'report', subjectId: ids[0]!, body: '  Slachtoffer teruggebeld. ' });
    expect(store.sqlite.prepare('SELECT id, subject_id, body, author FROM notes').get()).toEqual({
      id: note.payload.noteId,
      subject_id: ids[0],
      body: 'Slachtoffer teruggebeld.',
      author: officer,
    });
    expectCode(() => addNote(store, deps, { officer, subjectType: 'report', subjectId: ids[0]!, body: '   ' }), 'BAD_INPUT', /note/i);
    expectCode(() => addNote(store, deps, { officer, subjectType: 'case', subjectId: '00000000-0000-4000-8000-00000000ffff', body: 'x' }), 'NOT_FOUND');
    // The audit log never holds what the note says.
    expect(store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'note.add'").pluck().get()).not.toContain('teruggebeld');
  });
});

describe('cases', () => {
  it('are created with reports, updated, closed with a reason, reopened, and their reports changed', async () => {
    const { store, ids, deps } = await storeWithReports(3);
    const created = createCase(store, deps, { officer, title: 'Marktplaats-fraude Utrecht', team: 'Team Cyber', reportIds: [ids[0]!] });
    const caseId = created.payload.caseId;
    expect(store.sqlite.prepare('SELECT title, owner, team, status, created_by FROM cases').get()).toEqual({
      title: 'Marktplaats-fraude Utrecht',
      owner: null,
      team: 'Team Cyber',
      status: 'new',
      created_by: officer,
    });
    addReportsToCase(store, deps, { officer, caseId, reportIds: [ids[0]!, ids[1]!, ids[2]!] });
    expect(store.sqlite.prepare('SELECT count(*) FROM case_reports').pluck().get()).toBe(3);
    expectCode(() => addReportsToCase(store, deps, { officer, caseId, reportIds: [ids[1]!] }), 'CONFLICT', /already/);
    removeReportsFromCase(store, deps, { officer, caseId, reportIds: [ids[1]!] });
    expectCode(() => removeReportsFromCase(store, deps, { officer, caseId, reportIds: [ids[1]!] }), 'NOT_FOUND');

    updateCase(store, deps, { officer, caseId, owner: 'agent.bakker', status: 'in_progress' });
    expectCode(() => updateCase(store, deps, { officer, caseId, status: 'closed' }), 'BAD_INPUT', /Closing a case needs a reason/);
    expectCode(() => updateCase(store, deps, { officer, caseId }), 'BAD_INPUT', /Nothing to change/);
    updateCase(store, deps, { officer, caseId, status: 'closed', closeReason: 'Verdachte aangehouden' });
    expect(store.sqlite.prepare('SELECT status, close_reason, owner FROM cases').get()).toEqual({
      status: 'closed',
      close_reason: 'Verdachte aangehouden',
      owner: 'agent.bakker',
    });
    expectCode(() => updateCase(store, deps, { officer, caseId, title: 'Nieuw' }), 'CONFLICT', /closed/);
    expectCode(() => addReportsToCase(store, deps, { officer, caseId, reportIds: [ids[1]!] }), 'CONFLICT', /closed/);
    updateCase(store, deps, { officer, caseId, status: 'in_progress' });
    expect(store.sqlite.prepare('SELECT status, close_reason FROM cases').get()).toEqual({ status: 'in_progress', close_reason: null });
  });

  it('refuse an empty title and unknown reports', async () => {
    const { store, deps } = await storeWithReports(1);
    expectCode(() => createCase(store, deps, { officer, title: ' ' }), 'BAD_INPUT', /title/);
    expectCode(() => createCase(store, deps, { officer, title: 'X', reportIds: ['IA-2026-0000002'] }), 'NOT_FOUND', /IA-2026-0000002/);
  });
});

describe('the benign list', () => {
  it('takes values as typed, re-clusters, and gives them back', async () => {
    const temp = openTempStore();
    const { store } = temp;
    const deps = serviceDeps();
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const b = filedRecord({ suspect: { bankAccounts: ['nl91 abna 0417 1643 00'] } });
    await temp.importRecords([a, b]);
    expect(listClusters(store.sqlite)).toHaveLength(1);

    const added = addBenignValue(store, deps, { officer, type: 'iban', value: 'nl91 abna 0417 1643 00', reason: 'Rekening van de politie zelf' });
    expect(added.payload).toEqual({ type: 'iban', value: IBANS.muleA, reason: 'Rekening van de politie zelf' });
    expect(listClusters(store.sqlite)).toHaveLength(0);
    expect(store.sqlite.prepare("SELECT added_by FROM benign_values WHERE value = ?").pluck().get(IBANS.muleA)).toBe(officer);

    removeBenignValue(store, deps, { officer, type: 'iban', value: IBANS.muleA });
    expect(listClusters(store.sqlite)).toHaveLength(1);
    expectCode(() => removeBenignValue(store, deps, { officer, type: 'iban', value: IBANS.muleA }), 'NOT_FOUND');
    expectCode(() => addBenignValue(store, deps, { officer, type: 'iban', value: IBANS.muleA, reason: '' }), 'BAD_INPUT', /reason/);
    expectCode(() => addBenignValue(store, deps, { officer, type: 'colour', value: 'x', reason: 'y' }), 'BAD_INPUT');
  });
});
