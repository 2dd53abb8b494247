import type { DirectoryEntryView } from '../../../shared/requests/directory';
import type { RequestBundle, RequestDetail, RequestDraftView, RequestSummaryView } from '../../../shared/api/request-views';
import type { RoutingRuleView } from '../../../shared/routing/rules';
import { reportIdOf } from './builders';

export const ACTION_ID = '6f1d3a52-8c1e-4b7a-9f0e-2a4b6c8d0e1f';
export const IBAN = 'NL91ABNA0417164300';

export function bundle(overrides: Partial<RequestBundle> = {}): RequestBundle {
  return {
    reports: [
      {
        reportId: reportIdOf(0),
        receivedAt: '2026-03-01T09:00:00Z',
        incidentAt: '2026-02-27T18:00:00Z',
        category: 'marketplace_fraud',
        lossCents: 35_000,
        summary: 'Fiets betaald, nooit geleverd',
        evidence: [{ field: 'payments[0].beneficiaryAccount', text: 'NL91 ABNA 0417 1643 00' }],
        reporter: null,
      },
      {
        reportId: reportIdOf(1),
        receivedAt: '2026-03-02T10:00:00Z',
        incidentAt: null,
        category: 'webshop_fraud',
        lossCents: 90_000,
        summary: 'Webshop offline',
        evidence: [{ field: 'incident.narrative', text: 'betaald naar NL91ABNA0417164300 via https://nep-shop.example/kassa' }],
        reporter: null,
      },
    ],
    victims: 2,
    totalLossCents: 125_000,
    period: { from: '2026-02-27', to: '2026-03-02' },
    categories: [
      { category: 'marketplace_fraud', count: 1 },
      { category: 'webshop_fraud', count: 1 },
    ],
    ...overrides,
  };
}

export const ADDRESSEE_ROUTE = {
  suggestedId: 'abn-amro',
  optionIds: ['abn-amro', 'liaison'],
  explanation: 'NL-IBAN met bankcode ABNA → ABN AMRO',
  country: 'NL',
  phoneKind: null,
  viaLiaison: false,
};

export function requestDraft(overrides: Partial<RequestDraftView> = {}): RequestDraftView {
  return {
    kind: 'bank_block',
    title: `Blokkeringsverzoek ${IBAN}`,
    indicatorType: 'iban',
    indicatorValue: IBAN,
    batchIndicators: [],
    caseId: null,
    clusterReportId: reportIdOf(0),
    addressee: ADDRESSEE_ROUTE,
    bundle: bundle(),
    legalBasis: 'Art. 126nc Sv',
    body: 'Wij verzoeken u de rekening te blokkeren.',
    ...overrides,
  };
}

export function requestSummary(overrides: Partial<RequestSummaryView> = {}): RequestSummaryView {
  return {
    actionId: ACTION_ID,
    kind: 'bank_block',
    title: `Blokkeringsverzoek ${IBAN}`,
    state: 'draft',
    indicatorType: 'iban',
    indicatorValue: IBAN,
    batchIndicators: [],
    caseId: null,
    addresseeId: 'abn-amro',
    addresseeName: 'ABN AMRO',
    createdBy: 'officer-1',
    createdAt: '2026-03-03T09:00:00Z',
    updatedAt: '2026-03-03T09:00:00Z',
    sentAt: null,
    dueAt: null,
    executedAt: null,
    overdue: false,
    reportCount: 2,
    ...overrides,
  };
}

export function requestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...requestSummary(),
    clusterReportId: reportIdOf(0),
    legalBasis: 'Art. 126nc Sv',
    body: 'Wij verzoeken u de rekening te blokkeren.',
    includePersonalData: false,
    reportersWithheld: false,
    addressee: directoryEntry(),
    route: ADDRESSEE_ROUTE,
    bundle: bundle(),
    newReportIds: [],
    steps: [],
    nextSteps: [{ to: 'awaiting_approval', refusal: null }],
    effect: null,
    editRefusal: null,
    ...overrides,
  };
}

export function directoryEntry(overrides: Partial<DirectoryEntryView> = {}): DirectoryEntryView {
  return {
    id: 'abn-amro',
    kind: 'bank',
    name: 'ABN AMRO',
    channel: 'portal',
    email: 'fraude@abnamro.example',
    portalUrl: 'https://politieportaal.abnamro.example',
    bankCodes: ['ABNA'],
    updatedBy: 'system',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function routingRule(overrides: Partial<RoutingRuleView> = {}): RoutingRuleView {
  return {
    id: 'ransomware-org',
    name: 'Ransomware bij organisaties',
    position: 10,
    enabled: true,
    conditions: { categories: ['ransomware'], reporterTypes: ['organisation'] },
    team: 'Team Cybercrime',
    priority: 'high',
    assign: 'balance',
    updatedBy: 'system',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export const SUPERVISOR = { id: 'officer-2', displayName: 'B. Brigadier', role: 'supervisor' as const, team: 'Cyber' };
