/**
 * `POST /v1/mutations` (role `workstation`): a PushRequest, validated whole with the shared zod schemas (one
 * malformed mutation is a 400 naming it, and nothing is stored), judged mutation by mutation against what its
 * officer may do (one refusal is a 403/409 naming it, and nothing is stored), answered with an ack per mutation
 * in order.
 */
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, HUB_BODY_LIMITS, type PushResponse } from '../../shared/hub/protocol';
import { validatePushRequest } from '../../shared/mutations/schema';
import type { Clock } from '../../shared/platform/clock';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import type { FeedNotifier } from '../feed/notifier';
import { HttpError } from '../http/errors';
import type { Logger } from '../../shared/platform/logger';
import { storeMutations } from './store';

export interface MutationsRouteDeps {
  db: HubDb;
  clock: Clock;
  auth: Authenticator;
  notifier: FeedNotifier;
  logger: Logger;
}

export function registerMutationsRoute(app: FastifyInstance, deps: MutationsRouteDeps): void {
  app.post(
    `${HUB_API_PREFIX}/mutations`,
    { bodyLimit: HUB_BODY_LIMITS.mutationsBytes, onRequest: deps.auth.requireRole('workstation') },
    async (request): Promise<PushResponse> => {
      const principal = deps.auth.principalOf(request);
      const validation = validatePushRequest(request.body);
      if (!validation.ok) throw new HttpError(400, 'BAD_INPUT', validation.reason);
      const acks = await storeMutations(deps.db, validation.mutations, {
        clock: deps.clock,
        tokenId: principal.tokenId,
        sessionId: principal.sessionId,
        pusher: { officerId: principal.officer?.id ?? null, via: principal.sessionId !== null ? 'session' : principal.officer ? 'credential' : 'token' },
        pushedBy: principal.name,
      });
      const fresh = acks.filter((ack) => !ack.duplicate).length;
      if (fresh > 0) deps.notifier.notify();
      deps.logger.info('push', { token: principal.name, mutations: acks.length, fresh });
      return { acks };
    },
  );
}
