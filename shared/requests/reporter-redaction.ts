/**
 * Takes the reporter's own data out of text that leaves the police (evidence lines, summaries in a request):
 * the victim's name, e-mail address, phone number, street address, postal code and date of birth, however they
 * wrote them in their story, and the accounts, numbers and addresses their story names as their own
 * (../indicators/reporter-own.ts). Errs on the side of removing too much (a surname that is also a word).
 */
import type { Reporter } from '../intake/schema';
import type { CanonicalIndicator } from '../indicators/types';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizePhone } from '../indicators/normalize';

export const REDACTED = {
  name: '[naam melder]',
  email: '[e-mail melder]',
  phone: '[telefoon melder]',
  address: '[adres melder]',
  postalCode: '[postcode melder]',
  birthDate: '[geboortedatum melder]',
  organisation: '[organisatie melder]',
  account: '[rekening melder]',
  wallet: '[wallet melder]',
} as const;

/** A value the reporter's story names as their own: normalized, and as they typed it. */
export interface ReporterOwnValue extends CanonicalIndicator {
  raw: string;
}

// Name particles and initials carry no identity on their own and occur in ordinary sentences.
const NAME_PARTICLES = new Set(['van', 'der', 'den', 'de', 'het', 'ter', 'ten', 'te', 'op', 'in', "'t", 'la', 'le', 'du', 'von', 'bin', 'al', 'el']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole-word, case-insensitive match of `text`, where letters and digits of any script count as word characters. */
const wholeWord = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');

function namePatterns(name: string | undefined): RegExp[] {
  const full = name?.trim() ?? '';
  if (full === '') return [];
  const parts = full
    .split(/\s+/)
    .map((part) => part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((part) => Array.from(part).length >= 3 && !NAME_PARTICLES.has(part.toLowerCase()));
  // The full name first, so "Jan de Vries" becomes one placeholder rather than three.
  return [wholeWord(full), ...parts.map(wholeWord)];
}

/**
 * The reporter's phone number in the notations people use: `+31 6 1234 5678`, `0031 (0)6-…`, `06 12 34 56 78`,
 * `(020) 123 45 67`: the national number's digits with at most two separators between them.
 */
function phonePatterns(phone: string | undefined): RegExp[] {
  const e164 = phone ? normalizePhone(phone)?.value : undefined;
  const parsed = e164 ? parsePhoneNumberFromString(e164) : undefined;
  if (!parsed) return [];
  const separator = '[\\s\\-–.()/]{0,2}';
  const international = `(?:\\+|00)${parsed.countryCallingCode}${separator}(?:\\(0\\)${separator})?`;
  const trunk = parsed.countryCallingCode === '31' ? `|\\(?0${separator}` : '';
  const digits = Array.from(parsed.nationalNumber).join(separator);
  return [new RegExp(`(?<![\\d+])(?:${international}${trunk})?${digits}(?!\\d)`, 'g')];
}

/**
 * The reporter's phone field: in every notation when it is a number the phone normalizer reads, else as typed — a
 * number it does not read (a range not in use, a typo) is still the reporter's, and its quotes go too. A field with
 * fewer than six digits is no number at all ("onbekend"), and its word is not taken out of every text.
 */
function reporterPhonePatterns(phone: string | undefined): RegExp[] {
  const patterns = phonePatterns(phone);
  const typed = phone?.trim() ?? '';
  return patterns.length > 0 || (typed.match(/\d/g)?.length ?? 0) < 6 ? patterns : [wholeWord(typed), typedDigitsPattern(typed)];
}

/**
 * A number the normalizer does not read, in the notations people use for it: its digits with at most two separators
 * between them, and one written with a trunk 0 ("06-7…") also with +31 or 0031 in its place.
 */
function typedDigitsPattern(typed: string): RegExp {
  const separator = '[\\s\\-–.()/]{0,2}';
  const digits = typed.replace(/\D/g, '');
  const trunk = digits.startsWith('0') && !digits.startsWith('00');
  const prefix = trunk ? `(?:(?:\\+|00)31${separator}(?:\\(0\\)${separator})?|\\(?0${separator})` : `(?:\\+|00)?`;
  const body = Array.from(trunk ? digits.slice(1) : digits).join(separator);
  return new RegExp(`(?<![\\d+])${prefix}${body}(?!\\d)`, 'g');
}

/** The separators the IBAN normalizer accepts between an IBAN's characters ("NL91 ABNA 0417 …", "nl91-abna-…"). */
const IBAN_SEPARATOR = '[\\s\\u00a0.\\-]{0,2}';

/** Every notation of one own value: as typed, and for an IBAN or a phone number in the shapes their normalizers read. */
function ownValuePatterns({ type, value, raw }: ReporterOwnValue): Array<[RegExp, string]> {
  const typed: RegExp[] = raw.trim() ? [wholeWord(raw.trim())] : [];
  switch (type) {
    case 'iban':
      return [...typed, new RegExp(`(?<![\\p{L}\\p{N}])${Array.from(value).map(escapeRegExp).join(IBAN_SEPARATOR)}(?![\\p{L}\\p{N}])`, 'giu')].map((pattern) => [pattern, REDACTED.account]);
    case 'phone':
      return [...phonePatterns(value), ...typed].map((pattern) => [pattern, REDACTED.phone]);
    case 'email':
      return [wholeWord(value), ...typed].map((pattern) => [pattern, REDACTED.email]);
    case 'crypto':
      return [wholeWord(value), ...typed].map((pattern) => [pattern, REDACTED.wallet]);
    default:
      return typed.map((pattern) => [pattern, REDACTED.account]);
  }
}

function birthDatePatterns(birthDate: string | undefined): RegExp[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!match) return [];
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const dayMonth = `0?${Number(day)}[-./ ]0?${Number(month)}[-./ ]${year}`;
  return [new RegExp(`${year}-${month}-${day}`, 'g'), new RegExp(`(?<!\\d)${dayMonth}(?!\\d)`, 'g')];
}

function postalCodePattern(postalCode: string | undefined): RegExp[] {
  const match = /^(\d{4})\s*([A-Za-z]{2})$/.exec(postalCode?.trim() ?? '');
  return match ? [new RegExp(`(?<!\\d)${match[1]}\\s*${match[2]}(?![\\p{L}])`, 'giu')] : [];
}

function streetPattern(street: string | undefined, houseNumber: string | undefined): RegExp[] {
  const name = street?.trim() ?? '';
  if (name === '') return [];
  const number = houseNumber?.trim() ? `(?:\\s*${escapeRegExp(houseNumber.trim()).replace(/\s+/g, '\\s*')})?` : '';
  return [new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}${number}(?![\\p{L}\\p{N}])`, 'giu')];
}

/**
 * A function that replaces the reporter's own data in a text by placeholders: their fields, and `own`, what their
 * story names as theirs (extractRecord's `reporterOwn`). The identity for neither.
 */
export function createReporterRedactor(reporter: Reporter | undefined, own: readonly ReporterOwnValue[] = []): (text: string) => string {
  if (!reporter && own.length === 0) return (text) => text;
  const replacements: Array<[RegExp, string]> = [
    // First: an own account's digits must not be taken for a phone number's.
    ...own.flatMap(ownValuePatterns),
    ...fieldPatterns(reporter),
  ];
  return (text) => {
    let result = text;
    for (const [pattern, placeholder] of replacements) result = result.replace(pattern, (found) => keepOpeningBracket(found, placeholder));
    return result;
  };
}

/** A match that took an opening bracket without its closing one ("(06-1234…)") gives the bracket back. */
function keepOpeningBracket(found: string, placeholder: string): string {
  return found.startsWith('(') && !found.includes(')') ? `(${placeholder}` : placeholder;
}

function fieldPatterns(reporter: Reporter | undefined): Array<[RegExp, string]> {
  if (!reporter) return [];
  return [
    ...(reporter.email?.trim() ? [[wholeWord(reporter.email.trim()), REDACTED.email] as [RegExp, string]] : []),
    ...reporterPhonePatterns(reporter.phone).map((pattern): [RegExp, string] => [pattern, REDACTED.phone]),
    ...birthDatePatterns(reporter.birthDate).map((pattern): [RegExp, string] => [pattern, REDACTED.birthDate]),
    ...postalCodePattern(reporter.address?.postalCode).map((pattern): [RegExp, string] => [pattern, REDACTED.postalCode]),
    ...streetPattern(reporter.address?.street, reporter.address?.houseNumber).map((pattern): [RegExp, string] => [pattern, REDACTED.address]),
    ...(reporter.organisation?.name?.trim() ? [[wholeWord(reporter.organisation.name.trim()), REDACTED.organisation] as [RegExp, string]] : []),
    ...(reporter.organisation?.kvkNumber?.trim() ? [[wholeWord(reporter.organisation.kvkNumber.trim()), REDACTED.organisation] as [RegExp, string]] : []),
    ...namePatterns(reporter.name).map((pattern): [RegExp, string] => [pattern, REDACTED.name]),
  ];
}
