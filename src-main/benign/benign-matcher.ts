import type Database from 'better-sqlite3';
import { parseUrl } from '../indicators/normalize/url';

export interface BenignEntry {
  type: string;
  value: string;
  reason: string;
}

/** A URL is benign when its registrable domain is (a bank's own login page is not evidence). */
export function domainOfUrl(url: string): string | null {
  return parseUrl(url)?.domain ?? null;
}

export interface BenignMatcher {
  reasonFor(type: string, value: string): string | null;
}

export function createBenignMatcher(entries: Iterable<BenignEntry>): BenignMatcher {
  const byKey = new Map<string, string>();
  for (const entry of entries) byKey.set(`${entry.type}\u0000${entry.value}`, entry.reason);
  return {
    reasonFor(type, value) {
      const direct = byKey.get(`${type}\u0000${value}`);
      if (direct !== undefined) return direct;
      if (type === 'url') {
        const domain = domainOfUrl(value);
        if (domain) return byKey.get(`domain\u0000${domain}`) ?? null;
      }
      return null;
    },
  };
}

export function loadBenignMatcher(sqlite: Database.Database): BenignMatcher {
  return createBenignMatcher(sqlite.prepare<[], BenignEntry>('SELECT type, value, reason FROM benign_values').all());
}
