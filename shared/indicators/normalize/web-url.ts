/**
 * URLs → scheme + lower-case host + path, defanging undone: `hxxps://ing-verificatie[.]nl/login?id=42` →
 * `https://ing-verificatie.nl/login`. A URL also yields its registrable domain as a `domain` indicator.
 *
 * Decisions:
 * - Query string and fragment are dropped (the contract's "scheme + host + path"): they carry per-victim tokens
 *   (`?id=…`, `#email=…`) that would keep reports of one phishing page apart, and sometimes the victim's data.
 * - A non-default port stays: `:8443` is part of where the page lives. User info (`user@`) is dropped.
 * - The path keeps its case (paths are case-sensitive) and WHATWG normalisation (`/a/../b` → `/b`, `%`-encoding);
 *   an empty path is `/`.
 * - Only text with an explicit http(s) scheme, or starting with `www.`, is a URL; a bare `ing-verificatie.nl/login`
 *   is a domain only. `www.` without scheme gets `https://`: browsers try https first for typed addresses and
 *   practically every phishing site has a certificate, so that is what the victim's link most likely said.
 * - A host that is an IP address is fine for a URL (no domain then); a host without a known public suffix is not.
 */
import { cleanText } from '../clean-text';
import { refang } from '../defang';
import { memoize } from '../memo';
import { registrableDomain } from './domain';
import { normalized, type Normalized } from './result';

export interface ParsedUrl {
  /** The canonical URL. */
  url: string;
  /** The registrable domain of its host, or null when the host is an IP address. */
  domain: string | null;
}

const HTTP_RE = /^https?:\/\//i;
const WWW_RE = /^www\./i;
const IPV4_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const parseCandidate = memoize((candidate: string): ParsedUrl | null => {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname;
  const isIp = host.startsWith('[') || IPV4_RE.test(host);
  const domain = isIp ? null : registrableDomain(host.endsWith('.') ? host.slice(0, -1) : host);
  if (!isIp && domain === null) return null;
  const hostAndPort = host.endsWith('.') ? url.host.replace(/\.(?=:|$)/, '') : url.host;
  return Object.freeze({ url: `${url.protocol}//${hostAndPort}${url.pathname}`, domain });
});

/** Parses a URL as typed (defanged or not; `www.` without scheme allowed); null when it is not a web URL. */
export function parseUrl(raw: string): ParsedUrl | null {
  let text = refang(cleanText(raw).trim()).replace(/^<|>$/g, '');
  if (WWW_RE.test(text)) text = `https://${text}`;
  else if (!HTTP_RE.test(text)) return null;
  if (/\s/.test(text)) return null;
  return parseCandidate(text);
}

/** `hxxps://ing-verificatie[.]nl/login` → `https://ing-verificatie.nl/login`; null when not a web URL. */
export function normalizeUrl(raw: string): Normalized | null {
  const parsed = parseUrl(raw);
  return parsed === null ? null : normalized(parsed.url);
}
