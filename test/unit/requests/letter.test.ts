import { describe, expect, it } from 'vitest';
import type { RequestDetail, BundleReport } from '../../../shared/api/request-views';
import { letterContent } from '../../../src-main/requests/letter/letter-content';
import { renderLetterPdf } from '../../../src-main/requests/letter/letter-pdf';
import { winAnsiText } from '../../../src-main/requests/letter/win-ansi';
import { readPdfText } from '../../support/pdf-text';

const IBAN = 'NL91ABNA0417164300';
const ACTION_ID = '00000000-0000-4000-8000-0000000000a1';

function report(number: number, overrides: Partial<BundleReport> = {}): BundleReport {
  return {
    reportId: `IA-2026-${String(9_100_000 + number).padStart(7, '0')}`,
    receivedAt: `2026-04-${String(number).padStart(2, '0')}T10:00:00Z`,
    incidentAt: null,
    category: 'marketplace_fraud',
    lossCents: 10_000 * number,
    summary: 'Fiets betaald, niets ontvangen',
    evidence: [{ field: 'suspect.bankAccounts[0]', text: IBAN }],
    reporter: null,
    ...overrides,
  };
}

function detail(reports: BundleReport[]): RequestDetail {
  const totalLossCents = reports.reduce((sum, entry) => sum + entry.lossCents, 0);
  return {
    actionId: ACTION_ID,
    kind: 'bank_block',
    title: `Blokkeringsverzoek bankrekening ${IBAN}`,
    state: 'approved',
    indicatorType: 'iban',
    indicatorValue: IBAN,
    batchIndicators: [],
    caseId: null,
    addresseeId: 'bank.abn-amro',
    addresseeName: 'ABN AMRO Bank N.V.',
    createdBy: 's.bakker',
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
    sentAt: null,
    dueAt: null,
    executedAt: null,
    overdue: false,
    reportCount: reports.length,
    clusterReportId: null,
    legalBasis: 'Artikel 19 Wet politiegegevens.',
    body: 'Geachte heer, mevrouw,\n\nWij verzoeken u de rekening te blokkeren.',
    includePersonalData: false,
    reportersWithheld: false,
    addressee: {
      id: 'bank.abn-amro',
      kind: 'bank',
      name: 'ABN AMRO Bank N.V.',
      channel: 'email',
      email: 'fraude@example.nl',
      postalAddress: 'Gustav Mahlerlaan 10, 1082 PP Amsterdam',
      updatedBy: 'system:defaults',
      updatedAt: '2026-01-01T00:00:00Z',
    },
    route: { suggestedId: 'bank.abn-amro', optionIds: ['bank.abn-amro'], explanation: '', country: 'NL', phoneKind: null, viaLiaison: false },
    bundle: {
      reports,
      victims: reports.length,
      totalLossCents,
      period: { from: reports[0]!.receivedAt.slice(0, 10), to: reports[reports.length - 1]!.receivedAt.slice(0, 10) },
      categories: [{ category: 'marketplace_fraud', count: reports.length }],
    },
    newReportIds: [],
    steps: [],
    nextSteps: [],
    effect: null,
    editRefusal: null,
  };
}

const people = { authorName: 'Brigadier S. Bakker', authorUnit: 'Digitale Opsporing Midden-Nederland', approverName: 'Inspecteur L. Vermeer' };

async function letterText(content: RequestDetail) {
  const pdf = await renderLetterPdf(letterContent(content, people, '2026-11-02'), { title: content.title, createdAt: new Date('2026-11-02T09:00:00Z') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return readPdfText(pdf);
}

describe('request letter PDF', () => {
  it('holds the letterhead, addressee, reference, legal basis, body, totals and evidence table', async () => {
    const reports = [report(1), report(2, { category: 'webshop_fraud', lossCents: 23_456 })];
    const input = detail(reports);
    input.bundle.categories = [
      { category: 'marketplace_fraud', count: 1 },
      { category: 'webshop_fraud', count: 1 },
    ];
    const { text, info } = await letterText(input);
    for (const expected of [
      'Politie',
      'Digitale Opsporing Midden-Nederland',
      'ABN AMRO Bank N.V.',
      'Gustav Mahlerlaan 10',
      '2 november 2026',
      `Ons kenmerk ${ACTION_ID}`,
      `Blokkeringsverzoek bankrekening ${IBAN}`,
      'Wettelijke grondslag',
      'Artikel 19 Wet politiegegevens.',
      'Wij verzoeken u de rekening te blokkeren.',
      'Goedgekeurd door Inspecteur L. Vermeer',
      'Aantal slachtoffers 2',
      'Totale schade € 334,56',
      'Periode 1 april 2026 t/m 2 april 2026',
      'Marktplaatsfraude (1), Webwinkelfraude (1)',
      reports[0]!.reportId,
      reports[1]!.reportId,
      '01-04-2026',
      '€ 100,00',
      `Rekening verdachte: ${IBAN}`,
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(info).toMatchObject({ Title: `Blokkeringsverzoek bankrekening ${IBAN}` });
    expect(text).not.toContain('Melder:');
  });

  it('names the reporters only when the request includes them', async () => {
    const reports = [report(1, { reporter: { name: 'Testpersoon Alfa', email: 'alfa@example.org', phone: '06-11111111' } })];
    const { text } = await letterText({ ...detail(reports), includePersonalData: true });
    expect(text).toContain('Melder: Testpersoon Alfa, alfa@example.org, 06-11111111');
  });

  it('continues the table over pages with the header repeated and numbers every page', async () => {
    const reports = Array.from({ length: 120 }, (_, index) => report((index % 28) + 1, { reportId: `IA-2026-${String(9_200_000 + index).padStart(7, '0')}` }));
    const { pages, text } = await letterText(detail(reports));
    expect(pages.length).toBeGreaterThan(2);
    for (const entry of reports) expect(text).toContain(entry.reportId);
    expect(pages.at(-1)).toContain('Melding');
    expect(pages.at(-1)).toContain('Bewijs');
    expect(pages.at(-1)).toContain(`pagina ${pages.length} van ${pages.length}`);
  });

  it('prints characters outside the standard fonts without garbage', async () => {
    expect(winAnsiText('Hoofdagent E. Yılmaz – € 5 “ok” 🙂\tx')).toBe('Hoofdagent E. Yilmaz – € 5 “ok” ? x');
    const { text } = await letterText({ ...detail([report(1)]), body: 'Groet van Yılmaz en Łukasz.' });
    expect(text).toContain('Groet van Yilmaz en Lukasz.');
  });
});
