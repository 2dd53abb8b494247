/**
 * Finds every indicator in free text: narratives (Dutch or English), ransom notes, payment references, `other`
 * fields. Indicators there are defanged, obfuscated or typed with odd spacing (`NL48 INGB 8301 6613 18`,
 * `06 - 12 34 56 78`, `info[at]example[dot]com`).
 *
 * The importer runs this on every record (≥ 20,000 records/s in total), so it is built for speed: one refang
 * pass, then a handful of compiled regexes find candidates, and only candidates reach the (memoized) library
 * validators. Matchers run in a fixed priority — url, email, crypto, iban, remote access, phone, bare domain —
 * and a later matcher never takes text an earlier one already claimed (the digits of an IBAN are not a phone
 * number, the domain of an e-mail address is not a domain).
 */
import { getCountrySpecifications } from 'ibantools';
import type { IndicatorEnrichment, IndicatorType } from './types';
import { cleanTextWithMap, composeMaps } from './clean-text';
import { refangWithMap } from './defang';
import { isReporterOwnInContext } from './reporter-own';
import { normalizeCrypto } from './normalize/crypto-address';
import { asciiHost, registrableDomain } from './normalize/domain';
import { acceptsSpelledOutAt, normalizeEmail } from './normalize/email';
import { validateCompactIban } from './normalize/iban';
import { normalizePhone } from './normalize/phone';
import { normalizeRemoteAccessPair, REMOTE_ACCESS_ANCHOR_RE, REMOTE_ACCESS_TOOL_RE } from './normalize/remote-access';
import type { Normalized } from './normalize/result';
import { parseUrl } from './normalize/web-url';

export interface TextIndicator {
  type: IndicatorType;
  value: string;
  /** The indicator exactly as it stands in the text (defanged, spaced, cased as typed). */
  raw: string;
  enrichment?: IndicatorEnrichment;
  /** The text names it as the writer's own ("vanaf mijn eigen rekening NL…", "my number is …"): the reporter's data. */
  reporterOwn?: true;
}

interface Found {
  type: IndicatorType;
  value: string;
  enrichment: IndicatorEnrichment | undefined;
  start: number;
  end: number;
  reporterOwn: boolean;
}

/** Offsets in the refanged text that a matcher has claimed, as flat [start, end) pairs. */
class Claims {
  private readonly spans: number[] = [];
  overlaps(start: number, end: number): boolean {
    for (let i = 0; i < this.spans.length; i += 2) {
      if (start < this.spans[i + 1]! && end > this.spans[i]!) return true;
    }
    return false;
  }
  claim(start: number, end: number): void {
    this.spans.push(start, end);
  }
}

type Sink = (type: IndicatorType, result: Normalized, start: number, end: number) => void;

// ---------------------------------------------------------------------------------------------- urls
// An explicit http(s) scheme or a leading "www." (not inside an e-mail address or a longer host name); the URL
// runs to whitespace or a character URLs never contain.
const URL_RE = /(?:\bhttps?:\/\/|(?<![\w@./-])www\.)[^\s<>"'`{}|\\^]+/gi;
const URL_TRAILING = '.,;:!?\'"”’»]}…*';

/** Strips sentence punctuation after a URL, keeping a `)` that closes a `(` inside the URL (Wikipedia-style). */
function trimUrl(candidate: string): string {
  let opens = 0;
  let closes = 0;
  for (const char of candidate) {
    if (char === '(') opens++;
    else if (char === ')') closes++;
  }
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1]!;
    if (last === ')') {
      if (opens >= closes) break;
      closes--;
    } else if (!URL_TRAILING.includes(last)) break;
    end--;
  }
  return candidate.slice(0, end);
}

function scanUrls(text: string, claims: Claims, sink: Sink): void {
  URL_RE.lastIndex = 0;
  for (let match = URL_RE.exec(text); match; match = URL_RE.exec(text)) {
    const candidate = trimUrl(match[0]);
    const parsed = parseUrl(candidate);
    if (!parsed) continue;
    const start = match.index;
    const end = start + candidate.length;
    claims.claim(start, end);
    sink('url', { value: parsed.url }, start, end);
    if (parsed.domain) sink('domain', { value: parsed.domain }, start, end);
  }
}

// WhatsApp click-to-chat links carry the phone number: wa.me/31612345678, api.whatsapp.com/send?phone=31612345678.
const WHATSAPP_RE = /\b(?:wa\.me\/|whatsapp\.com\/send\/?\?phone=)(\+?\d{8,15})(?!\d)/gi;

function scanWhatsAppLinks(text: string, claims: Claims, sink: Sink): void {
  if (!text.includes('wa.me/') && !text.includes('phone=')) return;
  WHATSAPP_RE.lastIndex = 0;
  for (let match = WHATSAPP_RE.exec(text); match; match = WHATSAPP_RE.exec(text)) {
    const digits = match[1]!;
    const result = normalizePhone(digits.startsWith('+') ? digits : `+${digits}`);
    if (!result) continue;
    const end = match.index + match[0].length;
    claims.claim(end - digits.length, end);
    sink('phone', result, end - digits.length, end);
  }
}

// -------------------------------------------------------------------------------------------- emails
// Found from each "@" outwards (a regex for the whole address would be tried at every word: 10× slower).
const EMAIL_DOMAIN_RE =
  /(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff]{2,63}(?![a-z0-9\u00a1-\uffff-])/giy;

/** Characters of the local part people actually use: letters, digits and . _ % + ' - */
function isLocalPartChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x27 || code === 0x2d
  );
}

/** Start of the local part that ends at `end` (exclusive); `end` when there is none. */
function localPartStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && isLocalPartChar(text.charCodeAt(start - 1))) start--;
  // Punctuation glued to the front ("'info@…", ".info@…") is not part of the address.
  while (start < end && !/[a-z0-9_]/i.test(text[start]!)) start++;
  return start;
}

/** Offsets of blanks (at most two) before `offset`. */
function skipBlanksBack(text: string, offset: number): number {
  let at = offset;
  while (at > offset - 2 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

function skipBlanks(text: string, offset: number): number {
  let at = offset;
  while (at < offset + 2 && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

function emailAt(text: string, claims: Claims, sink: Sink, localEnd: number, domainStart: number, spelledOut: boolean): boolean {
  const start = localPartStart(text, localEnd);
  if (start === localEnd) return false;
  const domainRe = spelledOut ? SPELLED_DOMAIN_RE : EMAIL_DOMAIN_RE;
  domainRe.lastIndex = domainStart;
  const domain = domainRe.exec(text);
  if (!domain) return false;
  const end = domainStart + domain[0].length;
  if (claims.overlaps(start, end)) return false;
  const local = text.slice(start, localEnd);
  const host = spelledOut ? domain[0].replace(DOT_WORD_RE, '.') : domain[0];
  if (spelledOut && !acceptsSpelledOutAt(local, host, text.slice(Math.max(0, start - 40), start), host !== domain[0])) return false;
  const result = normalizeEmail(`${local}@${host}`);
  if (!result) return false;
  claims.claim(start, end);
  sink('email', result, start, end);
  return true;
}

// "name at domain.com", "name at domain dot com": the word "at" (or a lone "@" between blanks) written out.
const SPELLED_AT_RE = /[ \t](?:at|AT|At)[ \t]/g;
const SPELLED_DOMAIN_RE =
  /(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?(?:\.|[ \t]+(?:dot|punt|DOT|PUNT)[ \t]+))+[a-z\u00a1-\uffff]{2,63}(?![a-z0-9\u00a1-\uffff-]|\.[a-z0-9\u00a1-\uffff])/giy;
const DOT_WORD_RE = /[ \t]+(?:dot|punt)[ \t]+/gi;

function scanEmails(text: string, claims: Claims, sink: Sink): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // Blanks around the "@" ("name @ domain.com") are a way of typing it too.
    emailAt(text, claims, sink, skipBlanksBack(text, at), skipBlanks(text, at + 1), false);
  }
  if (!text.includes(' at ') && !text.includes(' AT ') && !text.includes(' At ') && !text.includes('\tat')) return;
  SPELLED_AT_RE.lastIndex = 0;
  for (let match = SPELLED_AT_RE.exec(text); match; match = SPELLED_AT_RE.exec(text)) {
    const localEnd = skipBlanksBack(text, match.index + 1);
    const domainStart = skipBlanks(text, match.index + match[0].length);
    if (emailAt(text, claims, sink, localEnd, domainStart, true)) SPELLED_AT_RE.lastIndex = domainStart;
    else SPELLED_AT_RE.lastIndex = match.index + match[0].length - 1;
  }
}

// -------------------------------------------------------------------------------------------- crypto
// bech32 segwit (bc1…), 0x + 40 hex (eth), and base58 runs starting with 1/3 (btc), T (trx) or 4/8 (xmr).
const CRYPTO_RE =
  /\b(?:bc1[ac-hj-np-z02-9]{8,87}|BC1[AC-HJ-NP-Z02-9]{8,87}|0x[0-9a-fA-F]{40}|[13T48][1-9A-HJ-NP-Za-km-z]{25,94})\b/g;

function scanCrypto(text: string, claims: Claims, sink: Sink): void {
  CRYPTO_RE.lastIndex = 0;
  for (let match = CRYPTO_RE.exec(text); match; match = CRYPTO_RE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (claims.overlaps(start, end)) continue;
    const result = normalizeCrypto(match[0]);
    if (!result) continue;
    claims.claim(start, end);
    sink('crypto', result, start, end);
  }
}

// ---------------------------------------------------------------------------------------------- iban
// Country letters (a space may follow them: "NL 91 ABNA …") + check digits, then alphanumerics with at most one
// separator between any two. The run may continue into the next words ("… 6613 18 ten name van"); the country's
// IBAN length decides where it ends.
const IBAN_RE = /\b[A-Za-z]{2} ?\d{2}(?:[ \u00a0-]?[A-Za-z0-9]){10,32}/g;
const IBAN_LENGTHS = new Map<string, number>(
  Object.entries(getCountrySpecifications())
    .filter(([, spec]) => typeof spec.chars === 'number' && spec.chars > 0)
    .map(([country, spec]) => [country, spec.chars as number]),
);

function scanIbans(text: string, claims: Claims, sink: Sink): void {
  IBAN_RE.lastIndex = 0;
  for (let match = IBAN_RE.exec(text); match; match = IBAN_RE.exec(text)) {
    const run = match[0];
    const length = IBAN_LENGTHS.get(run.slice(0, 2).toUpperCase());
    if (length === undefined) {
      IBAN_RE.lastIndex = match.index + 2; // rescan: an IBAN may start later in the run
      continue;
    }
    // Walk `length` alphanumerics; the IBAN must end at a word boundary (no "NL…1318ten").
    let taken = 0;
    let cut = 0;
    while (cut < run.length && taken < length) {
      if (run[cut] !== ' ' && run[cut] !== '\u00a0' && run[cut] !== '-') taken++;
      cut++;
    }
    const next = run[cut];
    if (taken < length || (next !== undefined && next !== ' ' && next !== '\u00a0' && next !== '-')) {
      IBAN_RE.lastIndex = match.index + 2;
      continue;
    }
    const start = match.index;
    const end = start + cut;
    const result = claims.overlaps(start, end) ? null : validateCompactIban(run.slice(0, cut).replace(/[ \u00a0-]/g, '').toUpperCase());
    if (!result) {
      IBAN_RE.lastIndex = match.index + 2;
      continue;
    }
    IBAN_RE.lastIndex = end;
    claims.claim(start, end);
    sink('iban', result, start, end);
  }
}

// ------------------------------------------------------------------------------------- remote access
// The tool's name, then its ID in the rest of that sentence or the next ("ik moest TeamViewer installeren; hij
// maakte verbinding met ID 123 456 789", "I installed AnyDesk. He asked for the code: 482 193 557"). An ID is a
// group of digits that does not start inside another number (a phone number's digits, a date); one that follows
// "ID", "code", "nummer" … wins over one that does not.
const ID_CANDIDATE_RE = /(?<![\d+,][ .\-–]{0,3})[1-9](?:[ .\-–]?\d){5,10}(?![\d]|[.,]\d)/g;
const ID_KEYWORD_RE = /(?:\b(?:id|code|nummer|nr|number|no|adres|address|sleutel|key)\b|#)[^a-z\d]{0,12}$/i;
const DATE_LIKE_RE = /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const SENTENCE_END_RE = /[.!?](?=\s|$)|\n/g;
const MAX_ID_DISTANCE = 220;
const NEXT_TOOL_RE = new RegExp(REMOTE_ACCESS_TOOL_RE.source, 'gi');

// The longest look-behind of a tool's name ("team viewer quick support" + its word boundary) and the longest
// name ending ("support" + the boundary after it).
const TOOL_LOOK_BEHIND = 32;
const TOOL_ENDING = 8;

/**
 * End of the sentence after the one `from` stands in (two sentence ends on), within MAX_ID_DISTANCE, and before
 * the next tool's name (its ID is that tool's). Both searches see only the text that window can reach, so a long
 * text with a tool's name in every sentence costs no more per name than a short one.
 */
function windowEnd(text: string, from: number): number {
  const reach = Math.min(text.length, from + MAX_ID_DISTANCE);
  const toolsFrom = Math.max(0, from - TOOL_LOOK_BEHIND);
  NEXT_TOOL_RE.lastIndex = from - toolsFrom;
  const nextTool = NEXT_TOOL_RE.exec(text.slice(toolsFrom, Math.min(text.length, reach + TOOL_ENDING)));
  const limit = nextTool ? Math.min(reach, toolsFrom + nextTool.index) : reach;
  // One character past the limit: a "." just before it is a sentence end only when a blank follows.
  const sentence = text.slice(from, Math.min(text.length, limit + 1));
  SENTENCE_END_RE.lastIndex = 0;
  let ends = 0;
  for (let match = SENTENCE_END_RE.exec(sentence); match && from + match.index < limit; match = SENTENCE_END_RE.exec(sentence)) {
    if (++ends === 2) return from + match.index;
  }
  return limit;
}

function scanRemoteAccess(text: string, claims: Claims, sink: Sink): void {
  if (!REMOTE_ACCESS_ANCHOR_RE.test(text)) return;
  REMOTE_ACCESS_TOOL_RE.lastIndex = 0;
  for (let tool = REMOTE_ACCESS_TOOL_RE.exec(text); tool; tool = REMOTE_ACCESS_TOOL_RE.exec(text)) {
    const name = tool[2]!;
    const toolEnd = tool.index + tool[0].length;
    const start = toolEnd - name.length;
    const window = text.slice(toolEnd, windowEnd(text, toolEnd));
    let chosen: { result: Normalized; end: number; idStart: number } | undefined;
    ID_CANDIDATE_RE.lastIndex = 0;
    for (let id = ID_CANDIDATE_RE.exec(window); id; id = ID_CANDIDATE_RE.exec(window)) {
      const idStart = toolEnd + id.index;
      const end = idStart + id[0].length;
      if (DATE_LIKE_RE.test(id[0]) || claims.overlaps(idStart, end)) continue;
      const result = normalizeRemoteAccessPair(name, id[0]);
      if (!result) continue;
      const keyed = ID_KEYWORD_RE.test(window.slice(Math.max(0, id.index - 30), id.index));
      if (keyed || !chosen) chosen = { result, end, idStart };
      if (keyed) break;
    }
    if (!chosen) continue;
    claims.claim(chosen.idStart, chosen.end);
    sink('remote_access', chosen.result, start, chosen.end);
  }
}

// --------------------------------------------------------------------------------------------- phone
// A phone number starts with "+", "00", "0" or "(0" — never inside a word or a number (IBAN digits, amounts,
// KvK numbers, postcodes have no leading 0) — and continues over digits and the separators people type.
// Dutch numbers typed without the trunk 0 ("612345678") are not recognised in free text: too ambiguous.
// (The first character is matched before the look-behind so that V8 only stops at "+", "(" and "0".)
const PHONE_RE = /[+(0](?<![\w+@/=&#%.,\u00a1-\uffff-][+(0])[\d\u00a0 \-–./()+]{6,28}/g;
const PHONE_GROUP_RE = /\d+/g;
const MIN_PHONE_DIGITS = 8; // 0900-8844
const MAX_PHONE_DIGITS = 15 + 2; // E.164 maximum + "00" or the "(0)" of "+31 (0)6"
// Hostile but valid text ("(0(0(0…", "(03(07(01…", "0123 0456 0789 …") lets a candidate start every 2–5
// characters, each re-reading its run and making up to 3 library tries: 80 ms per KB, a 400 KB item past the
// prepare worker's watchdog. So rejected candidates with only digits and separators between them form a chain, and
// from the REJECTED_CHAIN-th on the scan jumps over the rejected run, to the last blank in it that a number could
// start after (or to its end): one start (≤ 3 tries) per 20–29 characters. Real text rarely chains (a word, a
// comma, a number's own end stop a run) and an accepted number resets the chain. What it gives up: inside such a
// chain, a valid number whose run holds a later blank + "0"/"+"/"(" ("(0(0(0 06 12345678 0…") can be jumped over.
const REJECTED_CHAIN = 3;
const BLANK_THEN_START_RE = /[\u00a0 ][+(0]/g;

const ONLY_RUN_CHARACTERS_RE = /^[\d\u00a0 \-–./()+]*$/;

/** The gap between two candidates holds nothing a run would stop at: the second one chains to the first. */
function onlyRunCharacters(gap: string): boolean {
  return ONLY_RUN_CHARACTERS_RE.test(gap);
}

/** Where the scan goes on after a run it gives up on: past the last "blank, start character" in it, or its end. */
function pastRejectedRun(run: string, firstGroupEnd: number): number {
  let next = run.length;
  BLANK_THEN_START_RE.lastIndex = firstGroupEnd;
  for (let blank = BLANK_THEN_START_RE.exec(run); blank; blank = BLANK_THEN_START_RE.exec(run)) {
    next = blank.index + 1;
    BLANK_THEN_START_RE.lastIndex = next;
  }
  return next;
}

function isDate(groups: string[], separators: string[]): boolean {
  // "06-03-2026", "6/3/26", "06.03.2026" (followed by a time "14 30" or not): never a phone number.
  const [day, month, year] = groups;
  if (day === undefined || month === undefined || year === undefined) return false;
  const sep = separators[1]?.trim();
  return (
    day.length <= 2 &&
    month.length <= 2 &&
    (year.length === 2 || year.length === 4) &&
    sep !== undefined &&
    sep.length === 1 &&
    '-./'.includes(sep) &&
    separators[2]?.trim() === sep &&
    separators[3]?.trim() !== sep && // "06.12.34.56.78" goes on like a phone number
    Number(month) >= 1 &&
    Number(month) <= 12
  );
}

function scanPhones(text: string, claims: Claims, sink: Sink): void {
  PHONE_RE.lastIndex = 0;
  let rejectedChain = 0;
  let rejectedRunEnd = -1;
  for (let match = PHONE_RE.exec(text); match; match = PHONE_RE.exec(text)) {
    const run = match[0];
    if (run[0] === '(' && run[1] !== '+' && run[1] !== '0') {
      PHONE_RE.lastIndex = match.index + 1;
      continue;
    }
    // Digit groups with their end offsets (within `run`) and the separators before each.
    const ends: number[] = [];
    const groups: string[] = [];
    const separators: string[] = [];
    let previousEnd = 0;
    PHONE_GROUP_RE.lastIndex = 0;
    for (let group = PHONE_GROUP_RE.exec(run); group; group = PHONE_GROUP_RE.exec(run)) {
      const separator = run.slice(previousEnd, group.index);
      // Two spaces, "- -" …: a new thing starts. "+31 (0)6", " - ", ") " are fine. Dots and slashes only
      // separate a number written with them throughout ("06.12.34.56.78"), not "06-12345678 2.450 euro".
      if (groups.length > 0 && (separator.length > 3 || /\s\s|\+|[./].*[./]/.test(separator))) break;
      if (groups.length > 1 && /[./]/.test(separator) && !separators.slice(1).every((previous) => previous.includes(separator.trim()))) break;
      separators.push(separator);
      groups.push(group[0]);
      previousEnd = group.index + group[0].length;
      ends.push(previousEnd);
    }
    if (groups.length === 0) continue;
    if (isDate(groups, separators)) {
      PHONE_RE.lastIndex = match.index + ends[2]!; // skip the date, look at what follows
      continue;
    }
    // "(06-12345678)": the bracket belongs to the sentence; "(020) 123 4567", "(+31) 6 …": to the number.
    const lead = run.startsWith('(') && !separators[1]?.includes(')') ? 1 : 0;
    const start = match.index + lead;
    // The longest prefix of whole groups that is a valid number wins ("06 12345678 2 keer" → "06 12345678").
    // A number glued to a letter or a decimal part ("0612345678abc", "0,50") is not one.
    let digits = 0;
    const digitsUpTo = groups.map((group) => (digits += group.length));
    let accepted = false;
    let tried = false;
    for (let k = groups.length - 1, tries = 0; k >= 0 && tries < 3; k--) {
      const count = digitsUpTo[k]!;
      if (count < MIN_PHONE_DIGITS) break;
      if (count > MAX_PHONE_DIGITS) continue;
      const end = match.index + ends[k]!;
      const after = text.charCodeAt(end);
      const glued =
        (after >= 0x41 && after <= 0x5a) || (after >= 0x61 && after <= 0x7a) || (after === 0x2c && /\d/.test(text[end + 1] ?? ''));
      if (glued) continue;
      tries++;
      tried = true;
      const result = normalizePhone(run.slice(lead, ends[k]));
      if (!result) continue;
      if (claims.overlaps(start, end)) break;
      claims.claim(start, end);
      sink('phone', result, start, end);
      PHONE_RE.lastIndex = end;
      accepted = true;
      break;
    }
    if (accepted) {
      rejectedChain = 0;
      rejectedRunEnd = -1;
    } else if (tried) {
      rejectedChain = rejectedRunEnd >= 0 && onlyRunCharacters(text.slice(rejectedRunEnd, match.index)) ? rejectedChain + 1 : 1;
      rejectedRunEnd = match.index + run.length;
      PHONE_RE.lastIndex = match.index + (rejectedChain >= REJECTED_CHAIN ? pastRejectedRun(run, ends[0]!) : ends[0]!);
    } else {
      PHONE_RE.lastIndex = match.index + ends[0]!;
    }
  }
}

// ------------------------------------------------------------------------------------- bare domains
// Host names without scheme: labels, dots, a TLD of letters (or punycode). Found from each "x.y" outwards: the
// host starts at the first host character before it, and must not be part of something else (an e-mail
// address, a path, a file extension such as ".lockbit", a longer host).
const DOMAIN_DOT_RE = /[a-z0-9\u00a1-\uffff-]\.[a-z\u00a1-\uffff]/gi;
const HOST_RE =
  /(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+(?:xn--[a-z0-9-]{2,59}|[a-z\u00a1-\uffff]{2,63})(?![\w\u00a1-\uffff-]|\.[a-z0-9\u00a1-\uffff])/giy;
const NOT_BEFORE_HOST = new Set(['@', '/', ':', '\\', '_', '.', '-']);
// Real TLDs that are far more often file extensions in a narrative ("bestand.zip", "video.mov", "notes.one").
const FILE_EXTENSION_TLDS = new Set(['zip', 'mov', 'one', 'cab', 'py', 'sh', 'md']);
// "betaald.Nu ben ik", "gebeld.De bank": a missing space before a capitalised word, not a domain.
const TITLE_CASE_TLD_RE = /\.[A-Z][a-z]+$/;

function isHostChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ||
    code === 0x2d || code === 0x2e || code >= 0xa1
  );
}

function scanDomains(text: string, claims: Claims, sink: Sink): void {
  DOMAIN_DOT_RE.lastIndex = 0;
  for (let dot = DOMAIN_DOT_RE.exec(text); dot; dot = DOMAIN_DOT_RE.exec(text)) {
    let start = dot.index;
    while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
    let runEnd = dot.index + 3;
    while (runEnd < text.length && isHostChar(text.charCodeAt(runEnd))) runEnd++;
    DOMAIN_DOT_RE.lastIndex = runEnd; // one host per run of host characters
    if (NOT_BEFORE_HOST.has(text[start - 1] ?? '') || NOT_BEFORE_HOST.has(text[start]!)) continue;
    HOST_RE.lastIndex = start;
    const match = HOST_RE.exec(text);
    if (!match) continue;
    const candidate = match[0];
    const end = start + candidate.length;
    if (claims.overlaps(start, end) || TITLE_CASE_TLD_RE.test(candidate)) continue;
    const host = asciiHost(candidate);
    if (host === null) continue;
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (FILE_EXTENSION_TLDS.has(tld)) continue;
    const domain = registrableDomain(host);
    // "J.de Vries", "S.de Graaf": a one-letter name before a TLD is an initial, not a domain.
    if (domain === null || domain.indexOf('.') < 2) continue;
    claims.claim(start, end);
    sink('domain', { value: domain }, start, end);
  }
}

// ---------------------------------------------------------------------------------------------- main

/**
 * Every indicator in `text`, in order of appearance, each (type, value) once with the first way it was written.
 * A URL yields both its `url` and its `domain`; an e-mail address only its `email`. The text is cleaned of Unicode
 * look-alikes first (see clean-text.ts); `raw` is always the text as typed. An indicator the text names as the
 * writer's own anywhere is marked `reporterOwn`.
 */
export function findIndicatorsInText(text: string): TextIndicator[] {
  if (text.length < 6) return [];
  const cleaned = cleanTextWithMap(text);
  const refanged = refangWithMap(cleaned.text);
  const toOriginal = composeMaps(cleaned, refanged);
  const clean = refanged.text;
  const found: Found[] = [];
  const sink: Sink = (type, result, start, end) =>
    found.push({ type, value: result.value, enrichment: result.enrichment, start, end, reporterOwn: isReporterOwnInContext(clean, type, start, end) });
  const claims = new Claims();

  scanUrls(clean, claims, sink);
  scanWhatsAppLinks(clean, claims, sink);
  scanEmails(clean, claims, sink);
  scanCrypto(clean, claims, sink);
  scanIbans(clean, claims, sink);
  scanRemoteAccess(clean, claims, sink);
  scanPhones(clean, claims, sink);
  scanDomains(clean, claims, sink);
  if (found.length === 0) return [];

  found.sort((a, b) => a.start - b.start);
  const own = new Set(found.filter((item) => item.reporterOwn).map((item) => `${item.type}\u0000${item.value}`));
  const seen = new Set<string>();
  const indicators: TextIndicator[] = [];
  for (const item of found) {
    const key = `${item.type}\u0000${item.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const raw = text.slice(toOriginal.toOriginalStart(item.start), toOriginal.toOriginalEnd(item.end));
    const indicator: TextIndicator = { type: item.type, value: item.value, raw };
    if (item.enrichment) indicator.enrichment = item.enrichment;
    if (own.has(key)) indicator.reporterOwn = true;
    indicators.push(indicator);
  }
  return indicators;
}
