/** `GET /v1/health` (no token): 200 when the database answers, 503 otherwise; for load balancers and people. */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type HealthResponse } from '../../shared/hub/protocol';
import type { DatabaseKind, HubDb } from '../db/database';
import { HttpError } from '../http/errors';

export interface HealthRouteDeps {
  db: HubDb;
  kind: DatabaseKind;
  version: string;
}

export function registerHealthRoute(app: FastifyInstance, deps: HealthRouteDeps): void {
  app.get(`${HUB_API_PREFIX}/health`, async (): Promise<HealthResponse> => {
    try {
      await deps.db.execute(sql`SELECT 1`);
    } catch {
      throw new HttpError(503, 'UNAVAILABLE', 'the hub cannot reach its database');
    }
    return { status: 'ok', version: deps.version, database: deps.kind };
  });
}
