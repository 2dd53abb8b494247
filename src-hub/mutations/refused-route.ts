/**
 * `GET /v1/refused` (an active supervisor's session or credential): changes the hub refused because their officer
 * had been deactivated (offline work that arrived later), newest first, so that none is lost unseen.
 */
import { desc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type RefusedChangesResponse } from '../../shared/hub/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import { refusedMutations } from '../db/schema';
import { requireSupervisor } from '../officers/registry';

const MAX_LISTED = 1000;

export function registerRefusedRoute(app: FastifyInstance, deps: { db: HubDb; auth: Authenticator }): void {
  app.get(`${HUB_API_PREFIX}/refused`, { onRequest: deps.auth.requireRole('workstation') }, async (request): Promise<RefusedChangesResponse> => {
    const principal = deps.auth.principalOf(request);
    await requireSupervisor(deps.db, principal.officer, 'list refused changes');
    const rows = await deps.db
      .select({
        mutationId: refusedMutations.mutationId,
        kind: refusedMutations.kind,
        officer: refusedMutations.officer,
        at: refusedMutations.at,
        reason: refusedMutations.reason,
        pushedBy: refusedMutations.pushedBy,
        refusedAt: refusedMutations.refusedAt,
      })
      .from(refusedMutations)
      .orderBy(desc(refusedMutations.refusedAt))
      .limit(MAX_LISTED);
    return { refused: rows.map((row) => ({ ...row, refusedAt: new Date(row.refusedAt).toISOString() })) };
  });
}
