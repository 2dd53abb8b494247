/**
 * Careful reading of `ReportDetail.record` (the latest revision as the portal sent it, typed `unknown` because
 * the contract allows extra fields). Every reader returns plain strings or null; nothing is trusted to be HTML.
 */
type Fields = Record<string, unknown>;

const asFields = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;

const textAt = (fields: Fields | null, key: string): string | null => {
  const value = fields?.[key];
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return typeof value === 'number' ? String(value) : null;
};

const textsAt = (fields: Fields | null, key: string): string[] => {
  const value = fields?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
};

const fieldsAt = (fields: Fields | null, key: string): Fields | null => asFields(fields?.[key]);

const listAt = (fields: Fields | null, key: string): Fields[] => {
  const value = fields?.[key];
  return Array.isArray(value) ? value.map(asFields).filter((item): item is Fields => item !== null) : [];
};

export interface PaymentLine {
  at: string | null;
  amount: string | null;
  currency: string | null;
  method: string | null;
  beneficiaryName: string | null;
  beneficiaryAccount: string | null;
  reference: string | null;
}

export const readPayments = (record: Fields): PaymentLine[] =>
  listAt(record, 'payments').map((payment) => ({
    at: textAt(payment, 'at'),
    amount: textAt(payment, 'amount'),
    currency: textAt(payment, 'currency'),
    method: textAt(payment, 'method'),
    beneficiaryName: textAt(payment, 'beneficiaryName'),
    beneficiaryAccount: textAt(payment, 'beneficiaryAccount'),
    reference: textAt(payment, 'reference'),
  }));

export const SUSPECT_LISTS = ['names', 'phoneNumbers', 'emailAddresses', 'websites', 'bankAccounts', 'cryptoAddresses', 'socialMedia', 'other'] as const;
export type SuspectList = (typeof SUSPECT_LISTS)[number];

export const readSuspect = (record: Fields): Array<{ list: SuspectList; values: string[] }> => {
  const suspect = fieldsAt(record, 'suspect');
  return SUSPECT_LISTS.map((list) => ({ list, values: textsAt(suspect, list) })).filter((entry) => entry.values.length > 0);
};

export interface RansomwareFacts {
  family: string | null;
  encryptedExtension: string | null;
  ransomNote: string | null;
  demandAmount: string | null;
  demandCurrency: string | null;
  contact: string | null;
}

export const readRansomware = (record: Fields): RansomwareFacts | null => {
  const ransomware = fieldsAt(record, 'ransomware');
  if (!ransomware) return null;
  const demand = fieldsAt(ransomware, 'demand');
  return {
    family: textAt(ransomware, 'family'),
    encryptedExtension: textAt(ransomware, 'encryptedExtension'),
    ransomNote: textAt(ransomware, 'ransomNote'),
    demandAmount: textAt(demand, 'amount'),
    demandCurrency: textAt(demand, 'currency'),
    contact: textAt(ransomware, 'contact'),
  };
};

export const readRemoteAccess = (record: Fields): { tool: string | null; id: string | null } | null => {
  const remote = fieldsAt(record, 'remoteAccess');
  return remote ? { tool: textAt(remote, 'tool'), id: textAt(remote, 'id') } : null;
};

export interface AttachmentLine {
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  sha256: string | null;
}

export const readAttachments = (record: Fields): AttachmentLine[] =>
  listAt(record, 'attachments').map((attachment) => ({
    fileName: textAt(attachment, 'fileName'),
    mediaType: textAt(attachment, 'mediaType'),
    size: typeof attachment.size === 'number' ? attachment.size : null,
    sha256: textAt(attachment, 'sha256'),
  }));

export interface IncidentFacts {
  firstContactAt: string | null;
  lastContactAt: string | null;
  contactMethod: string | null;
}

export const readIncident = (record: Fields): IncidentFacts => {
  const incident = fieldsAt(record, 'incident');
  return {
    firstContactAt: textAt(incident, 'firstContactAt'),
    lastContactAt: textAt(incident, 'lastContactAt'),
    contactMethod: textAt(incident, 'contactMethod'),
  };
};
