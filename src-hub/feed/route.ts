/**
 * `GET /v1/feed` (role `workstation`): a page of the change feed after a cursor, in the scope of the token
 * (or a narrower one). With `wait` > 0 and nothing to return, the request is held until an entry arrives
 * (woken by this process's writers or PostgreSQL NOTIFY from other hub processes, and rechecked periodically
 * in case a notification was lost) or the wait ends, then answered with what there is.
 */
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type FeedPage } from '../../shared/hub/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import type { FeedNotifier } from './notifier';
import { parseFeedRequest } from './query';
import { readFeedPage } from './read';
import { shareFeedReads } from './shared-reads';
import { effectiveScope } from './scope';

export interface FeedRouteDeps {
  db: HubDb;
  auth: Authenticator;
  notifier: FeedNotifier;
  /** Longest a waiting reader goes without querying again (ms). */
  recheckMs: number;
}

export function registerFeedRoute(app: FastifyInstance, deps: FeedRouteDeps): void {
  const readPage = shareFeedReads((query) => readFeedPage(deps.db, query), deps.notifier);
  app.get(`${HUB_API_PREFIX}/feed`, { onRequest: deps.auth.requireRole('workstation') }, async (request, reply): Promise<FeedPage> => {
    const principal = deps.auth.principalOf(request);
    const params = parseFeedRequest(request.query);
    const query = { after: params.after, limit: params.limit, scope: effectiveScope(principal.scope, params.scope) };

    const deadline = Date.now() + params.waitSeconds * 1000;
    const gone = new AbortController();
    const onClose = () => gone.abort();
    reply.raw.once('close', onClose);
    try {
      for (;;) {
        const version = deps.notifier.version;
        const page = await readPage(query, version);
        const remaining = deadline - Date.now();
        if (page.entries.length > 0 || remaining <= 0 || gone.signal.aborted || deps.notifier.closed) return page;
        await deps.notifier.waitForChange(version, Math.min(remaining, deps.recheckMs), gone.signal);
      }
    } finally {
      reply.raw.off('close', onClose);
    }
  });
}
