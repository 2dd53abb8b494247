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

/** An action's content fields: last writer wins per field. */
export const REQUEST_CONTENT_FIELDS = ['title', 'addresseeId', 'includePersonalData', 'legalBasis', 'body'] as const;

/** The register that keeps the last transition into a state (who, when, how, why). */
export const STEP_FIELD_PREFIX = 'step:';
export const stepField = (state: string) => `${STEP_FIELD_PREFIX}${state}`;

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
    case 'report.route': {
      const { reportId, team, priority, assignee, ruleId, reason } = mutation.payload;
      return [
        { entity: 'report', entityId: reportId, field: 'route', value: { team, priority, ruleId, reason } },
        { entity: 'report', entityId: reportId, field: 'assignee', value: assignee },
      ];
    }
    case 'action.create': {
      const { actionId, kind, indicatorType, indicatorValue, caseId, clusterReportId, reportIds } = mutation.payload;
      // A batched letter's further indicators are part of what it was created about (absent for one).
      const batch = (mutation.payload.batchIndicators ?? []).map(({ type, value }) => ({ type, value }));
      const created = { kind, indicatorType, indicatorValue, caseId, clusterReportId, ...(batch.length > 0 ? { batchIndicators: batch } : {}) };
      return [
        { entity: 'action', entityId: actionId, field: CREATED_FIELD, value: created },
        ...REQUEST_CONTENT_FIELDS.map((field) => ({ entity: 'action' as const, entityId: actionId, field, value: mutation.payload[field] })),
        { entity: 'action', entityId: actionId, field: 'reportIds', value: [...reportIds] },
        { entity: 'action', entityId: actionId, field: 'state', value: 'draft' },
      ];
    }
    case 'action.edit': {
      const { payload } = mutation;
      return REQUEST_CONTENT_FIELDS.filter((field) => payload[field] !== undefined).map((field) => ({
        entity: 'action',
        entityId: payload.actionId,
        field,
        value: payload[field] ?? null,
      }));
    }
    case 'action.setReports':
      return [{ entity: 'action', entityId: mutation.payload.actionId, field: 'reportIds', value: [...mutation.payload.reportIds] }];
    case 'action.transition': {
      const { actionId, to, from, reason, method, occurredAt, dueAt, reference } = mutation.payload;
      return [
        { entity: 'action', entityId: actionId, field: 'state', value: to },
        { entity: 'action', entityId: actionId, field: stepField(to), value: { from, reason, method, occurredAt, dueAt, reference } },
      ];
    }
    case 'directory.put':
      return [{ entity: 'directory', entityId: mutation.payload.entryId, field: 'entry', value: mutation.payload.entry }];
    case 'directory.remove':
      return [{ entity: 'directory', entityId: mutation.payload.entryId, field: 'entry', value: null }];
    case 'routing.put':
      return [{ entity: 'routing', entityId: mutation.payload.ruleId, field: 'rule', value: mutation.payload.rule }];
    case 'routing.remove':
      return [{ entity: 'routing', entityId: mutation.payload.ruleId, field: 'rule', value: null }];
  }
}
