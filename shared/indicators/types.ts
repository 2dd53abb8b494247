/** Canonical indicator types of the intake contract; how reports are compared. */
export const INDICATOR_TYPES = ['phone', 'iban', 'email', 'domain', 'url', 'crypto', 'remote_access'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const isIndicatorType = (type: string): type is IndicatorType => (INDICATOR_TYPES as readonly string[]).includes(type);

export interface CanonicalIndicator {
  type: IndicatorType;
  value: string;
}

/** Offline, certain facts about an indicator that later work (routing of blocking requests) relies on. */
export interface IndicatorEnrichment {
  /** IBAN: ISO country of the account. Phone: country the number belongs to. */
  country?: string;
  /** NL IBAN: the bank code (e.g. `INGB`) and the bank's name. */
  bankCode?: string;
  bankName?: string;
  /** Phone: the kind of number by the numbering plan (0800 toll_free, 0900 premium_rate, 085 voip, 088 uan, 097 m2m …). */
  phoneKind?: PhoneKind;
  /** Crypto: the chain (btc, eth, trx, xmr). Remote access: the tool. */
  network?: string;
}

/** Mirrors libphonenumber's number types (lower case), plus `machine_to_machine` for Dutch 097 numbers. */
export const PHONE_KINDS = [
  'mobile',
  'fixed_line',
  'fixed_line_or_mobile',
  'voip',
  'toll_free',
  'premium_rate',
  'shared_cost',
  'personal_number',
  'pager',
  'uan',
  'voicemail',
  'machine_to_machine',
  'unknown',
] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

/** A place in an intake record an indicator was found, e.g. `suspect.bankAccounts[0]` or `incident.narrative`. */
export type SourceField = string;

export interface ExtractedMention extends CanonicalIndicator {
  field: SourceField;
  /** The text as the victim typed it (evidence for requests); never the reporter's own data. */
  raw: string;
  enrichment?: IndicatorEnrichment;
}
