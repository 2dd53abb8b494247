/**
 * Brand names in fresh domains (issue 16, new methods): domains first named by a report in the last seven days
 * whose name carries a known brand — a Dutch bank, parcel service, government service or marketplace
 * (`ing-veilig.nl`, `rabo-bank-verificatie.com`, `digid-inlog.net`). The brands are data (overview settings).
 * A brand's own registrable domains never count, nor do benign mentions.
 */
import type Database from 'better-sqlite3';
import { getDomainWithoutSuffix } from 'tldts';
import type { Brand, FreshBrandDomain } from '../../shared/overview/types';
import { addDays, endOfDay } from './days';
import { teamClause, teamParam } from './team-filter';

/** Marks this long or longer also count inside a longer word (`mijndigid`); shorter ones only as a whole word, so `thing.nl` is not ING. */
export const SUBSTRING_MARK_LENGTH = 5;
/** Report ids listed per domain (the count is exact; the list is for opening them). */
const REPORT_IDS_LIMIT = 50;

/** Digits that stand in for letters in look-alike names (`rab0bank`, `d1gid`). */
const LOOK_ALIKE_DIGITS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** The words of a registrable domain's name without its public suffix, look-alike digits read as letters. */
function nameWords(domain: string): string[] {
  const name = getDomainWithoutSuffix(domain, { allowPrivateDomains: true }) ?? '';
  return name
    .replace(/[013457]/g, (digit) => LOOK_ALIKE_DIGITS[digit] ?? digit)
    .split(/[-.]+/)
    .filter((word) => word.length > 0);
}

/**
 * Whether a brand's mark can be in the domain's name at all: the name's words joined are a piece of the whole domain
 * with look-alike digits read and separators dropped. Most fresh domains carry no mark, and this spares them the
 * public suffix lookup.
 */
function mayCarryMark(domain: string, brands: readonly Brand[]): boolean {
  const squashed = domain.toLowerCase().replace(/[013457]/g, (digit) => LOOK_ALIKE_DIGITS[digit] ?? digit).replace(/[-.]/g, '');
  return brands.some((brand) => brand.marks.some((mark) => squashed.includes(mark)));
}

/** The brand a domain pretends to be, or null: its own domains and names without a brand's mark are not. */
export function brandOfDomain(domain: string, brands: readonly Brand[]): string | null {
  if (!mayCarryMark(domain, brands)) return null;
  const words = nameWords(domain);
  const joined = words.join('');
  for (const brand of brands) {
    if (brand.domains.includes(domain)) continue;
    const named = brand.marks.some((mark) => words.includes(mark) || (mark.length >= SUBSTRING_MARK_LENGTH && joined.includes(mark)));
    if (named) return brand.name;
  }
  return null;
}

/** Domains named in the last seven days (by reports of `team`, when given) that no report named before and that carry a brand. */
export function computeFreshBrandDomains(sqlite: Database.Database, asOf: string, team: string | null, brands: readonly Brand[]): FreshBrandDomain[] {
  const fromDay = addDays(asOf, -6);
  const end = endOfDay(asOf);
  // Domains first named in the window, from each indicator's kept first day (indicator_totals, over all teams, in the
  // index of domains by first day) — only the window's new domains are read, not every indicator it names; for a
  // team, those its own reports named in the window.
  const rows = sqlite
    .prepare<Record<string, string>, { indicatorId: number; domain: string; firstSeen: string }>(
      `SELECT t.indicator_id AS indicatorId, i.value AS domain, t.first_day AS firstSeen
         FROM indicator_totals t INDEXED BY indicator_totals_fresh_domains CROSS JOIN indicators i ON i.id = t.indicator_id
        WHERE t.domain = 1 AND t.first_day >= @fromDay AND t.first_day <= @asOf
          ${team === null ? '' : `AND EXISTS (SELECT 1 FROM indicator_day_counts w WHERE w.indicator_id = t.indicator_id AND w.day >= @fromDay AND w.day <= @asOf ${teamClause(team, 'w.team')})`}`,
    )
    .all({ fromDay, asOf, ...teamParam(team) });
  const branded = new Map<number, { domain: string; brand: string; firstSeen: string }>();
  for (const { indicatorId, domain, firstSeen } of rows) {
    const brand = brandOfDomain(domain, brands);
    if (brand !== null) branded.set(indicatorId, { domain, brand, firstSeen });
  }
  // Their reports in one statement: through each domain's mentions (CROSS JOIN), never through every report received by then.
  const reportRows = sqlite
    .prepare<Record<string, string>, [number, string]>(
      `SELECT m.indicator_id, r.report_id FROM json_each(@ids) d CROSS JOIN mentions m ON m.indicator_id = d.value CROSS JOIN reports r ON r.id = m.report_id
        WHERE m.benign = 0 AND r.status = 'filed' AND r.received_at <= @end ${team === null ? '' : 'AND r.route_team = @team'}
        GROUP BY m.indicator_id, r.id ORDER BY m.indicator_id, r.received_at, r.report_id`,
    )
    .raw()
    .all({ ids: JSON.stringify([...branded.keys()]), end, ...teamParam(team) });
  const reportsOf = new Map<number, string[]>();
  for (const [indicatorId, reportId] of reportRows) (reportsOf.get(indicatorId) ?? reportsOf.set(indicatorId, []).get(indicatorId)!).push(reportId);
  const found = [...branded].map(([indicatorId, { domain, brand, firstSeen }]): FreshBrandDomain => {
    const reportIds = reportsOf.get(indicatorId) ?? [];
    return { domain, brand, firstSeen, reports: reportIds.length, reportIds: reportIds.slice(0, REPORT_IDS_LIMIT) };
  });
  return found.sort((a, b) => b.reports - a.reports || b.firstSeen.localeCompare(a.firstSeen) || a.domain.localeCompare(b.domain));
}
