import { describe, expect, it } from 'vitest';
import bankCodes from '../../../shared/indicators/data/nl-bank-codes.json';
import { dutchBankName, normalizeIban } from '../../../shared/indicators/normalize/iban';

describe('normalizeIban', () => {
  it.each([
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ['nl91 abna 0417 1643 00', 'NL91ABNA0417164300'],
    ['NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300'],
    ['NL91-ABNA-0417-1643-00', 'NL91ABNA0417164300'],
    ['NL91.ABNA.0417.1643.00', 'NL91ABNA0417164300'],
    ['IBAN: NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300'],
    ['iban nl91abna0417164300', 'NL91ABNA0417164300'],
    ['  NL48 INGB 8301 6613 18  ', 'NL48INGB8301661318'],
    ['nl48ingb8301661318', 'NL48INGB8301661318'],
    ['NL91\u00a0ABNA\u00a00417\u00a01643\u00a000', 'NL91ABNA0417164300'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['BE68 5390 0754 7034', 'BE68539007547034'],
    ['GB29 NWBK 6016 1331 9268 19', 'GB29NWBK60161331926819'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
    ['LT12 1000 0111 0100 1000', 'LT121000011101001000'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeIban(raw)?.value).toBe(expected);
  });

  it.each([
    ['NL91ABNA0417164301'], // checksum
    ['NL92ABNA0417164300'], // check digits
    ['NL48INGB8301661319'],
    ['NL91ABNA041716430'], // too short
    ['NL91ABNA04171643000'], // too long
    ['NL91AB1A0417164300'], // bank code must be letters
    ['XX91ABNA0417164300'], // no such country
    ['NL91 ABNA 0417 1643 00 extra'],
    ['NL91ABNA0417164300!'],
    ['0417164300'], // old Dutch account number
    ['1234567890'],
    [''],
    ['ABNA'],
  ])('rejects %j', (raw) => {
    expect(normalizeIban(raw)).toBeNull();
  });

  it.each([
    ['NL91ABNA0417164300', 'ABNA', 'ABN AMRO'],
    ['NL48INGB8301661318', 'INGB', 'ING'],
    ['NL39RABO0300065264', 'RABO', 'Rabobank'],
    ['NL09KNAB0255555555', 'KNAB', 'Knab'],
    ['NL51BUNQ2045678901', 'BUNQ', 'bunq'],
    ['NL12TRIO0198765432', 'TRIO', 'Triodos Bank'],
    ['NL38REVO1234567890', 'REVO', 'Revolut'],
    ['NL66ASNB0707070707', 'ASNB', 'ASN Bank'],
  ])('enriches %s with bank %s (%s)', (iban, bankCode, bankName) => {
    expect(normalizeIban(iban)?.enrichment).toEqual({ country: 'NL', bankCode, bankName });
  });

  it('keeps the bank code of an unknown Dutch bank, without a name', () => {
    expect(normalizeIban('NL51ZZZZ0123456789')?.enrichment).toEqual({ country: 'NL', bankCode: 'ZZZZ' });
  });

  it('gives foreign IBANs only their country', () => {
    expect(normalizeIban('DE89370400440532013000')?.enrichment).toEqual({ country: 'DE' });
    expect(normalizeIban('LT121000011101001000')?.enrichment).toEqual({ country: 'LT' });
  });
});

describe('nl-bank-codes.json', () => {
  it('has unique four-letter codes whose Dutch BIC starts with the code', () => {
    const codes = bankCodes.banks.map((bank) => bank.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const bank of bankCodes.banks) {
      expect(bank.code).toMatch(/^[A-Z]{4}$/);
      expect(bank.name.trim()).not.toBe('');
      expect(bank.bic).toMatch(/^[A-Z]{4}NL[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/);
    }
  });

  it('knows the big Dutch banks', () => {
    for (const code of ['ABNA', 'INGB', 'RABO', 'SNSB', 'ASNB', 'RBRB', 'TRIO', 'KNAB', 'BUNQ', 'FVLB', 'REVO']) {
      expect(dutchBankName(code), code).toBeDefined();
    }
  });
});
