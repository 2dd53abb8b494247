/**
 * Domains → the registrable domain (eTLD+1) by the Public Suffix List, lower case, IDN as punycode:
 * `https://secure.ing-verificatie.nl/x` → `ing-verificatie.nl`, `foo.co.uk` stays `foo.co.uk`.
 *
 * Decisions:
 * - The PSL's private section counts (tldts `allowPrivateDomains`): `ing-login.web.app` and `x.github.io` are
 *   separate registrants, so collapsing them into `web.app` / `github.io` would link unrelated phishing sites.
 * - Only names under a suffix the PSL knows are domains: `afschrift.pdf`, `bestand.exe`, `server.local` are not.
 *   `.onion` is on the PSL (special-use name, RFC 7686), so `lockbitsupp.onion` is a domain.
 * - IP addresses are not domains (nothing registrable to link or block); a URL on an IP is still a `url`.
 * - An e-mail address is not a domain (the contract: its domain must not link every Gmail user).
 */
import { parse } from 'tldts';
import { cleanText } from '../clean-text';
import { refang } from '../defang';
import { memoize } from '../memo';
import { normalized, type Normalized } from './result';

/**
 * IDNA to ASCII as Node's url.domainToASCII does it, with the WHATWG URL parser that browsers have too (shared
 * code runs in the renderer): printable ASCII stays as it is, anything else through the parser; '' when it cannot be.
 */
function domainToAscii(text: string): string {
  if (/^[ -~]*$/.test(text)) return text;
  try {
    return new URL(`http://${text}`).hostname;
  } catch {
    return '';
  }
}

const TLDTS_OPTIONS = { allowPrivateDomains: true } as const;
const SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/\//;
const HOST_CHARS_RE = /^[a-z0-9\u00a1-\uffff._-]+$/;
const REGISTRABLE_RE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/**
 * The registrable domain of a host name that is already lower case ASCII (as `new URL().hostname` gives it);
 * null for IPs, bare public suffixes and names without a known public suffix.
 */
export const registrableDomain = memoize((asciiHost: string): string | null => {
  const parsed = parse(asciiHost, TLDTS_OPTIONS);
  if (parsed.isIp || !parsed.domain || !(parsed.isIcann || parsed.isPrivate)) return null;
  return REGISTRABLE_RE.test(parsed.domain) ? parsed.domain : null;
});

/** Lower case ASCII (punycode) form of a host name as typed, or null when it is not a host name. */
export function asciiHost(host: string): string | null {
  let text = host.toLowerCase();
  if (text.endsWith('.')) text = text.slice(0, -1); // the DNS root dot: "ing.nl." is "ing.nl"
  if (text === '' || !HOST_CHARS_RE.test(text)) return null;
  const ascii = domainToAscii(text);
  return ascii === '' ? null : ascii;
}

/** The host part of a domain, host/path or URL as typed; null when it is an e-mail address. */
function hostPart(text: string): string | null {
  let rest = text;
  const scheme = SCHEME_RE.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  const end = rest.search(/[/?#\\]/);
  if (end >= 0) rest = rest.slice(0, end);
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    if (!scheme) return null; // info@example.com is an e-mail address, not a domain
    rest = rest.slice(at + 1); // https://user@host/
  }
  return rest.replace(/:\d*$/, ''); // port
}

/** `https://secure.ing-verificatie.nl/x` → `ing-verificatie.nl`; null when there is no registrable domain. */
export function normalizeDomain(raw: string): Normalized | null {
  const host = hostPart(refang(cleanText(raw).trim()).toLowerCase());
  if (host === null) return null;
  const ascii = asciiHost(host);
  const domain = ascii === null ? null : registrableDomain(ascii);
  return domain === null ? null : normalized(domain);
}
