import { describe, expect, it } from 'vitest';
import type { ApiHarness } from './support/api-harness';
import { openApiHarness, OFFICER, SUPERVISOR } from './support/api-harness';
import { acceptedDraft } from '../support/request-params';
import { filedRecord, IBANS } from '../support/records';
import { readPdfText } from '../support/pdf-text';

const REPORTER = { type: 'person' as const, name: 'Bartholomeus Proefkonijn', email: 'b.proefkonijn@example.org', phone: '06-99887766' };

function paidTo(iban: string, amount: string) {
  return filedRecord({
    reporter: REPORTER,
    incident: { summary: 'Telefoon betaald, niets ontvangen', narrative: `Ik, Bartholomeus Proefkonijn, maakte ${amount} euro over naar ${iban}.` },
    payments: [{ amount, currency: 'EUR', beneficiaryAccount: iban }],
    suspect: { bankAccounts: [iban] },
  });
}

async function draftAndCreate(api: ApiHarness, clusterReportId: string) {
  const draft = await api.value('request.draft', { indicatorType: 'iban', indicatorValue: IBANS.muleB, clusterReportId });
  const { actionId } = await api.value('request.create', acceptedDraft(draft));
  return { draft, actionId };
}

describe('follow-up actions through the API', () => {
  it('an officer drafts a bank block from a cluster, a supervisor approves, the officer sends it and downloads the letter', async () => {
    const reports = [paidTo(IBANS.muleB, '150.00'), paidTo(IBANS.muleB, '200.50')];
    const officer = (await openApiHarness({ records: reports })).as(OFFICER);
    const supervisor = officer.as(SUPERVISOR);

    const { draft, actionId } = await draftAndCreate(officer, reports[0]!.reportId);
    expect(draft).toMatchObject({ kind: 'bank_block', addressee: { suggestedId: 'bank.ing', country: 'NL' }, bundle: { victims: 2, totalLossCents: 35_050 } });
    expect(draft.addressee.explanation).toContain('INGB');
    expect(officer.events).toContainEqual({ event: 'work.changed', payload: { entities: ['action'] } });

    await officer.value('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' });
    expect(await officer.call('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const queue = await supervisor.value('request.list', { states: ['awaiting_approval'] });
    expect(queue.map((summary) => summary.actionId)).toEqual([actionId]);
    await supervisor.value('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' });
    await officer.value('request.transition', { actionId, from: 'approved', to: 'sent', method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16' });

    const detail = await officer.value('request.get', { actionId });
    expect(detail).toMatchObject({ state: 'sent', sentAt: '2026-11-02', dueAt: '2026-11-16', overdue: false, addresseeName: 'ING Bank N.V.', reportCount: 2 });

    const letter = await officer.value('request.letter', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    expect(letter.fileName).toBe(`verzoek-${actionId}.pdf`);
    const { text } = await readPdfText(Buffer.from(letter.contentBase64, 'base64'));
    for (const expected of ['ING Bank N.V.', IBANS.muleB, reports[0]!.reportId, reports[1]!.reportId, 'Aantal slachtoffers 2', 'Totale schade € 350,50', `Ons kenmerk ${actionId}`]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toContain('Goedgekeurd door Inspecteur L. Vermeer');
    expect(text).toContain('Brigadier S. Bakker');
    expect(text).not.toContain('Proefkonijn');
    expect(text).toContain('[naam melder]');
  });

  it('shows a new report with the same IBAN on the open request and adds it on request', async () => {
    const first = paidTo(IBANS.muleB, '100.00');
    const api = (await openApiHarness({ records: [first] })).as(OFFICER);
    const { actionId } = await draftAndCreate(api, first.reportId);
    const later = paidTo(IBANS.muleB, '75.00');
    await api.importRecords([later]);
    expect((await api.value('request.get', { actionId })).newReportIds).toEqual([later.reportId]);
    api.events.length = 0;
    expect(await api.value('request.updateReports', { actionId })).toEqual({ added: 1 });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['action'] } });
    expect(await api.value('request.get', { actionId })).toMatchObject({ newReportIds: [], bundle: { victims: 2, totalLossCents: 17_500 } });
  });

  it('exports the request as JSON, with the reporters only once included, and audits that', async () => {
    const record = paidTo(IBANS.muleB, '100.00');
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    const { actionId } = await draftAndCreate(officer, record.reportId);

    const plain = await officer.value('request.export', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    expect(plain.fileName).toBe(`verzoek-${actionId}.json`);
    expect(plain.document).toMatchObject({
      schema: 'puzzelstuk-action/1',
      actionId,
      kind: 'bank_block',
      state: 'draft',
      indicator: { type: 'iban', value: IBANS.muleB },
      addressee: { id: 'bank.ing', name: 'ING Bank N.V.' },
      author: OFFICER,
      approvedBy: null,
      summary: { victims: 1, totalLossCents: 10_000 },
      generatedAt: expect.any(String) as string,
    });
    expect(JSON.stringify(plain.document)).not.toContain('Proefkonijn');

    await officer.value('request.edit', { actionId, includePersonalData: true, purpose: 'Melders laten terugbellen door de bank' });
    const included = await officer.value('request.export', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    expect(included.document.reports[0]!.reporter).toEqual({ name: REPORTER.name, email: REPORTER.email, phone: REPORTER.phone });
    const { text } = await readPdfText(Buffer.from((await officer.value('request.letter', { actionId, purpose: 'Onderzoek in een zaak' })).contentBase64, 'base64'));
    expect(text).toContain(`Melder: ${REPORTER.name}`);
    const audit = await officer.as(SUPERVISOR).value('report.audit', { reportId: record.reportId, purpose: 'Intern onderzoek' });
    expect(audit.filter((entry) => entry.action === 'action.reporter_included').map((entry) => [entry.actor, entry.details])).toEqual([
      [OFFICER, { actionId, purpose: 'Verzoek aan een derde voorbereiden', use: 'request.export' }],
      [OFFICER, { actionId, purpose: 'Onderzoek in een zaak', use: 'request.letter' }],
    ]);
  });

  it('answers clear errors for bad params, unknown requests and refused steps', async () => {
    const api = await openApiHarness();
    expect(await api.call('request.get', { actionId: 'x' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('actionId') as string } });
    expect(await api.call('request.get', { actionId: '00000000-0000-4000-8000-00000000ffff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('request.draft', { indicatorType: 'iban' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('indicatorValue') as string } });
    expect(await api.call('request.draft', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('indicator, a case or a cluster') as string } });
    expect(await api.call('request.list', { overdueOnly: true, dueBefore: '2 november' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('dueBefore') as string } });
    expect(await api.call('request.transition', { actionId: '00000000-0000-4000-8000-00000000ffff', from: 'draft', to: 'klaar' as never })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('to must be one of') as string },
    });
  });
});
