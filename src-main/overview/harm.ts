/**
 * What to stop first: indicators still naming new victims, ranked by the harm they do per day while they run —
 * victims per day over the last days × the typical (median) loss of those recent victims — with the victims and
 * loss so far and the state of the newest request about them. Victims and loss come from the kept counts
 * (indicator-day-counts.ts); only the losses whose median can still reach the ranking are read report by report.
 */
import type Database from 'better-sqlite3';
import type { RequestState } from '../../shared/requests/lifecycle';
import type { HarmEntry } from '../../shared/overview/types';
import { addDays, endOfDay, startOfDay } from './days';
import { indicatorTotals } from './indicator-day-counts';
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

/** Candidates read by the first statement (the ranking usually settles within them); each further one reads twice as many. */
const FIRST_PAGE = 8 * HARM_LIMIT;

/**
 * The HARM_LIMIT indicators doing most harm per day. SQLite sums each indicator's window from the kept counts and
 * hands them over highest possible harm first, a page at a time, so that only the few that can still rank become
 * JavaScript rows (two weeks name some 50k indicators). One or two recent victims' median is their mean, known from
 * the sums; for three or more it needs each loss, read only for those that can still rank. Each candidate comes with
 * `atMost`, a bound its harm cannot exceed: for one or two victims loss/days plus rounding, for more the median of n
 * values at or above a floor f is at most f + 2·(sum − n·f)/(n + 1) (half of them or more are at least the median).
 * Once a bound falls below the last place already taken, no later candidate can rank and the reading stops.
 */
function rankByHarm(sqlite: Database.Database, window: { fromDay: string; asOf: string; harmDays: number; team: string | null }): Ranked[] {
  const { fromDay, asOf, harmDays, team } = window;
  const [from, end] = [startOfDay(fromDay), endOfDay(asOf)];
  const lowest = sqlite.prepare<[string, string], number | null>("SELECT min(loss_cents) FROM reports WHERE status = 'filed' AND received_at >= ? AND received_at <= ?").pluck().get(from, end) ?? 0;
  const candidates = sqlite.prepare<Record<string, string | number>, { indicatorId: number; reports: number; loss: number; atMost: number }>(
    // The + 1s absorb Math.round's halves and floating point, so that atMost is never below the harm computed here.
    // One level, the bound worked out from the sums in the grouping itself: a subquery would hand every group
    // (some 50k) over once more before the ordering.
    `SELECT indicator_id AS indicatorId, sum(reports) AS reports, sum(loss_cents) AS loss,
            CASE WHEN sum(reports) <= 2 THEN sum(loss_cents) * 1.0 / @harmDays + sum(reports) / (2.0 * @harmDays) + 1
              ELSE sum(reports) * 1.0 / @harmDays * (@floor + 2.0 * (sum(loss_cents) - sum(reports) * @floor) / (sum(reports) + 1) + 1) + 1 END AS atMost
       FROM indicator_day_counts WHERE day >= @fromDay AND day <= @asOf ${teamClause(team)}
      GROUP BY indicator_id ORDER BY atMost DESC, indicatorId LIMIT @limit OFFSET @offset`,
  );
  const sums = { fromDay, asOf, harmDays, floor: Math.min(lowest, 0), ...teamParam(team) };
  const recentLosses = recentLossReader(sqlite, from, end, team);
  const known: Ranked[] = [];
  const lastPlace = new LastPlace();
  reading: for (let offset = 0, limit = FIRST_PAGE; ; offset += limit, limit *= 2) {
    const page = candidates.all({ ...sums, offset, limit });
    for (const row of page) {
      if (row.atMost < lastPlace.bar) break reading;
      const typical = row.reports > 2 ? (median(recentLosses(row.indicatorId)) ?? 0) : row.loss / row.reports;
      known.push(rankEntry(row.indicatorId, row.reports, typical, row.loss, harmDays));
      lastPlace.add(known.at(-1)!.harmPerDay);
    }
    if (page.length < limit) break;
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
