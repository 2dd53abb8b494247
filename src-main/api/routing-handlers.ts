import type { ApiHandlers } from '../../shared/api/contract';
import { applyRoutingRules, rerouteReports } from '../routing/route-services';
import { currentRoute } from '../routing/current-route';
import { createRuleRouter } from '../routing/rule-router';
import { putRoutingRule, removeRoutingRule } from '../routing/rule-services';
import { listRoutingRules } from '../routing/rule-store';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

export const routingHandlers = {
  'routing.rules': (_params, context) => listRoutingRules(context.store.sqlite),

  'routing.putRule': (params, context) => {
    const view = putRoutingRule(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'routing');
    return view;
  },

  'routing.removeRule': ({ ruleId }, context) => {
    removeRoutingRule(context.store, context.services, { officer: context.officer.id, ruleId });
    announceWork(context, 'routing');
    return null;
  },

  'routing.explain': ({ reportId }, context) => {
    const { sqlite } = context.store;
    const byRules = createRuleRouter(sqlite)(reportId).route;
    return { current: currentRoute(sqlite, reportId), byRules };
  },

  'routing.apply': ({ reportIds }, context) => {
    const changed = applyRoutingRules(context.store, context.services, { officer: context.officer.id, reportIds });
    if (changed > 0) announceWork(context, 'report');
    return { changed };
  },

  'report.reroute': (params, context) => {
    const changed = rerouteReports(context.store, context.services, { officer: context.officer.id, ...params });
    if (changed > 0) announceWork(context, 'report');
    return { changed };
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
