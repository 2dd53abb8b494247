/** A word as FTS5's unicode61 tokenizer sees one: a run of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** A word as the index holds it: diacritics removed ("remove_diacritics 2") and lower case. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words a person typed, folded as the index folds them; punctuation and FTS5 syntax are dropped. */
export function searchWords(query: string): string[] {
  return (query.normalize('NFC').match(WORD) ?? []).map(foldWord);
}
