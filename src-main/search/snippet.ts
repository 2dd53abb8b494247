/**
 * The piece of a report's text around what a search found, with the matches in [brackets]. Made here rather
 * than with FTS5's snippet(): that needs the query's match context, and for a common word every call would merge
 * the word's whole index again. Words are matched the way the index matches them: case and diacritics folded,
 * each search word as the start of a word in the text.
 */
import { foldWord, WORD } from './search-words';

const SNIPPET_WORDS = 16;

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

function tokens(text: string, words: readonly string[]): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    found.push({ start: match.index, end: match.index + match[0].length, hit: words.some((word) => folded.startsWith(word)) });
  }
  return found;
}

/** The first of SNIPPET_WORDS words that hold the most matches (the earliest such run), with its matches centred. */
function bestWindow(found: readonly Token[]): { first: number; hits: number } {
  let best = { last: 0, hits: -1 };
  let hits = 0;
  for (let index = 0; index < found.length; index++) {
    if (found[index]!.hit) hits++;
    const first = index - SNIPPET_WORDS + 1;
    if (first > 0 && found[first - 1]!.hit) hits--;
    if (hits > best.hits) best = { last: index, hits };
  }
  let firstHit = Math.max(best.last - SNIPPET_WORDS + 1, 0);
  while (firstHit < best.last && !found[firstHit]!.hit) firstHit++;
  const room = SNIPPET_WORDS - (best.last - firstHit + 1);
  const first = Math.min(Math.max(firstHit - Math.floor(room / 2), 0), Math.max(found.length - SNIPPET_WORDS, 0));
  return { first, hits: best.hits };
}

function render(text: string, found: readonly Token[], first: number): string {
  const window = found.slice(first, first + SNIPPET_WORDS);
  if (window.length === 0) return '';
  let out = first > 0 ? '…' : '';
  let at = window[0]!.start;
  for (const token of window) {
    out += text.slice(at, token.start);
    out += token.hit ? `[${text.slice(token.start, token.end)}]` : text.slice(token.start, token.end);
    at = token.end;
  }
  const last = window.at(-1)!;
  return first + SNIPPET_WORDS < found.length ? `${out}…` : out + text.slice(last.end);
}

/** From the text (summary or narrative) where the search words stand most densely; the summary when neither has any. */
export function snippetOf(texts: ReadonlyArray<string | null>, words: readonly string[]): string {
  let best: { text: string; found: Token[]; first: number; hits: number } | null = null;
  for (const text of texts) {
    if (!text) continue;
    const found = tokens(text, words);
    const window = bestWindow(found);
    if (!best || window.hits > best.hits) best = { text, found, ...window };
  }
  return best ? render(best.text, best.found, best.first) : '';
}
