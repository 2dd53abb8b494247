/** `GET /v1/retention/periods` (role `workstation`): the periods the hub purges by, so every workstation purges alike. */
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type RetentionPeriodsResponse } from '../../shared/hub/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import { readHubRetentionPeriods } from './periods';

export function registerRetentionRoute(app: FastifyInstance, deps: { db: HubDb; auth: Authenticator }): void {
  app.get(
    `${HUB_API_PREFIX}/retention/periods`,
    { onRequest: deps.auth.requireRole('workstation') },
    async (): Promise<RetentionPeriodsResponse> => ({ periods: await readHubRetentionPeriods(deps.db) }),
  );
}
