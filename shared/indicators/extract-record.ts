/**
 * All indicators of one intake record, each with the field it came from and the text as typed.
 *
 * - Structured list items (`suspect.phoneNumbers[0]` …) are read as their type first; an item that is not
 *   (`"06-12345678 (WhatsApp)"`, an e-mail typed in the phone list) is scanned as free text instead.
 * - Free-text fields (narrative, summary, ransom note, payment reference, `suspect.other`, social media …) are
 *   scanned whole.
 * - The reporter's own data is never an indicator, wherever it turns up: `reporter.phone` and `reporter.email`, and
 *   every account, number or address the free text names as the reporter's own ("vanaf mijn eigen rekening NL…",
 *   see reporter-own.ts); for an organisation, neither is the domain of its own e-mail address (its website is the
 *   victim's, not the suspect's). Those are the reporter's data: `extractRecord` returns them apart.
 * - Structured fields are cleaned of Unicode look-alikes like free text (see clean-text.ts); `raw` stays as typed.
 * - A withdrawn record yields nothing. Identical (type, value, field) mentions are reported once.
 */
import type { IntakeRecord } from '../intake/schema';
import type { ExtractedMention, IndicatorType } from './types';
import { findIndicatorsInText } from './extract-text';
import { normalizeCrypto } from './normalize/crypto-address';
import { normalizeDomain } from './normalize/domain';
import { normalizeEmail } from './normalize/email';
import { normalizeIban } from './normalize/iban';
import { normalizePhone } from './normalize/phone';
import { normalizeRemoteAccess, normalizeRemoteAccessPair } from './normalize/remote-access';
import type { Normalized } from './normalize/result';
import { parseUrl } from './normalize/web-url';

type Add = (type: IndicatorType, result: Normalized, field: string, raw: string, reporterOwn?: boolean) => void;

function scanText(text: string | undefined, field: string, add: Add, only?: ReadonlySet<IndicatorType>): void {
  if (!text) return;
  for (const found of findIndicatorsInText(text)) {
    if (only && !only.has(found.type)) continue;
    add(found.type, found, field, found.raw, found.reporterOwn);
  }
}

/** A website as typed: a URL (scheme or `www.`) yields url + domain, a bare host name its domain. */
function addWebsite(item: string, field: string, add: Add): boolean {
  const url = parseUrl(item);
  if (url) {
    add('url', { value: url.url }, field, item);
    if (url.domain) add('domain', { value: url.domain }, field, item);
    return true;
  }
  // Only a lone host name ("ing-verificatie.nl", "ing-verificatie.nl/login"), not an e-mail or a sentence.
  if (/\s|@/.test(item.trim())) return false;
  const domain = normalizeDomain(item);
  if (domain) add('domain', domain, field, item);
  return domain !== null;
}

/** Reads each item of a structured list with `read`; items it does not understand are scanned as text. */
function eachItem(items: readonly string[] | undefined, name: string, read: (item: string, field: string) => boolean, add: Add): void {
  if (!items) return;
  items.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') return;
    const field = `${name}[${index}]`;
    if (!read(item, field)) scanText(item, field, add);
  });
}

function typed(type: IndicatorType, normalize: (raw: string) => Normalized | null, add: Add): (item: string, field: string) => boolean {
  return (item: string, field: string): boolean => {
    const result = normalize(item);
    if (result) add(type, result, field, item);
    return result !== null;
  };
}

const ACCOUNT_TYPES: ReadonlySet<IndicatorType> = new Set(['iban', 'crypto']);
const PHONE_ONLY: ReadonlySet<IndicatorType> = new Set(['phone']);
const REMOTE_ACCESS_ONLY: ReadonlySet<IndicatorType> = new Set(['remote_access']);

export interface RecordIndicators {
  /** The suspect's side: every indicator the record mentions that is not the reporter's. */
  mentions: ExtractedMention[];
  /** What the free text names as the reporter's own (accounts, numbers, addresses): the reporter's data. */
  reporterOwn: ExtractedMention[];
}

const valueKey = (type: IndicatorType, value: string): string => `${type}\u0000${value}`;

/** Every indicator mentioned in `record`, for the store; empty for a withdrawn record. */
export function extractIndicators(record: IntakeRecord): ExtractedMention[] {
  return extractRecord(record).mentions;
}

/** The record's indicators, with the reporter's own data apart. */
export function extractRecord(record: IntakeRecord): RecordIndicators {
  if (record.status !== 'filed') return { mentions: [], reporterOwn: [] };

  // The reporter's own contact details (and an organisation's own domain) must never link reports.
  const own = new Set<string>();
  const ownPhone = record.reporter?.phone ? normalizePhone(record.reporter.phone)?.value : undefined;
  const ownEmail = record.reporter?.email ? normalizeEmail(record.reporter.email)?.value : undefined;
  if (ownPhone) own.add(valueKey('phone', ownPhone));
  if (ownEmail) own.add(valueKey('email', ownEmail));
  const ownDomain =
    record.reporter?.type === 'organisation' && ownEmail ? normalizeDomain(ownEmail.slice(ownEmail.indexOf('@') + 1))?.value : undefined;
  if (ownDomain) own.add(valueKey('domain', ownDomain));

  const all: ExtractedMention[] = [];
  const seen = new Set<string>();
  const add: Add = (type, result, field, raw, reporterOwn) => {
    const { value } = result;
    if (reporterOwn) own.add(valueKey(type, value));
    const key = `${type}\u0000${value}\u0000${field}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mention: ExtractedMention = { type, value, field, raw: raw.trim() };
    if (result.enrichment) mention.enrichment = { ...result.enrichment };
    all.push(mention);
  };

  const { incident, suspect, ransomware, remoteAccess } = record;
  scanText(incident?.summary, 'incident.summary', add);
  scanText(incident?.narrative, 'incident.narrative', add);

  eachItem(suspect?.phoneNumbers, 'suspect.phoneNumbers', typed('phone', normalizePhone, add), add);
  eachItem(suspect?.emailAddresses, 'suspect.emailAddresses', typed('email', normalizeEmail, add), add);
  eachItem(
    suspect?.websites,
    'suspect.websites',
    (item, field) => {
      if (!addWebsite(item, field, add)) return false;
      if (/wa\.me\/|phone=/i.test(item)) scanText(item, field, add, PHONE_ONLY); // WhatsApp links carry a number
      return true;
    },
    add,
  );
  eachItem(suspect?.bankAccounts, 'suspect.bankAccounts', typed('iban', normalizeIban, add), add);
  eachItem(suspect?.cryptoAddresses, 'suspect.cryptoAddresses', typed('crypto', normalizeCrypto, add), add);
  // Profiles and handles are no indicator type; a URL, phone number or e-mail address in them is.
  eachItem(suspect?.socialMedia, 'suspect.socialMedia', () => false, add);
  eachItem(suspect?.other, 'suspect.other', () => false, add);

  record.payments?.forEach((payment, index) => {
    const account = payment.beneficiaryAccount;
    if (account && account.trim() !== '') {
      // An IBAN, a wallet address, or neither (a gift card code …): never read as a phone number or domain.
      const field = `payments[${index}].beneficiaryAccount`;
      const iban = normalizeIban(account);
      const crypto = iban ? null : normalizeCrypto(account);
      if (iban) add('iban', iban, field, account);
      else if (crypto) add('crypto', crypto, field, account);
      else scanText(account, field, add, ACCOUNT_TYPES);
    }
    scanText(payment.reference, `payments[${index}].reference`, add);
  });

  if (ransomware) {
    scanText(ransomware.contact, 'ransomware.contact', add);
    scanText(ransomware.ransomNote, 'ransomware.ransomNote', add);
  }

  if (remoteAccess?.id) {
    // The ID field sometimes repeats the tool ("RustDesk 123 456 789" with tool "other"): that reading wins.
    const result = normalizeRemoteAccess(remoteAccess.id) ?? normalizeRemoteAccessPair(remoteAccess.tool, remoteAccess.id);
    if (result) add('remote_access', result, 'remoteAccess', remoteAccess.id);
    else scanText(remoteAccess.id, 'remoteAccess', add, REMOTE_ACCESS_ONLY);
  }
  if (own.size === 0) return { mentions: all, reporterOwn: [] };
  const mentions: ExtractedMention[] = [];
  const reporterOwn: ExtractedMention[] = [];
  for (const mention of all) {
    if (!own.has(valueKey(mention.type, mention.value))) mentions.push(mention);
    else if (mention.type !== 'domain' && mention.value !== ownPhone && mention.value !== ownEmail) reporterOwn.push(mention);
  }
  return { mentions, reporterOwn };
}
