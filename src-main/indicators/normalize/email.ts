/**
 * E-mail addresses → lower case, obfuscation undone (`Info[at]Example[dot]com` → `info@example.com`), domain part
 * as punycode. The domain must sit under a known public suffix (tldts). An address is only ever an `email`
 * indicator; its domain is not a `domain` indicator (the contract: `gmail.com` must not link every Gmail user).
 */
import { refang } from '../defang';
import { memoize } from '../memo';
import { asciiHost, registrableDomain } from './domain';
import { normalized, type Normalized } from './result';

// RFC 5322 "dot-atom" local part: the characters real mailboxes use, no leading/trailing/double dots.
const LOCAL_PART_RE = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const WRAPPER_RE = /^(?:mailto:)?\s*<?\s*|\s*>?$/gi;

const validate = memoize((address: string): Normalized | null => {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64 || address.length > 254) return null;
  const local = address.slice(0, at);
  const host = asciiHost(address.slice(at + 1));
  if (!LOCAL_PART_RE.test(local) || host === null || registrableDomain(host) === null) return null;
  return normalized(`${local}@${host}`);
});

/** `Info[at]Example[dot]com`, `mailto:<info@example.com>` → `info@example.com`; null when not an address. */
export function normalizeEmail(raw: string): Normalized | null {
  const address = refang(raw.trim()).replace(WRAPPER_RE, '').toLowerCase();
  return validate(address);
}
