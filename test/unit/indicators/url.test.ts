import { describe, expect, it } from 'vitest';
import { normalizeUrl, parseUrl } from '../../../shared/indicators/normalize/web-url';

describe('normalizeUrl', () => {
  it.each([
    ['https://ing-verificatie.nl/login', 'https://ing-verificatie.nl/login'],
    ['hxxps://ing-verificatie[.]nl/login', 'https://ing-verificatie.nl/login'],
    ['hxxp://ing-verificatie[.]nl/login', 'http://ing-verificatie.nl/login'],
    ['hXXps://ing-verificatie[.]nl/login', 'https://ing-verificatie.nl/login'],
    ['h**ps://ing-verificatie.nl/login', 'https://ing-verificatie.nl/login'],
    ['hxxps[:]//ing-verificatie[.]nl/login', 'https://ing-verificatie.nl/login'],
    ['https[:]//ing-verificatie(.)nl/login', 'https://ing-verificatie.nl/login'],
    ['https://ing-verificatie[dot]nl/login', 'https://ing-verificatie.nl/login'],
    ['HTTPS://ING-Verificatie.NL/Login', 'https://ing-verificatie.nl/Login'], // path keeps its case
    ['https://ing-verificatie.nl', 'https://ing-verificatie.nl/'],
    ['https://ing-verificatie.nl/', 'https://ing-verificatie.nl/'],
    // query and fragment dropped
    ['https://mijn.ing-beveiliging.com/pas?id=123&mail=a@b.nl#x', 'https://mijn.ing-beveiliging.com/pas'],
    ['https://ing-verificatie.nl/login/?ref=sms', 'https://ing-verificatie.nl/login/'],
    // www. without scheme → https
    ['www.ing-verificatie.nl/login', 'https://www.ing-verificatie.nl/login'],
    ['WWW.ING-Verificatie.nl', 'https://www.ing-verificatie.nl/'],
    ['www[.]ing-verificatie[.]nl/login', 'https://www.ing-verificatie.nl/login'],
    // ports, user info, dot segments, IDN, IPs
    ['https://ing-verificatie.nl:443/login', 'https://ing-verificatie.nl/login'],
    ['http://ing-verificatie.nl:8080/login', 'http://ing-verificatie.nl:8080/login'],
    ['https://ing.nl@evil-login.com/ing', 'https://evil-login.com/ing'],
    ['https://evil-login.com/a/../b', 'https://evil-login.com/b'],
    ['https://münchen.de/pfad', 'https://xn--mnchen-3ya.de/pfad'],
    ['https://ing-verificatie.nl./login', 'https://ing-verificatie.nl/login'],
    ['http://185.12.3.4/login', 'http://185.12.3.4/login'],
    ['http://[2001:db8::1]/login', 'http://[2001:db8::1]/login'],
    ['http://lockbitsupp.onion/chat', 'http://lockbitsupp.onion/chat'],
    ['<https://ing-verificatie.nl/login>', 'https://ing-verificatie.nl/login'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeUrl(raw)?.value).toBe(expected);
  });

  it.each([
    [''],
    ['ing-verificatie.nl'], // no scheme, no www.: a domain, not a URL
    ['ing-verificatie.nl/login'],
    ['ftp://ing-verificatie.nl/file'],
    ['mailto:info@example.com'],
    ['javascript:alert(1)'],
    ['https://'],
    ['https://localhost/login'],
    ['https://server.local/login'],
    ['https://afschrift.pdf'],
    ['https://ing verificatie.nl/login'],
    ['www.'],
    ['wwwing-verificatie.nl'],
  ])('rejects %j', (raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe('parseUrl', () => {
  it('gives the registrable domain of the URL', () => {
    expect(parseUrl('https://mijn.ing-beveiliging.com/pas')).toEqual({
      url: 'https://mijn.ing-beveiliging.com/pas',
      domain: 'ing-beveiliging.com',
    });
  });

  it('gives no domain for a URL on an IP address', () => {
    expect(parseUrl('http://185.12.3.4/login')).toEqual({ url: 'http://185.12.3.4/login', domain: null });
  });
});
