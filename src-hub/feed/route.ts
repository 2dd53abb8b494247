/**
 * `GET /v1/feed` (role `workstation`): a page of the change feed after a cursor, in the scope of the token
 * (or a narrower one). With `wait` > 0 and nothing to return, the request is held until an entry arrives
 * (woken by this process's writers or PostgreSQL NOTIFY from other hub processes, and rechecked periodically
 * in case a notification was lost) or the wait ends, then answered with what there is.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { HUB_API_PREFIX, type FeedPage } from '../../shared/hub/protocol';
import type { Authenticator } from '../auth/authenticate';
import type { HubDb } from '../db/database';
import type { HubGuards } from '../http/limits';
import type { FeedNotifier } from './notifier';
import { parseFeedRequest } from './query';
import { readFeedPage, type FeedQuery } from './read';
import { shareFeedReads } from './shared-reads';
import { effectiveScope } from './scope';

interface ServedPage {
  page: FeedPage;
  json: string;
}

export interface FeedRouteDeps {
  db: HubDb;
  auth: Authenticator;
  notifier: FeedNotifier;
  /** Longest a waiting reader goes without querying again (ms). */
  recheckMs: number;
  /** How long a reader woken by a commit waits for the rest of the burst before reading (ms). */
  lingerMs: number;
  /** Counts a token's long-polls while they are held (429 beyond its share; see ../http/limits.ts). */
  holdLongPoll: HubGuards['holdLongPoll'];
}

export const FEED_LINGER_MS = 250;

const linger = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done, { once: true });
  });

export function registerFeedRoute(app: FastifyInstance, deps: FeedRouteDeps): void {
  // A commit wakes every waiting workstation at once; those in the same scope share one query and one JSON text.
  const readPage = shareFeedReads(async (query): Promise<ServedPage> => {
    const page = await readFeedPage(deps.db, query);
    return { page, json: JSON.stringify(page) };
  }, deps.notifier);
  /** Long-polls are capped per token, and per session (counted apart from tokens by a negative number). */
  const longPollHolder = (principal: { tokenId: number | null; sessionId: number | null }) => principal.tokenId ?? -(principal.sessionId ?? 0);

  app.get(`${HUB_API_PREFIX}/feed`, { onRequest: deps.auth.requireRole('workstation') }, async (request, reply) => {
    const principal = deps.auth.principalOf(request);
    const params = parseFeedRequest(request.query);
    const query = { after: params.after, limit: params.limit, scope: effectiveScope(principal.scope, params.scope) };

    const serve = () => servePage(query, params.waitSeconds, reply.raw);
    const json = params.waitSeconds > 0 ? await deps.holdLongPoll(longPollHolder(principal), serve) : await serve();
    return reply.type('application/json; charset=utf-8').send(json);
  });

  /** The page's JSON: at once, or once something arrives or the wait ends (or the caller goes away). */
  async function servePage(query: FeedQuery, waitSeconds: number, connection: ServerResponse): Promise<string> {
    const deadline = Date.now() + waitSeconds * 1000;
    const gone = new AbortController();
    const onClose = () => gone.abort();
    connection.once('close', onClose);
    try {
      if (waitSeconds > 0 && deps.lingerMs > 0) await linger(deps.lingerMs, gone.signal);
      for (;;) {
        const version = deps.notifier.version;
        const served = await readPage(query, version);
        const remaining = deadline - Date.now();
        if (served.page.entries.length > 0 || remaining <= 0 || gone.signal.aborted || deps.notifier.closed) return served.json;
        await deps.notifier.waitForChange(version, Math.min(remaining, deps.recheckMs), gone.signal);
        const woken = deps.notifier.version !== version && !deps.notifier.closed && !gone.signal.aborted;
        if (woken && deps.lingerMs > 0) await linger(Math.min(deps.lingerMs, deadline - Date.now()), gone.signal);
      }
    } finally {
      connection.off('close', onClose);
    }
  }
}
