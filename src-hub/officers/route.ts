/**
 * `GET /v1/officers` (role `workstation`): the registry, so workstations show the hub's roles and teams.
 * `GET /v1/whoami` (role `workstation`): the token's name and the officer it is a credential of, so a workstation
 * can check a credential an officer types in before it syncs with it.
 */
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type OfficersResponse, type WhoamiResponse } from '../../shared/hub/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import { findOfficer, listOfficers } from './registry';

export interface OfficersRouteDeps {
  db: HubDb;
  auth: Authenticator;
}

export function registerOfficersRoutes(app: FastifyInstance, deps: OfficersRouteDeps): void {
  const onRequest = deps.auth.requireRole('workstation');

  app.get(`${HUB_API_PREFIX}/officers`, { onRequest }, async (): Promise<OfficersResponse> => ({ officers: await listOfficers(deps.db) }));

  app.get(`${HUB_API_PREFIX}/whoami`, { onRequest }, async (request): Promise<WhoamiResponse> => {
    const principal = deps.auth.principalOf(request);
    const officer = principal.officer === null ? null : await findOfficer(deps.db, principal.officer.id);
    return { token: principal.name, officer };
  });
}
