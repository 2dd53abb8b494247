import bs58check from 'bs58check';
import { bech32 } from 'bech32';
import { isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { btcBech32, btcP2pkh, ethAddress, formatWallet, trxAddress } from '../../../src-generator/identifiers/crypto';
import { consumerIban, foreignIban, formatIban, mistypeIban, muleIban } from '../../../src-generator/identifiers/iban';
import { dutchLandline, dutchM2m, dutchMobile, dutchVoip, foreignPhone, formatPhone, type PhoneNumber } from '../../../src-generator/identifiers/phone';
import { BRANDS, formatEmail, formatUrl, phishingDomain, phishingUrls } from '../../../src-generator/identifiers/web';
import { Rng } from '../../../src-generator/random';
import { localStamp, utcStamp } from '../../../src-generator/time';
import { compactIban, hostOf, plainEmail } from './stream';

describe('Rng', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const c = new Rng('y');
    const seqA = Array.from({ length: 50 }, () => a.uint32());
    expect(Array.from({ length: 50 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.uint32())).not.toEqual(seqA);
    for (let i = 0; i < 2000; i++) {
      const value = a.int(3, 7);
      expect(value >= 3 && value <= 7 && Number.isInteger(value)).toBe(true);
    }
    expect(a.digits(23)).toMatch(/^\d{23}$/);
    expect(a.hex(64)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws power-law sizes: mostly the minimum, rarely large, never beyond the maximum', () => {
    const rng = new Rng(7);
    const sizes = Array.from({ length: 20_000 }, () => rng.powerLaw(3, 60, 1.2));
    expect(Math.min(...sizes)).toBe(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(60);
    expect(sizes.filter((size) => size <= 4).length / sizes.length).toBeGreaterThan(0.4);
    expect(sizes.filter((size) => size >= 30).length / sizes.length).toBeLessThan(0.05);
    expect(sizes.filter((size) => size >= 30).length).toBeGreaterThan(0);
  });
});

describe('IBANs', () => {
  const rng = new Rng('iban');
  it('are valid (mod-97) for Dutch banks and DE/BE/LT, and every typed spelling compacts back', () => {
    const ibans = [
      ...Array.from({ length: 600 }, () => muleIban(rng)),
      ...Array.from({ length: 300 }, () => consumerIban(rng)),
      ...(['DE', 'BE', 'LT'] as const).flatMap((country) => Array.from({ length: 50 }, () => foreignIban(rng, country))),
    ];
    for (const iban of ibans) {
      expect(isValidIBAN(iban.electronic), iban.electronic).toBe(true);
      for (let i = 0; i < 5; i++) expect(compactIban(formatIban(rng, iban.electronic))).toBe(iban.electronic);
    }
  });

  it('mistyped ones fail the checksum and differ in one digit or one swap', () => {
    for (let i = 0; i < 500; i++) {
      const iban = muleIban(rng);
      const typo = mistypeIban(rng, iban);
      expect(isValidIBAN(typo)).toBe(false);
      expect(typo.length).toBe(iban.electronic.length);
      const differing = [...typo].filter((ch, index) => ch !== iban.electronic[index]).length;
      expect(differing === 1 || differing === 2).toBe(true);
    }
  });
});

describe('phone numbers', () => {
  const rng = new Rng('phones');
  const makers: Array<[string, () => PhoneNumber]> = [
    ['NL mobile (suspect)', () => dutchMobile(rng, 'suspect')],
    ['NL mobile (reporter)', () => dutchMobile(rng, 'reporter')],
    ['NL landline', () => dutchLandline(rng, rng.pick(['20', '10', '573', '118', '50']))],
    ['NL VoIP 085', () => dutchVoip(rng)],
    ['NL M2M 097', () => dutchM2m(rng)],
    ['GB', () => foreignPhone(rng, 'GB', rng.chance(0.5) ? 'fixed' : 'mobile')],
    ['US toll-free', () => foreignPhone(rng, 'US', 'tollfree')],
    ...(['BE', 'DE', 'FR', 'IN', 'CY', 'NG'] as const).map((country): [string, () => PhoneNumber] => [country, () => foreignPhone(rng, country)]),
  ];
  it.each(makers)('%s: valid E.164, and every typed spelling parses back to it', (_name, make) => {
    for (let i = 0; i < 150; i++) {
      const phone = make();
      expect(parsePhoneNumberFromString(phone.e164)?.isValid(), phone.e164).toBe(true);
      for (let j = 0; j < 4; j++) {
        const typed = formatPhone(rng, phone);
        expect(parsePhoneNumberFromString(typed, 'NL')?.number, typed).toBe(phone.e164);
      }
    }
  });

  it("keeps reporters' and suspects' Dutch mobiles apart", () => {
    const parity = (phone: PhoneNumber) => [...phone.e164.slice(4)].reduce((sum, digit) => sum + Number(digit), 0) % 2;
    for (let i = 0; i < 500; i++) {
      expect(parity(dutchMobile(rng, 'suspect'))).toBe(0);
      expect(parity(dutchMobile(rng, 'reporter'))).toBe(1);
    }
  });
});

describe('crypto addresses', () => {
  const rng = new Rng('crypto');
  it('BTC P2PKH and TRX are base58check with versions 0x00 and 0x41; bech32 is a v0 20-byte program', () => {
    for (let i = 0; i < 200; i++) {
      const legacy = bs58check.decode(btcP2pkh(rng).address);
      expect([legacy.length, legacy[0]]).toEqual([21, 0x00]);
      const tron = trxAddress(rng).address;
      expect(tron.startsWith('T')).toBe(true);
      const decodedTron = bs58check.decode(tron);
      expect([decodedTron.length, decodedTron[0]]).toEqual([21, 0x41]);
      const segwit = bech32.decode(btcBech32(rng).address);
      expect(segwit.prefix).toBe('bc');
      expect(segwit.words[0]).toBe(0);
      expect(bech32.fromWords(segwit.words.slice(1))).toHaveLength(20);
      const eth = ethAddress(rng);
      expect(eth.address).toMatch(/^0x[0-9a-f]{40}$/);
      expect(formatWallet(rng, eth).toLowerCase()).toBe(eth.address);
    }
  });
});

describe('URLs and e-mail addresses', () => {
  const rng = new Rng('web');
  it('phishing families share one registrable domain; every typed or defanged URL keeps its host', () => {
    for (const brand of BRANDS) {
      const domain = phishingDomain(rng, brand);
      const urls = phishingUrls(rng, brand, domain, 6);
      expect(urls.length).toBeGreaterThan(1);
      for (const url of urls) {
        expect(url.host === domain || url.host.endsWith(`.${domain}`)).toBe(true);
        for (let i = 0; i < 6; i++) expect(hostOf(formatUrl(rng, url)).replace(/^www\./, '')).toBe(url.host.replace(/^www\./, ''));
      }
    }
  });

  it('obfuscated e-mail addresses can be read back', () => {
    for (let i = 0; i < 300; i++) expect(plainEmail(formatEmail(rng, 'recovery.team@protonmail.com'))).toBe('recovery.team@protonmail.com');
  });
});

describe('timestamps', () => {
  it('UTC stamps match toISOString, local stamps carry the Amsterdam offset', () => {
    const rng = new Rng('time');
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(2020, 0, 1) + Math.floor(rng.float() * 12 * 365 * 86_400_000);
      expect(utcStamp(ms)).toBe(`${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`);
      expect(Date.parse(localStamp(ms))).toBe(Math.floor(ms / 1000) * 1000);
    }
    expect(localStamp(Date.UTC(2026, 0, 15, 12))).toBe('2026-01-15T13:00:00+01:00');
    expect(localStamp(Date.UTC(2026, 6, 15, 12))).toBe('2026-07-15T14:00:00+02:00');
  });
});
