import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { openApiHarness, OFFICER, SUPERVISOR, type ApiHarness } from '../../api/support/api-harness';
import { acceptedDraft } from '../../support/request-params';
import { filedRecord, IBANS } from '../../support/records';
import { AS_OF } from './support';

const HARM_DAYS = 14;

function paidTo(iban: string, amount: string, receivedAt: string): IntakeRecord {
  return filedRecord({
    receivedAt,
    incident: { summary: 'Betaald, niets ontvangen', narrative: `Ik maakte ${amount} euro over.` },
    payments: amount === '0' ? [] : [{ amount, currency: 'EUR', beneficiaryAccount: iban }],
    suspect: { bankAccounts: [iban] },
  });
}

const days = (from: number, count: number, month = 11) => Array.from({ length: count }, (_, index) => `2026-${String(month).padStart(2, '0')}-${String(from + index).padStart(2, '0')}T10:00:00Z`);

/** A: ten recent victims of €1,000; B: two recent of €50,000 and one old without loss; C: only old victims; D: three recent without loss. */
const records = [
  ...days(10, 10).map((at) => paidTo(IBANS.muleA, '1000.00', at)),
  ...days(11, 2).map((at) => paidTo(IBANS.muleB, '50000.00', at)),
  paidTo(IBANS.muleB, '0', '2026-08-03T10:00:00Z'),
  ...days(1, 5, 9).map((at) => paidTo(IBANS.muleC, '300.00', at)),
  ...days(15, 3).map((at) => paidTo(IBANS.muleD, '0', at)),
];

async function request(officer: ApiHarness, iban: string, steps: Array<(actionId: string) => Promise<unknown>>) {
  const draft = await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: iban });
  const { actionId } = await officer.value('request.create', acceptedDraft(draft));
  for (const step of steps) await step(actionId);
  return draft.addressee.suggestedId!;
}

describe('what to stop first and the disruption ledger', () => {
  it('ranks indicators by victims per day × typical loss, with the state of their request; the ledger follows a scripted request history', async () => {
    const officer = (await openApiHarness({ records })).as(OFFICER);
    const supervisor = officer.as(SUPERVISOR);
    const approved = (sentOn: string, dueAt: string) => [
      (actionId: string) => officer.value('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' }),
      (actionId: string) => supervisor.value('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' }),
      (actionId: string) => officer.value('request.transition', { actionId, from: 'approved', to: 'sent', method: 'email', occurredAt: sentOn, dueAt }),
    ];
    await request(officer, IBANS.muleA, []);
    const executedBank = await request(officer, IBANS.muleB, [
      ...approved('2026-10-20', '2026-11-03'),
      (actionId) => officer.value('request.transition', { actionId, from: 'sent', to: 'executed', occurredAt: '2026-10-23' }),
    ]);
    const lateBank = await request(officer, IBANS.muleC, approved('2026-10-25', '2026-10-30'));
    const refusingBank = await request(officer, IBANS.muleD, [
      ...approved('2026-10-28', '2026-11-11'),
      (actionId) => officer.value('request.transition', { actionId, from: 'sent', to: 'refused', occurredAt: '2026-10-30', reason: 'Geen grondslag' }),
    ]);

    const overview = computeOverview(officer.store.sqlite, { asOf: AS_OF, team: null });
    expect(overview.harm.map(({ type, value, victims, loss, perDay, typicalLoss, harmPerDay, request: state }) => ({ type, value, victims, loss, perDay, typicalLoss, harmPerDay, request: state }))).toEqual([
      { type: 'iban', value: IBANS.muleB, victims: 3, loss: 10_000_000, perDay: Math.round((2 / HARM_DAYS) * 1000) / 1000, typicalLoss: 5_000_000, harmPerDay: Math.round((2 / HARM_DAYS) * 5_000_000), request: 'executed' },
      { type: 'iban', value: IBANS.muleA, victims: 10, loss: 1_000_000, perDay: Math.round((10 / HARM_DAYS) * 1000) / 1000, typicalLoss: 100_000, harmPerDay: Math.round((10 / HARM_DAYS) * 100_000), request: 'draft' },
      { type: 'iban', value: IBANS.muleD, victims: 3, loss: 0, perDay: Math.round((3 / HARM_DAYS) * 1000) / 1000, typicalLoss: 0, harmPerDay: 0, request: 'refused' },
    ]);

    const ledger = new Map(overview.disruption.map((entry) => [entry.addresseeId, entry]));
    expect(new Set([executedBank, lateBank, refusingBank]).size).toBe(3);
    expect(ledger.get(executedBank)).toEqual({ addresseeId: executedBank, sent: 1, executed: 1, refused: 0, overdue: 0, medianDaysToExecuted: 3, reportsAfterBlock: 2 });
    expect(ledger.get(lateBank)).toEqual({ addresseeId: lateBank, sent: 1, executed: 0, refused: 0, overdue: 1, medianDaysToExecuted: null, reportsAfterBlock: 0 });
    expect(ledger.get(refusingBank)).toEqual({ addresseeId: refusingBank, sent: 1, executed: 0, refused: 1, overdue: 0, medianDaysToExecuted: null, reportsAfterBlock: 0 });
    expect(overview.disruption).toHaveLength(3);

    // As of the day before sending, nothing was sent yet: the ledger is empty and the weekly counts say so too.
    const before = computeOverview(officer.store.sqlite, { asOf: '2026-10-19', team: null });
    expect(before.disruption).toEqual([]);
    expect(overview.weekly.reduce((sum, week) => sum + week.requestsSent, 0)).toBe(3);
    expect(overview.weekly.reduce((sum, week) => sum + week.requestsExecuted, 0)).toBe(1);
  });
});
