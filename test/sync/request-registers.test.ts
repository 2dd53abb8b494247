import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { recordMutation } from '../../src-main/mutations/record-mutation';
import { fixedClock } from '../../shared/platform/clock';
import { filedRecord, IBANS } from '../support/records';
import { openTempStore } from '../support/temp-store';
import { foreignMutation } from './support/mutation-fixtures';

const ACTION = 'aaaaaaaa-0000-4000-8000-000000000001';
const clock = () => fixedClock(new Date('2026-11-03T09:00:00Z'), 1000);

const reports = [filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }), filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } })];
const [r1, r2] = reports.map((record) => record.reportId) as [string, string];

const create = (actionId = ACTION, officer = 's.bakker') =>
  foreignMutation(
    'action.create',
    {
      actionId,
      kind: 'bank_block',
      indicatorType: 'iban',
      indicatorValue: IBANS.muleA,
      caseId: null,
      clusterReportId: r1,
      title: 'Blokkade rekening',
      addresseeId: 'bank-ingb',
      reportIds: [r1],
      includePersonalData: false,
      legalBasis: 'art. 126nd Sv',
      body: 'Verzoek',
    },
    officer,
    '2026-11-02T08:00:00Z',
  );

const transition = (from: string, to: string, officer: string, at: string, extra: Partial<Record<string, string | null>> = {}) =>
  foreignMutation(
    'action.transition',
    { actionId: ACTION, from, to, reason: null, method: null, occurredAt: null, dueAt: null, reference: null, ...extra } as never,
    officer,
    at,
  );

/** A whole lifecycle as the hub would have ordered it. */
const lifecycle: AnyMutation[] = [
  create(),
  foreignMutation('action.edit', { actionId: ACTION, title: 'Blokkeringsverzoek NL91', body: 'Graag blokkeren' }, 's.bakker', '2026-11-02T08:05:00Z'),
  foreignMutation('action.setReports', { actionId: ACTION, reportIds: [r1, r2] }, 's.bakker', '2026-11-02T08:06:00Z'),
  transition('draft', 'awaiting_approval', 's.bakker', '2026-11-02T08:10:00Z'),
  transition('awaiting_approval', 'approved', 'l.vermeer', '2026-11-02T09:00:00Z'),
  transition('approved', 'sent', 's.bakker', '2026-11-02T10:00:00Z', { method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-09', reference: 'mail 1' }),
  transition('sent', 'executed', 's.bakker', '2026-11-05T10:00:00Z', { occurredAt: '2026-11-04' }),
];

interface RequestRowView {
  state: string;
  title: string;
  addressee_id: string | null;
  created_by: string;
  sent_at: string | null;
  due_at: string | null;
  executed_at: string | null;
  updated_at: string;
  payload: string;
}

async function storeWithReports() {
  const temp = openTempStore();
  await temp.importRecords(reports);
  return { ...temp, applier: createMutationApplier(temp.store.sqlite, { clock: clock() }) };
}

const requestRow = (sqlite: import('better-sqlite3').Database) => sqlite.prepare<[string], RequestRowView>('SELECT * FROM requests WHERE id = ?').get(ACTION);

describe('action registers', () => {
  it('materialize a lifecycle: content, bundle, dates and every step with who and when', async () => {
    const { store, applier } = await storeWithReports();
    lifecycle.forEach((mutation, index) => applier.applyFromHub(mutation, index + 1));
    const row = requestRow(store.sqlite)!;
    expect(row).toMatchObject({
      state: 'executed',
      title: 'Blokkeringsverzoek NL91',
      addressee_id: 'bank-ingb',
      created_by: 's.bakker',
      sent_at: '2026-11-02',
      due_at: '2026-11-09',
      executed_at: '2026-11-04',
      updated_at: '2026-11-05T10:00:00Z',
    });
    const payload = JSON.parse(row.payload) as { reportIds: string[]; body: string; steps: Record<string, { by: string; from: string; method: string | null }> };
    expect(payload.reportIds).toEqual([r1, r2]);
    expect(payload.body).toBe('Graag blokkeren');
    expect(payload.steps.approved).toMatchObject({ by: 'l.vermeer', from: 'awaiting_approval' });
    expect(payload.steps.sent).toMatchObject({ by: 's.bakker', method: 'email' });
    expect(store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE subject_type = 'action'").pluck().get()).toBe(lifecycle.length);
  });

  it('give the same row whatever order the hub’s entries arrive in (registers are ordered by seq)', async () => {
    const reference = await storeWithReports();
    lifecycle.forEach((mutation, index) => reference.applier.applyFromHub(mutation, index + 1));
    const expected = requestRow(reference.store.sqlite);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...lifecycle.keys()], { minLength: lifecycle.length, maxLength: lifecycle.length }), async (order) => {
        const { store, applier } = await storeWithReports();
        for (const index of order) applier.applyFromHub(lifecycle[index]!, index + 1);
        expect(requestRow(store.sqlite)).toEqual(expected);
        store.close();
      }),
      { numRuns: 15 },
    );
  });

  it('roll back a creation the hub refused: the action is gone', async () => {
    const { store, applier } = await storeWithReports();
    const mutation = create();
    recordMutation(store, mutation);
    expect(requestRow(store.sqlite)?.state).toBe('draft');
    store.sqlite.transaction(() => applier.rollBack(mutation, 'refused'))();
    expect(requestRow(store.sqlite)).toBeUndefined();
  });

  it('route a report: team, priority, rule and assignee, and a manual re-route overrides it', async () => {
    const { store, applier } = await storeWithReports();
    applier.applyFromHub(foreignMutation('report.route', { reportId: r1, team: 'Team Fraude', priority: 'high', assignee: 'j.devries', ruleId: 'high-loss', reason: 'schade ≥ € 10.000', automatic: true }, 's.bakker', '2026-11-02T08:00:00Z'), 1);
    const route = () => store.sqlite.prepare('SELECT assignee, route_team, route_priority, route_rule, route_reason, routed_by FROM reports WHERE report_id = ?').get(r1);
    expect(route()).toEqual({ assignee: 'j.devries', route_team: 'Team Fraude', route_priority: 'high', route_rule: 'high-loss', route_reason: 'schade ≥ € 10.000', routed_by: 's.bakker' });
    applier.applyFromHub(foreignMutation('report.route', { reportId: r1, team: 'Team Cybercrime', priority: 'normal', assignee: null, ruleId: null, reason: 'hoort bij lopend onderzoek', automatic: false }, 'l.vermeer', '2026-11-02T09:00:00Z'), 2);
    expect(route()).toEqual({ assignee: null, route_team: 'Team Cybercrime', route_priority: 'normal', route_rule: null, route_reason: 'hoort bij lopend onderzoek', routed_by: 'l.vermeer' });
  });

  it('keep directory entries and routing rules whole, and remove them', async () => {
    const { store, applier } = await storeWithReports();
    const entry = { kind: 'bank' as const, name: 'Testbank', channel: 'email' as const, email: 'fraude@testbank.example', bankCodes: ['TEST'] };
    applier.applyFromHub(foreignMutation('directory.put', { entryId: 'bank-test', entry }, 'l.vermeer'), 1);
    const rule = { name: 'Alles', position: 999, enabled: true, conditions: {}, team: 'Team Online Intake', priority: 'normal' as const, assign: 'balance' as const };
    applier.applyFromHub(foreignMutation('routing.put', { ruleId: 'rest', rule }, 'l.vermeer'), 2);
    const directoryRow = store.sqlite.prepare("SELECT kind, name, entry, updated_by FROM directory_entries WHERE id = 'bank-test'").get() as { entry: string };
    expect(directoryRow).toMatchObject({ kind: 'bank', name: 'Testbank', updated_by: 'l.vermeer' });
    expect(JSON.parse(directoryRow.entry)).toEqual(entry);
    expect(store.sqlite.prepare("SELECT position FROM routing_rules WHERE id = 'rest'").pluck().get()).toBe(999);
    applier.applyFromHub(foreignMutation('directory.remove', { entryId: 'bank-test' }, 'l.vermeer'), 3);
    applier.applyFromHub(foreignMutation('routing.remove', { ruleId: 'rest' }, 'l.vermeer'), 4);
    expect(store.sqlite.prepare("SELECT count(*) FROM directory_entries WHERE id = 'bank-test'").pluck().get()).toBe(0);
    expect(store.sqlite.prepare("SELECT count(*) FROM routing_rules WHERE id = 'rest'").pluck().get()).toBe(0);
  });
});
