/** Letters to one bank about several accounts batched into one request (issue 16, what to stop first). */
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../shared/overview/types';
import { acceptedDraft } from '../support/request-params';
import { readPdfText } from '../support/pdf-text';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR } from './support/api-harness';

const ingIban = (account: number) => composeIBAN({ countryCode: 'NL', bban: `INGB${String(account).padStart(10, '0')}` }) ?? '';
const ING = [IBANS.muleB, ingIban(7_654_321), ingIban(1_122_334)] as const;

const paidTo = (iban: string, day: number) =>
  filedRecord({ receivedAt: `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`, payments: [{ amount: '250.00', currency: 'EUR', beneficiaryAccount: iban }], suspect: { bankAccounts: [iban] } });

const records = [paidTo(ING[0], 20), paidTo(ING[0], 21), paidTo(ING[1], 22), paidTo(ING[2], 23), paidTo(IBANS.muleC, 24), filedRecord({ receivedAt: '2026-10-25T10:00:00Z', suspect: { bankAccounts: [ING[1], ING[2]] } })];

describe('a batched letter to one bank about several accounts', () => {
  it('drafts one request naming every account, with the reports of all of them, and goes through four-eyes like any request', async () => {
    const officer = (await openApiHarness({ records })).as(OFFICER);
    const supervisor = officer.as(SUPERVISOR);
    const draft = await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: ING[0], batch: [{ type: 'iban', value: ING[1] }, { type: 'iban', value: ` ${ING[2].slice(0, 4)} ${ING[2].slice(4)} ` }, { type: 'iban', value: ING[0] }] });
    expect(draft).toMatchObject({ kind: 'bank_block', indicatorValue: ING[0], batchIndicators: [{ type: 'iban', value: ING[1] }, { type: 'iban', value: ING[2] }], addressee: { suggestedId: 'bank.ing' } });
    expect(draft.title).toBe('Blokkeringsverzoek 3 bankrekeningen');
    for (const iban of ING) expect(draft.body).toContain(`bankrekening ${iban}`);
    // Every report naming any of the three, each once (the last names two of them).
    const expected = records.filter((record) => ING.some((iban) => (record.suspect?.bankAccounts ?? []).includes(iban))).map((record) => record.reportId);
    expect(draft.bundle.reports.map((report) => report.reportId).sort()).toEqual([...expected].sort());
    expect(draft.bundle.reports.at(-1)?.evidence.length).toBeGreaterThanOrEqual(2);

    const { actionId } = await officer.value('request.create', acceptedDraft(draft));
    expect(await officer.value('request.get', { actionId })).toMatchObject({ batchIndicators: draft.batchIndicators, reportCount: expected.length, addresseeId: 'bank.ing' });
    // Each account's own list of requests shows the batched letter.
    for (const iban of ING) expect((await officer.value('request.list', { indicatorType: 'iban', indicatorValue: iban })).map((summary) => summary.actionId)).toEqual([actionId]);
    expect(await officer.value('request.list', { indicatorType: 'iban', indicatorValue: IBANS.muleC })).toEqual([]);

    await officer.value('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' });
    expect(await officer.call('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await supervisor.value('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' });

    const letter = await officer.value('request.letter', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    const { text } = await readPdfText(Buffer.from(letter.contentBase64, 'base64'));
    for (const iban of ING) expect(text).toContain(iban);
    expect(text).toContain(`Aantal slachtoffers ${expected.length}`);

    // What to stop first shows the letter's state for every account it names.
    const overview: Overview = await supervisor.value('overview.get', { asOf: '2026-11-02' });
    for (const iban of ING) expect(overview.harm.find((entry) => entry.value === iban)?.request).toBe('approved');
    expect(overview.harm.find((entry) => entry.value === IBANS.muleC)?.request).toBeNull();
  });

  it('refuses a batch whose accounts go to different banks, or of different kinds, and says which', async () => {
    const officer = (await openApiHarness({ records })).as(OFFICER);
    const twoBanks = await officer.call('request.draft', { indicatorType: 'iban', indicatorValue: ING[0], batch: [{ type: 'iban', value: IBANS.muleC }] });
    expect(twoBanks).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('one addressee') as string } });
    expect(JSON.stringify(twoBanks)).toContain(`${IBANS.muleC} → bank.rabobank`);
    const mixed = await officer.call('request.draft', { indicatorType: 'iban', indicatorValue: ING[0], batch: [{ type: 'phone', value: '+31612345678' }] });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('one type') as string } });
    // The core refuses the same at creation, whatever the renderer sends.
    const draft = await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: ING[0] });
    expect(await officer.call('request.create', { ...acceptedDraft(draft), batchIndicators: [{ type: 'phone', value: '+31612345678' }] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await officer.value('request.list', {})).toEqual([]);
  });
});
