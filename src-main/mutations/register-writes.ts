import type { AnyMutation } from '../../shared/mutations/kinds';
import { CREATED_FIELD, type RegisterWrite } from './registers';

/** A link is the same whichever report the officer looked at first. */
export function linkEntityId(reportA: string, reportB: string): string {
  return reportA < reportB ? `${reportA}|${reportB}` : `${reportB}|${reportA}`;
}

export const MEMBER_FIELD_PREFIX = 'report:';
export const memberField = (reportId: string) => `${MEMBER_FIELD_PREFIX}${reportId}`;

export const benignEntityId = (type: string, value: string) => `${type}:${value}`;

export function splitBenignEntityId(entityId: string): { type: string; value: string } {
  const cut = entityId.indexOf(':');
  return { type: entityId.slice(0, cut), value: entityId.slice(cut + 1) };
}

const CASE_FIELDS = ['title', 'owner', 'team', 'status', 'closeReason'] as const;

function membership(caseId: string, reportIds: readonly string[], member: boolean): RegisterWrite[] {
  return [...new Set(reportIds)].map((reportId) => ({ entity: 'case', entityId: caseId, field: memberField(reportId), value: member }));
}

/** The registers a mutation writes. Pure and deterministic: every store decomposes a mutation identically. */
export function registerWrites(mutation: AnyMutation): RegisterWrite[] {
  switch (mutation.kind) {
    case 'report.setWorkStatus':
      return [{ entity: 'report', entityId: mutation.payload.reportId, field: 'workStatus', value: mutation.payload.status }];
    case 'report.assign':
      return [{ entity: 'report', entityId: mutation.payload.reportId, field: 'assignee', value: mutation.payload.assignee }];
    case 'link.decide': {
      const { reportA, reportB, decision, reason } = mutation.payload;
      return [{ entity: 'link', entityId: linkEntityId(reportA, reportB), field: 'decision', value: { decision, reason } }];
    }
    case 'note.add': {
      const { noteId, subjectType, subjectId, body } = mutation.payload;
      return [{ entity: 'note', entityId: noteId, field: CREATED_FIELD, value: { subjectType, subjectId, body } }];
    }
    case 'case.create': {
      const { caseId, title, owner, team, reportIds } = mutation.payload;
      return [{ entity: 'case', entityId: caseId, field: CREATED_FIELD, value: { title, owner, team } }, ...membership(caseId, reportIds, true)];
    }
    case 'case.update': {
      const { payload } = mutation;
      return CASE_FIELDS.filter((field) => payload[field] !== undefined).map((field) => ({
        entity: 'case',
        entityId: payload.caseId,
        field,
        value: payload[field] ?? null,
      }));
    }
    case 'case.addReports':
      return membership(mutation.payload.caseId, mutation.payload.reportIds, true);
    case 'case.removeReports':
      return membership(mutation.payload.caseId, mutation.payload.reportIds, false);
    case 'benign.add': {
      const { type, value, reason } = mutation.payload;
      return [{ entity: 'benign', entityId: benignEntityId(type, value), field: 'entry', value: { reason } }];
    }
    case 'benign.remove':
      return [{ entity: 'benign', entityId: benignEntityId(mutation.payload.type, mutation.payload.value), field: 'entry', value: null }];
  }
}
