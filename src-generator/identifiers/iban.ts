/** Valid (mod-97) IBANs of Dutch and a few foreign banks, deliberate typos, and the ways people type them. */
import { weightedTable, type Rng } from '../random';

export const DUTCH_BANK_NAMES = {
  ABNA: 'ABN AMRO',
  INGB: 'ING',
  RABO: 'Rabobank',
  SNSB: 'SNS',
  BUNQ: 'bunq',
  KNAB: 'Knab',
  TRIO: 'Triodos Bank',
  ASNB: 'ASN Bank',
  RBRB: 'RegioBank',
} as const;
export type DutchBankCode = keyof typeof DUTCH_BANK_NAMES;

export interface Iban {
  /** Electronic format, upper case, valid checksum: `NL91ABNA0417164300`. */
  readonly electronic: string;
  readonly country: string;
}

/** Where ordinary people bank (market shares, roughly). */
const CONSUMER_BANKS = weightedTable<DutchBankCode>([
  ['INGB', 35],
  ['RABO', 25],
  ['ABNA', 20],
  ['SNSB', 6],
  ['ASNB', 3],
  ['RBRB', 3],
  ['BUNQ', 4],
  ['KNAB', 2],
  ['TRIO', 2],
]);

/** Money-mule accounts skew to banks where an account is opened quickly in an app. */
const MULE_BANKS = weightedTable<DutchBankCode | 'DE' | 'BE' | 'LT'>([
  ['INGB', 22],
  ['ABNA', 13],
  ['RABO', 13],
  ['BUNQ', 18],
  ['KNAB', 7],
  ['SNSB', 8],
  ['ASNB', 2],
  ['RBRB', 3],
  ['TRIO', 1],
  ['LT', 7],
  ['DE', 4],
  ['BE', 4],
]);

/** German bank codes (BLZ) of direct banks popular for mule accounts. */
const GERMAN_BLZ = ['10011001', '50010517', '12030000', '10010010', '20041133', '76026000'];
/** Belgian bank codes: bpost, Belfius, ING Belgium, KBC, Wise Europe. */
const BELGIAN_BANKS = ['000', '063', '363', '735', '967'];
/** Lithuanian e-money institutions (Revolut, Paysera, …). */
const LITHUANIAN_BANKS = ['32500', '35000', '37400', '38200'];

/** A 10-digit Dutch account number that passes the old "elfproef" (weights 10..1, sum divisible by 11). */
function elfproefAccount(rng: Rng): string {
  for (;;) {
    const head = (rng.chance(0.75) ? '0' : String(rng.int(1, 9))) + rng.digits(8);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += (head.charCodeAt(i) - 48) * (10 - i);
    const last = (11 - (sum % 11)) % 11;
    if (last < 10) return head + String(last);
  }
}

/** ISO 13616 mod-97 of an alphanumeric string (letters count as 10..35), computed digit by digit. */
function mod97(text: string): number {
  let remainder = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    remainder = code <= 57 ? (remainder * 10 + (code - 48)) % 97 : (remainder * 100 + (code - 55)) % 97;
  }
  return remainder;
}

/**
 * Country code + check digits + BBAN. Same result as ibantools' `composeIBAN` (the tests check
 * every generated IBAN with ibantools' `isValidIBAN`), without its per-call overhead.
 */
function compose(countryCode: string, bban: string): Iban {
  const check = 98 - mod97(`${bban}${countryCode}00`);
  return { electronic: `${countryCode}${check < 10 ? '0' : ''}${check}${bban}`, country: countryCode };
}

export function dutchIban(rng: Rng, bank: DutchBankCode): Iban {
  // ING accounts that were once Postbank accounts are short numbers padded with zeros.
  const account = bank === 'INGB' && rng.chance(0.5) ? `000${rng.int(1, 9)}${rng.digits(6)}` : elfproefAccount(rng);
  return compose('NL', bank + account);
}

export function foreignIban(rng: Rng, country: 'DE' | 'BE' | 'LT'): Iban {
  if (country === 'DE') return compose('DE', rng.pick(GERMAN_BLZ) + rng.digits(10));
  if (country === 'LT') return compose('LT', rng.pick(LITHUANIAN_BANKS) + rng.digits(11));
  // Belgian BBAN: 10 digits and a mod-97 check pair (97 when the remainder is 0).
  const head = rng.pick(BELGIAN_BANKS) + rng.digits(7);
  const remainder = Number(head) % 97;
  return compose('BE', head + String(remainder === 0 ? 97 : remainder).padStart(2, '0'));
}

/** The account of an ordinary Dutch person (the victim's own account). */
export function consumerIban(rng: Rng): Iban {
  return dutchIban(rng, rng.weighted(CONSUMER_BANKS));
}

/** A money-mule account: mostly Dutch, some German, Belgian or Lithuanian. */
export function muleIban(rng: Rng): Iban {
  const choice = rng.weighted(MULE_BANKS);
  return choice === 'DE' || choice === 'BE' || choice === 'LT' ? foreignIban(rng, choice) : dutchIban(rng, choice);
}

/**
 * The same IBAN with one typing mistake (a digit changed, or two neighbouring digits swapped),
 * so its checksum fails: a linker must not accept it as that account.
 */
export function mistypeIban(rng: Rng, iban: Iban): string {
  const text = iban.electronic;
  // Only digits of the account number are touched (positions 8.. of a Dutch IBAN, all BBAN digits abroad).
  const from = text.startsWith('NL') ? 8 : 4;
  for (;;) {
    const position = rng.int(from, text.length - 2);
    const here = text.charAt(position);
    const next = text.charAt(position + 1);
    const typo =
      rng.chance(0.5) && here !== next
        ? text.slice(0, position) + next + here + text.slice(position + 2)
        : text.slice(0, position) + String((Number(here) + rng.int(1, 9)) % 10) + text.slice(position + 1);
    // Valid IBANs have mod-97 = 1 over BBAN + country + check digits; single typos are always caught.
    if (mod97(typo.slice(4) + typo.slice(0, 4)) !== 1) return typo;
  }
}

function groups(text: string, size: number, separator: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += size) out += (i === 0 ? '' : separator) + text.slice(i, i + size);
  return out;
}

/**
 * An IBAN (or a mistyped one) as a person types it: `NL91ABNA0417164300`, `NL91 ABNA 0417 1643 00`,
 * `nl91 abna 0417 1643 00`, `nl91abna0417164300`, `NL91-ABNA-0417-1643-00`, …
 */
export function formatIban(rng: Rng, electronic: string): string {
  const r = rng.float();
  if (r < 0.36) return electronic;
  if (r < 0.66) return groups(electronic, 4, ' ');
  if (r < 0.74) return groups(electronic.toLowerCase(), 4, ' ');
  if (r < 0.82) return electronic.toLowerCase();
  if (r < 0.87) return `${electronic.slice(0, 8)} ${electronic.slice(8)}`;
  if (r < 0.91) return `${electronic.slice(0, 2)} ${electronic.slice(2, 4)} ${groups(electronic.slice(4), 4, ' ')}`;
  if (r < 0.94) return groups(electronic, 4, '-');
  if (r < 0.97) return `${electronic.slice(0, 4)} ${electronic.slice(4, 8)} ${electronic.slice(8)}`;
  // Mixed case: typed on a phone with auto-capitalisation.
  return electronic.charAt(0) + electronic.slice(1, 4).toLowerCase() + electronic.slice(4);
}
