/**
 * Officers' work as mutations: the unit written to the outbox, pushed to the hub, and replayed from the
 * feed on every workstation. Payloads are JSON-safe and refer to reports by their portal `reportId`,
 * and to cases, notes and actions by client-generated UUIDs, so they mean the same on every store.
 */
import type { RequestKind, RequestState, SendMethod } from '../requests/lifecycle';
import type { DirectoryEntry } from '../requests/directory';
import type { CanonicalIndicator, IndicatorType } from '../indicators/types';
import type { RoutePriority, RoutingRule } from '../routing/rules';
import type { MutationProof } from './proof';

export const WORK_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const CASE_STATUSES = ['new', 'in_progress', 'action_taken', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const LINK_DECISIONS = ['confirmed', 'rejected', 'undecided'] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

/**
 * The requests' kinds keep their first name, `action.*` (the API calls them `request.*`): they are signed and chained
 * into the audit log, so renaming them would break every signature and upcast already stored (./upcast.ts).
 */
export interface MutationPayloads {
  'report.setWorkStatus': { reportId: string; status: WorkStatus };
  'report.assign': { reportId: string; assignee: string | null };
  /** `undecided` takes a decision back (decisions are reversible). Pair order does not matter. */
  'link.decide': { reportA: string; reportB: string; decision: LinkDecision; reason: string };
  'note.add': { noteId: string; subjectType: 'report' | 'case' | 'action'; subjectId: string; body: string };
  'case.create': { caseId: string; title: string; owner: string | null; team: string | null; reportIds: string[] };
  'case.update': {
    caseId: string;
    title?: string;
    owner?: string | null;
    team?: string | null;
    status?: CaseStatus;
    /** Required when status becomes `closed`. */
    closeReason?: string | null;
  };
  'case.addReports': { caseId: string; reportIds: string[] };
  'case.removeReports': { caseId: string; reportIds: string[] };
  'benign.add': { type: string; value: string; reason: string };
  'benign.remove': { type: string; value: string };
  /**
   * Where a report belongs: by a routing rule (`ruleId`), either automatically as the report arrived (the hub keeps
   * the first automatic route of a report) or because a supervisor applied the rules; or by a supervisor's hand
   * (`ruleId` null, with a reason). Sets the report's assignee too.
   */
  'report.route': {
    reportId: string;
    team: string | null;
    priority: RoutePriority;
    assignee: string | null;
    ruleId: string | null;
    /** The facts that made the rule match, or the supervisor's reason. */
    reason: string;
    /** Made by a workstation as the report arrived (not by a supervisor applying the rules or re-routing). */
    automatic: boolean;
  };
  /** A new request in state `draft`; `reportIds` is the bundle of reports it is about. */
  'action.create': {
    actionId: string;
    kind: RequestKind;
    indicatorType: IndicatorType | null;
    indicatorValue: string | null;
    caseId: string | null;
    clusterReportId: string | null;
    /** A batched letter's further indicators, of the same type and addressee as the first (issue 16); absent for one. */
    batchIndicators?: CanonicalIndicator[];
    title: string;
    addresseeId: string | null;
    reportIds: string[];
    includePersonalData: boolean;
    legalBasis: string;
    body: string;
  };
  /** Changes a draft's content (author or supervisor). */
  'action.edit': {
    actionId: string;
    title?: string;
    addresseeId?: string | null;
    includePersonalData?: boolean;
    legalBasis?: string;
    body?: string;
  };
  /** Replaces the bundle (e.g. with the reports that arrived since); while the request is open. */
  'action.setReports': { actionId: string; reportIds: string[] };
  /** One step of the lifecycle; `from` is the state the officer saw (a stale step is refused). */
  'action.transition': {
    actionId: string;
    from: RequestState;
    to: RequestState;
    reason: string | null;
    method: SendMethod | null;
    /** Date (YYYY-MM-DD) it was sent, confirmed, executed or refused. */
    occurredAt: string | null;
    /** Date (YYYY-MM-DD) an answer is due; set when sending. */
    dueAt: string | null;
    /** The addressee's reference or a note on how it was sent. */
    reference: string | null;
  };
  'directory.put': { entryId: string; entry: DirectoryEntry };
  'directory.remove': { entryId: string };
  'routing.put': { ruleId: string; rule: RoutingRule };
  'routing.remove': { ruleId: string };
}

/** Kinds only a supervisor may make (the hub refuses them from anyone else). */
export const SUPERVISOR_KINDS: readonly MutationKind[] = ['benign.add', 'benign.remove', 'directory.put', 'directory.remove', 'routing.put', 'routing.remove'];

export type MutationKind = keyof MutationPayloads;

export interface Mutation<K extends MutationKind = MutationKind> {
  /** Client-generated UUID: a retried push applies once. */
  id: string;
  kind: K;
  /** The officer who made the change. */
  officer: string;
  /** When the officer made it (workstation clock, informative only; the hub's order decides). */
  at: string;
  /**
   * How far this workstation had pulled the hub's feed when the officer made it (a feed cursor): the officer
   * could have seen every change up to there, and none after. Tells whether a change that overrode another
   * was made without seeing it. Absent in mutations of workstations that predate it.
   */
  basis?: string;
  payload: MutationPayloads[K];
  /** The officer's signature (./proof.ts); absent when the officer's own session or credential pushes it unsigned. */
  proof?: MutationProof;
}

export type AnyMutation = { [K in MutationKind]: Mutation<K> }[MutationKind];
