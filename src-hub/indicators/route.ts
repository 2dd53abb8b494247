/**
 * "Seen elsewhere": a regional officer learns that the number in front of them hurt people in other regions,
 * without receiving those reports. `GET /v1/indicators/elsewhere` counts live reports outside the caller's
 * scope that mention one indicator, per region, and logs the question with who asked (`elsewhere_questions`).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type SeenElsewhereResponse } from '../../shared/hub/protocol';
import { INDICATOR_TYPES, type IndicatorType } from '../../shared/indicators/types';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/platform/clock';
import type { Authenticator } from '../auth/authenticate';
import { queryRows, textArray, type HubDb } from '../db/database';
import { elsewhereQuestions } from '../db/schema';
import type { Scope } from '../feed/scope';

export interface IndicatorsRouteDeps {
  db: HubDb;
  clock: Clock;
  auth: Authenticator;
}

const MAX_VALUE = 1000;
const OFFICER_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,79}$/u;

function parseQuestion(query: unknown): { type: IndicatorType; value: string; officer: string | null } {
  const params = (query ?? {}) as Record<string, unknown>;
  const { type, value, officer } = params;
  if (typeof type !== 'string' || !(INDICATOR_TYPES as readonly string[]).includes(type)) {
    throw new AppError('BAD_INPUT', `type is one of ${INDICATOR_TYPES.join(', ')}`);
  }
  if (typeof value !== 'string' || value === '' || value.length > MAX_VALUE) throw new AppError('BAD_INPUT', `value is the indicator's canonical form, 1–${MAX_VALUE} characters`);
  if (officer !== undefined && (typeof officer !== 'string' || !OFFICER_PATTERN.test(officer))) throw new AppError('BAD_INPUT', 'officer is an officer id such as j.devries');
  return { type: type as IndicatorType, value, officer: officer ?? null };
}

export async function countElsewhere(db: HubDb, type: IndicatorType, value: string, scope: Scope): Promise<SeenElsewhereResponse> {
  if (scope === '*') return { type, value, total: 0, regions: [] };
  const outside = sql`FROM report_indicators i JOIN reports r ON r.report_id = i.report_id
        WHERE i.type = ${type} AND i.value = ${value} AND r.status = 'filed' AND NOT (r.regions && ${textArray(scope)})`;
  const [counted] = await queryRows<{ total: number }>(db, sql`SELECT count(*)::int AS total ${outside}`);
  const regions = await queryRows<{ region: string | null; reports: number }>(
    db,
    sql`SELECT region, count(*)::int AS reports FROM (
          SELECT unnest(CASE WHEN cardinality(r.regions) = 0 THEN ARRAY[NULL]::text[] ELSE r.regions END) AS region ${outside}
        ) AS named
        GROUP BY region ORDER BY reports DESC, region NULLS LAST`,
  );
  return { type, value, total: counted?.total ?? 0, regions };
}

export function registerIndicatorsRoute(app: FastifyInstance, deps: IndicatorsRouteDeps): void {
  app.get(`${HUB_API_PREFIX}/indicators/elsewhere`, { onRequest: deps.auth.requireRole('workstation') }, async (request): Promise<SeenElsewhereResponse> => {
    const principal = deps.auth.principalOf(request);
    const question = parseQuestion(request.query);
    const answer = await countElsewhere(deps.db, question.type, question.value, principal.scope);
    await deps.db.insert(elsewhereQuestions).values({
      askedAt: deps.clock.now().toISOString(),
      tokenId: principal.tokenId,
      officerId: principal.officer?.id ?? null,
      askedFor: question.officer,
      scope: principal.scope === '*' ? '*' : principal.scope.join(','),
      type: question.type,
      value: question.value,
      answered: answer.total,
    });
    return answer;
  });
}
