import type { TFunction } from 'i18next';

export type OpenLabelGroup = 'auditAction' | 'auditDetail' | 'systemActor' | 'channel' | 'contactMethod' | 'paymentMethod' | 'reportStatus' | 'entity';

/**
 * A label for a value that comes from data and may be new to this build (an audit action, a payment method
 * from a newer portal): the translation when there is one, `fallback` (the value itself) otherwise.
 */
export function labelFor(t: TFunction, group: OpenLabelGroup, value: string, fallback = value): string {
  const key = `${group}.${value.replace(/\./g, '_')}`;
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });
}
