import type Database from 'better-sqlite3';
import type { ExtractedMention } from '../../shared/indicators/types';
import { parseUrl } from '../../shared/indicators/normalize/web-url';
import { listBenignValues } from './benign-values';

export interface BenignEntry {
  type: string;
  value: string;
  reason: string;
  /** Domains only: false where a URL's path names the offender (t.me/…, instagram.com/…). Default true. */
  coversUrls?: boolean;
}

export function domainOfUrl(url: string): string | null {
  return parseUrl(url)?.domain ?? null;
}

/** A mention with, when it is a URL, its domain as the matcher reads it (`domainOfUrl` of its value). */
export type MentionWithDomain = ExtractedMention & { urlDomain?: string | null };

/**
 * The mentions with each URL's domain worked out, where they are extracted (the prepare worker), so that the thread
 * writing the store does not parse the URL again to ask the benign list about it.
 */
export function withUrlDomains(mentions: readonly ExtractedMention[]): MentionWithDomain[] {
  return mentions.map((mention) => (mention.type === 'url' ? { ...mention, urlDomain: domainOfUrl(mention.value) } : mention));
}

/** A canonical URL without a path (`https://bit.ly/`): it names only its host. */
export function isBareUrl(url: string): boolean {
  return /^https?:\/\/[^/]+\/$/.test(url);
}

/**
 * A URL is benign when its registrable domain is and covers its URLs (a bank's own login page is not evidence).
 * A bare URL on any benign domain is benign too: `https://bit.ly/` or `https://www.facebook.com/` is a link hub's
 * front door and ties no two reports together, while `https://bit.ly/3xYz` or `facebook.com/jan.fraudeur.5` may.
 */
export interface BenignMatcher {
  /** `urlDomain`: a URL's `domainOfUrl`, when already worked out (withUrlDomains); else worked out here. */
  reasonFor(type: string, value: string, urlDomain?: string | null): string | null;
}

export function createBenignMatcher(entries: Iterable<BenignEntry>): BenignMatcher {
  const byKey = new Map<string, string>();
  const domainsCoveringUrls = new Map<string, string>();
  const domains = new Map<string, string>();
  for (const entry of entries) {
    byKey.set(`${entry.type}\u0000${entry.value}`, entry.reason);
    if (entry.type !== 'domain') continue;
    domains.set(entry.value, entry.reason);
    if (entry.coversUrls !== false) domainsCoveringUrls.set(entry.value, entry.reason);
  }
  return {
    reasonFor(type, value, urlDomain) {
      const direct = byKey.get(`${type}\u0000${value}`);
      if (direct !== undefined) return direct;
      if (type === 'url') {
        const domain = urlDomain === undefined ? domainOfUrl(value) : urlDomain;
        if (domain) return domainsCoveringUrls.get(domain) ?? (isBareUrl(value) ? (domains.get(domain) ?? null) : null);
      }
      return null;
    },
  };
}

export function loadBenignMatcher(sqlite: Database.Database): BenignMatcher {
  return createBenignMatcher(listBenignValues(sqlite));
}
