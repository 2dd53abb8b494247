/** One entry point per indicator type, for callers that know the type (benign list editing, the CLI). */
import type { IndicatorType } from '../types';
import { normalizeCrypto } from './crypto-address';
import { normalizeDomain } from './domain';
import { normalizeEmail } from './email';
import { normalizeIban } from './iban';
import { normalizePhone } from './phone';
import { normalizeRemoteAccess } from './remote-access';
import type { Normalized } from './result';
import { normalizeUrl } from './web-url';

export type { Normalized } from './result';
export { normalizeCrypto, normalizeDomain, normalizeEmail, normalizeIban, normalizePhone, normalizeRemoteAccess, normalizeUrl };

const NORMALIZERS: Record<IndicatorType, (raw: string) => Normalized | null> = {
  phone: normalizePhone,
  iban: normalizeIban,
  email: normalizeEmail,
  domain: normalizeDomain,
  url: normalizeUrl,
  crypto: normalizeCrypto,
  remote_access: normalizeRemoteAccess,
};

/** The canonical value of `raw` read as an indicator of `type`, or null when it is not a valid one. */
export function normalizeIndicator(type: IndicatorType, raw: string): Normalized | null {
  return NORMALIZERS[type](raw);
}
