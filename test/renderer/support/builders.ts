import type { CaseDetail, QueueRow, ReportDetail } from '../../../shared/api/views';
import { CATEGORIES } from '../../../shared/intake/vocabulary';

export const reportIdOf = (index: number): string => `IA-2026-${String(index + 1).padStart(7, '0')}`;

/** A deterministic queue row; `index` also orders the rows. */
export function queueRow(index: number, overrides: Partial<QueueRow> = {}): QueueRow {
  return {
    reportId: reportIdOf(index),
    receivedAt: new Date(Date.UTC(2026, 2, 1) - index * 60_000).toISOString(),
    category: CATEGORIES[index % CATEGORIES.length]!,
    region: index % 2 === 0 ? 'Amsterdam' : 'Rotterdam',
    summary: `Melding nummer ${index + 1}`,
    lossCents: (index % 7) * 10_000,
    clusterSize: index % 5 === 0 ? 3 : 1,
    clusterId: index % 5 === 0 ? index : null,
    workStatus: 'new',
    assignee: null,
    kind: 'aangifte',
    routeTeam: null,
    routePriority: null,
    ...overrides,
  };
}

export function reportDetail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    reportId: reportIdOf(0),
    revision: 2,
    status: 'filed',
    receivedAt: '2026-03-01T09:00:00Z',
    firstReceivedAt: '2026-02-28T09:00:00Z',
    channel: 'internet',
    kind: 'aangifte',
    category: 'bank_helpdesk_fraud',
    region: 'Amsterdam',
    summary: 'Gebeld door nepbankmedewerker',
    narrative: 'Ik werd gebeld door 0612345678 en moest geld overmaken naar NL91ABNA0417164300.',
    narrativeHighlights: [
      { start: 24, end: 34, type: 'phone', value: '+31612345678', benign: false },
      { start: 67, end: 85, type: 'iban', value: 'NL91ABNA0417164300', benign: false },
    ],
    lossCents: 125_000,
    workStatus: 'new',
    assignee: null,
    clusterId: 7,
    clusterSize: 3,
    reporter: { type: 'person', initials: 'J. d. V.', organisationName: null, hasContactDetails: true },
    record: {
      incident: { summary: 'Gebeld door nepbankmedewerker', contactMethod: 'phone_call' },
      payments: [{ amount: '1250.00', currency: 'EUR', method: 'bank_transfer', beneficiaryAccount: 'NL91ABNA0417164300' }],
      suspect: { phoneNumbers: ['0612345678'], websites: ['https://ing-verificatie.nl/login'] },
    },
    indicators: [
      { type: 'phone', value: '+31612345678', field: 'incident.narrative', raw: '0612345678', benignReason: null, enrichment: { phoneKind: 'mobile', country: 'NL' } },
      { type: 'iban', value: 'NL91ABNA0417164300', field: 'payments[0].beneficiaryAccount', raw: 'NL91ABNA0417164300', benignReason: null, enrichment: { bankCode: 'ABNA', bankName: 'ABN AMRO', country: 'NL' } },
    ],
    caseIds: [],
    route: null,
    ...overrides,
  };
}

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    caseId: '0b7f3c1e-5a4d-4c39-9d55-2f0c1f1f7a11',
    title: 'Nepbank Noord',
    status: 'new',
    owner: 'officer-1',
    team: 'Cyber',
    reportCount: 2,
    totalLossCents: 0,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    closeReason: null,
    createdBy: 'officer-1',
    reports: [queueRow(0), queueRow(1)],
    indicators: [],
    ...overrides,
  };
}
