/** Dutch words for the enumerations a letter or export spells out (the renderer has its own i18n). */
import type { Category } from '../../shared/intake/vocabulary';

export const CATEGORY_LABELS: Record<Category, string> = {
  ransomware: 'Ransomware',
  helpdesk_fraud: 'Helpdeskfraude',
  bank_helpdesk_fraud: 'Bankhelpdeskfraude',
  phishing: 'Phishing',
  whatsapp_fraud: 'WhatsApp-fraude',
  marketplace_fraud: 'Marktplaatsfraude',
  webshop_fraud: 'Webwinkelfraude',
  investment_fraud: 'Beleggingsfraude',
  romance_fraud: 'Datingfraude',
  sextortion: 'Sextortion',
  identity_fraud: 'Identiteitsfraude',
  hacking: 'Hacking',
  other: 'Overig',
};

const REMOTE_TOOL_NAMES: Record<string, string> = { anydesk: 'AnyDesk', teamviewer: 'TeamViewer', quicksupport: 'TeamViewer QuickSupport', rustdesk: 'RustDesk' };

/** `anydesk` → `AnyDesk`; unknown tools as written. */
export const remoteToolName = (tool: string) => REMOTE_TOOL_NAMES[tool] ?? tool;

const EVIDENCE_FIELD_LABELS: Array<[RegExp, string]> = [
  [/^incident\.narrative$/, 'Verhaal'],
  [/^incident\.summary$/, 'Samenvatting'],
  [/^suspect\.bankAccounts/, 'Rekening verdachte'],
  [/^suspect\.phoneNumbers/, 'Telefoon verdachte'],
  [/^suspect\.emailAddresses/, 'E-mail verdachte'],
  [/^suspect\.websites/, 'Website'],
  [/^suspect\.cryptoAddresses/, 'Cryptoadres'],
  [/^suspect\.socialMedia/, 'Sociale media'],
  [/^suspect\.other/, 'Overig verdachte'],
  [/^payments\[\d+\]\.beneficiaryAccount$/, 'Betaald aan'],
  [/^payments\[\d+\]\.reference$/, 'Omschrijving betaling'],
  [/^remoteAccess/, 'Hulp op afstand'],
  [/^ransomware\.ransomNote$/, 'Losgeldbrief'],
  [/^ransomware\.contact$/, 'Contact afpersers'],
];

/** Where in a report a line of evidence comes from, in words (`suspect.bankAccounts[0]` → `Rekening verdachte`). */
export function evidenceFieldLabel(field: string): string {
  return EVIDENCE_FIELD_LABELS.find(([pattern]) => pattern.test(field))?.[1] ?? field;
}
