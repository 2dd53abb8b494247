/**
 * IBANs → electronic format, upper case, valid only (country, length, BBAN format and mod-97 via ibantools).
 * Dutch IBANs also get the bank (the 4-letter bank code is positions 5–8), from data/nl-bank-codes.json.
 */
import { isValidIBAN } from 'ibantools';
import nlBankCodes from '../data/nl-bank-codes.json';
import type { IndicatorEnrichment } from '../types';
import { cleanText } from '../clean-text';
import { memoize } from '../memo';
import { normalized, type Normalized } from './result';

interface BankCodeEntry {
  code: string;
  name: string;
}

const NL_BANK_NAMES = new Map<string, string>((nlBankCodes.banks as BankCodeEntry[]).map((bank) => [bank.code, bank.name]));

// "IBAN: NL91 ABNA 0417 1643 00", "nl91-abna-…": only letters, digits and the usual group separators.
const PREFIX_RE = /^\s*iban\s*[:.]?\s*/i;
const IBAN_SHAPE_RE = /^[A-Za-z]{2}\d{2}[A-Za-z0-9 \u00a0.-]+$/;
const SEPARATORS_RE = /[\s.-]/g;

/** The Dutch bank behind a bank code (`INGB` → `ING`), or undefined. */
export function dutchBankName(bankCode: string): string | undefined {
  return NL_BANK_NAMES.get(bankCode);
}

/** Enrichment for an already canonical IBAN. */
export function ibanEnrichment(iban: string): IndicatorEnrichment {
  const country = iban.slice(0, 2);
  if (country !== 'NL') return { country };
  const bankCode = iban.slice(4, 8);
  const bankName = dutchBankName(bankCode);
  return bankName ? { country, bankCode, bankName } : { country, bankCode };
}

/** Checks a compact upper-case candidate; the entry point for text extraction, which has already compacted it. */
export const validateCompactIban = memoize((compact: string): Normalized | null =>
  isValidIBAN(compact) ? normalized(compact, ibanEnrichment(compact)) : null,
);

/** `nl91 abna 0417 1643 00` → `NL91ABNA0417164300`; null unless the checksum is valid. */
export function normalizeIban(raw: string): Normalized | null {
  const text = cleanText(raw).replace(PREFIX_RE, '').trim();
  if (!IBAN_SHAPE_RE.test(text)) return null;
  return validateCompactIban(text.replace(SEPARATORS_RE, '').toUpperCase());
}
