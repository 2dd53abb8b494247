import type { AnyMutation } from '../../shared/mutations/kinds';
import { benignEntityId, linkEntityId } from './register-writes';

export interface MutationAuditFacts {
  subjectType: string;
  subjectId: string;
  /** Ids and enumerations only: note bodies, case titles and reasons may name victims and never go here. */
  details: Record<string, unknown>;
}

/** What the audit log says about a mutation, the same wherever it is applied. */
export function auditFactsOf(mutation: AnyMutation): MutationAuditFacts {
  const base = { mutationId: mutation.id };
  switch (mutation.kind) {
    case 'report.setWorkStatus':
      return { subjectType: 'report', subjectId: mutation.payload.reportId, details: { ...base, status: mutation.payload.status } };
    case 'report.assign':
      return { subjectType: 'report', subjectId: mutation.payload.reportId, details: { ...base, assignee: mutation.payload.assignee } };
    case 'link.decide':
      return {
        subjectType: 'link',
        subjectId: linkEntityId(mutation.payload.reportA, mutation.payload.reportB),
        details: { ...base, decision: mutation.payload.decision },
      };
    case 'note.add':
      return { subjectType: mutation.payload.subjectType, subjectId: mutation.payload.subjectId, details: { ...base, noteId: mutation.payload.noteId } };
    case 'case.create':
      return { subjectType: 'case', subjectId: mutation.payload.caseId, details: { ...base, reportIds: mutation.payload.reportIds } };
    case 'case.update': {
      const { caseId, status, ...rest } = mutation.payload;
      const fields = Object.keys(rest).filter((key) => rest[key as keyof typeof rest] !== undefined);
      return { subjectType: 'case', subjectId: caseId, details: { ...base, fields, ...(status === undefined ? {} : { status }) } };
    }
    case 'case.addReports':
    case 'case.removeReports':
      return { subjectType: 'case', subjectId: mutation.payload.caseId, details: { ...base, reportIds: mutation.payload.reportIds } };
    case 'benign.add':
      return { subjectType: 'indicator', subjectId: benignEntityId(mutation.payload.type, mutation.payload.value), details: base };
    case 'benign.remove':
      return { subjectType: 'indicator', subjectId: benignEntityId(mutation.payload.type, mutation.payload.value), details: base };
    case 'report.route': {
      const { reportId, team, priority, assignee, ruleId, automatic } = mutation.payload;
      return { subjectType: 'report', subjectId: reportId, details: { ...base, team, priority, assignee, ruleId, automatic, manual: ruleId === null } };
    }
    case 'action.create': {
      const { actionId, kind, indicatorType, caseId, reportIds, includePersonalData } = mutation.payload;
      return { subjectType: 'action', subjectId: actionId, details: { ...base, kind, indicatorType, caseId, reportIds, includePersonalData } };
    }
    case 'action.edit': {
      const { actionId, ...rest } = mutation.payload;
      const fields = Object.keys(rest).filter((key) => rest[key as keyof typeof rest] !== undefined);
      return { subjectType: 'action', subjectId: actionId, details: { ...base, fields } };
    }
    case 'action.setReports':
      return { subjectType: 'action', subjectId: mutation.payload.actionId, details: { ...base, reportIds: mutation.payload.reportIds } };
    case 'action.transition': {
      const { actionId, from, to, method, occurredAt, dueAt } = mutation.payload;
      return { subjectType: 'action', subjectId: actionId, details: { ...base, from, to, method, occurredAt, dueAt } };
    }
    case 'directory.put':
    case 'directory.remove':
      return { subjectType: 'directory', subjectId: mutation.payload.entryId, details: base };
    case 'routing.put':
    case 'routing.remove':
      return { subjectType: 'routing_rule', subjectId: mutation.payload.ruleId, details: base };
  }
}
