/** Letters to one bank about several accounts batched into one request (issue 16, what to stop first). */
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../shared/overview/types';
import { acceptedDraft } from '../support/request-params';
import { readPdfText } from '../support/pdf-text';
import { filedRecord, IBANS } from '../support/records';
import { generateSigningKey, keepSigningKey } from '../../src-main/mutations/officer-signing';
import { openApiHarness, OFFICER, SUPERVISOR } from './support/api-harness';

const ingIban = (account: number) => composeIBAN({ countryCode: 'NL', bban: `INGB${String(account).padStart(10, '0')}` }) ?? '';
const ING = [IBANS.muleB, ingIban(7_654_321), ingIban(1_122_334)] as const;

const paidTo = (iban: string, day: number) =>
  filedRecord({ receivedAt: `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`, payments: [{ amount: '250.00', currency: 'EUR', beneficiaryAccount: iban }], suspect: { bankAccounts: [iban] } });

/** Another officer of the team: neither the drafts' author nor a supervisor. */
const COLLEAGUE = 'j.devries';

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

  describe('the concepts a batched letter replaces', () => {
    async function threeConcepts() {
      const api = await openApiHarness({ records });
      const officer = api.as(OFFICER);
      const concept = async (iban: string, as = officer) => (await as.value('request.create', acceptedDraft(await as.value('request.draft', { indicatorType: 'iban', indicatorValue: iban })))).actionId;
      const concepts = [await concept(ING[0]), await concept(ING[1]), await concept(ING[2], api.as(COLLEAGUE))] as const;
      const letter = acceptedDraft(await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: ING[0], batch: [{ type: 'iban', value: ING[1] }, { type: 'iban', value: ING[2] }] }));
      const outbox = () =>
        api.store.sqlite
          .prepare<[], { officer: string; kind: string; payload: string; proof: string | null }>('SELECT officer, kind, payload, proof FROM outbox ORDER BY position, created_at')
          .all()
          .map((row) => ({ ...row, payload: JSON.parse(row.payload) as { actionId: string; to?: string; reason?: string | null; reference?: string | null } }));
      return { api, officer, concepts, letter, outbox };
    }

    it('are withdrawn with the letter in one transaction, as signed changes of the officer, and leave the lists and what to stop first', async () => {
      const { api, officer, concepts, letter, outbox } = await threeConcepts();
      const key = generateSigningKey();
      keepSigningKey(api.store.sqlite, OFFICER, key, '2026-11-02T09:00:00Z');
      const before = outbox().length;

      const { actionId } = await officer.value('request.create', { ...letter, replaces: [concepts[0], concepts[1], concepts[0]] });
      const written = outbox().slice(before);
      expect(written.map((row) => [row.kind, row.payload.actionId, row.payload.to])).toEqual([
        ['action.create', actionId, undefined],
        ['action.transition', concepts[0], 'withdrawn'],
        ['action.transition', concepts[1], 'withdrawn'],
      ]);
      for (const row of written) expect(row.officer).toBe(OFFICER);
      // No text on the withdrawals: the hub's rule for late quotes judges texts, and must not refuse half the batch.
      for (const row of written.slice(1)) expect([row.payload.reason, row.payload.reference]).toEqual([null, null]);
      for (const row of written) expect((JSON.parse(row.proof ?? 'null') as { keyId: string } | null)?.keyId).toBe(key.keyId);
      expect(await officer.value('request.get', { actionId: concepts[0] })).toMatchObject({ state: 'withdrawn' });

      // The lists stop showing them; asked for by their state, they are there.
      expect((await officer.value('request.list', {})).map((row) => row.actionId).sort()).toEqual([actionId, concepts[2]].sort());
      expect((await officer.value('request.list', { indicatorType: 'iban', indicatorValue: ING[0] })).map((row) => row.actionId)).toEqual([actionId]);
      expect((await officer.value('request.list', { states: ['withdrawn'] })).map((row) => row.actionId).sort()).toEqual([concepts[0], concepts[1]].sort());

      // Withdrawn is final: nothing follows it.
      expect(await officer.call('request.transition', { actionId: concepts[0], from: 'withdrawn', to: 'draft' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('it is final') as string } });
      expect(await officer.call('request.transition', { actionId: concepts[1], from: 'draft', to: 'awaiting_approval' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await officer.call('request.edit', { actionId: concepts[1], title: 'Toch nog' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });

    it('refuses the whole batch when one concept may not be withdrawn by this officer, and records nothing of it (attack)', async () => {
      const { officer, concepts, letter, outbox } = await threeConcepts();
      const before = outbox();
      // The third concept is a colleague's: an officer may not withdraw it, even inside their own letter.
      expect(await officer.call('request.create', { ...letter, replaces: [...concepts] })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('only its author or a supervisor may withdraw a draft') as string },
      });
      expect(outbox()).toEqual(before);
      expect((await officer.value('request.list', { states: ['draft'] })).map((row) => row.actionId).sort()).toEqual([...concepts].sort());
      // A concept about an account the letter does not name is not replaced by it.
      const one = acceptedDraft(await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: ING[0] }));
      expect(await officer.call('request.create', { ...one, replaces: [concepts[1]] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining(ING[1]) as string } });
      expect(outbox()).toEqual(before);
      // A supervisor may: the colleague's concept goes too (the honest twin).
      const { actionId } = await officer.as(SUPERVISOR).value('request.create', { ...letter, replaces: [...concepts] });
      expect((await officer.value('request.list', {})).map((row) => row.actionId)).toEqual([actionId]);
      // Its author may withdraw a concept alone.
      const { actionId: alone } = await officer.value('request.create', one);
      await officer.value('request.transition', { actionId: alone, from: 'draft', to: 'withdrawn' });
      expect(await officer.value('request.get', { actionId: alone })).toMatchObject({ state: 'withdrawn' });
      const { actionId: rabo } = await officer.value('request.create', acceptedDraft(await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: IBANS.muleC })));
      await officer.value('request.transition', { actionId: rabo, from: 'draft', to: 'withdrawn' });
      // What to stop first: the newest request that is not withdrawn, or none.
      const harm = (await officer.as(SUPERVISOR).value('overview.get', { asOf: '2026-11-02' })).harm;
      expect(harm.find((entry) => entry.value === ING[0])?.request).toBe('draft');
      expect(harm.find((entry) => entry.value === IBANS.muleC)?.request).toBeNull();
    });
  });
});
