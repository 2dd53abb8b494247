/** Synthetic phone numbers (Dutch and foreign) and the many ways people type them. */
import type { Rng } from '../random';

export type PhoneCountry = 'NL' | 'GB' | 'US' | 'BE' | 'DE' | 'FR' | 'IN' | 'CY' | 'NG';
export type PhoneKind = 'mobile' | 'fixed' | 'voip' | 'm2m' | 'tollfree';

export interface PhoneNumber {
  /** Canonical E.164, e.g. `+31612345678`. */
  readonly e164: string;
  readonly country: PhoneCountry;
  readonly kind: PhoneKind;
}

/**
 * Dutch mobile numbers of fraudsters and of reporters come from disjoint halves of the number
 * space (by the parity of their digit sum), so a reporter's own number can never coincide with
 * a campaign's number by chance. Invisible in the data; only the generator relies on it.
 */
export type PhoneParty = 'suspect' | 'reporter';

function digitSum(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i) - 48;
  return sum;
}

export function dutchMobile(rng: Rng, party: PhoneParty): PhoneNumber {
  let digits = rng.pick(['1', '1', '2', '3', '4', '5', '2', '3', '4', '5', '8']) + rng.digits(7);
  const wantOdd = party === 'reporter';
  if ((digitSum(digits) % 2 === 1) !== wantOdd) {
    const last = digits.charCodeAt(7) - 48;
    digits = digits.slice(0, 7) + String(last === 9 ? 8 : last + 1);
  }
  return { e164: `+316${digits}`, country: 'NL', kind: 'mobile' };
}

/** A Dutch landline; `areaCode` without the leading 0 (e.g. `20`, `573`). */
export function dutchLandline(rng: Rng, areaCode: string): PhoneNumber {
  const subscriber = String(rng.int(2, 9)) + rng.digits(8 - areaCode.length);
  return { e164: `+31${areaCode}${subscriber}`, country: 'NL', kind: 'fixed' };
}

/** Dutch 085 VoIP number, beloved by call centres of every kind. */
export function dutchVoip(rng: Rng): PhoneNumber {
  return { e164: `+3185${rng.int(1, 9)}${rng.digits(6)}`, country: 'NL', kind: 'voip' };
}

/** Dutch 097 machine-to-machine number, used by bulk SMS senders. */
export function dutchM2m(rng: Rng): PhoneNumber {
  return { e164: `+31970${rng.digits(8)}`, country: 'NL', kind: 'm2m' };
}

const NIGERIAN_PREFIXES = ['803', '806', '813', '816', '703', '706', '810', '903'];
const US_TOLL_FREE = ['800', '833', '844', '855', '866', '877', '888'];
const US_AREAS = ['213', '312', '404', '415', '646', '702', '718', '786', '917'];

export function foreignPhone(rng: Rng, country: Exclude<PhoneCountry, 'NL'>, kind: 'mobile' | 'fixed' | 'tollfree' = 'mobile'): PhoneNumber {
  switch (country) {
    case 'GB':
      return kind === 'fixed'
        ? { e164: `+4420${rng.pick(['3', '7', '8'])}${rng.digits(7)}`, country, kind }
        : { e164: `+447${rng.pick(['4', '5', '8'])}${rng.digits(8)}`, country, kind: 'mobile' };
    case 'US': {
      const area = kind === 'tollfree' ? rng.pick(US_TOLL_FREE) : rng.pick(US_AREAS);
      return { e164: `+1${area}${rng.int(2, 9)}${rng.digits(6)}`, country, kind: kind === 'tollfree' ? 'tollfree' : 'fixed' };
    }
    case 'BE':
      return { e164: `+324${rng.int(6, 9)}${rng.digits(7)}`, country, kind: 'mobile' };
    case 'DE':
      return { e164: `+491${rng.pick(['51', '52', '57', '59', '60', '70', '71', '72', '76'])}${rng.digits(8)}`, country, kind: 'mobile' };
    case 'FR':
      return { e164: `+33${rng.pick(['60', '61', '62', '64', '65', '66', '67', '68', '73', '75', '76', '78'])}${rng.digits(7)}`, country, kind: 'mobile' };
    case 'IN':
      return { e164: `+91${rng.int(7, 9)}${rng.digits(9)}`, country, kind: 'mobile' };
    case 'CY':
      return { e164: `+3579${rng.pick(['6', '7', '9'])}${rng.digits(6)}`, country, kind: 'mobile' };
    case 'NG':
      return { e164: `+234${rng.pick(NIGERIAN_PREFIXES)}${rng.digits(7)}`, country, kind: 'mobile' };
  }
}

function pairs(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 2) out += (i === 0 ? '' : ' ') + text.slice(i, i + 2);
  return out;
}

function formatDutchMobile(rng: Rng, nsn: string): string {
  // nsn = "6" + 8 digits
  const d = nsn.slice(1);
  const r = rng.float();
  if (r < 0.12) return `06${d}`;
  if (r < 0.3) return `06-${d}`;
  if (r < 0.42) return `06 ${pairs(d)}`;
  if (r < 0.52) return `06 ${d.slice(0, 4)} ${d.slice(4)}`;
  if (r < 0.6) return `+31 6 ${d}`;
  if (r < 0.68) return `+31 (0)6 ${d.slice(0, 4)} ${d.slice(4)}`;
  if (r < 0.78) return `+31${nsn}`;
  if (r < 0.84) return `0031${nsn}`;
  if (r < 0.88) return `0031 6 ${d}`;
  if (r < 0.92) return `+31 6 ${pairs(d)}`;
  if (r < 0.95) return `(06) ${d}`;
  if (r < 0.98) return `06 - ${d}`;
  return `+31 06 ${d}`;
}

function formatDutchOther(rng: Rng, nsn: string, kind: PhoneKind): string {
  // Split area code from subscriber number: 2-digit areas for the big cities, 085/097, else 3.
  const twoDigit = kind === 'voip' || kind === 'm2m' || /^(10|13|15|20|23|24|26|30|33|35|36|38|40|43|45|46|50|53|55|58|70|71|72|73|74|75|76|77|78|79)/.test(nsn);
  const area = nsn.slice(0, twoDigit ? 2 : 3);
  const sub = nsn.slice(area.length);
  const spaced = sub.length === 7 ? `${sub.slice(0, 3)} ${sub.slice(3)}` : sub.length === 6 ? pairs(sub) : `${sub.slice(0, 3)} ${sub.slice(3, 6)} ${sub.slice(6)}`;
  const r = rng.float();
  if (r < 0.25) return `0${area}-${sub}`;
  if (r < 0.5) return `0${area} ${spaced}`;
  if (r < 0.62) return `0${area}${sub}`;
  if (r < 0.75) return `+31 ${area} ${spaced}`;
  if (r < 0.85) return `+31${nsn}`;
  if (r < 0.92) return `0031${nsn}`;
  return `(0${area}) ${sub}`;
}

const COUNTRY_CODES: Record<Exclude<PhoneCountry, 'NL'>, string> = {
  GB: '44',
  US: '1',
  BE: '32',
  DE: '49',
  FR: '33',
  IN: '91',
  CY: '357',
  NG: '234',
};

function formatForeign(rng: Rng, phone: PhoneNumber): string {
  const cc = COUNTRY_CODES[phone.country as Exclude<PhoneCountry, 'NL'>];
  const nsn = phone.e164.slice(1 + cc.length);
  const r = rng.float();
  if (phone.country === 'US') {
    const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
    if (r < 0.35) return `+1 (${a}) ${b}-${c}`;
    if (r < 0.55) return `+1-${a}-${b}-${c}`;
    if (r < 0.75) return phone.e164;
    if (r < 0.9) return `+1 ${a} ${b} ${c}`;
    return `001 ${a} ${b} ${c}`;
  }
  const grouped = phone.country === 'GB' ? `${nsn.slice(0, 4)} ${nsn.slice(4)}` : `${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
  if (r < 0.35) return `+${cc} ${grouped}`;
  if (r < 0.65) return phone.e164;
  if (r < 0.8) return `00${cc}${nsn}`;
  if (r < 0.9) return `00${cc} ${grouped}`;
  if (phone.country === 'GB') return `+44 (0)${grouped}`;
  return `+${cc} ${pairs(nsn)}`;
}

/** The number as a victim types it: `06-12345678`, `+31 (0)6 1234 5678`, `0031612345678`, `+44 7912 345678`, … */
export function formatPhone(rng: Rng, phone: PhoneNumber): string {
  if (phone.country === 'NL') {
    const nsn = phone.e164.slice(3);
    return phone.kind === 'mobile' ? formatDutchMobile(rng, nsn) : formatDutchOther(rng, nsn, phone.kind);
  }
  return formatForeign(rng, phone);
}
