import type { ApiHandlers } from '../../shared/api/contract';
import { logConsultation } from '../audit/consultation';
import { readPurposes, writePurposes } from '../audit/purposes';
import { requireSupervisor } from '../mutations/services/guards';
import { requireReportRow } from '../queries/report-record';
import { lastPurpose, logbookCsv } from '../queries/logbook';
import { checkedPurpose, requireAuditReader } from './audit-read';
import type { ApiContext } from './context';
import { answerLogbook, exportedEntries } from './logbook-answer';

const READ_LOGBOOK = 'read the Logboek (who consulted which personal data, and why)';

export const auditHandlers = {
  'audit.purposes': (_params, context) => ({ purposes: readPurposes(context.store.sqlite) }),
  'audit.setPurposes': ({ purposes }, context) => {
    requireSupervisor(context.store.sqlite, context.officer.id, 'change the list of purposes');
    return { purposes: writePurposes(context.store.sqlite, purposes.map((purpose) => purpose.replace(/\s+/g, ' ').trim())) };
  },
  'audit.lastPurpose': ({ reportId }, context) => {
    requireReportRow(context.store.sqlite, reportId);
    return { purpose: lastPurpose(context.store.sqlite, reportId, context.officer.id) };
  },
  'audit.logbook': async (query, context) => {
    requireAuditReader(context, READ_LOGBOOK);
    return answerLogbook(context, query);
  },
  // The export leaves the workstation with officers' and reports' data: it is itself logged.
  'audit.exportCsv': async ({ purpose, ...query }, context) => {
    const { sqlite } = context.store;
    requireAuditReader(context, READ_LOGBOOK);
    const why = checkedPurpose(purpose);
    const entries = await exportedEntries(context, query);
    const { reportId, officer, from, to } = query;
    logConsultation(sqlite, context.clock.now().toISOString(), {
      actor: context.officer.id,
      action: 'audit.exported',
      subjectType: reportId !== undefined ? 'report' : 'officer',
      subjectId: reportId ?? officer ?? '',
      purpose: why,
      details: { ...query, entries: entries.length },
    });
    const about = [reportId, officer, from, to].filter((part) => part !== undefined).join('_');
    return { fileName: `logboek_${about}.csv`, csv: logbookCsv(entries) };
  },
  'audit.refusals': async (_params, context) => {
    requireSupervisor(context.store.sqlite, context.officer.id, 'see which audit logs the hub refused');
    return context.sync.auditRefusals();
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
