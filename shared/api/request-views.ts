/** What the renderer sees of follow-up actions, the directory and routing (see shared/requests, shared/routing). */
import type { RequestKind, RequestState, SendMethod } from '../requests/lifecycle';
import type { DirectoryEntryView } from '../requests/directory';
import type { Category } from '../intake/vocabulary';
import type { IndicatorType, PhoneKind } from '../indicators/types';

export interface RequestSummaryView {
  actionId: string;
  kind: RequestKind;
  title: string;
  state: RequestState;
  indicatorType: IndicatorType | null;
  indicatorValue: string | null;
  /** A batched letter's further indicators (the first is `indicatorType`/`indicatorValue`); empty for one. */
  batchIndicators: Array<{ type: IndicatorType; value: string }>;
  caseId: string | null;
  addresseeId: string | null;
  /** The addressee's name, or null when none is chosen yet (or its directory entry was removed). */
  addresseeName: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** YYYY-MM-DD. */
  sentAt: string | null;
  dueAt: string | null;
  executedAt: string | null;
  /** Open and past its due date (by the workstation's clock). */
  overdue: boolean;
  /** Reports in the request's bundle. */
  reportCount: number;
}

export interface RequestQuery {
  states?: RequestState[];
  kinds?: RequestKind[];
  addresseeId?: string;
  /** Only open requests due on or before this date (YYYY-MM-DD). */
  dueBefore?: string;
  overdueOnly?: boolean;
  /** Only requests sent within these days (YYYY-MM-DD, inclusive). */
  sentFrom?: string;
  sentTo?: string;
  /** Only requests sent and executed within these days (YYYY-MM-DD, inclusive). */
  executedFrom?: string;
  executedTo?: string;
  indicatorType?: IndicatorType;
  indicatorValue?: string;
  caseId?: string;
}

/** A line of evidence: where in a report the indicator was found and the words around it. */
export interface EvidenceLine {
  field: string;
  text: string;
}

export interface BundleReport {
  reportId: string;
  receivedAt: string;
  incidentAt: string | null;
  category: Category;
  lossCents: number;
  summary: string | null;
  evidence: EvidenceLine[];
  /** Only when the officer deliberately included personal data (and that was audited). */
  reporter: { name: string; email: string | null; phone: string | null } | null;
}

/** Every live report a request is about, and what they add up to. */
export interface RequestBundle {
  reports: BundleReport[];
  /** Distinct reports (one victim each). */
  victims: number;
  totalLossCents: number;
  /** Earliest and latest incident (or receipt) date, YYYY-MM-DD. */
  period: { from: string; to: string } | null;
  categories: Array<{ category: Category; count: number }>;
}

/** Who a request should go to, and why. */
export interface AddresseeRoute {
  /** The directory entry the rules point at, or null when the officer must choose. */
  suggestedId: string | null;
  /** Entries the officer may choose from (the suggestion first). */
  optionIds: string[];
  /** One sentence, e.g. "NL IBAN with bank code INGB → ING Bank". */
  explanation: string;
  /** ISO country of the indicator when known (IBAN, phone). */
  country: string | null;
  phoneKind: PhoneKind | null;
  /** Foreign indicator: through the international liaison route. */
  viaLiaison: boolean;
}

export interface RequestDraftQuery {
  kind?: RequestKind;
  indicatorType?: IndicatorType;
  indicatorValue?: string;
  caseId?: string;
  /** A report whose cluster the request (or warning) is about. */
  clusterReportId?: string;
  /** A warning names the suspects' phone numbers, addresses and accounts only when the supervisor chooses so. */
  nameSuspects?: boolean;
  /** Further indicators of the same type and addressee: one batched letter names them all (issue 16). */
  batch?: Array<{ type: IndicatorType; value: string }>;
}

export interface RequestDraftView {
  kind: RequestKind;
  title: string;
  indicatorType: IndicatorType | null;
  indicatorValue: string | null;
  /** A batched letter's further indicators, canonical; empty for one. */
  batchIndicators: Array<{ type: IndicatorType; value: string }>;
  caseId: string | null;
  clusterReportId: string | null;
  addressee: AddresseeRoute;
  bundle: RequestBundle;
  legalBasis: string;
  body: string;
}

export interface RequestStepView {
  to: RequestState;
  from: RequestState;
  by: string;
  at: string;
  reason: string | null;
  method: SendMethod | null;
  occurredAt: string | null;
  dueAt: string | null;
  reference: string | null;
}

/** A transition the signed-in officer might take, and why not when they may not. */
export interface RequestNextStep {
  to: RequestState;
  refusal: string | null;
}

export interface RequestDetail extends RequestSummaryView {
  clusterReportId: string | null;
  legalBasis: string;
  body: string;
  includePersonalData: boolean;
  /** The request includes the reporters' data but it was read without a purpose: `bundle` holds none of it. */
  reportersWithheld: boolean;
  addressee: DirectoryEntryView | null;
  route: AddresseeRoute;
  bundle: RequestBundle;
  /** Live reports mentioning the indicator that are not in the bundle yet (arrived later). */
  newReportIds: string[];
  /** Newest first. */
  steps: RequestStepView[];
  nextSteps: RequestNextStep[];
  /** After execution: reports that still mention the indicator with an incident (or receipt) after that date. */
  effect: { since: string; reportsAfter: number; reportIdsAfter: string[] } | null;
  /** Whether the signed-in officer may edit the content now, or why not. */
  editRefusal: string | null;
}

/** The machine-readable export of a request (schema `puzzelstuk-action/1`). */
export interface RequestExport {
  schema: 'puzzelstuk-action/1';
  actionId: string;
  kind: RequestKind;
  state: RequestState;
  title: string;
  indicator: { type: IndicatorType; value: string } | null;
  addressee: { id: string; name: string; email: string | null; postalAddress: string | null } | null;
  legalBasis: string;
  body: string;
  author: string;
  createdAt: string;
  approvedBy: string | null;
  sentAt: string | null;
  dueAt: string | null;
  summary: { victims: number; totalLossCents: number; period: { from: string; to: string } | null; categories: Array<{ category: Category; count: number }> };
  reports: BundleReport[];
  generatedAt: string;
}

export const WARNING_FORMATS = ['text', 'html', 'pdf'] as const;
export type WarningFormat = (typeof WARNING_FORMATS)[number];

/** A prevention warning as a file: text and HTML as they are, PDF bytes as base64. */
export interface WarningDocument {
  fileName: string;
  mimeType: string;
  content: string;
  encoding: 'utf8' | 'base64';
}
