/**
 * Unicode clean-up before extraction. Citizens paste indicators from chat apps and web pages, and phones type
 * digits full-width: `０６-１２３４５６７８`, `NL91\u200BABNA…` (a zero-width space copied along), `06\u00A012345678`.
 * Every character is NFKC-normalised on its own (full-width and other compatibility forms become ASCII), invisible
 * format characters (zero-width space/joiner, BOM, bidi marks, soft hyphen) are dropped, Unicode spaces become a
 * space and Unicode hyphens a `-`. A map leads every offset back to the text as typed, so a mention keeps the
 * indicator exactly as the victim wrote it.
 */

/** A text changed for extraction, and the way back to the offsets of the text it came from. */
export interface MappedText {
  readonly text: string;
  /** Maps a start offset in `text` to the offset in the original. */
  toOriginalStart(offset: number): number;
  /** Maps an end offset (exclusive) in `text` to the offset in the original. */
  toOriginalEnd(offset: number): number;
}

const identity = (offset: number): number => offset;

export function unchanged(text: string): MappedText {
  return { text, toOriginalStart: identity, toOriginalEnd: identity };
}

// Default-ignorable format characters people copy along: soft hyphen, Arabic letter mark, Mongolian vowel
// separator, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and the
// invisible operators, BOM / zero-width no-break space.
const INVISIBLE_RE = /^[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]$/;
const SPACE_RE = /^[\p{Zs}\u2028\u2029\u0085]$/u;
// Hyphens NFKC leaves alone: hyphen, non-breaking hyphen (NFKC → U+2010), figure dash, minus sign.
const HYPHEN_RE = /^[\u2010-\u2012\u2212]$/;
const NON_ASCII_RE = /[^\t\n\r\u0020-\u007e]/;

const cache = new Map<string, string>();

/** What one non-ASCII character (a whole code point) becomes. */
function replacementOf(char: string): string {
  const hit = cache.get(char);
  if (hit !== undefined) return hit;
  let out: string;
  if (INVISIBLE_RE.test(char)) out = '';
  else if (SPACE_RE.test(char)) out = ' ';
  else {
    out = char.normalize('NFKC');
    if (HYPHEN_RE.test(out)) out = '-';
    else if (SPACE_RE.test(out)) out = ' ';
  }
  if (cache.size < 10_000) cache.set(char, out);
  return out;
}

const NON_ASCII_ALL_RE = /[^\t\n\r\u0020-\u007e]/g;

/** Whether any character of `text` changes (most Dutch text has only é, ë, €, ’ …, which stay). */
function needsCleaning(text: string): boolean {
  NON_ASCII_ALL_RE.lastIndex = 0;
  for (let match = NON_ASCII_ALL_RE.exec(text); match; match = NON_ASCII_ALL_RE.exec(text)) {
    const code = match[0].charCodeAt(0);
    if (code < 0x80) continue; // control characters stay
    const char = code >= 0xd800 && code <= 0xdbff ? text.slice(match.index, match.index + 2) : match[0];
    if (replacementOf(char) !== char) return true;
  }
  return false;
}

/** The cleaned text with a map back to the original offsets; ASCII text and text needing nothing come back as is. */
export function cleanTextWithMap(text: string): MappedText {
  if (!NON_ASCII_RE.test(text) || !needsCleaning(text)) return unchanged(text);
  // For every output character: where the character it came from starts and ends in the original.
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const char = width === 2 ? text.slice(i, i + 2) : text[i]!;
    const replacement = code < 0x80 ? char : replacementOf(char);
    if (replacement !== char) changed = true;
    for (let k = 0; k < replacement.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += replacement;
    i += width;
  }
  if (!changed) return unchanged(text);
  return {
    text: out,
    toOriginalStart: (offset) => (offset >= starts.length ? text.length : starts[offset]!),
    toOriginalEnd: (offset) => (offset <= 0 ? 0 : ends[Math.min(offset, ends.length) - 1]!),
  };
}

/** The cleaned text only (structured fields, which keep their value as typed elsewhere). */
export function cleanText(text: string): string {
  return NON_ASCII_RE.test(text) ? cleanTextWithMap(text).text : text;
}

/** `inner` mapped through `outer`: offsets of a text derived twice lead back to the first text. */
export function composeMaps(outer: MappedText, inner: MappedText): MappedText {
  if (outer.toOriginalStart === identity) return inner;
  return {
    text: inner.text,
    toOriginalStart: (offset) => outer.toOriginalStart(inner.toOriginalStart(offset)),
    toOriginalEnd: (offset) => outer.toOriginalEnd(inner.toOriginalEnd(offset)),
  };
}
