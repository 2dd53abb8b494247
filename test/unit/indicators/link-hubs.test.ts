/** Link hubs (issue 17): a shortener's or platform's bare domain never links reports; the full link may. */
import { describe, expect, it } from 'vitest';
import { createBenignMatcher, type BenignEntry } from '../../../src-main/benign/benign-matcher';
import defaults from '../../../src-main/indicators/default-benign.json';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';

const matcher = createBenignMatcher(defaults as BenignEntry[]);

/** Each indicator found in the text, with whether the default list keeps it from linking. */
function linking(text: string): string[] {
  return findIndicatorsInText(text)
    .filter((indicator) => matcher.reasonFor(indicator.type, indicator.value) === null)
    .map((indicator) => `${indicator.type} ${indicator.value}`);
}

describe('link hubs', () => {
  it.each([
    ['bit.ly'], ['t.co'], ['tinyurl.com'], ['goo.gl'], ['ow.ly'], ['is.gd'], ['cutt.ly'], ['rb.gy'], ['shorturl.at'], ['tiny.cc'],
    ['wa.me'], ['t.me'], ['facebook.com'], ['fb.me'], ['m.me'], ['instagram.com'], ['discord.gg'], ['signal.me'], ['linktr.ee'],
  ])('the bare domain %s does not link, nor its front page', (domain) => {
    expect(matcher.reasonFor('domain', domain)).not.toBeNull();
    expect(linking(`kijk op ${domain} of https://${domain}/ of https://www.${domain}`)).toEqual([]);
  });

  it.each([
    ['https://bit.ly/3xYz12Q', 'url https://bit.ly/3xYz12Q'],
    ['https://t.co/AbC123xyz', 'url https://t.co/AbC123xyz'],
    ['https://tinyurl.com/ing-pas-2026', 'url https://tinyurl.com/ing-pas-2026'],
    ['https://www.facebook.com/jan.fraudeur.5', 'url https://www.facebook.com/jan.fraudeur.5'],
    ['https://t.me/crypto_gains_nl', 'url https://t.me/crypto_gains_nl'],
  ])('the full link %s may link', (link, expected) => {
    expect(linking(`De link was ${link} en meer niet.`)).toEqual([expected]);
  });

  it('a bank\'s own site covers its URLs, front page and paths alike (unchanged)', () => {
    expect(linking('ik keek op https://www.ing.nl/ en https://www.ing.nl/particulier/inloggen')).toEqual([]);
  });

  it('a phishing domain and its front page still link', () => {
    expect(linking('de site https://ing-veilig.nl/ was nep')).toEqual(['url https://ing-veilig.nl/', 'domain ing-veilig.nl']);
  });
});
