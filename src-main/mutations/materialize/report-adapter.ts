import type Database from 'better-sqlite3';
import { WORK_STATUSES, type WorkStatus } from '../../../shared/mutations/kinds';
import { createWorkRowOf, type WorkRow } from '../../db/reports/lookup';
import { prepareWorkFields } from '../../db/reports/writes';
import type { JsonValue, LiveValue } from '../registers';
import { NOTHING, textOrNull, type EntityAdapter } from './entity-adapter';

type RouteColumns = Pick<WorkRow, 'route_team' | 'route_priority' | 'route_rule' | 'route_reason' | 'routed_by' | 'routed_at'>;

/** The `route` register of a report (see `report.route`). */
interface RouteValue {
  team: string | null;
  priority: string;
  ruleId: string | null;
  reason: string;
}

function routeOf(row: RouteColumns): LiveValue {
  if (row.route_priority === null) return NOTHING;
  const value: RouteValue = { team: row.route_team, priority: row.route_priority, ruleId: row.route_rule, reason: row.route_reason ?? '' };
  return { value: value as unknown as JsonValue, officer: row.routed_by, at: row.routed_at };
}

/**
 * A report's workflow fields (status, assignee, route). The report itself comes from the intake feed and may arrive after (or never,
 * outside this workstation's scope) the officers' changes to it; those wait in the registers and are shown
 * once it arrives (see refreshEntity).
 */
export function createReportAdapter(sqlite: Database.Database): EntityAdapter {
  const workRowOf = createWorkRowOf(sqlite);
  const { setRoute, setStatus, setAssignee } = prepareWorkFields(sqlite);

  const asStatus = (value: unknown): WorkStatus => ((WORK_STATUSES as readonly unknown[]).includes(value) ? (value as WorkStatus) : 'new');

  return {
    read(reportId, field) {
      const row = workRowOf(reportId);
      if (!row) return NOTHING;
      if (field === 'route') return routeOf(row);
      return { value: field === 'workStatus' ? row.work_status : row.assignee, officer: null, at: null };
    },
    write(reportId, fields) {
      const status = fields.get('workStatus');
      if (status) setStatus.run(asStatus(status.value), reportId);
      const assignee = fields.get('assignee');
      if (assignee) setAssignee.run(textOrNull(assignee.value), reportId);
      const route = fields.get('route');
      if (route) {
        const value = route.value as RouteValue | null;
        if (value === null) setRoute.run(null, null, null, null, null, null, reportId);
        else setRoute.run(value.team, value.priority, value.ruleId, value.reason, route.officer, route.at, reportId);
      }
    },
  };
}
