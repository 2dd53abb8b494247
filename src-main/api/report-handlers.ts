import type { ApiHandlers } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { requireReports } from '../mutations/services/guards';
import { assignReport, setWorkStatus } from '../mutations';
import { reportAuditTrail } from '../queries/audit-trail';
import { findOfficer } from '../db/officers';
import { createWorkFieldOf } from '../db/reports/lookup';
import { relatedWithDecisions } from '../queries/related';
import { reportDetail } from '../queries/report-detail';
import { currentRoute } from '../routing/current-route';
import { readReporter } from '../queries/reporter';
import { listRevisions } from '../queries/revisions';
import { announceWork } from './after-write';
import { auditRead, checkedPurpose, requireAuditReader } from './audit-read';
import type { ApiContext } from './context';
import { writeTransaction } from '../db/write-transaction';

/** Records one mutation per report whose value differs; all or none (one transaction). */
function changeEach(context: ApiContext, reportIds: readonly string[], column: 'work_status' | 'assignee', target: string | null, record: (reportId: string) => void): number {
  const { sqlite } = context.store;
  const current = createWorkFieldOf(sqlite, column);
  const changed = writeTransaction(sqlite, () => {
    const unique = [...new Set(reportIds)];
    requireReports(sqlite, unique);
    const differing = unique.filter((reportId) => current(reportId) !== target);
    for (const reportId of differing) record(reportId);
    return differing.length;
  })();
  if (changed > 0) announceWork(context, 'report');
  return changed;
}

export const reportHandlers = {
  'report.get': ({ reportId, purpose }, context) => {
    const why = checkedPurpose(purpose);
    return writeTransaction(context.store.sqlite, () => {
      const detail = { ...reportDetail(context.store.sqlite, reportId), route: currentRoute(context.store.sqlite, reportId) };
      auditRead(context, 'report.viewed', reportId, why, { revision: detail.revision });
      return detail;
    })();
  },

  'report.revealReporter': ({ reportId, reason }, context) => {
    const why = checkedPurpose(reason);
    return writeTransaction(context.store.sqlite, () => {
      const reporter = readReporter(context.store.sqlite, reportId);
      auditRead(context, 'report.reporter_revealed', reportId, why);
      return reporter;
    })();
  },

  'report.revisions': ({ reportId }, context) => listRevisions(context.store.sqlite, reportId),
  // Who consulted a victim's report is itself personal data of officers and victims: a supervisor's, under a purpose, logged.
  'report.audit': ({ reportId, purpose }, context) => {
    requireAuditReader(context, 'read a report’s audit trail (who consulted it, and why)');
    const why = checkedPurpose(purpose);
    return writeTransaction(context.store.sqlite, () => {
      const trail = reportAuditTrail(context.store.sqlite, reportId);
      auditRead(context, 'report.audit_read', reportId, why);
      return trail;
    })();
  },
  'report.related': ({ reportId }, context) => relatedWithDecisions(context.store.sqlite, reportId),

  'report.setWorkStatus': ({ reportIds, status }, context) => ({
    changed: changeEach(context, reportIds, 'work_status', status, (reportId) =>
      setWorkStatus(context.store, context.services, { officer: context.officer.id, reportId, status }),
    ),
  }),

  'report.assign': ({ reportIds, assignee }, context) => {
    const target = assignee === null || assignee.trim() === '' ? null : assignee.trim();
    if (target !== null && !findOfficer(context.store.sqlite, target)) throw new AppError('BAD_INPUT', `There is no active officer "${target}" to assign to.`);
    return {
      changed: changeEach(context, reportIds, 'assignee', target, (reportId) =>
        assignReport(context.store, context.services, { officer: context.officer.id, reportId, assignee: target }),
      ),
    };
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
