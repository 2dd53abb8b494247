import type { ApiParams, ApiValue } from '../../../shared/api/contract';
import type { ApiErrorBody } from '../../../shared/api/result';
import type { RoutingRule, RoutingRuleView } from '../../../shared/routing/rules';
import type { SliceCreator } from '../../state/slice';
import { ruleOfView } from './rule-view';

export type RouteExplanationView = ApiValue<'routing.explain'> & { reportId: string };
export type Reroute = Omit<ApiParams<'report.reroute'>, 'reportIds'>;

export interface RoutingSlice {
  routingRules: RoutingRuleView[] | null;
  routingError: ApiErrorBody | null;
  /** Why the open report is where it is. */
  routeExplanation: RouteExplanationView | null;
  routeExplanationError: ApiErrorBody | null;
  loadRoutingRules: () => Promise<void>;
  /** Supervisors: saves a rule (a new one without an id). */
  putRoutingRule: (ruleId: string | undefined, rule: RoutingRule) => Promise<boolean>;
  removeRoutingRule: (ruleId: string) => Promise<boolean>;
  /** Swaps the rule with its neighbour in the order of evaluation. */
  moveRoutingRule: (ruleId: string, direction: 'up' | 'down') => Promise<boolean>;
  loadRouteExplanation: (reportId: string) => Promise<void>;
  refreshRouteExplanation: () => Promise<void>;
  /** Supervisors: puts the open report in a team by hand, with a reason. */
  rerouteReport: (reroute: Reroute) => Promise<boolean>;
  /** Supervisors: routes the open report by the rules as they are now. */
  applyRoutingToReport: () => Promise<boolean>;
}

export const byPosition = (rules: readonly RoutingRuleView[]): RoutingRuleView[] =>
  [...rules].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

export const createRoutingSlice: SliceCreator<RoutingSlice> = (api) => (set, get) => {
  const openReportId = (): string | null => {
    const view = get().view;
    return view.screen === 'report' ? view.reportId : null;
  };

  const loadRoutingRules = async () => {
    const result = await api.call('routing.rules', {});
    set(result.ok ? { routingRules: byPosition(result.value), routingError: null } : { routingError: result.error });
  };

  const loadRouteExplanation = async (reportId: string) => {
    if (get().routeExplanation?.reportId !== reportId) set({ routeExplanation: null, routeExplanationError: null });
    const result = await api.call('routing.explain', { reportId });
    if (openReportId() !== reportId) return;
    set(result.ok ? { routeExplanation: { ...result.value, reportId }, routeExplanationError: null } : { routeExplanationError: result.error });
  };

  const putRule = async (ruleId: string | undefined, rule: RoutingRule) => {
    const result = await api.call('routing.putRule', ruleId === undefined ? { rule } : { ruleId, rule });
    if (!result.ok) get().notifyError('ruleSaveFailed', result.error);
    return result.ok;
  };

  /** A report changed where it is: its explanation, the report itself and the queue show it. */
  const afterReroute = async (reportId: string) => {
    await Promise.all([loadRouteExplanation(reportId), get().refreshOpenReport()]);
    void get().refreshQueue();
  };

  return {
    routingRules: null,
    routingError: null,
    routeExplanation: null,
    routeExplanationError: null,
    loadRoutingRules,
    loadRouteExplanation,

    putRoutingRule: async (ruleId, rule) => {
      const saved = await putRule(ruleId, rule);
      if (saved) get().notify({ tone: 'success', key: 'ruleSaved', values: { name: rule.name } });
      await loadRoutingRules();
      return saved;
    },

    removeRoutingRule: async (ruleId) => {
      const result = await api.call('routing.removeRule', { ruleId });
      if (!result.ok) get().notifyError('ruleRemoveFailed', result.error);
      await loadRoutingRules();
      return result.ok;
    },

    moveRoutingRule: async (ruleId, direction) => {
      const rules = get().routingRules ?? [];
      const index = rules.findIndex((rule) => rule.id === ruleId);
      const neighbour = rules[direction === 'up' ? index - 1 : index + 1];
      const moving = rules[index];
      if (!moving || !neighbour) return false;
      // Equal positions (made by hand) still need an order: the one moving up goes just before the other.
      const samePosition = moving.position === neighbour.position;
      const movingTo = samePosition ? Math.max(0, neighbour.position + (direction === 'up' ? -1 : 1)) : neighbour.position;
      const saved =
        (await putRule(moving.id, { ...ruleOfView(moving), position: movingTo })) &&
        (samePosition || (await putRule(neighbour.id, { ...ruleOfView(neighbour), position: moving.position })));
      await loadRoutingRules();
      return saved;
    },

    refreshRouteExplanation: async () => {
      const reportId = openReportId();
      if (reportId) await loadRouteExplanation(reportId);
    },

    rerouteReport: async (reroute) => {
      const reportId = openReportId();
      if (!reportId) return false;
      const result = await api.call('report.reroute', { reportIds: [reportId], ...reroute });
      if (!result.ok) {
        get().notifyError('rerouteFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'rerouted', values: { team: reroute.team ?? '—' } });
      await afterReroute(reportId);
      return true;
    },

    applyRoutingToReport: async () => {
      const reportId = openReportId();
      if (!reportId) return false;
      const result = await api.call('routing.apply', { reportIds: [reportId] });
      if (!result.ok) {
        get().notifyError('routingApplyFailed', result.error);
        return false;
      }
      get().notify({ tone: 'success', key: 'routingApplied', values: { count: result.value.changed } });
      await afterReroute(reportId);
      return true;
    },
  };
};
