/**
 * E-mail addresses → lower case, obfuscation undone (`Info[at]Example[dot]com`, `info at example dot com`,
 * `info @ example.com` → `info@example.com`), domain part as punycode. The domain must sit under a known public suffix (tldts). An address is only ever an `email`
 * indicator; its domain is not a `domain` indicator (the contract: `gmail.com` must not link every Gmail user).
 */
import { cleanText } from '../clean-text';
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

// In a field meant for an address the written-out forms need no further evidence: "name at domain dot com",
// "name @ domain.com".
const SPELLED_FIELD_RE = /^([^\s@]+)\s+(?:at|@)\s+(\S+(?:\s+(?:dot|punt)\s+\S+)*)$/i;
const BLANKS_AROUND_AT_RE = /\s*@\s*/;
const DOT_WORDS_RE = /\s+(?:dot|punt)\s+/gi;

/** `Info[at]Example[dot]com`, `name at domain dot com`, `mailto:<info@example.com>` → the address; null when not one. */
export function normalizeEmail(raw: string): Normalized | null {
  let address = refang(cleanText(raw).trim()).replace(WRAPPER_RE, '');
  const spelled = SPELLED_FIELD_RE.exec(address);
  if (spelled) address = `${spelled[1]}@${spelled[2]!.replace(DOT_WORDS_RE, '.')}`;
  else address = address.replace(BLANKS_AROUND_AT_RE, '@');
  return validate(address.toLowerCase());
}

// Mailbox providers: "jan at gmail.com" is an address, whatever the name looks like.
const MAIL_PROVIDERS = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.nl', 'outlook.com', 'outlook.nl', 'live.com', 'live.nl', 'msn.com',
  'icloud.com', 'me.com', 'yahoo.com', 'aol.com', 'gmx.com', 'gmx.net', 'web.de', 'protonmail.com', 'proton.me', 'ziggo.nl',
  'kpnmail.nl', 'planet.nl', 'hetnet.nl', 'home.nl', 'xs4all.nl', 'mail.com', 'mail.ru', 'yandex.com', 'yandex.ru', 'tutanota.com',
]);
// Local parts that are mailboxes, not words of a sentence ("info at ing-veilig.nl").
const MAILBOX_NAMES = new Set(['info', 'support', 'service', 'contact', 'admin', 'helpdesk', 'klantenservice', 'servicedesk', 'noreply', 'sales', 'billing', 'security', 'office', 'mail', 'team', 'hello', 'hallo', 'verify', 'verificatie']);
// Context that announces an address: "mail naar", "e-mailadres", "address".
const ADDRESS_CONTEXT_RE = /e-?mail|mailadres|adres|address|mailde|mailed|schrijf|write|stuur|send/i;

/**
 * Whether "local at host" in free text is an e-mail address rather than a sentence ("I looked at booking.com"):
 * a local part no word has (dots, digits, `_`, `+`, `-`), a mailbox name, a mail provider's domain, a domain with
 * its dots written out too, or an announcing word just before.
 */
export function acceptsSpelledOutAt(local: string, host: string, before: string, dotsWrittenOut: boolean): boolean {
  if (dotsWrittenOut || /[._%+'\d-]/.test(local)) return true;
  const lower = local.toLowerCase();
  return MAILBOX_NAMES.has(lower) || MAIL_PROVIDERS.has(host.toLowerCase()) || ADDRESS_CONTEXT_RE.test(before);
}
