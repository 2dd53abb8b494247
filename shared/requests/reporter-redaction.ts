/**
 * Takes the reporter's own data out of text that leaves the police (evidence lines, summaries in a request):
 * the victim's name, e-mail address, phone number, street address, postal code and date of birth, however they
 * wrote them in their story. Errs on the side of removing too much (a surname that is also a word).
 */
import type { Reporter } from '../intake/schema';
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
} as const;

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

/** A function that replaces the reporter's own data in a text by placeholders; the identity for no reporter. */
export function createReporterRedactor(reporter: Reporter | undefined): (text: string) => string {
  if (!reporter) return (text) => text;
  const replacements: Array<[RegExp, string]> = [
    ...(reporter.email?.trim() ? [[wholeWord(reporter.email.trim()), REDACTED.email] as [RegExp, string]] : []),
    ...phonePatterns(reporter.phone).map((pattern): [RegExp, string] => [pattern, REDACTED.phone]),
    ...birthDatePatterns(reporter.birthDate).map((pattern): [RegExp, string] => [pattern, REDACTED.birthDate]),
    ...postalCodePattern(reporter.address?.postalCode).map((pattern): [RegExp, string] => [pattern, REDACTED.postalCode]),
    ...streetPattern(reporter.address?.street, reporter.address?.houseNumber).map((pattern): [RegExp, string] => [pattern, REDACTED.address]),
    ...(reporter.organisation?.name?.trim() ? [[wholeWord(reporter.organisation.name.trim()), REDACTED.organisation] as [RegExp, string]] : []),
    ...(reporter.organisation?.kvkNumber?.trim() ? [[wholeWord(reporter.organisation.kvkNumber.trim()), REDACTED.organisation] as [RegExp, string]] : []),
    ...namePatterns(reporter.name).map((pattern): [RegExp, string] => [pattern, REDACTED.name]),
  ];
  return (text) => {
    let result = text;
    for (const [pattern, placeholder] of replacements) result = result.replace(pattern, placeholder);
    return result;
  };
}
