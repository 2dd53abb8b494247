/** The intake contract's closed vocabularies and identifiers: plain data, so that screens can use them without the schema library. */
export const INTAKE_SCHEMA_VERSION = 'intake-report/1';

export const CATEGORIES = [
  'ransomware',
  'helpdesk_fraud',
  'bank_helpdesk_fraud',
  'phishing',
  'whatsapp_fraud',
  'marketplace_fraud',
  'webshop_fraud',
  'investment_fraud',
  'romance_fraud',
  'sextortion',
  'identity_fraud',
  'hacking',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['internet', 'phone', 'desk'] as const;
export const KINDS = ['aangifte', 'melding'] as const;
export const REPORT_STATUSES = ['filed', 'withdrawn'] as const;
export const CONTACT_METHODS = [
  'phone_call',
  'sms',
  'whatsapp',
  'email',
  'website',
  'social_media',
  'in_person',
  'other',
] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'ideal', 'crypto', 'gift_card', 'card', 'cash', 'other'] as const;
export const REMOTE_ACCESS_TOOLS = ['AnyDesk', 'TeamViewer', 'QuickSupport', 'RustDesk', 'other'] as const;

export const REPORT_ID_PATTERN = /^IA-\d{4}-\d{7}$/;
