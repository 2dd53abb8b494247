/**
 * Prevention warnings through the API: drafted from a cluster in plain Dutch with the concrete details and no
 * victim's data (suspects' numbers only when chosen), four-eyes approval, publication with where and when, and
 * the exports (text, HTML, PDF).
 */
import { describe, expect, it } from 'vitest';
import { acceptedDraft } from '../support/request-params';
import { readPdfText } from '../support/pdf-text';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness, SUPERVISOR } from './support/api-harness';

const OTHER_SUPERVISOR = 'r.dekker';
const SPOOFED = '+31201234567';

function helpdeskCall(name: string, amount: string) {
  return filedRecord({
    category: 'bank_helpdesk_fraud',
    reporter: { type: 'person', name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, phone: '06-99887766' },
    incident: { summary: 'Gebeld door de bank', narrative: `Ik, ${name}, werd gebeld en maakte ${amount} euro over vanaf mijn rekening ${IBANS.muleD}.` },
    payments: [{ amount, currency: 'EUR', beneficiaryAccount: IBANS.muleC }],
    suspect: { phoneNumbers: [SPOOFED], websites: ['https://veilig-bankieren-check.com/login'] },
  });
}

const reports = [helpdeskCall('Bartholomeus Proefkonijn', '1500.00'), helpdeskCall('Geertruida Testkandidaat', '2500.00')];
const victimsData = ['Proefkonijn', 'Testkandidaat', 'example.org', '06-99887766', IBANS.muleD];

describe('prevention warnings through the API', () => {
  it('drafts a B1 warning from a cluster with its details, leaving victims out and suspects out unless chosen', async () => {
    const api = (await openApiHarness({ records: reports })).as(SUPERVISOR);
    const draft = await api.value('request.draft', { kind: 'prevention_warning', clusterReportId: reports[0]!.reportId });
    expect(draft.title).toBe('Pas op voor nepbankmedewerkers');
    for (const heading of ['Wat gebeurt er?', 'Hoe herkent u het?', 'Wat kunt u doen?', 'Waar meldt u het?']) expect(draft.body).toContain(heading);
    expect(draft.body).toContain('2 meldingen');
    expect(draft.body).toMatch(/€\s4\.000,00/);
    expect(draft.body).toContain('veilig-bankieren-check.com');
    for (const withheld of [...victimsData, SPOOFED, IBANS.muleC]) expect(draft.body, withheld).not.toContain(withheld);

    const named = await api.value('request.draft', { kind: 'prevention_warning', clusterReportId: reports[0]!.reportId, nameSuspects: true });
    expect(named.body).toContain(`Telefoonnummer van de oplichters: ${SPOOFED}`);
    expect(named.body).toContain(`Rekeningnummer van de oplichters: ${IBANS.muleC}`);
    // The victim's own account (in the narrative) is never the suspects'.
    for (const withheld of victimsData) expect(named.body, withheld).not.toContain(withheld);
  });

  it('is approved by a second supervisor, published with where and when, and exported as text, HTML and PDF', async () => {
    const author = (await openApiHarness({ records: reports })).as(SUPERVISOR);
    const reviewer = author.as(OTHER_SUPERVISOR);
    const draft = await author.value('request.draft', { kind: 'prevention_warning', clusterReportId: reports[0]!.reportId });
    const body = `${draft.body}\n\nLet op: <script>alert(1)</script> & "veilige" rekeningen.`;
    const { actionId } = await author.value('request.create', { ...acceptedDraft(draft), body });

    const concept = await author.value('request.warningDocument', { actionId, format: 'text' });
    expect(concept.content.startsWith('CONCEPT - nog niet goedgekeurd')).toBe(true);

    await author.value('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' });
    expect(await author.call('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await reviewer.value('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' });
    expect(await author.call('request.transition', { actionId, from: 'approved', to: 'executed', occurredAt: '2026-11-02' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('where it was published') as unknown },
    });
    await author.value('request.transition', { actionId, from: 'approved', to: 'executed', occurredAt: '2026-11-02', reference: 'politie.nl/nieuws' });
    expect(await author.value('request.get', { actionId })).toMatchObject({ state: 'executed', executedAt: '2026-11-02' });

    const text = await author.value('request.warningDocument', { actionId, format: 'text' });
    expect(text).toMatchObject({ fileName: `waarschuwing-${actionId}.txt`, encoding: 'utf8' });
    expect(text.content).toMatch(/^Pas op voor nepbankmedewerkers\n=+\n/);
    expect(text.content).toContain('Gepubliceerd op 2 november 2026 via politie.nl/nieuws.');

    const html = await author.value('request.warningDocument', { actionId, format: 'html' });
    expect(html.content).toContain('<html lang="nl">');
    expect(html.content).toContain('<h2>Hoe herkent u het?</h2>');
    expect(html.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;veilige&quot;');
    expect(html.content).not.toContain('<script>');

    const pdf = await author.value('request.warningDocument', { actionId, format: 'pdf' });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64' });
    const { text: pdfText } = await readPdfText(Buffer.from(pdf.content, 'base64'));
    for (const expected of ['Pas op voor nepbankmedewerkers', 'Wat kunt u doen?', 'veilig-bankieren-check.com', 'Gepubliceerd op 2 november 2026']) expect(pdfText, expected).toContain(expected);
    for (const withheld of victimsData) expect(pdfText, withheld).not.toContain(withheld);
  });

  it('refuses a warning document for a request that is not a warning', async () => {
    const api = (await openApiHarness({ records: reports })).as(SUPERVISOR);
    const draft = await api.value('request.draft', { indicatorType: 'iban', indicatorValue: IBANS.muleC });
    const { actionId } = await api.value('request.create', acceptedDraft(draft));
    expect(await api.call('request.warningDocument', { actionId, format: 'html' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
