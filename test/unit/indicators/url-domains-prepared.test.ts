/**
 * The prepare worker passes each URL's domain with its mention (withUrlDomains), so the report writer does not parse
 * the URL again: the benign decision must be the one the matcher takes when it parses the URL itself.
 */
import { describe, expect, it } from 'vitest';
import { createBenignMatcher, withUrlDomains, type BenignEntry } from '../../../src-main/benign/benign-matcher';
import defaults from '../../../src-main/indicators/default-benign.json';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';
import type { ExtractedMention } from '../../../shared/indicators/types';

const matcher = createBenignMatcher(defaults as BenignEntry[]);

const TEXT = [
  'https://www.ing.nl/particulier/inloggen', // a bank's own site: benign, its paths too
  'https://bit.ly/', // a link hub's front page: benign
  'https://bit.ly/3xYz12Q', // a link hub's full link: links
  'https://www.facebook.com/jan.fraudeur.5', // a platform's page of a person: links
  'https://ing-veilig.nl/', // a phishing site: links
  'hxxps://rabobank-verificatie[.]nl/login', // defanged: links
].join(' en ');

const mentions = (): ExtractedMention[] => findIndicatorsInText(TEXT).map((indicator) => ({ ...indicator, field: 'incident.narrative', raw: indicator.value }));

describe('URL domains worked out where the mentions are extracted', () => {
  it('give every mention the benign decision the matcher takes by parsing the URL itself', () => {
    const prepared = withUrlDomains(mentions());
    expect(prepared.filter((mention) => mention.type === 'url')).toHaveLength(6);
    const decisions = prepared.map((mention) => matcher.reasonFor(mention.type, mention.value, mention.urlDomain));
    expect(decisions).toEqual(mentions().map((mention) => matcher.reasonFor(mention.type, mention.value)));
    expect(decisions.filter((reason) => reason !== null).length).toBeGreaterThan(0);
    expect(decisions.filter((reason) => reason === null).length).toBeGreaterThan(0);
  });

  it('are what the matcher reads: a domain passed with a URL decides it (so only the prepare step may pass one)', () => {
    expect(matcher.reasonFor('url', 'https://ing-veilig.nl/login', 'ing.nl')).not.toBeNull();
    expect(matcher.reasonFor('url', 'https://ing-veilig.nl/login')).toBeNull();
  });
});
