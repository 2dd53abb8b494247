import type { ApiHandlers } from '../../shared/api/contract';
import { logConsultation } from '../audit/consultation';
import { readPurposes, writePurposes } from '../audit/purposes';
import { requireSupervisor } from '../mutations/services/guards';
import { requireReportRow } from '../queries/report-record';
import { lastPurpose, logbook, logbookCsv } from '../queries/logbook';
import { checkedPurpose } from './audit-read';
import type { ApiContext } from './context';

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
  'audit.logbook': (query, context) => {
    requireSupervisor(context.store.sqlite, context.officer.id, READ_LOGBOOK);
    return logbook(context.store.sqlite, query);
  },
  // The export leaves the workstation with officers' and reports' data: it is itself logged.
  'audit.exportCsv': ({ purpose, ...query }, context) => {
    const { sqlite } = context.store;
    requireSupervisor(sqlite, context.officer.id, READ_LOGBOOK);
    const why = checkedPurpose(purpose);
    return sqlite.transaction(() => {
      const { entries } = logbook(sqlite, query);
      logConsultation(sqlite, context.clock.now().toISOString(), {
        actor: context.officer.id,
        action: 'audit.exported',
        subjectType: query.reportId !== undefined ? 'report' : 'officer',
        subjectId: query.reportId ?? query.officer ?? '',
        purpose: why,
        details: { ...query, entries: entries.length },
      });
      const about = [query.reportId, query.officer, query.from, query.to].filter((part) => part !== undefined).join('_');
      return { fileName: `logboek_${about}.csv`, csv: logbookCsv(entries) };
    })();
  },
  'audit.refusals': async (_params, context) => {
    requireSupervisor(context.store.sqlite, context.officer.id, 'see which audit logs the hub refused');
    return context.sync.auditRefusals();
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
