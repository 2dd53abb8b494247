/** One scenario (modus operandi) per category: builds the incident, payments and suspect block. */
import type { Category } from '../../shared/intake/vocabulary';
import { bankHelpdeskFraud, identityFraud, phishing } from './banking';
import type { Scenario } from './common';
import { investmentFraud, ransomware, sextortion } from './crypto';
import { helpdeskFraud } from './helpdesk';
import { hacking, other, whatsappFraud } from './messaging';
import { romanceFraud } from './romance';
import { marketplaceFraud, webshopFraud } from './trade';

export const SCENARIOS: Record<Category, Scenario> = {
  ransomware,
  helpdesk_fraud: helpdeskFraud,
  bank_helpdesk_fraud: bankHelpdeskFraud,
  phishing,
  whatsapp_fraud: whatsappFraud,
  marketplace_fraud: marketplaceFraud,
  webshop_fraud: webshopFraud,
  investment_fraud: investmentFraud,
  romance_fraud: romanceFraud,
  sextortion,
  identity_fraud: identityFraud,
  hacking,
  other,
};

export type { Amendment, ScenarioInput, ScenarioResult } from './common';
