/**
 * What to stop first: indicators still naming new victims, ranked by the harm they do per day while they run —
 * victims per day over the last days × the typical (median) loss of those recent victims — with the victims and
 * loss so far and the state of the newest request about them. Only the recent window is scanned; totals are read
 * for the ranked few through the mentions index.
 */
import type Database from 'better-sqlite3';
import type { ActionState } from '../../shared/requests/lifecycle';
import type { HarmEntry } from '../../shared/overview/types';
import { addDays, endOfDay } from './days';
import { median } from './median';

export const HARM_LIMIT = 50;

export function computeHarm(sqlite: Database.Database, asOf: string, harmDays: number, team: string | null): HarmEntry[] {
  const params = { from: `${addDays(asOf, -harmDays + 1)}T00:00:00.000Z`, end: endOfDay(asOf), ...(team === null ? {} : { team }) };
  const teamClause = team === null ? '' : 'AND r.route_team = @team';
  const recentRows = sqlite
    .prepare<Record<string, string>, [number, number, number]>(
      `SELECT DISTINCT m.indicator_id, r.id, r.loss_cents FROM reports r JOIN mentions m ON m.report_id = r.id
        WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end AND m.benign = 0 ${teamClause}`,
    )
    .raw()
    .all(params);
  const lossesByIndicator = new Map<number, number[]>();
  for (const [indicatorId, , loss] of recentRows) {
    const losses = lossesByIndicator.get(indicatorId);
    if (losses) losses.push(loss);
    else lossesByIndicator.set(indicatorId, [loss]);
  }
  const ranked = [...lossesByIndicator]
    .map(([id, losses]) => {
      const typicalLoss = Math.round(median(losses) ?? 0);
      return { id, recent: losses.length, typicalLoss, harmPerDay: Math.round((losses.length / harmDays) * typicalLoss), recentLoss: losses.reduce((sum, loss) => sum + loss, 0) };
    })
    .sort((a, b) => b.harmPerDay - a.harmPerDay || b.recent - a.recent || b.recentLoss - a.recentLoss || a.id - b.id)
    .slice(0, HARM_LIMIT);

  const indicatorOf = sqlite.prepare<[number], { type: string; value: string }>('SELECT type, value FROM indicators WHERE id = ?');
  const totalsOf = sqlite.prepare<Record<string, string | number>, { victims: number; loss: number }>(
    `SELECT count(*) AS victims, coalesce(sum(r.loss_cents), 0) AS loss FROM reports r
      WHERE r.status = 'filed' AND r.received_at <= @end ${teamClause} AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = @id AND benign = 0)`,
  );
  const requestOf = sqlite
    .prepare<[string, string, string], { state: ActionState; createdAt: string; id: string }>(
      'SELECT state, created_at AS createdAt, id FROM actions WHERE indicator_type = ? AND indicator_value = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 1',
    );
  const batched = batchedRequests(sqlite, params.end);
  const newestRequest = (type: string, value: string) => [requestOf.get(type, value, params.end), batched.get(`${type}:${value}`)].filter((request) => request !== undefined).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0]?.state ?? null;
  return ranked.map(({ id, recent, typicalLoss, harmPerDay }): HarmEntry => {
    const { type, value } = indicatorOf.get(id)!;
    const totals = totalsOf.get({ ...params, id })!;
    return {
      type,
      value,
      victims: totals.victims,
      loss: totals.loss,
      perDay: Math.round((recent / harmDays) * 1000) / 1000,
      typicalLoss,
      harmPerDay,
      request: newestRequest(type, value),
    };
  });
}

/** The newest batched letter naming each further indicator (`type:value`), read in one pass over batched letters only. */
function batchedRequests(sqlite: Database.Database, end: string): Map<string, { state: ActionState; createdAt: string; id: string }> {
  const rows = sqlite
    .prepare<[string], { state: ActionState; createdAt: string; id: string; indicator: string }>(
      `SELECT a.state, a.created_at AS createdAt, a.id, json_extract(b.value, '$.type') || ':' || json_extract(b.value, '$.value') AS indicator
         FROM actions a, json_each(a.payload, '$.batchIndicators') b WHERE instr(a.payload, '"batchIndicators"') > 0 AND a.created_at <= ?
        ORDER BY a.created_at, a.id`,
    )
    .all(end);
  return new Map(rows.map(({ indicator, ...request }) => [indicator, request]));
}
