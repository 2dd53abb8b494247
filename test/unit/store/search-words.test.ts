import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, searchWords } from '../../../src-main/search/search-words';

/** The index's folding spelled out in full: decomposed, marks removed, lower case — what foldWord must equal. */
const decomposedFold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('a word folded as the index folds it', () => {
  it('takes diacritics off and lowers the case, of plain and accented words alike', () => {
    expect(searchWords('Financiële RÉÜNIE Fiets2026 İstanbul Ångström')).toEqual(['financiele', 'reunie', 'fiets2026', 'istanbul', 'angstrom']);
    // The Kelvin sign decomposes to an ASCII K: it is not plain ASCII, so it must still be decomposed.
    expect(foldWord('\u212Aluis')).toBe('kluis');
  });

  it('equals the full decomposition for any word, ASCII or not', () => {
    const letter = fc.oneof(fc.constantFrom(...'aZ09kK'), fc.constantFrom('é', 'Ë', 'ß', 'ı', 'İ', '\u212A', 'ǅ', 'Ω', 'ĳ', '\u0301'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 12 }), (parts) => {
        for (const word of parts.join('').match(/[\p{L}\p{N}]+/gu) ?? []) expect(foldWord(word)).toBe(decomposedFold(word));
      }),
      { numRuns: 2000 },
    );
  });
});
