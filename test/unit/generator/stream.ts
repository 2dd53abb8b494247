/** Shared, cached generator output for the generate tests, and raw-level normalisers. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { generateReports, type ReportGeneratorOptions } from '../../../src-generator';
import type { SuspectField } from '../../../src-generator/suspect';

const cache = new Map<string, IntakeRecord[]>();

/** The first `count` records for these options (generated once per test file). */
export function stream(count: number, options: ReportGeneratorOptions): IntakeRecord[] {
  const key = `${count}:${JSON.stringify(options)}`;
  let records = cache.get(key);
  if (!records) {
    records = [...generateReports(count, options)];
    cache.set(key, records);
  }
  return records;
}

export const filed = (records: IntakeRecord[]) => records.filter((record) => record.status === 'filed' && record.revision === 1);

/** `nl91 abna 0417 1643 00` → `NL91ABNA0417164300` (what a linker would compare). */
export function compactIban(text: string): string {
  return text.replace(/[\s.-]/g, '').toUpperCase();
}

/** E.164 of a typed phone number (default region NL), or undefined for junk. */
export function e164(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, 'NL');
  return parsed?.isValid() ? parsed.number : undefined;
}

/** Undoes the usual defanging of e-mail addresses: `info[at]example[dot]com` → `info@example.com`. */
export function plainEmail(text: string): string {
  return text
    .replace(/^mailto:|[<>]/g, '')
    .replace(/\s*(\[at\]|\(at\))\s*/gi, '@')
    .replace(/\s*@\s*/, '@')
    .replace(/\[dot\]|\[\.\]/gi, '.')
    .toLowerCase()
    .trim();
}

/** Host of a typed or defanged URL, lower case, without `www.` ('' for junk such as "weet ik niet"). */
export function hostOf(text: string): string {
  const plain = text
    .replace(/^hxxp/i, 'http')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)/g, '.')
    .trim();
  const withScheme = /^[a-z]+:\/\//i.test(plain) ? plain : `https://${plain}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function suspectList(record: IntakeRecord, field: SuspectField): string[] {
  return record.suspect?.[field] ?? [];
}

/** How many distinct reports each key occurs in. */
export function reportsPerKey(records: IntakeRecord[], keysOf: (record: IntakeRecord) => Iterable<string>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const record of records) {
    for (const key of keysOf(record)) {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(record.reportId);
    }
  }
  return map;
}
