import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../src-main/search/search-words';
import { snippetOf } from '../../../src-main/search/snippet';

describe('the snippet of a search hit', () => {
  it('marks words that begin with a search word, folding case and diacritics', () => {
    expect(snippetOf([null, 'Een financiële adviseur beloofde rendement.'], searchWords('FINANCIELE'))).toBe('Een [financiële] adviseur beloofde rendement.');
    expect(snippetOf(['Fiets nooit geleverd', null], searchWords('fiets'))).toBe('[Fiets] nooit geleverd');
  });

  it('shows the sixteen words where the matches stand most densely, with … where text is cut', () => {
    const narrative = `${'eerst veel woorden zonder treffer '.repeat(5)}toen betaald aan de verkoper en weer betaald aan de verkoper ${'daarna nog meer woorden '.repeat(5)}`;
    expect(snippetOf([narrative], searchWords('betaald verkoper'))).toBe(
      '…zonder treffer toen [betaald] aan de [verkoper] en weer [betaald] aan de [verkoper] daarna nog meer…',
    );
  });

  it('takes the text with more matches, and the summary when neither has any', () => {
    expect(snippetOf(['Pakket', 'Het pakket kwam niet, het pakket was nep'], searchWords('pakket'))).toBe('Het [pakket] kwam niet, het [pakket] was nep');
    expect(snippetOf(['Samenvatting', 'Verhaal'], searchWords('fiets'))).toBe('Samenvatting');
    expect(snippetOf([null, null], searchWords('fiets'))).toBe('');
  });
});
