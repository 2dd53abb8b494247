import type { TFunction } from 'i18next';
import { labelFor } from '../i18n/label-for';

/** An audit entry's details (ids, counts, reasons) as compact "key: value" text, the keys in words; `leaveOut` shown elsewhere. */
export const auditDetailsText = (t: TFunction, details: Record<string, unknown> | null, leaveOut: readonly string[] = []): string =>
  Object.entries(details ?? {})
    .filter(([key]) => !leaveOut.includes(key))
    .map(([key, value]) => `${labelFor(t, 'auditDetail', key)}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
