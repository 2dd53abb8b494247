/**
 * View models the renderer receives. JSON-safe (no Date, no bigint, no undefined-vs-null games):
 * timestamps are ISO strings, money is integer euro cents.
 */
import type { CanonicalIndicator, IndicatorEnrichment, IndicatorType } from '../indicators/types';
import type { Reporter } from '../intake/schema';
import type { Category } from '../intake/vocabulary';
import type { CaseStatus, LinkDecision, WorkStatus } from '../mutations/kinds';
import type { OfficerRole } from '../requests/lifecycle';
import type { RouteExplanation, RoutePriority } from '../routing/rules';
import type { ShapeKind } from '../overview/types';

export type { OfficerRole };

export interface OfficerView {
  id: string;
  displayName: string;
  role: OfficerRole;
  team: string | null;
}

export interface SessionView {
  /** Null with a real hub until an officer signs in: the workstation shows only its sign-in screen. */
  officer: OfficerView | null;
  /** Demo mode: embedded hub with generated reports. */
  demo: boolean;
  /** Signed in against the proof cached at their last sign-in here, because the hub could not be reached. */
  offline: boolean;
  /** The screen is locked: nothing but the lock screen shows, and the core refuses officer-bound calls. */
  locked: boolean;
  /** Minutes without keyboard or mouse after which the screen locks (a setting). */
  idleLockMinutes: number;
  /**
   * Right after a police-account sign-in: the officer sets their offline code (they have none here yet), or confirms
   * the one they set before when its proof is near its end or wrong ones locked them out since. Null otherwise.
   */
  offlineCode: 'set' | 'confirm' | null;
  /**
   * Signed in with the offline code, and the hub answers again: the officer is asked to sign in with their police
   * account, with which their waiting changes go to the hub in their name. Present only then.
   */
  hubBack?: true;
}

export interface QueueFilters {
  /** Full-text search over summary and narrative (partial words match). */
  text?: string;
  workStatuses?: WorkStatus[];
  categories?: Category[];
  regions?: string[];
  /** An officer id, `me`, or `unassigned`. */
  assignee?: string;
  receivedFrom?: string;
  receivedTo?: string;
  hasLoss?: boolean;
  inCluster?: boolean;
  /** Teams routing put the reports with; `''` for reports not routed yet. */
  teams?: string[];
  /** Open reports past their category's service level (working days) at the end of this day (YYYY-MM-DD). */
  overdueOn?: string;
  /** Closed reports closed within these days (YYYY-MM-DD, inclusive), as the overview counts closures per week. */
  closedFrom?: string;
  closedTo?: string;
  /** Reports open at the end of this day (YYYY-MM-DD): received by then and not closed by then, as the overview's weekly backlog counts them. */
  openOn?: string;
  /**
   * Reports naming an indicator of a request this addressee executed, received on a day after its execution and
   * by `asOf` (YYYY-MM-DD): the disruption ledger's effect, what still comes in after the block.
   */
  afterBlock?: { addresseeId: string; asOf: string };
  /** Reports naming this indicator (not as a benign mention such as the victim's own bank). */
  indicator?: { type: IndicatorType; value: string };
  /** Reports naming an indicator of this shape (the overview's new methods: a bank, a number range, a TLD). */
  shape?: { kind: ShapeKind; shape: string };
  /** Reports in the cluster of this report. */
  clusterOf?: string;
  /** Reports whose summary uses this word or word pair, as the overview's rising terms count them. */
  summaryTerm?: string;
}

export const QUEUE_SORT_KEYS = ['receivedAt', 'category', 'region', 'loss', 'clusterSize', 'workStatus', 'assignee'] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];

export interface QueueQuery {
  filters: QueueFilters;
  sort: { key: QueueSortKey; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  /** Why the officer searches: required with a query typed (filters.text), which is written to the audit log with it. */
  purpose?: string;
}

export interface QueueRow {
  reportId: string;
  receivedAt: string;
  category: Category;
  region: string | null;
  summary: string | null;
  lossCents: number;
  /** 1 when the report is linked to no other. */
  clusterSize: number;
  clusterId: number | null;
  workStatus: WorkStatus;
  assignee: string | null;
  kind: 'aangifte' | 'melding';
  /** Where routing put it; null until it is routed. */
  routeTeam: string | null;
  routePriority: RoutePriority | null;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  offset: number;
}

export interface IndicatorMentionView extends CanonicalIndicator {
  field: string;
  raw: string;
  benignReason: string | null;
  enrichment: IndicatorEnrichment | null;
}

/** Where an indicator stands in the narrative, for highlighting in place (UTF-16 offsets). */
export interface TextHighlight {
  start: number;
  end: number;
  type: IndicatorType;
  value: string;
  benign: boolean;
}

/** An account, number or address the report's own text names as the reporter's ("vanaf mijn eigen rekening NL…"). */
export interface ReporterOwnIndicator extends CanonicalIndicator {
  field: string;
  /** As typed. */
  raw: string;
}

/** The reporter revealed with a reason: the record's `reporter`, and what the report names as theirs. */
export interface RevealedReporter extends Reporter {
  ownIndicators: ReporterOwnIndicator[];
}

/** The reporter as shown before an officer reveals it with a reason. */
export interface MaskedReporter {
  type: 'person' | 'organisation';
  /** Initials only, e.g. "J. d. V." */
  initials: string;
  organisationName: string | null;
  hasContactDetails: boolean;
}

export interface ReportDetail {
  reportId: string;
  revision: number;
  status: 'filed' | 'withdrawn';
  receivedAt: string;
  firstReceivedAt: string;
  channel: string;
  kind: 'aangifte' | 'melding';
  category: Category;
  region: string | null;
  summary: string | null;
  narrative: string | null;
  narrativeHighlights: TextHighlight[];
  lossCents: number;
  workStatus: WorkStatus;
  assignee: string | null;
  clusterId: number | null;
  clusterSize: number;
  reporter: MaskedReporter | null;
  /** The latest revision's record, without `reporter` (shown only after reveal). Untrusted text: render as text. */
  record: Record<string, unknown>;
  indicators: IndicatorMentionView[];
  caseIds: string[];
  /** The team, priority and the rule (or supervisor) that put it there; null until it is routed. */
  route: RouteExplanation | null;
}

export interface RevisionView {
  revision: number;
  status: string;
  receivedAt: string;
  /** Dotted paths of fields that differ from the previous revision (never their personal values). */
  changedFields: string[];
}

export interface AuditEntryView {
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown> | null;
}

export interface SharedIndicatorView extends CanonicalIndicator {
  fields: string[];
  theirFields: string[];
}

export interface RelatedReportView {
  reportId: string;
  summary: string | null;
  category: Category;
  receivedAt: string;
  shared: SharedIndicatorView[];
  decision: { decision: Exclude<LinkDecision, 'undecided'>; reason: string | null; decidedBy: string; decidedAt: string } | null;
}

export interface IndicatorRow extends CanonicalIndicator {
  enrichment: IndicatorEnrichment | null;
  benignReason: string | null;
  reports: number;
  totalLossCents: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface IndicatorQuery {
  types?: IndicatorType[];
  /** Substring of the canonical value. */
  search?: string;
  /** Why the officer searches: required with a search (it is logged with the query). */
  purpose?: string;
  includeBenign?: boolean;
  /** Only indicators seen in at least this many live reports. */
  minReports?: number;
  sort: 'reports' | 'loss' | 'lastSeen';
  offset: number;
  limit: number;
}

export interface GraphNode {
  id: string;
  kind: 'report' | 'indicator';
  label: string;
  /** Reports: category; indicators: type. */
  group: string;
  benign?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Report→indicator mention fields, or a report↔report decision. */
  kind: 'mention' | 'decision';
  label: string;
  decision?: Exclude<LinkDecision, 'undecided'>;
}

export interface ClusterGraph {
  clusterId: number | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Set when the cluster is too large to draw whole; the graph then shows the neighbourhood of the report. */
  truncated: boolean;
}

export interface CaseSummaryView {
  caseId: string;
  title: string;
  status: CaseStatus;
  owner: string | null;
  team: string | null;
  reportCount: number;
  totalLossCents: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail extends CaseSummaryView {
  closeReason: string | null;
  createdBy: string;
  reports: QueueRow[];
  /** The puzzle pieces its live reports share or mention (never benign ones), most reports first: what to act on. */
  indicators: Array<CanonicalIndicator & { reports: number }>;
}

export interface NoteView {
  noteId: string;
  subjectType: 'report' | 'case' | 'action';
  subjectId: string;
  body: string;
  author: string;
  createdAt: string;
  /** False until the hub has acknowledged it. */
  synced: boolean;
}

export interface SyncStateView {
  /**
   * Increases with every view the core makes (answers and events alike), in the core's order: the page keeps the
   * highest, as an answer and an event travel apart (HTTP and WebSocket) and may arrive in either order.
   */
  revision: number;
  configured: boolean;
  online: boolean;
  lastSyncAt: string | null;
  pendingOutbox: number;
  lastError: string | null;
  initialSync: { active: boolean; received: number; total: number | null };
  conflicts: number;
}

export interface SyncConflictView {
  /** Names the notice for sync.dismissConflict. */
  id: number;
  mutationId: string;
  entity: string;
  entityId: string;
  field: string;
  mine: unknown;
  winning: unknown;
  winningOfficer: string;
  at: string;
}

export interface BenignEntryView {
  type: IndicatorType;
  value: string;
  reason: string;
  addedBy: string;
  addedAt: string;
}

/**
 * "Seen elsewhere" (the hub's count of live reports outside this workstation's scope that mention an indicator):
 * counts per region, or why it could not be asked.
 */
export type SeenElsewhereView =
  | { available: true; total: number; regions: Array<{ region: string | null; reports: number }> }
  | { available: false; reason: 'no-hub' | 'offline' | 'refused'; message: string };

/**
 * The idle lock's bounds: a police workstation always locks (no "off"), after at most an hour; 15 minutes unless
 * set otherwise.
 */
export const IDLE_LOCK_MINUTES = { default: 15, min: 1, max: 60 } as const;

export interface SettingsView {
  hubUrl: string | null;
  /** Whether a hub token is stored; the token itself never returns to the renderer. */
  hubTokenSet: boolean;
  /** A PEM file of the certificate authority that signed the hub's certificate, when not a public one. */
  hubCaFile: string | null;
  language: 'nl' | 'en';
  scope: string;
  /** Minutes without keyboard or mouse after which the screen locks (IDLE_LOCK_MINUTES). */
  idleLockMinutes: number;
  /**
   * The store holds its hub's reports: the hub's address, CA file, token and scope, and a longer idle time, are a
   * signed-in supervisor's to change.
   */
  supervisorGuarded: boolean;
}

/**
 * Which part of the audit log the Logboek shows: one report's, or one officer's in a period (or both); and, once
 * answered, the snapshot it answers (so the next pages and an export hold exactly what the list shows).
 */
export interface LogbookQuery {
  reportId?: string;
  officer?: string;
  /** Inclusive days (YYYY-MM-DD), in UTC. */
  from?: string;
  to?: string;
  /** The newest entry of this workstation's own log in the answer: nothing logged here since (an export among it). */
  upToId?: number;
  /** The hub's snapshot the answer is from (absent: only this workstation's log was read). */
  asOf?: string;
  /** The last entry of this workstation's log the hub held at `asOf`: the answer adds later ones (up to `upToId`) from here. */
  held?: number;
}

/** The question alone, without the snapshot of an answer to it. */
export const logbookQuestion = ({ reportId, officer, from, to }: LogbookQuery): LogbookQuery => ({
  ...(reportId !== undefined ? { reportId } : {}),
  ...(officer !== undefined ? { officer } : {}),
  ...(from !== undefined ? { from } : {}),
  ...(to !== undefined ? { to } : {}),
});

/** One audit entry as the Logboek shows it: where it was logged, who, when, what, about what, and why. */
export interface LogbookEntryView extends AuditEntryView {
  /** Its place in its workstation's log. */
  id: number;
  /** The workstation whose log holds it. */
  workstationId: string;
  /** The purpose given (a consultation), or null (a change, or a view without one). */
  purpose: string | null;
}

export interface LogbookPage {
  entries: LogbookEntryView[];
  /** More entries matched than the page holds (the newest are shown; narrow the period). Only this workstation's log is cut so. */
  truncated: boolean;
  /**
   * `hub`: every workstation's log as the hub holds it, with this workstation's entries not sent yet; `local`: only
   * this workstation's log, because the hub gave no answer (`hubUnanswered`).
   */
  source: 'hub' | 'local';
  /** Why only this workstation's log was read: no hub, the hub cannot be reached, or it refused (its reason). */
  hubUnanswered: { reason: 'no-hub' | 'offline' | 'refused'; message: string } | null;
  /** How many entries answer the question in all (on the first page; null on the pages after it). */
  total: number | null;
  /** The next page's `after` (a hub's answer); null: nothing more. */
  next: string | null;
  /** This workstation, to tell its own entries from other workstations'. */
  workstationId: string;
  /** The question as answered, with its snapshot: ask the next page and the export with it. */
  query: LogbookQuery;
}
