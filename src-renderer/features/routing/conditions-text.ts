import type { TFunction } from 'i18next';
import type { RoutingConditions } from '../../../shared/routing/rules';
import { formatMoneyWhole } from '../../ui/format';

/** A rule's conditions as short Dutch (or English) phrases, for the rules table. */
export function conditionsText(conditions: RoutingConditions, t: TFunction): string[] {
  const or = (values: string[]) => values.join(' / ');
  const phrases = [
    conditions.categories && t('routing.conditions.categories', { values: or(conditions.categories.map((category) => t(`categories.${category}`))) }),
    conditions.regions && t('routing.conditions.regions', { values: or(conditions.regions) }),
    conditions.reporterTypes && t('routing.conditions.reporterTypes', { values: or(conditions.reporterTypes.map((type) => t(`report.reporter.types.${type}`))) }),
    conditions.minLossCents !== undefined && t('routing.conditions.minLoss', { amount: formatMoneyWhole(conditions.minLossCents) }),
    conditions.maxLossCents !== undefined && t('routing.conditions.maxLoss', { amount: formatMoneyWhole(conditions.maxLossCents) }),
    conditions.minClusterSize !== undefined && t('routing.conditions.minClusterSize', { count: conditions.minClusterSize }),
    conditions.indicatorTypes && t('routing.conditions.indicatorTypes', { values: or(conditions.indicatorTypes.map((type) => t(`indicatorType.${type}`))) }),
    conditions.clusterHasOwner === true && t('routing.conditions.clusterHasOwner'),
    conditions.clusterHasOwner === false && t('routing.conditions.clusterHasNoOwner'),
  ];
  const shown = phrases.filter((phrase): phrase is string => typeof phrase === 'string');
  return shown.length > 0 ? shown : [t('routing.conditions.always')];
}
