/**
 * What a request letter says, assembled from the request (pure); letter-pdf.ts only lays it out. The evidence
 * table carries report ids, dates, categories, loss and evidence; reporters only when the request includes them.
 */
import type { RequestDetail, BundleReport } from '../../../shared/api/request-views';
import { describeIndicator } from '../draft-texts';
import { CATEGORY_LABELS, evidenceFieldLabel } from '../dutch-labels';
import { dutchDay } from '../../../shared/platform/dutch-days';
import { formatEuro, longDutchDate } from '../dutch-format';
import letterhead from '../letterhead.json';

export interface LetterPeople {
  /** Display names of the author and, once approved, the approving supervisor. */
  authorName: string;
  authorUnit: string | null;
  approverName: string | null;
}

export interface LetterContent {
  sender: { organisation: string; unit: string; lines: string[] };
  addressee: { name: string; lines: string[] } | null;
  meta: Array<[label: string, value: string]>;
  legalBasis: string;
  paragraphs: string[];
  signature: string[];
  totals: Array<[label: string, value: string]>;
  table: { header: string[]; rows: string[][] };
  reference: string;
}

const dutchShortDate = (day: string) => `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;

function addresseeLines(detail: RequestDetail): LetterContent['addressee'] {
  const entry = detail.addressee;
  if (!entry) return null;
  const lines = entry.postalAddress ? entry.postalAddress.split(/,\s*|\n/) : [];
  if (entry.email) lines.push(`E-mail: ${entry.email}`);
  else if (entry.portalUrl) lines.push(`Portaal: ${entry.portalUrl}`);
  return { name: entry.name, lines };
}

/** A table row never splits over pages, so one report shows at most this many lines of evidence. */
const MAX_LETTER_EVIDENCE_LINES = 6;

function evidenceCell(report: BundleReport): string {
  const shown = report.evidence.slice(0, MAX_LETTER_EVIDENCE_LINES);
  const lines = shown.map((line) => `${evidenceFieldLabel(line.field)}: ${line.text}`);
  const more = report.evidence.length - shown.length;
  if (more > 0) lines.push(`… en ${more} andere vermelding${more === 1 ? '' : 'en'} (zie de JSON-export)`);
  if (lines.length === 0 && report.summary) lines.push(`Samenvatting: ${report.summary}`);
  if (report.reporter) {
    const contact = [report.reporter.email, report.reporter.phone].filter((value): value is string => value !== null);
    lines.push(`Melder: ${[report.reporter.name, ...contact].join(', ')}`);
  }
  return lines.join('\n');
}

export function letterContent(detail: RequestDetail, people: LetterPeople, today: string): LetterContent {
  const { bundle } = detail;
  const period = bundle.period && (bundle.period.from === bundle.period.to ? longDutchDate(bundle.period.from) : `${longDutchDate(bundle.period.from)} t/m ${longDutchDate(bundle.period.to)}`);
  const indicator = detail.indicatorType !== null && detail.indicatorValue !== null ? { type: detail.indicatorType, value: detail.indicatorValue } : null;
  const unit = people.authorUnit ?? letterhead.defaultUnit;
  return {
    sender: { organisation: letterhead.organisation, unit, lines: [letterhead.postalAddress, `Telefoon ${letterhead.phone}`, letterhead.website] },
    addressee: addresseeLines(detail),
    meta: [
      ['Datum', longDutchDate(detail.sentAt ?? today)],
      ['Ons kenmerk', detail.actionId],
      ['Onderwerp', detail.title],
      ...(indicator ? ([['Betreft', describeIndicator(indicator)]] as Array<[string, string]>) : []),
    ],
    legalBasis: detail.legalBasis,
    paragraphs: detail.body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== ''),
    signature: [
      'Met vriendelijke groet,',
      people.authorName,
      unit,
      ...(people.approverName ? [`Goedgekeurd door ${people.approverName}`] : []),
    ],
    totals: [
      ['Aantal slachtoffers', String(bundle.victims)],
      ['Totale schade', formatEuro(bundle.totalLossCents)],
      ...(period ? ([['Periode', period]] as Array<[string, string]>) : []),
      ['Soorten delict', bundle.categories.map(({ category, count }) => `${CATEGORY_LABELS[category]} (${count})`).join(', ') || '-'],
    ],
    table: {
      header: ['Melding', 'Datum', 'Soort', 'Schade', 'Bewijs'],
      rows: bundle.reports.map((report) => [
        report.reportId,
        dutchShortDate(dutchDay(report.incidentAt ?? report.receivedAt)),
        CATEGORY_LABELS[report.category],
        formatEuro(report.lossCents),
        evidenceCell(report),
      ]),
    },
    reference: detail.actionId,
  };
}
