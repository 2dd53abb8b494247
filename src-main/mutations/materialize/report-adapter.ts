import type Database from 'better-sqlite3';
import { WORK_STATUSES, type WorkStatus } from '../../../shared/mutations/kinds';
import { NOTHING, textOrNull, type EntityAdapter } from './entity-adapter';

/**
 * A report's workflow fields. The report itself comes from the intake feed and may arrive after (or never,
 * outside this workstation's scope) the officers' changes to it; those wait in the registers and are shown
 * once it arrives (see refreshEntity).
 */
export function createReportAdapter(sqlite: Database.Database): EntityAdapter {
  const select = sqlite.prepare<[string], { work_status: string; assignee: string | null }>(
    'SELECT work_status, assignee FROM reports WHERE report_id = ?',
  );
  const setStatus = sqlite.prepare<[string, string]>('UPDATE reports SET work_status = ? WHERE report_id = ?');
  const setAssignee = sqlite.prepare<[string | null, string]>('UPDATE reports SET assignee = ? WHERE report_id = ?');

  const asStatus = (value: unknown): WorkStatus => ((WORK_STATUSES as readonly unknown[]).includes(value) ? (value as WorkStatus) : 'new');

  return {
    read(reportId, field) {
      const row = select.get(reportId);
      if (!row) return NOTHING;
      return { value: field === 'workStatus' ? row.work_status : row.assignee, officer: null, at: null };
    },
    write(reportId, fields) {
      const status = fields.get('workStatus');
      if (status) setStatus.run(asStatus(status.value), reportId);
      const assignee = fields.get('assignee');
      if (assignee) setAssignee.run(textOrNull(assignee.value), reportId);
    },
  };
}
