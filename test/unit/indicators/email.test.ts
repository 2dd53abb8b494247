import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../shared/indicators/normalize/email';

describe('normalizeEmail', () => {
  it.each([
    ['info@example.com', 'info@example.com'],
    ['Info@Example.COM', 'info@example.com'],
    ['  info@example.com  ', 'info@example.com'],
    ['Info[at]Example[dot]com', 'info@example.com'],
    ['info[at]example[dot]com', 'info@example.com'],
    ['info (at) example (dot) com', 'info@example.com'],
    ['info(at)example(dot)com', 'info@example.com'],
    ['info [at] example [dot] com', 'info@example.com'],
    ['info@example[.]com', 'info@example.com'],
    ['info[@]example(.)com', 'info@example.com'],
    ['info{at}example{dot}com', 'info@example.com'],
    ['info[at]example[punt]nl', 'info@example.nl'],
    ['mailto:info@example.com', 'info@example.com'],
    ['<info@example.com>', 'info@example.com'],
    ['recovery.team@protonmail.com', 'recovery.team@protonmail.com'],
    ['jan.de.vries+bank@gmail.com', 'jan.de.vries+bank@gmail.com'],
    ['o\'brien@example.co.uk', "o'brien@example.co.uk"],
    ['klantenservice@ing-verificatie.nl', 'klantenservice@ing-verificatie.nl'],
    ['support@secure.ing-beveiliging.com', 'support@secure.ing-beveiliging.com'],
    ['jan@münchen.de', 'jan@xn--mnchen-3ya.de'],
    ['x@ing-login.web.app', 'x@ing-login.web.app'],
    ['info@example.nl.', 'info@example.nl'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)?.value).toBe(expected);
  });

  it.each([
    [''],
    ['info'],
    ['info@'],
    ['@example.com'],
    ['info@example'], // no public suffix
    ['info@localhost'],
    ['info@afschrift.pdf'], // .pdf is not a TLD
    ['info@co.uk'], // a bare public suffix
    ['info@192.168.1.1'],
    ['info@[192.168.1.1]'],
    ['in fo@example.com'],
    ['info@exa mple.com'],
    ['.info@example.com'],
    ['info.@example.com'],
    ['in..fo@example.com'],
    ['info@@example.com'],
    ['info@example..com'],
    ['info@-example.com'],
    ['info at example'], // a written-out "at" still needs a domain
    ['looked at booking com'],
    ['https://example.com'],
    ['06-12345678'],
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('has no enrichment', () => {
    expect(normalizeEmail('info@example.com')).toEqual({ value: 'info@example.com' });
  });
});
