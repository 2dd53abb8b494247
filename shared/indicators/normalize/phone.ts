/**
 * Phone numbers → E.164 (`+31612345678`), default region NL, with the ISO region and the kind of number.
 * Validation is libphonenumber's (`max` metadata: it knows which ranges are actually assigned, so junk such as
 * dates, amounts, KvK numbers or IBAN digits does not pass). Dutch mobiles — by far the most common — take a
 * fast path that is checked against libphonenumber in the tests.
 */
import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';
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
// Dutch mobile numbers: national significant number 6[1-58] + 7 digits (libphonenumber NL metadata, "mobile").
const NL_MOBILE_RE = /^6[1-58]\d{7}$/;

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

const normalizeKey = memoize((key: string): Normalized | null => {
  const nsn = dutchNationalNumber(key);
  if (nsn !== null && NL_MOBILE_RE.test(nsn)) {
    return normalized(`+31${nsn}`, { country: 'NL', phoneKind: 'mobile' });
  }
  const parsed = parsePhoneNumberFromString(key, DEFAULT_PHONE_REGION);
  if (!parsed) return null;
  // A number with a type is valid (its national pattern matched), so a valid number is typed once, not twice
  // (isValid types it too, where the metadata has types); only one without a type still asks isValid.
  const type = parsed.getType();
  if (type === undefined && !parsed.isValid()) return null;
  const phoneKind = kindOf(type, parsed.countryCallingCode, parsed.nationalNumber);
  return normalized(parsed.number, parsed.country ? { country: parsed.country, phoneKind } : { phoneKind });
});

/** `06-12345678`, `+31 (0)6 1234 5678`, `0031 6 12345678` … → `+31612345678`; null when not a valid number. */
export function normalizePhone(raw: string): Normalized | null {
  const key = phoneKey(cleanText(raw));
  return key === null ? null : normalizeKey(key);
}
