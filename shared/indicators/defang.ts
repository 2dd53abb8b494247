/**
 * Undoing "defanging": victims and analysts write links and addresses so they cannot be clicked or harvested
 * (`hxxps://ing-verificatie[.]nl`, `info[at]example(dot)com`). Text extraction refangs first and then maps every
 * match back to the original text, because a mention must keep the text exactly as the victim typed it.
 */
import { unchanged, type MappedText } from './clean-text';

// One pass over the text. Alternatives:
//  1. a bracketed dot or at                 → . or @   ([.] (.) {.} [dot] (dot) [punt] [at] (at) [@] …)
//  2. a bracketed colon or slash            → : :// /  ([:] [://] [/])
//  3. hxxp / hXXps / h**ps before `:`/`[:]` → http / https
// Spaces around a bracketed dot or at are dropped too ("info [at] example [dot] com"); that is done by hand
// after the match, because a regex starting with optional spaces is tried at every space and is 2× slower.
const DEFANG_RE = /[[({][ \t]*(?:(\.|dot|punt)|(at|@))[ \t]*[\])}]|\[(:\/\/|:|\/)\]|h(?<=\bh)(?:xx|\*\*)p(s?)(?=\[?:)/gi;

/** The text with defanging undone, and the way back to the original offsets. */
export type RefangedText = MappedText;

function replacementFor(match: RegExpExecArray): string {
  if (match[1] !== undefined) return '.';
  if (match[2] !== undefined) return '@';
  if (match[3] !== undefined) return match[3];
  return match[4] ? 'https' : 'http';
}

const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';

/** Refangs `text` and keeps a map from the new offsets back to the original ones. */
export function refangWithMap(text: string): RefangedText {
  DEFANG_RE.lastIndex = 0;
  let match = DEFANG_RE.exec(text);
  if (!match) return unchanged(text);

  // Each replacement as [outStart, outEnd, inStart, inEnd]; offsets between replacements shift by a constant.
  const spans: number[] = [];
  let out = '';
  let copiedUpTo = 0;
  while (match) {
    const replacement = replacementFor(match);
    let start = match.index;
    let end = start + match[0].length;
    if (replacement === '.' || replacement === '@') {
      while (start > copiedUpTo && isBlank(text[start - 1])) start--;
      while (isBlank(text[end])) end++;
      DEFANG_RE.lastIndex = end;
    }
    out += text.slice(copiedUpTo, start);
    spans.push(out.length, out.length + replacement.length, start, end);
    out += replacement;
    copiedUpTo = end;
    match = DEFANG_RE.exec(text);
  }
  out += text.slice(copiedUpTo);

  const map = (offset: number, isEnd: boolean): number => {
    let shift = 0;
    for (let i = 0; i < spans.length; i += 4) {
      const outStart = spans[i]!;
      const outEnd = spans[i + 1]!;
      if (offset < outStart || (isEnd && offset === outStart)) break;
      if (offset < outEnd || (isEnd && offset === outEnd)) return isEnd ? spans[i + 3]! : spans[i + 2]!;
      shift = spans[i + 3]! - outEnd;
    }
    return offset + shift;
  };
  return { text: out, toOriginalStart: (offset) => map(offset, false), toOriginalEnd: (offset) => map(offset, true) };
}

/** Refangs `text` (see the module comment); text without defanging comes back unchanged. */
export function refang(text: string): string {
  return refangWithMap(text).text;
}
