/**
 * A word as FTS5's unicode61 tokenizer sees one: a run of letters and digits. Not the few letters to JavaScript that
 * the tokenizer takes for separators (its Unicode tables class them as the marks they once were): New Tai Lue vowel
 * signs and two Vedic signs. The index splits a word there, so a search word must never span one: it would be a phrase,
 * which a snippet does not mark as found, and which an index without positions (migrations 0028 to 0038) refuses.
 */
export const WORD = /(?:(?![\u19B0-\u19C0\u19C8\u19C9\u1CF2\u1CF3])[\p{L}\p{N}])+/gu;

const ASCII_WORD = /^[A-Za-z0-9]*$/;

/** A word as the index holds it: diacritics removed ("remove_diacritics 2") and lower case. */
export function foldWord(word: string): string {
  // Most words of a Dutch text are ASCII letters and digits: no marks to remove, and NFD leaves them as they are. A
  // snippet folds every word of 50 hits' texts; decomposing them all took a tenth of a search.
  return ASCII_WORD.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words a person typed, folded as the index folds them; punctuation and FTS5 syntax are dropped. */
export function searchWords(query: string): string[] {
  return (query.normalize('NFC').match(WORD) ?? []).map(foldWord);
}
