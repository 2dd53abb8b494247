/**
 * New methods in the reports' own words: words and word pairs of the summaries that many more reports use in the
 * last seven days than in the seven before (a new brand, app or pretext: "tikkie", "veilige rekening"). Counted
 * once per report; a term rises when at least `MIN_REPORTS` reports use it now and that many is improbable at last
 * week's count (Poisson tail below `MAX_TAIL`, strict because thousands of terms are tested; absent counts as one).
 * The distinct summaries and their reports per day are kept (summary-day-counts.ts).
 */
import type Database from 'better-sqlite3';
import type { RisingTerm } from '../../shared/overview/types';
import { addDays } from './days';
import { poissonTailBelow } from './poisson';
import { summaryWeeks } from './summary-day-counts';

export const MIN_REPORTS = 5;
const MAX_TAIL = 1e-4;
const TERMS_LIMIT = 30;

/** Lower-case words of three letters or more (letters, digits, hyphen), and each pair of neighbouring words. */
export function termsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}-]{2,}/gu) ?? [];
  const terms = new Set(words);
  for (let index = 1; index < words.length; index += 1) terms.add(`${words[index - 1]} ${words[index]}`);
  return terms;
}

export function computeRisingTerms(sqlite: Database.Database, asOf: string, team: string | null): RisingTerm[] {
  // Reports that share a summary word for word (a campaign's template, a copied text) are tokenised once.
  const rows = summaryWeeks(sqlite, { from: addDays(asOf, -13), recentFrom: addDays(asOf, -6), to: asOf }, team);
  const counts = new Map<string, { thisWeek: number; lastWeek: number }>();
  for (const [summary, thisWeek, lastWeek] of rows) {
    for (const term of termsOf(summary)) {
      const count = counts.get(term);
      if (count) {
        count.thisWeek += thisWeek;
        count.lastWeek += lastWeek;
      } else counts.set(term, { thisWeek, lastWeek });
    }
  }
  return [...counts]
    .filter(([, count]) => count.thisWeek >= MIN_REPORTS && poissonTailBelow(count.thisWeek, Math.max(count.lastWeek, 1), MAX_TAIL) !== null)
    .map(([term, count]) => ({ term, ...count }))
    .sort((a, b) => b.thisWeek / Math.max(b.lastWeek, 1) - a.thisWeek / Math.max(a.lastWeek, 1) || b.thisWeek - a.thisWeek || a.term.localeCompare(b.term))
    .slice(0, TERMS_LIMIT);
}
