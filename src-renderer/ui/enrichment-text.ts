import type { TFunction } from 'i18next';
import type { IndicatorEnrichment } from '../../shared/indicators/types';

/** One line about an indicator's enrichment: the bank of an IBAN, the kind of a phone number, a chain. */
export function enrichmentText(enrichment: IndicatorEnrichment | null, t: TFunction): string {
  if (!enrichment) return '';
  const parts: string[] = [];
  if (enrichment.bankName) parts.push(enrichment.bankCode ? `${enrichment.bankName} (${enrichment.bankCode})` : enrichment.bankName);
  else if (enrichment.bankCode) parts.push(enrichment.bankCode);
  if (enrichment.phoneKind) parts.push(t(`phoneKind.${enrichment.phoneKind}`));
  if (enrichment.network) parts.push(enrichment.network.toUpperCase());
  if (enrichment.country) parts.push(enrichment.country);
  return parts.join(' · ');
}
