import { createAuditAppender } from '../audit/audit-log';
import type { ApiContext } from './context';

/** Notes in the audit log that the signed-in officer saw a report's personal data (ids and reasons only). */
export function auditRead(context: ApiContext, action: string, reportId: string, details?: Record<string, unknown>): void {
  createAuditAppender(context.store.sqlite)(context.clock.now().toISOString(), {
    actor: context.officer.id,
    action,
    subjectType: 'report',
    subjectId: reportId,
    details,
  });
}
