/**
 * What to stop first: indicators still naming new victims, ranked by the harm they do per day while they run —
 * victims per day over the last days × the typical (median) loss per victim — with the victims and loss so far and
 * the state of the newest request about them.
 */
import type Database from 'better-sqlite3';
import type { ActionState } from '../../shared/requests/lifecycle';
import type { HarmEntry } from '../../shared/overview/types';
import { addDays, endOfDay } from './days';
import { median } from './median';

export const HARM_LIMIT = 50;
/** Candidates whose medians are read: the most harmful by mean loss (a mean never ranks a harmful one far down). */
const CANDIDATE_LIMIT = 500;

interface Candidate {
  id: number;
  type: string;
  value: string;
  recent: number;
  victims: number;
  loss: number;
}


export function computeHarm(sqlite: Database.Database, asOf: string, harmDays: number, team: string | null): HarmEntry[] {
  const params = { from: `${addDays(asOf, -harmDays + 1)}T00:00:00.000Z`, end: endOfDay(asOf), ...(team === null ? {} : { team }) };
  const teamClause = team === null ? '' : 'AND r.route_team = @team';
  const candidates = sqlite
    .prepare<Record<string, string>, Candidate>(
      `WITH recent AS (
         SELECT m.indicator_id AS id, count(DISTINCT r.id) AS recent FROM reports r JOIN mentions m ON m.report_id = r.id
          WHERE r.status = 'filed' AND r.received_at >= @from AND r.received_at <= @end AND m.benign = 0 ${teamClause}
          GROUP BY m.indicator_id),
       totals AS (
         SELECT recent.id, recent.recent, count(*) AS victims, sum(r.loss_cents) AS loss
           FROM recent JOIN (SELECT DISTINCT indicator_id, report_id FROM mentions WHERE indicator_id IN (SELECT id FROM recent)) m ON m.indicator_id = recent.id
           JOIN reports r ON r.id = m.report_id
          WHERE r.status = 'filed' AND r.received_at <= @end ${teamClause}
          GROUP BY recent.id)
       SELECT t.id, i.type, i.value, t.recent, t.victims, t.loss FROM totals t JOIN indicators i ON i.id = t.id
        ORDER BY t.recent * t.loss * 1.0 / t.victims DESC, t.recent DESC, i.type, i.value LIMIT ${CANDIDATE_LIMIT}`,
    )
    .all(params);
  const lossesOf = sqlite
    .prepare<Record<string, string | number>, number>(
      `SELECT r.loss_cents FROM reports r WHERE r.status = 'filed' AND r.received_at <= @end ${teamClause}
          AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = @id)`,
    )
    .pluck();
  const requestOf = sqlite
    .prepare<[string, string, string], ActionState>(
      `SELECT state FROM actions WHERE indicator_type = ? AND indicator_value = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .pluck();
  return candidates
    .map((candidate): HarmEntry => {
      const perDay = Math.round((candidate.recent / harmDays) * 1000) / 1000;
      const typicalLoss = Math.round(median(lossesOf.all({ ...params, id: candidate.id })) ?? 0);
      return {
        type: candidate.type,
        value: candidate.value,
        victims: candidate.victims,
        loss: candidate.loss,
        perDay,
        typicalLoss,
        harmPerDay: Math.round((candidate.recent / harmDays) * typicalLoss),
        request: requestOf.get(candidate.type, candidate.value, params.end) ?? null,
      };
    })
    .sort((a, b) => b.harmPerDay - a.harmPerDay || b.perDay - a.perDay || b.loss - a.loss || a.type.localeCompare(b.type) || a.value.localeCompare(b.value))
    .slice(0, HARM_LIMIT);
}
