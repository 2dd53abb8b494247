/** Property tests: canonical values are fixed points, formatting never changes the value, checksums catch typos. */
import fc from 'fast-check';
import { composeIBAN, friendlyFormatIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { INDICATOR_TYPES } from '../../../shared/indicators/types';
import { refang, refangWithMap } from '../../../shared/indicators/defang';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';
import { normalizeIndicator } from '../../../shared/indicators/normalize';
import { normalizeCrypto } from '../../../shared/indicators/normalize/crypto-address';
import { normalizeDomain } from '../../../shared/indicators/normalize/domain';
import { normalizeEmail } from '../../../shared/indicators/normalize/email';
import { normalizeIban } from '../../../shared/indicators/normalize/iban';
import { dutchFastPath, normalizePhone, normalizeWithLibrary } from '../../../shared/indicators/normalize/phone';
import { normalizeUrl, parseUrl } from '../../../shared/indicators/normalize/web-url';

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** A Dutch national significant number of a common kind. */
const dutchNumber = fc.oneof(
  digits(8).map((rest) => `6${rest}`), // mobile (and pager/unassigned 06-6…, 06-7…, 06-9…)
  fc.tuple(fc.constantFrom('20', '10', '30', '70', '40', '50', '13', '15', '23', '26', '43', '58', '85', '88'), digits(7)).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('573', '165', '180', '252', '318', '344', '478', '599'), digits(6)).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('800', '900', '906', '909'), digits(4)).map(([a, b]) => a + b),
);

/** Ways people write a Dutch number, given its national significant number. */
function writings(nsn: string): string[] {
  const grouped = nsn.replace(/(\d{2})(?=\d)/g, '$1 ');
  return [
    `0${nsn}`,
    `0${nsn.slice(0, 1)}-${nsn.slice(1)}`,
    `0${grouped}`,
    `+31${nsn}`,
    `+31 ${grouped}`,
    `+31 (0)${nsn}`,
    `0031${nsn}`,
    `0031 ${grouped}`,
    `(0${nsn.slice(0, 2)}) ${nsn.slice(2)}`,
  ];
}

describe('phone properties', () => {
  it('every writing of a number gives the same value, and that value is a fixed point', () => {
    fc.assert(
      fc.property(dutchNumber, (nsn) => {
        const results = writings(nsn).map((raw) => normalizePhone(raw)?.value ?? null);
        expect(new Set(results).size).toBe(1);
        const value = results[0];
        if (value) expect(normalizePhone(value)?.value).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with libphonenumber, including the fast path for Dutch mobiles', () => {
    fc.assert(
      fc.property(dutchNumber, (nsn) => {
        const reference = parsePhoneNumberFromString(`+31${nsn}`);
        const expected = reference?.isValid() ? reference.number : undefined;
        expect(normalizePhone(`0${nsn}`)?.value).toBe(expected);
        if (expected && reference!.getType() === 'MOBILE' && !nsn.startsWith('97')) {
          expect(normalizePhone(`0${nsn}`)?.enrichment?.phoneKind).toBe('mobile');
        }
      }),
      { numRuns: 500 },
    );
  });

  // Any national significant number, valid or not, of the lengths dialable keys have.
  const anyNsn = fc.tuple(fc.constantFrom(...'0123456789'), fc.integer({ min: 3, max: 12 })).chain(([first, rest]) => digits(rest).map((tail) => first + tail));
  const validNsn = fc.oneof(
    dutchNumber,
    digits(7).map((rest) => `66${rest}`), // pager
    digits(7).map((rest) => `91${rest}`), // voip
    digits(7).map((rest) => `970${rest}1`), // machine-to-machine, 11 digits
    fc.tuple(fc.constantFrom('84', '87', '88'), digits(7)).map(([a, b]) => a + b), // uan
    fc.tuple(fc.constantFrom('1401', '1402', '1403', '14071', '1408'), digits(1)).map(([a, b]) => a + b), // 140xx uan
  );
  /** Every dialable key of `nsn`, the Dutch forms the fast path reads and the near misses it must leave alone. */
  const keysOf = (nsn: string): string[] => [`0${nsn}`, `+31${nsn}`, `0031${nsn}`, nsn, `+310${nsn}`, `00310${nsn}`, `31${nsn}`, `00${nsn}`, `+${nsn}`, `0${nsn}0`, `0${nsn.slice(1)}`];

  it('the Dutch fast path answers exactly as libphonenumber for every key it takes', () => {
    fc.assert(
      fc.property(fc.oneof(anyNsn, validNsn), (nsn) => {
        for (const key of keysOf(nsn)) {
          const fast = dutchFastPath(key);
          if (fast) expect(fast, key).toEqual(normalizeWithLibrary(key));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('the Dutch fast path takes every valid Dutch number written nationally or with +31 / 0031', () => {
    fc.assert(
      fc.property(validNsn, (nsn) => {
        for (const key of [`0${nsn}`, `+31${nsn}`, `0031${nsn}`]) {
          const expected = normalizeWithLibrary(key);
          expect(dutchFastPath(key), key).toEqual(expected?.enrichment?.country === 'NL' ? expected : null);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        normalizePhone(raw);
      }),
    );
  });
});

describe('iban properties', () => {
  const bankCode = fc.constantFrom('ABNA', 'INGB', 'RABO', 'SNSB', 'ASNB', 'RBRB', 'TRIO', 'KNAB', 'BUNQ', 'REVO');
  const validIban = fc.tuple(bankCode, digits(10)).map(([bank, account]) => composeIBAN({ countryCode: 'NL', bban: bank + account })!);

  it('friendly, spaced and lower-case forms give the electronic form, which is a fixed point', () => {
    fc.assert(
      fc.property(validIban, fc.constantFrom(' ', '-', '', '\u00a0'), fc.boolean(), (iban, separator, lower) => {
        let written = friendlyFormatIBAN(iban, separator)!;
        if (lower) written = written.toLowerCase();
        expect(normalizeIban(written)?.value).toBe(iban);
        expect(normalizeIban(iban)?.value).toBe(iban);
      }),
    );
  });

  it('any single changed character after the country code is caught', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    fc.assert(
      fc.property(validIban, fc.nat(), fc.nat(), (iban, position, shift) => {
        const index = 2 + (position % (iban.length - 2));
        const original = iban[index]!;
        const replacement = alphabet[(alphabet.indexOf(original) + 1 + (shift % 35)) % 36]!;
        const typo = iban.slice(0, index) + replacement + iban.slice(index + 1);
        expect(normalizeIban(typo)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('email, domain and URL properties', () => {
  // Labels with `--` in positions 3–4 are reserved (`xn--` is punycode); a made-up one is not a valid host name.
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/).filter((text) => text.slice(2, 4) !== '--');
  const tld = fc.constantFrom('nl', 'com', 'be', 'de', 'co.uk', 'org', 'eu', 'shop', 'online', 'onion');
  // A host that is itself a public suffix (the PSL's private section has `za.org`, `co.nl`…) names no website.
  const domain = fc
    .tuple(fc.array(label, { maxLength: 2 }), label, tld)
    .map(([subs, name, suffix]) => [...subs, name, suffix].join('.'))
    .filter((host) => getDomain(host, { allowPrivateDomains: true }) !== null);
  const local = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,10}[a-z0-9])?$/).filter((text) => !text.includes('..'));

  it('e-mail: obfuscated and upper-case writings give the same fixed point', () => {
    fc.assert(
      fc.property(local, domain, (user, host) => {
        const value = normalizeEmail(`${user}@${host}`)?.value;
        expect(value).toBe(`${user}@${host}`);
        expect(normalizeEmail(`${user.toUpperCase()}[at]${host.replaceAll('.', '[dot]')}`)?.value).toBe(value);
        expect(normalizeEmail(`${user} (at) ${host.replaceAll('.', ' (dot) ')}`)?.value).toBe(value);
        expect(normalizeEmail(value!)?.value).toBe(value);
      }),
    );
  });

  it('domain: the value is a fixed point and the same for every URL on the host', () => {
    fc.assert(
      fc.property(domain, label, (host, path) => {
        const value = normalizeDomain(host)?.value;
        expect(value).toBeDefined();
        expect(normalizeDomain(value!)?.value).toBe(value);
        expect(normalizeDomain(`https://${host}/${path}`)?.value).toBe(value);
        expect(normalizeDomain(host.toUpperCase())?.value).toBe(value);
        expect(parseUrl(`https://${host}/${path}`)?.domain).toBe(value);
      }),
    );
  });

  it('url: defanged writings give the same fixed point', () => {
    fc.assert(
      fc.property(domain, fc.array(label, { maxLength: 3 }), (host, segments) => {
        const url = `https://${host}/${segments.join('/')}`;
        const value = normalizeUrl(url)?.value;
        expect(value).toBe(url);
        expect(normalizeUrl(`hxxps://${host.replaceAll('.', '[.]')}/${segments.join('/')}?utm=1#top`)?.value).toBe(value);
        expect(normalizeUrl(value!)?.value).toBe(value);
      }),
    );
  });

  it('web URLs from fast-check normalize to fixed points', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const value = normalizeUrl(url)?.value;
        if (value) expect(normalizeUrl(value)?.value).toBe(value);
      }),
    );
  });
});

describe('crypto properties', () => {
  const legacy = ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'];
  const base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

  it('a changed character in a base58check address is caught', () => {
    fc.assert(
      fc.property(fc.constantFrom(...legacy), fc.nat(), fc.integer({ min: 1, max: 57 }), (address, position, shift) => {
        const index = 1 + (position % (address.length - 1));
        const replacement = base58[(base58.indexOf(address[index]!) + shift) % 58]!;
        expect(normalizeCrypto(address.slice(0, index) + replacement + address.slice(index + 1))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('canonical values are fixed points', () => {
    for (const address of [...legacy, 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', '0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe']) {
      const value = normalizeCrypto(address)!.value;
      expect(normalizeCrypto(value)?.value).toBe(value);
    }
  });
});

describe('text extraction properties', () => {
  // Text made of the characters indicators are made of, so that near-misses are frequent.
  const noisyText = fc.string({
    unit: fc.constantFrom(...'0123456789 +-.()/:@[]NLnlABINGabingxhtps.comwv,'.split(''), 'hxxps://', 'www.', '[.]', '[at]', ' 06', 'NL91', '.nl', '.com'),
    maxLength: 120,
  });

  it('never throws, every raw is a piece of the text and every value is canonical', () => {
    fc.assert(
      fc.property(noisyText, (text) => {
        for (const found of findIndicatorsInText(text)) {
          expect(INDICATOR_TYPES).toContain(found.type);
          expect(text).toContain(found.raw);
          expect(normalizeIndicator(found.type, found.value)?.value, `${found.type} ${found.value} in ${JSON.stringify(text)}`).toBe(found.value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds an indicator placed anywhere in ordinary prose', () => {
    const words = fc.array(fc.constantFrom('ik', 'werd', 'gebeld', 'door', 'de', 'bank', 'en', 'moest', 'betalen', '2.450', 'euro', 'op', '12-03-2026.'), {
      maxLength: 12,
    });
    const indicator = fc.constantFrom(
      ['06-12345678', 'phone', '+31612345678'],
      ['NL91 ABNA 0417 1643 00', 'iban', 'NL91ABNA0417164300'],
      ['info[at]ing-support[dot]nl', 'email', 'info@ing-support.nl'],
      ['hxxps://ing-support[.]nl/login', 'url', 'https://ing-support.nl/login'],
      ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'crypto', 'btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
    );
    fc.assert(
      fc.property(words, indicator, words, ([...before], [raw, type, value], [...after]) => {
        const text = [...before, raw, ...after].join(' ');
        expect(findIndicatorsInText(text)).toContainEqual(expect.objectContaining({ type, value, raw }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('refang properties', () => {
  it('maps the whole refanged text onto the whole original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '[', ']', '(', ')', '.', 'at', 'dot', 'hxxp', ':', '/', 's'), maxLength: 60 }), (text) => {
        const mapped = refangWithMap(text);
        expect(mapped.toOriginalStart(0)).toBe(0);
        expect(mapped.toOriginalEnd(mapped.text.length)).toBe(text.length);
        expect(refang(mapped.text)).toBe(refang(mapped.text)); // deterministic
      }),
    );
  });

  it('leaves text without brackets or hxxp alone', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }).filter((text) => !/[[({]|h(?:xx|\*\*)p/i.test(text)), (text) => {
        expect(refang(text)).toBe(text);
      }),
    );
  });
});
