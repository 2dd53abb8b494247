/**
 * Officers' work as mutations: the unit written to the outbox, pushed to the hub, and replayed from the
 * feed on every workstation. Payloads are JSON-safe and refer to reports by their portal `reportId`,
 * and to cases, notes and actions by client-generated UUIDs, so they mean the same on every store.
 */
export const WORK_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const CASE_STATUSES = ['nieuw', 'in_behandeling', 'actie_uitgezet', 'afgerond'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const LINK_DECISIONS = ['confirmed', 'rejected', 'undecided'] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

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
    /** Required when status becomes `afgerond`. */
    closeReason?: string | null;
  };
  'case.addReports': { caseId: string; reportIds: string[] };
  'case.removeReports': { caseId: string; reportIds: string[] };
  'benign.add': { type: string; value: string; reason: string };
  'benign.remove': { type: string; value: string };
}

export type MutationKind = keyof MutationPayloads;

export interface Mutation<K extends MutationKind = MutationKind> {
  /** Client-generated UUID: a retried push applies once. */
  id: string;
  kind: K;
  /** The officer who made the change. */
  officer: string;
  /** When the officer made it (workstation clock, informative only; the hub's order decides). */
  at: string;
  payload: MutationPayloads[K];
}

export type AnyMutation = { [K in MutationKind]: Mutation<K> }[MutationKind];
