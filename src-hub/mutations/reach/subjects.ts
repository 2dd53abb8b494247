/**
 * What a mutation is about, which decides the scopes it reaches (see FeedQueryParams in shared/hub/protocol.ts):
 * reports (`report:<id>`), cases (`case:<id>`) and requests (`action:<id>`). A case or request reaches the regions
 * of every report it ever held; `members` are the reports a mutation adds to one.
 */
import type { AnyMutation } from '../../../shared/mutations/kinds';

export interface MutationReach {
  /** Empty for a mutation every scope receives (directory, routing rules, benign list). */
  subjects: string[];
  /** Reports the mutation makes part of a case or request. */
  members: Array<{ subject: string; reportIds: string[] }>;
}

const REPORT_PREFIX = 'report:';
export const reportSubject = (reportId: string) => `${REPORT_PREFIX}${reportId}`;
const caseSubject = (caseId: string) => `case:${caseId}`;
const requestSubject = (actionId: string) => `action:${actionId}`;

export function reachOf(mutation: AnyMutation): MutationReach {
  switch (mutation.kind) {
    case 'report.setWorkStatus':
    case 'report.assign':
    case 'report.route':
      return { subjects: [reportSubject(mutation.payload.reportId)], members: [] };
    case 'link.decide':
      return { subjects: [reportSubject(mutation.payload.reportA), reportSubject(mutation.payload.reportB)], members: [] };
    case 'note.add':
      return { subjects: [`${mutation.payload.subjectType}:${mutation.payload.subjectId}`], members: [] };
    case 'case.create': {
      const subject = caseSubject(mutation.payload.caseId);
      return { subjects: [subject], members: [{ subject, reportIds: mutation.payload.reportIds }] };
    }
    case 'case.update':
      return { subjects: [caseSubject(mutation.payload.caseId)], members: [] };
    // A membership change is about the reports it names: a scope that holds none of them learns nothing of it
    // (and a list emptied by stripping would not be a valid mutation).
    case 'case.addReports':
      return {
        subjects: mutation.payload.reportIds.map(reportSubject),
        members: [{ subject: caseSubject(mutation.payload.caseId), reportIds: mutation.payload.reportIds }],
      };
    case 'case.removeReports':
      return { subjects: mutation.payload.reportIds.map(reportSubject), members: [] };
    case 'action.create': {
      const subject = requestSubject(mutation.payload.actionId);
      const { reportIds, clusterReportId } = mutation.payload;
      return { subjects: [subject], members: [{ subject, reportIds: clusterReportId === null ? reportIds : [...reportIds, clusterReportId] }] };
    }
    case 'action.setReports': {
      const subject = requestSubject(mutation.payload.actionId);
      return { subjects: [subject], members: [{ subject, reportIds: mutation.payload.reportIds }] };
    }
    case 'action.edit':
    case 'action.transition':
      return { subjects: [requestSubject(mutation.payload.actionId)], members: [] };
    case 'benign.add':
    case 'benign.remove':
    case 'directory.put':
    case 'directory.remove':
    case 'routing.put':
    case 'routing.remove':
      return { subjects: [], members: [] };
  }
}

/** Every report a mutation names: those it is about and those it makes part of a case or request. */
export function reportsNamed(mutation: AnyMutation): string[] {
  const { subjects, members } = reachOf(mutation);
  const reportIds = subjects.filter((subject) => subject.startsWith(REPORT_PREFIX)).map((subject) => subject.slice(REPORT_PREFIX.length));
  for (const member of members) reportIds.push(...member.reportIds);
  return [...new Set(reportIds)];
}
