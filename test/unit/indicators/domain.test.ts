import { describe, expect, it } from 'vitest';
import { normalizeDomain, registrableDomain } from '../../../shared/indicators/normalize/domain';

describe('normalizeDomain', () => {
  it.each([
    ['ing-verificatie.nl', 'ing-verificatie.nl'],
    ['ING-Verificatie.NL', 'ing-verificatie.nl'],
    ['https://secure.ing-verificatie.nl/x', 'ing-verificatie.nl'],
    ['secure.ing-verificatie.nl', 'ing-verificatie.nl'],
    ['www.ing-verificatie.nl', 'ing-verificatie.nl'],
    ['ing-verificatie.nl/login?x=1', 'ing-verificatie.nl'],
    ['ing-verificatie.nl:8080', 'ing-verificatie.nl'],
    ['https://user:pw@ing-verificatie.nl/', 'ing-verificatie.nl'],
    ['hxxps://ing-verificatie[.]nl/login', 'ing-verificatie.nl'],
    ['ing-verificatie(.)nl', 'ing-verificatie.nl'],
    ['ing-verificatie[dot]nl', 'ing-verificatie.nl'],
    ['ing-verificatie.nl.', 'ing-verificatie.nl'],
    ['foo.co.uk', 'foo.co.uk'],
    ['a.b.foo.co.uk', 'foo.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['lockbitsupp.onion', 'lockbitsupp.onion'],
    ['lockbitsupp[.]onion', 'lockbitsupp.onion'],
    // The PSL's private section counts: hosted sites of different owners are different domains.
    ['ing-login.web.app', 'ing-login.web.app'],
    ['fake-shop.github.io', 'fake-shop.github.io'],
    ['x.y.blogspot.com', 'y.blogspot.com'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeDomain(raw)?.value).toBe(expected);
  });

  it.each([
    [''],
    ['nl'],
    ['co.uk'], // only a public suffix
    ['verificatie'],
    ['localhost'],
    ['server.local'],
    ['example.test'],
    ['afschrift.pdf'],
    ['bestand.exe'],
    ['Restore-My-Files.txt'],
    ['.lockbit'],
    ['lockbit'],
    ['192.168.1.1'],
    ['185.12.3.4'],
    ['http://185.12.3.4/login'],
    ['[2001:db8::1]'],
    ['info@example.com'], // an e-mail address is not a domain
    ['-ing.nl'],
    ['ing..nl'],
    ['ing verificatie.nl'],
    ['2.450'],
    ['0.5'],
    ['3.0'],
  ])('rejects %j', (raw) => {
    expect(normalizeDomain(raw)).toBeNull();
  });
});

it('keeps a homoglyph IDN apart from the real name (punycode)', () => {
  const lookalike = normalizeDomain('ιnɡ.com')?.value; // Greek iota, Latin script g
  expect(lookalike).toMatch(/^xn--[a-z0-9-]+\.com$/);
  expect(lookalike).not.toBe('ing.com');
});

describe('registrableDomain', () => {
  it('works on lower-case ASCII host names', () => {
    expect(registrableDomain('mijn.ing-beveiliging.com')).toBe('ing-beveiliging.com');
    expect(registrableDomain('185.12.3.4')).toBeNull();
    expect(registrableDomain('com')).toBeNull();
  });
});
