/**
 * What a feed mutation says about reports this store purged while the hub has not yet: a change about such a report
 * alone is not taken, and a case's or request's list of reports is taken without them — as the hub itself rewrites
 * those lists when it purges (src-hub/retention/purge.ts) — so no purged id is stored again in plain text.
 */
import type { AnyMutation } from '../../shared/mutations/kinds';

/** The reports a change is about alone (it says nothing without them). */
function reportsAlone(mutation: AnyMutation): string[] {
  switch (mutation.kind) {
    case 'report.setWorkStatus':
    case 'report.assign':
    case 'report.route':
      return [mutation.payload.reportId];
    case 'note.add':
      return mutation.payload.subjectType === 'report' ? [mutation.payload.subjectId] : [];
    case 'link.decide':
      return [mutation.payload.reportA, mutation.payload.reportB];
    default:
      return [];
  }
}

/** The reports a case's or request's change lists among others (and the report whose cluster a request is about). */
function reportsListed(mutation: AnyMutation): string[] {
  switch (mutation.kind) {
    case 'case.create':
    case 'case.addReports':
    case 'case.removeReports':
    case 'action.setReports':
      return mutation.payload.reportIds;
    case 'action.create':
      return mutation.payload.clusterReportId === null ? mutation.payload.reportIds : [...mutation.payload.reportIds, mutation.payload.clusterReportId];
    default:
      return [];
  }
}

/** Every report a mutation names. */
export const reportsNamed = (mutation: AnyMutation): string[] => [...reportsAlone(mutation), ...reportsListed(mutation)];

/**
 * The mutation without the purged reports in its lists; null when nothing is left for it to say: a change about a
 * purged report alone, or a membership change that named only purged reports. A case or request created or re-listed
 * with only purged reports still stands, with an empty list, and a request about a purged report's cluster is about
 * no cluster.
 */
export function withoutPurged(mutation: AnyMutation, purged: ReadonlySet<string>): AnyMutation | null {
  const kept = (ids: readonly string[]) => ids.filter((id) => !purged.has(id));
  switch (mutation.kind) {
    case 'case.addReports':
    case 'case.removeReports': {
      const reportIds = kept(mutation.payload.reportIds);
      return reportIds.length === 0 ? null : { ...mutation, payload: { ...mutation.payload, reportIds } };
    }
    case 'case.create':
    case 'action.setReports':
      return { ...mutation, payload: { ...mutation.payload, reportIds: kept(mutation.payload.reportIds) } } as AnyMutation;
    case 'action.create': {
      const { clusterReportId } = mutation.payload;
      const cluster = clusterReportId !== null && purged.has(clusterReportId) ? null : clusterReportId;
      return { ...mutation, payload: { ...mutation.payload, reportIds: kept(mutation.payload.reportIds), clusterReportId: cluster } };
    }
    default:
      return reportsAlone(mutation).some((id) => purged.has(id)) ? null : mutation;
  }
}
