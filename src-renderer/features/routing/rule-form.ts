import type { IndicatorType } from '../../../shared/indicators/types';
import type { Category } from '../../../shared/intake/vocabulary';
import { routingRuleSchema, type ROUTE_ASSIGNMENTS, type RoutePriority, type RoutingRule } from '../../../shared/routing/rules';

export type RouteAssignment = (typeof ROUTE_ASSIGNMENTS)[number];
export type ReporterType = 'person' | 'organisation';
type OwnerCondition = 'any' | 'yes' | 'no';

/** A rule as the editor holds it: amounts in euros, empty fields for conditions that do not count. */
export interface RuleForm {
  name: string;
  position: number | '';
  enabled: boolean;
  categories: Category[];
  regions: string[];
  reporterTypes: ReporterType[];
  minLossEuros: number | '';
  maxLossEuros: number | '';
  minClusterSize: number | '';
  indicatorTypes: IndicatorType[];
  clusterHasOwner: OwnerCondition;
  team: string;
  priority: RoutePriority;
  assign: RouteAssignment;
}

export const RULE_FORM_FIELDS = ['name', 'position', 'team', 'minLoss', 'maxLoss', 'minClusterSize'] as const;
/** A field the editor marks, or `invalid` for a complaint no single field owns. */
export type RuleFormField = (typeof RULE_FORM_FIELDS)[number] | 'invalid';

export const emptyRuleForm = (position: number): RuleForm => ({
  name: '',
  position,
  enabled: true,
  categories: [],
  regions: [],
  reporterTypes: [],
  minLossEuros: '',
  maxLossEuros: '',
  minClusterSize: '',
  indicatorTypes: [],
  clusterHasOwner: 'any',
  team: '',
  priority: 'normal',
  assign: 'balance',
});

const euros = (cents: number | undefined): number | '' => (cents === undefined ? '' : cents / 100);
const cents = (value: number | ''): number | undefined => (value === '' ? undefined : Math.round(value * 100));
const list = <T>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined);

export function formOfRule(rule: RoutingRule): RuleForm {
  const { conditions } = rule;
  return {
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    categories: conditions.categories ?? [],
    regions: conditions.regions ?? [],
    reporterTypes: conditions.reporterTypes ?? [],
    minLossEuros: euros(conditions.minLossCents),
    maxLossEuros: euros(conditions.maxLossCents),
    minClusterSize: conditions.minClusterSize ?? '',
    indicatorTypes: conditions.indicatorTypes ?? [],
    clusterHasOwner: conditions.clusterHasOwner === undefined ? 'any' : conditions.clusterHasOwner ? 'yes' : 'no',
    team: rule.team ?? '',
    priority: rule.priority,
    assign: rule.assign,
  };
}

/** Which editor field a schema complaint belongs to. */
function fieldOf(path: readonly PropertyKey[]): RuleFormField {
  const [first, second] = path;
  if (first === 'conditions') {
    if (second === 'minLossCents') return 'minLoss';
    if (second === 'maxLossCents') return 'maxLoss';
    if (second === 'minClusterSize') return 'minClusterSize';
    return 'invalid';
  }
  return RULE_FORM_FIELDS.find((field) => field === first) ?? 'invalid';
}

/** The rule to save, checked by the same schema the hub applies; or the fields that are wrong. */
export function ruleOfForm(form: RuleForm): { rule: RoutingRule } | { errors: RuleFormField[] } {
  // Conditions left empty are absent, not undefined: the stored rule stays as small as it reads.
  const conditions = Object.fromEntries(
    Object.entries({
      categories: list(form.categories),
      regions: list(form.regions.map((region) => region.trim()).filter(Boolean)),
      reporterTypes: list(form.reporterTypes),
      minLossCents: cents(form.minLossEuros),
      maxLossCents: cents(form.maxLossEuros),
      minClusterSize: form.minClusterSize === '' ? undefined : form.minClusterSize,
      indicatorTypes: list(form.indicatorTypes),
      clusterHasOwner: form.clusterHasOwner === 'any' ? undefined : form.clusterHasOwner === 'yes',
    }).filter(([, value]) => value !== undefined),
  );
  const candidate = {
    name: form.name.trim(),
    position: form.position === '' ? -1 : form.position,
    enabled: form.enabled,
    conditions,
    team: form.team.trim() || null,
    priority: form.priority,
    assign: form.assign,
  };
  const parsed = routingRuleSchema.safeParse(candidate);
  if (parsed.success) return { rule: parsed.data };
  return { errors: [...new Set(parsed.error.issues.map((issue) => fieldOf(issue.path)))] };
}
