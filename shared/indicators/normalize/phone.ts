/**
 * Phone numbers → E.164 (`+31612345678`), default region NL, with the ISO region and the kind of number.
 * Validation is libphonenumber's (`max` metadata: it knows which ranges are actually assigned, so junk such as
 * dates, amounts, KvK numbers or IBAN digits does not pass). Dutch numbers — by far the most common — take a
 * fast path with libphonenumber's own NL numbering plan, checked against libphonenumber in the tests.
 */
import { Metadata, parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';
import type { PhoneKind } from '../types';
import { cleanText } from '../clean-text';
import { memoize } from '../memo';
import { normalized, type Normalized } from './result';

export const DEFAULT_PHONE_REGION = 'NL';

const KIND_BY_TYPE: Record<NonNullable<NumberType>, PhoneKind> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  VOIP: 'voip',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  PERSONAL_NUMBER: 'personal_number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

// Digits, the separators people type, a leading + and the "(0)" of "+31 (0)6 …". Anything else (letters, ",")
// means the value is not just a phone number; extract-record then scans it as text instead.
const PHONE_SHAPE_RE = /^\+?[\d\s\-–./()]+$/;
// "06-03-2026", "6/3/26", "06.03.2026": dates are never phone numbers (09-06-2026 would be a valid 0906 number!).
const DATE_RE = /^\s*\d{1,2}\s*([-./])\s*\d{1,2}\s*\1\s*(?:\d{2}|\d{4})\s*$/;
const SCHEME_RE = /^\s*(?:tel|callto|sms):\s*/i;

/** Dialable form without separators: "+" + digits for international input, else the digits as typed. */
export function phoneKey(raw: string): string | null {
  let text = raw.replace(SCHEME_RE, '').trim();
  if (text.startsWith('(+')) text = `+${text.slice(2)}`; // "(+31) 20 …"
  if (!PHONE_SHAPE_RE.test(text) || DATE_RE.test(text)) return null;
  const international = text.startsWith('+') || text.startsWith('00');
  // "+31 (0)6 …", "0031 (0)20 …": the trunk 0 in brackets is not dialled after a country code.
  if (international) text = text.replace(/\(\s*0\s*\)/g, '');
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return null;
  return text.startsWith('+') ? `+${digits}` : digits;
}

/** The national significant number if `key` is a Dutch number written in any of the usual ways, else null. */
function dutchNationalNumber(key: string): string | null {
  if (key.startsWith('+31')) return key.slice(3);
  if (key.startsWith('0031')) return key.slice(4);
  if (key.startsWith('0') && !key.startsWith('00')) return key.slice(1);
  if (!key.startsWith('+') && !key.startsWith('0')) return key; // "612345678": trunk 0 forgotten
  return null;
}

function kindOf(type: NumberType, countryCallingCode: string, nationalNumber: string): PhoneKind {
  // 097 numbers are Dutch machine-to-machine numbers (SIMs in devices, also rented out for SMS spam);
  // libphonenumber files them under "mobile".
  if (countryCallingCode === '31' && nationalNumber.startsWith('97')) return 'machine_to_machine';
  return type ? KIND_BY_TYPE[type] : 'unknown';
}

/** The parts of libphonenumber-js's numbering plan read here (its type declarations leave them out). */
interface NumberingPlanWithTypes {
  nationalNumberPattern(): string;
  type(type: NonNullable<NumberType>): { pattern(): string; possibleLengths(): number[] } | undefined;
}

interface TypeRule {
  type: NonNullable<NumberType>;
  pattern: RegExp;
  lengths: readonly number[];
}

// The types in the order libphonenumber's getNumberType tries them after FIXED_LINE.
const NON_FIXED_LINE_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

/**
 * The type of a Dutch national significant number as libphonenumber's getNumberType finds it, with the NL plan's
 * patterns compiled once: libphonenumber parses with exceptions and compiles every pattern anew on each call
 * (~10 µs a number, a tenth of all extraction). undefined when no type matches; the caller then asks the library.
 */
const dutchNumberType = ((): ((nsn: string) => NonNullable<NumberType> | undefined) => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(DEFAULT_PHONE_REGION);
  const plan = metadata.numberingPlan as unknown as NumberingPlanWithTypes;
  const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
  const rule = (type: NonNullable<NumberType>): TypeRule | undefined => {
    const definition = plan.type(type);
    const pattern = definition?.pattern();
    return pattern ? { type, pattern: whole(pattern), lengths: definition!.possibleLengths() } : undefined;
  };
  const general = whole(plan.nationalNumberPattern());
  const fixedLine = rule('FIXED_LINE');
  const mobile = rule('MOBILE');
  const others = NON_FIXED_LINE_TYPES.map(rule).filter((found) => found !== undefined);
  const matches = (nsn: string, found: TypeRule | undefined): boolean =>
    found !== undefined && found.lengths.includes(nsn.length) && found.pattern.test(nsn);
  return (nsn) => {
    if (!general.test(nsn)) return undefined;
    if (matches(nsn, fixedLine)) return !mobile || matches(nsn, mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
    return others.find((found) => matches(nsn, found))?.type;
  };
})();

/** A Dutch number written in one of the usual ways, through the fast path; null when it needs the library. */
export function dutchFastPath(key: string): Normalized | null {
  const nsn = dutchNationalNumber(key);
  const type = nsn === null ? undefined : dutchNumberType(nsn);
  return type === undefined ? null : normalized(`+31${nsn}`, { country: DEFAULT_PHONE_REGION, phoneKind: kindOf(type, '31', nsn!) });
}

/** libphonenumber's reading of a dialable key: the E.164 number, its region and kind; null when not valid. */
export function normalizeWithLibrary(key: string): Normalized | null {
  const parsed = parsePhoneNumberFromString(key, DEFAULT_PHONE_REGION);
  if (!parsed) return null;
  // A number with a type is valid (its national pattern matched), so a valid number is typed once, not twice
  // (isValid types it too, where the metadata has types); only one without a type still asks isValid.
  const type = parsed.getType();
  if (type === undefined && !parsed.isValid()) return null;
  const phoneKind = kindOf(type, parsed.countryCallingCode, parsed.nationalNumber);
  return normalized(parsed.number, parsed.country ? { country: parsed.country, phoneKind } : { phoneKind });
}

const normalizeKey = memoize((key: string): Normalized | null => dutchFastPath(key) ?? normalizeWithLibrary(key));

/** `06-12345678`, `+31 (0)6 1234 5678`, `0031 6 12345678` … → `+31612345678`; null when not a valid number. */
export function normalizePhone(raw: string): Normalized | null {
  const key = phoneKey(cleanText(raw));
  return key === null ? null : normalizeKey(key);
}
