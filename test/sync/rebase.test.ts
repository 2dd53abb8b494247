import { describe, expect, it } from 'vitest';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { countConflictNotices, listConflictNotices } from '../../src-main/mutations/conflict-notices';
import { addBenignValue, assignReport, createCase, dismissSyncConflict, listSyncConflicts, setWorkStatus } from '../../src-main/mutations/services';
import { listClusters } from '../../src-main/linking/queries';
import { fixedClock } from '../../shared/platform/clock';
import { filedRecord, IBANS } from '../support/records';
import { openTempStore } from '../support/temp-store';
import { foreignMutation, serviceDeps } from './support/mutation-fixtures';

const me = 'agent.jansen';

async function workstation(records = [filedRecord()]) {
  const temp = openTempStore();
  await temp.importRecords(records);
  // The applier's clock says when acknowledgements arrive: 2026-11-02T12:00 onwards.
  const applier = createMutationApplier(temp.store.sqlite, { clock: fixedClock(new Date('2026-11-02T12:00:00Z'), 1000) });
  const status = () => temp.store.sqlite.prepare('SELECT work_status FROM reports WHERE report_id = ?').pluck().get(records[0]!.reportId);
  return { ...temp, applier, reportId: records[0]!.reportId, status, deps: serviceDeps('2026-11-02T10:00:00Z') };
}

describe('pending changes on top of hub state', () => {
  it('keep showing the officer’s pending change while the hub’s value moves underneath', async () => {
    const { store, applier, reportId, status, deps } = await workstation();
    const mine = setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    applier.applyFromHub(foreignMutation('report.setWorkStatus', { reportId, status: 'closed' }), 5);
    expect(status()).toBe('in_progress');
    // The hub orders mine after theirs: mine wins for good.
    applier.applyFromHub(mine, 6);
    expect(status()).toBe('in_progress');
    expect(store.sqlite.prepare('SELECT state, hub_seq FROM outbox').get()).toEqual({ state: 'acked', hub_seq: 6 });
    expect(countConflictNotices(store.sqlite)).toBe(0);
  });

  it('show the hub’s winner once an own change turns out to be ordered before it, with a notice', async () => {
    const { store, applier, reportId, status, deps } = await workstation();
    const mine = setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    const theirs = foreignMutation('report.setWorkStatus', { reportId, status: 'closed' }, 'agent.vermeer', '2026-11-02T10:30:00Z');
    applier.applyFromHub(theirs, 8);
    // The push's answer was lost; the hub had put mine at 7, before theirs.
    applier.applyFromHub(mine, 7);
    expect(status()).toBe('closed');
    expect(listConflictNotices(store.sqlite)).toMatchObject([
      { mutationId: mine.id, entity: 'report', entityId: reportId, field: 'workStatus', myValue: 'in_progress', winningValue: 'closed', winningOfficer: 'agent.vermeer' },
    ]);
  });

  it('note when a concurrent change by someone else overrides an acknowledged one, and not when it came after', async () => {
    const { store, applier, reportId, status, deps } = await workstation();
    const mine = setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    applier.applyFromHub(mine, 3); // acknowledged at 12:00:00
    applier.applyFromHub(foreignMutation('report.setWorkStatus', { reportId, status: 'closed' }, 'agent.vermeer', '2026-11-02T11:00:00Z'), 4);
    expect(status()).toBe('closed');
    expect(countConflictNotices(store.sqlite)).toBe(1);

    const again = setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    applier.applyFromHub(again, 5);
    // Made long after ours was acknowledged: a deliberate follow-up, no notice.
    applier.applyFromHub(foreignMutation('report.setWorkStatus', { reportId, status: 'new' }, 'agent.vermeer', '2026-11-02T18:00:00Z'), 6);
    expect(status()).toBe('new');
    expect(countConflictNotices(store.sqlite)).toBe(1);

    const [notice] = listSyncConflicts(store);
    dismissSyncConflict(store, deps, { officer: me, id: notice!.id });
    expect(countConflictNotices(store.sqlite)).toBe(0);
    expect(() => dismissSyncConflict(store, deps, { officer: me, id: notice!.id })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('judge an override by what the other workstation had pulled (its basis), whatever the clocks say', async () => {
    const { store, applier, reportId, deps } = await workstation();
    const mine = setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    applier.applyFromHub(mine, 3);
    // Their clock runs hours ahead, but their workstation had pulled only up to 2: made without seeing ours.
    const unseen = { ...foreignMutation('report.setWorkStatus', { reportId, status: 'closed' }, 'agent.vermeer', '2026-11-02T18:00:00Z'), basis: '2' };
    applier.applyFromHub(unseen, 4);
    expect(listConflictNotices(store.sqlite)).toMatchObject([{ mutationId: mine.id, winningMutationId: unseen.id, winningValue: 'closed' }]);

    const again = setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    applier.applyFromHub(again, 5);
    // Their clock runs behind, but they had pulled up to 5, ours included: a deliberate follow-up, no notice.
    const seen = { ...foreignMutation('report.setWorkStatus', { reportId, status: 'new' }, 'agent.vermeer', '2026-11-02T09:00:00Z'), basis: '5' };
    applier.applyFromHub(seen, 6);
    expect(countConflictNotices(store.sqlite)).toBe(1);
  });

  it('roll a refused change back to what was shown before it', async () => {
    const { store, applier, reportId, deps } = await workstation();
    assignReport(store, deps, { officer: me, reportId, assignee: 'agent.bakker' });
    const refused = assignReport(store, deps, { officer: me, reportId, assignee: 'agent.smit' });
    applier.rollBack(refused, 'FORBIDDEN: not your team');
    expect(store.sqlite.prepare('SELECT assignee FROM reports').pluck().get()).toBe('agent.bakker');
    const first = store.sqlite.prepare("SELECT mutation_id FROM outbox WHERE state = 'pending'").pluck().get() as string;
    applier.rollBack({ ...refused, id: first }, 'FORBIDDEN');
    expect(store.sqlite.prepare('SELECT assignee FROM reports').pluck().get()).toBeNull();
    expect(store.sqlite.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all()).toEqual([{ state: 'rejected', n: 2 }]);
  });

  it('roll a refused case creation and benign entry back entirely', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const { store, applier, deps } = await workstation([a, b]);
    const created = createCase(store, deps, { officer: me, title: 'Zaak', reportIds: [a.reportId] });
    const benign = addBenignValue(store, deps, { officer: me, type: 'iban', value: IBANS.muleC, reason: 'test' });
    expect(listClusters(store.sqlite)).toHaveLength(0);
    applier.rollBack(created, 'refused');
    applier.rollBack(benign, 'refused');
    expect(store.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM case_reports').pluck().get()).toBe(0);
    expect(listClusters(store.sqlite)).toHaveLength(1);
  });

  it('keep the officer’s pending changes in the order made', async () => {
    const { store, applier, reportId, status, deps } = await workstation();
    setWorkStatus(store, deps, { officer: me, reportId, status: 'in_progress' });
    setWorkStatus(store, deps, { officer: me, reportId, status: 'closed' });
    applier.batch(() => applier.applyFromHub(foreignMutation('report.setWorkStatus', { reportId, status: 'new' }), 2));
    expect(status()).toBe('closed');
  });
});
