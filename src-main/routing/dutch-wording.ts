/**
 * Dutch words for the facts a routing rule matched. The reason travels with the route to every workstation
 * (and into the audit trail), so it is plain Dutch text, not labels the renderer would translate.
 */
import type { IndicatorType } from '../../shared/indicators/types';
import type { Category } from '../../shared/intake/vocabulary';

export const CATEGORY_WORDS: Record<Category, string> = {
  ransomware: 'ransomware',
  helpdesk_fraud: 'helpdeskfraude',
  bank_helpdesk_fraud: 'bankhelpdeskfraude',
  phishing: 'phishing',
  whatsapp_fraud: 'WhatsApp-fraude',
  marketplace_fraud: 'marktplaatsfraude',
  webshop_fraud: 'webwinkelfraude',
  investment_fraud: 'beleggingsfraude',
  romance_fraud: 'datingfraude',
  sextortion: 'sextortion',
  identity_fraud: 'identiteitsfraude',
  hacking: 'hacking',
  other: 'overig',
};

export const REPORTER_WORDS: Record<'person' | 'organisation', string> = { person: 'een persoon', organisation: 'een organisatie' };

export const INDICATOR_WORDS: Record<IndicatorType, string> = {
  phone: 'telefoonnummer',
  iban: 'IBAN',
  email: 'e-mailadres',
  domain: 'domein',
  url: 'URL',
  crypto: 'cryptoadres',
  remote_access: 'remote-access-ID',
};

/** `€ 10.000,00`: the same on every machine, whatever its locale data. */
export function euros(cents: number): string {
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${whole},${String(cents % 100).padStart(2, '0')}`;
}
