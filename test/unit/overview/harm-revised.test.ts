import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeHarm } from '../../../src-main/overview/harm';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { filedRecord, IBANS } from '../../support/records';
import { AS_OF } from './support';

const TEAM = 'Team Fraude';

const paidTo = (iban: string, euros: number, receivedAt: string): IntakeRecord =>
  filedRecord({ receivedAt, payments: [{ amount: `${euros}.00`, currency: 'EUR', beneficiaryAccount: iban }], suspect: { bankAccounts: [iban] } });

/**
 * Five victims of €10,000 first received long ago (the store's oldest row ids) and revised into the last days, after
 * forty other reports; four new victims of €100. The window's reports are the four newest ids and five far older
 * ones: the median of all nine is €10,000, of the newest four alone €100.
 */
async function storeWithRevisedVictims() {
  const old = Array.from({ length: 5 }, () => paidTo(IBANS.muleA, 10_000, '2026-09-01T10:00:00Z'));
  const others = Array.from({ length: 40 }, () => filedRecord({ receivedAt: '2026-09-02T10:00:00Z' }));
  const fresh = Array.from({ length: 4 }, () => paidTo(IBANS.muleA, 100, '2026-11-18T10:00:00Z'));
  const api = await openApiHarness({ records: [...old, ...others, ...fresh] });
  await api.importRecords(old.map((record) => ({ ...record, revision: 2, receivedAt: '2026-11-19T10:00:00Z' })));
  return api;
}

describe('what to stop first reads every loss of the window, whatever the reports’ row ids', () => {
  it('counts victims revised into the window from the store’s oldest rows, for everyone and for a team', async () => {
    const api = await storeWithRevisedVictims();
    const sqlite = api.store.sqlite;
    const idOf = sqlite.prepare<[string], number>('SELECT id FROM reports WHERE report_id = ?').pluck();
    const reportIds = sqlite.prepare<[], string>("SELECT report_id FROM reports WHERE loss_cents > 0 ORDER BY id").pluck().all();
    expect(reportIds.map((reportId) => idOf.get(reportId)!).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);

    const [entry] = computeHarm(sqlite, AS_OF, 14, null);
    expect(entry).toMatchObject({ value: IBANS.muleA, victims: 9, loss: 5_040_000, typicalLoss: 1_000_000, harmPerDay: Math.round((9 / 14) * 1_000_000) });

    // A team's window: three of the revised victims and one new one are the team's — median of 3 × €10,000 and €100.
    await api.as(SUPERVISOR).value('report.reroute', { reportIds: [reportIds[0]!, reportIds[2]!, reportIds[4]!, reportIds[6]!], team: TEAM, priority: 'normal', assignee: null, reason: 'Test' });
    const [teamEntry] = computeHarm(sqlite, AS_OF, 14, TEAM);
    expect(teamEntry).toMatchObject({ value: IBANS.muleA, victims: 4, loss: 3_010_000, typicalLoss: 1_000_000 });
  });
});
