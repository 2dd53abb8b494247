/**
 * The reporter's own accounts, numbers and addresses named in free text: "ik heb betaald vanaf mijn eigen rekening
 * NL…", "mijn nummer is 06…", "my own account NL…", "NL… (mijn eigen rekening)". They are the reporter's data, not
 * the suspect's: never an indicator that links, never the target of a request.
 *
 * Only the words right before (or a few right after) the value count, so the suspect's account in the same sentence
 * stays the suspect's: "van mijn rekening is 500 euro overgemaakt naar NL…", "to account NL…", "naar mijn nieuwe
 * veilige rekening NL…" (the fraudster's "safe account") are not the reporter's.
 */
import type { IndicatorType } from './types';

const OWNABLE: ReadonlySet<IndicatorType> = new Set(['iban', 'phone', 'email', 'crypto']);

// What the reporter calls theirs, Dutch and English; "eigen"/"own" and a kind of account may stand between.
const ACCOUNT_NL = String.raw`(?:(?:bank|betaal|spaar|priv[ée]|zakelijke|en)\s*)?rekening(?:nummer)?|iban|(?:bitcoin|crypto)?\s*wallet(?:adres)?`;
const NUMBER_NL = String.raw`(?:(?:telefoon|mobiele|mobiel|gsm|eigen|vaste)\s*-?\s*)?nummer|telefoon|mobiel|06(?:-nummer)?`;
const MAIL_NL = String.raw`e-?mail(?:adres)?|mailadres|mail`;
const ACCOUNT_EN = String.raw`(?:(?:bank|savings|checking|current|personal|business)\s+)?account(?:\s+number)?|iban|(?:bitcoin|crypto)?\s*wallet(?:\s+address)?`;
const NUMBER_EN = String.raw`(?:(?:phone|mobile|cell|telephone|home)\s+)?number|phone|mobile|cell`;
const MAIL_EN = String.raw`e-?mail(?:\s+address)?|mail\s+address`;
// A bank named after the account: "mijn rekening bij de ING", "my account at ING".
const AT_BANK = String.raw`(?:\s+(?:bij|van|at|with)\s+(?:de\s+|the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?`;

/** Ends right before the value: "… mijn eigen rekening", "my phone number is:", "bel mij op". */
const OWN_BEFORE_RE = new RegExp(
  String.raw`(?:` +
    String.raw`\b(?:mijn|m'n|onze)\s+(?:eigen\s+)?(?:${ACCOUNT_NL}|${NUMBER_NL}|${MAIL_NL})` +
    String.raw`|\b(?:my|our)\s+(?:own\s+)?(?:${ACCOUNT_EN}|${NUMBER_EN}|${MAIL_EN})` +
    String.raw`|\b(?:ik\s+ben|ben\s+ik)\s+bereikbaar\s+(?:op|via)|\b(?:bel|mail|bereik)\s+(?:mij|me)\s+(?:gerust\s+)?(?:op|via)` +
    String.raw`|\b(?:reach|contact|call|text|email|e-mail)\s+me\s+(?:on|at|via)` +
    String.raw`)${AT_BANK}\s*(?:(?:is|was|luidt|:|=|,)\s*)*[("'“]?\s*$`,
  'i',
);

/** Starts right after the value: " (mijn eigen rekening)", ", dat is mijn eigen nummer", " is my own account". */
const OWN_AFTER_RE =
  /^\s*[)"'”]?\s*(?:[(,–-]\s*)?(?:(?:dat|die|this|that|which)\s+)?(?:is|was|=)?\s*(?:(?:mijn|m'n|my)\s+(?:eigen|own)|(?:eigen|own)\s+(?:rekening|account|nummer|number|adres|address))\b/i;

const BEFORE_WINDOW = 90;
const AFTER_WINDOW = 40;

// Every phrase above has one of these words; most indicators have none of them before them, and this is cheaper.
const OWN_HINTS = ['mijn', "m'n", 'onze', 'my ', 'our ', 'mij ', 'me ', 'bereik'];

function hasOwnHint(before: string): boolean {
  const lower = before.toLowerCase();
  return OWN_HINTS.some((hint) => lower.includes(hint));
}

/** Whether the words around `text[start, end)` name that value as the writer's own. */
export function isReporterOwnInContext(text: string, type: IndicatorType, start: number, end: number): boolean {
  if (!OWNABLE.has(type)) return false;
  const before = text.slice(Math.max(0, start - BEFORE_WINDOW), start);
  return (hasOwnHint(before) && OWN_BEFORE_RE.test(before)) || OWN_AFTER_RE.test(text.slice(end, end + AFTER_WINDOW));
}
