/**
 * What to stop first: indicators still naming new victims, ranked by the harm they do per day while they run —
 * victims per day over the last days × the typical (median) loss of those recent victims — with the victims and
 * loss so far and the state of the newest request about them. Victims and loss come from the kept counts and totals
 * (indicator-day-counts.ts); only the losses whose median can still reach the ranking are read report by report.
 */
import type Database from 'better-sqlite3';
import type { RequestState } from '../../shared/requests/lifecycle';
import type { HarmEntry } from '../../shared/overview/types';
import { addDays, endOfDay, startOfDay } from './days';
import { HARM_KEY_SQL, indicatorTotals } from './indicator-day-counts';
import { median } from './median';
import { teamClause, teamParam } from './team-filter';
import { firstReportIdIn } from './window-first-report';

export const HARM_LIMIT = 50;

interface Ranked {
  id: number;
  recent: number;
  typicalLoss: number;
  harmPerDay: number;
  recentLoss: number;
}

const byHarm = (a: Ranked, b: Ranked) => b.harmPerDay - a.harmPerDay || b.recent - a.recent || b.recentLoss - a.recentLoss || a.id - b.id;

function rankEntry(id: number, recent: number, typical: number, recentLoss: number, harmDays: number): Ranked {
  const typicalLoss = Math.round(typical);
  return { id, recent, typicalLoss, harmPerDay: Math.round((recent / harmDays) * typicalLoss), recentLoss };
}

/** The harm per day at or above which an entry holds one of the HARM_LIMIT places among those known so far. */
class LastPlace {
  private readonly best: number[] = [];

  add(harmPerDay: number): void {
    if (this.best.length === HARM_LIMIT && harmPerDay <= this.best[HARM_LIMIT - 1]!) return;
    let at = this.best.findIndex((harm) => harm < harmPerDay);
    if (at < 0) at = this.best.length;
    this.best.splice(at, 0, harmPerDay);
    if (this.best.length > HARM_LIMIT) this.best.pop();
  }

  get bar(): number {
    return this.best.length < HARM_LIMIT ? Number.NEGATIVE_INFINITY : this.best[HARM_LIMIT - 1]!;
  }
}

/**
 * The same bound from the window's own sums, tighter than the totals' key: a candidate below the last place needs no
 * losses read. One or two victims' typical loss is their mean, so loss/days plus rounding; more, the key's median bound.
 */
function windowBound(reports: number, loss: number, harmDays: number): number {
  return reports <= 2 ? loss / harmDays + reports / (2 * harmDays) + 1 : (reports / harmDays) * ((2 * loss) / (reports + 1) + 1) + 1;
}

/** Candidates read by the first statement (the ranking usually settles within them); each further one reads twice as many. */
const FIRST_PAGE = 8 * HARM_LIMIT;

/** A candidate named in the window, with its window's sums and the bound its harm per day cannot exceed. */
interface Named {
  indicatorId: number;
  reports: number;
  loss: number;
  bound: number;
}

/** The page of candidates at offset/limit; `last` when no later candidate can reach `bar` (or none is left). */
type CandidateReader = (offset: number, limit: number, bar: number) => { named: Named[]; last: boolean };

interface HarmWindow {
  fromDay: string;
  asOf: string;
  harmDays: number;
}

/**
 * Everyone's candidates come from each indicator's kept totals (`indicator_totals`), highest key first through its
 * index, and only those named in the window (first day on or before it ends, last day on or after it starts) have
 * their window summed from their own day counts — never every indicator of the window (two weeks name some 50k). The
 * key bounds the harm: no loss is below zero (money.ts counts only positive payments; loss-never-negative.test.ts
 * pins it), so the median of n losses summing to s is at most 2·s/(n + 1) (half of them or more are at least the
 * median), and with Math.round's halves the harm per day of n recent victims is at most (2·s·n/(n + 1) + n + days) /
 * days — which only grows with n and s, so the totals' key bounds every window. Once a key's bound falls below the
 * last place already taken, no later candidate can rank.
 */
function candidatesFromTotals(sqlite: Database.Database, { fromDay, asOf, harmDays }: HarmWindow): CandidateReader {
  const candidates = sqlite.prepare<Record<string, string | number>, { indicatorId: number; key: number }>(
    `SELECT indicator_id AS indicatorId, ${HARM_KEY_SQL} AS key FROM indicator_totals INDEXED BY indicator_totals_harm
      WHERE last_day >= @fromDay AND first_day <= @asOf ORDER BY ${HARM_KEY_SQL} DESC LIMIT @limit OFFSET @offset`,
  );
  // The page's window sums in one statement (hundreds of one-row statements cost more in calls than in reading);
  // a candidate named before and after the window but not in it has no rows there, and is left out.
  const windowSums = sqlite.prepare<Record<string, string>, Omit<Named, 'bound'>>(
    `SELECT d.indicator_id AS indicatorId, sum(d.reports) AS reports, sum(d.loss_cents) AS loss
       FROM json_each(@ids) c CROSS JOIN indicator_day_counts d ON d.indicator_id = c.value
      WHERE d.day >= @fromDay AND d.day <= @asOf GROUP BY c.key ORDER BY c.key`,
  );
  return (offset, limit, bar) => {
    const page = candidates.all({ fromDay, asOf, offset, limit });
    // Below the bar, this candidate and every later one (lower keys) cannot rank.
    const reaching = page.findIndex(({ key }) => (key + harmDays) / harmDays < bar);
    const ids = (reaching < 0 ? page : page.slice(0, reaching)).map(({ indicatorId }) => indicatorId);
    const named = windowSums
      .all({ ids: JSON.stringify(ids), fromDay, asOf })
      .filter(({ reports }) => reports > 0)
      .map(({ indicatorId, reports, loss }) => ({ indicatorId, reports, loss, bound: windowBound(reports, loss, harmDays) }));
    return { named, last: reaching >= 0 || page.length < limit };
  };
}

/**
 * A team's candidates come from the team's own rows of the window, summed per indicator and handed over highest
 * bound first: the totals are everyone's, and most of their candidates name none of a team's reports, so a team with
 * few indicators would sum the window of every indicator before its 50 places filled. The same bound as
 * windowBound, worked out in the grouping itself (a subquery would hand every group over once more before ordering).
 */
function candidatesOfTeam(sqlite: Database.Database, { fromDay, asOf, harmDays }: HarmWindow, team: string): CandidateReader {
  const candidates = sqlite.prepare<Record<string, string | number>, Named>(
    `SELECT indicator_id AS indicatorId, sum(reports) AS reports, sum(loss_cents) AS loss,
            CASE WHEN sum(reports) <= 2 THEN sum(loss_cents) * 1.0 / @harmDays + sum(reports) / (2.0 * @harmDays) + 1
              ELSE sum(reports) * 1.0 / @harmDays * (2.0 * sum(loss_cents) / (sum(reports) + 1) + 1) + 1 END AS bound
       FROM indicator_day_counts WHERE day >= @fromDay AND day <= @asOf ${teamClause(team)}
      GROUP BY indicator_id ORDER BY bound DESC, indicatorId LIMIT @limit OFFSET @offset`,
  );
  let lowestRead = Number.POSITIVE_INFINITY;
  return (offset, limit, bar) => {
    if (lowestRead < bar) return { named: [], last: true };
    const named = candidates.all({ fromDay, asOf, harmDays, offset, limit, ...teamParam(team) });
    lowestRead = named.at(-1)?.bound ?? lowestRead;
    return { named, last: named.length < limit };
  };
}

/**
 * The HARM_LIMIT indicators doing most harm per day, among everyone's (team null) or one team's reports. One or two
 * recent victims' median is their mean, known from the sums; for three or more it needs each loss, read only for
 * those that can still rank: a page's candidates are ranked highest bound first, so that the last place rises
 * before the losses of weaker ones would be read.
 */
function rankByHarm(sqlite: Database.Database, window: HarmWindow & { team: string | null }): Ranked[] {
  const { fromDay, asOf, harmDays, team } = window;
  const read = team === null ? candidatesFromTotals(sqlite, window) : candidatesOfTeam(sqlite, window, team);
  const recentLosses = recentLossReader(sqlite, startOfDay(fromDay), endOfDay(asOf), team);
  const known: Ranked[] = [];
  const lastPlace = new LastPlace();
  for (let offset = 0, limit = FIRST_PAGE; ; offset += limit, limit *= 2) {
    const { named, last } = read(offset, limit, lastPlace.bar);
    for (const { indicatorId, reports, loss, bound } of named.sort((a, b) => b.bound - a.bound)) {
      if (bound < lastPlace.bar) break;
      const typical = reports > 2 ? (median(recentLosses(indicatorId)) ?? 0) : loss / reports;
      known.push(rankEntry(indicatorId, reports, typical, loss, harmDays));
      lastPlace.add(known.at(-1)!.harmPerDay);
    }
    if (last) break;
  }
  return known.filter((entry) => entry.harmPerDay >= lastPlace.bar).sort(byHarm).slice(0, HARM_LIMIT);
}

/** Each loss of an indicator's reports in the window; the statement and the window's first report are looked up at the first call (most overviews need none). */
function recentLossReader(sqlite: Database.Database, from: string, end: string, team: string | null): (indicatorId: number) => number[] {
  let read: ((indicatorId: number) => number[]) | undefined;
  return (indicatorId) => {
    if (!read) {
      const params = { from, end, firstId: firstReportIdIn(sqlite, from, end), ...teamParam(team) };
      const statement = sqlite
        .prepare<Record<string, string | number>, number>(
          // The unary + keeps SQLite from scanning the window's reports for each indicator: it reads the indicator's
          // mentions from the window's first report on.
          `SELECT r.loss_cents FROM reports r WHERE +r.status = 'filed' AND +r.received_at >= @from AND +r.received_at <= @end ${team === null ? '' : 'AND r.route_team = @team'}
              AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = @id AND report_id >= @firstId AND benign = 0)`,
        )
        .pluck();
      read = (id) => statement.all({ ...params, id });
    }
    return read(indicatorId);
  };
}

export function computeHarm(sqlite: Database.Database, asOf: string, harmDays: number, team: string | null): HarmEntry[] {
  // No team ('', an officer without one) names no report: nothing to rank.
  if (team === '') return [];
  const end = endOfDay(asOf);
  const ranking = rankByHarm(sqlite, { fromDay: addDays(asOf, -harmDays + 1), asOf, harmDays, team });
  const indicatorOf = sqlite.prepare<[number], { type: string; value: string }>('SELECT type, value FROM indicators WHERE id = ?');
  const totalsOf = indicatorTotals(sqlite, team);
  const requestOf = sqlite
    .prepare<[string, string, string], { state: RequestState; createdAt: string; id: string }>(
      // A withdrawn draft is no request about the indicator (a batched letter replaced it, or nobody will send it).
      "SELECT state, created_at AS createdAt, id FROM requests WHERE indicator_type = ? AND indicator_value = ? AND created_at <= ? AND state <> 'withdrawn' ORDER BY created_at DESC, id DESC LIMIT 1",
    );
  const batched = batchedRequests(sqlite, end);
  const newestRequest = (type: string, value: string) => [requestOf.get(type, value, end), batched.get(`${type}:${value}`)].filter((request) => request !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0]?.state ?? null;
  return ranking.map(({ id, recent, typicalLoss, harmPerDay }): HarmEntry => {
    const { type, value } = indicatorOf.get(id)!;
    const totals = totalsOf(id, asOf);
    return {
      type,
      value,
      victims: totals.reports,
      loss: totals.loss,
      perDay: Math.round((recent / harmDays) * 1000) / 1000,
      typicalLoss,
      harmPerDay,
      request: newestRequest(type, value),
    };
  });
}

/** The newest batched letter naming each further indicator (`type:value`), read in one pass over batched letters only. */
function batchedRequests(sqlite: Database.Database, end: string): Map<string, { state: RequestState; createdAt: string; id: string }> {
  const rows = sqlite
    .prepare<[string], { state: RequestState; createdAt: string; id: string; indicator: string }>(
      `SELECT a.state, a.created_at AS createdAt, a.id, json_extract(b.value, '$.type') || ':' || json_extract(b.value, '$.value') AS indicator
         FROM requests a, json_each(a.payload, '$.batchIndicators') b WHERE instr(a.payload, '"batchIndicators"') > 0 AND a.created_at <= ? AND a.state <> 'withdrawn'
        ORDER BY a.created_at, a.id`,
    )
    .all(end);
  return new Map(rows.map(({ indicator, ...request }) => [indicator, request]));
}
