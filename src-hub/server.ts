/**
 * The hub's HTTP service: routes under /v1, bearer authentication, errors as HubErrorBody. Everything it uses
 * is passed in (database, clock, logger), so tests and several processes over one PostgreSQL need no globals;
 * the process itself keeps no state that another hub process would have to know.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { HubErrorBody, OidcOffer } from '../shared/hub/protocol';
import type { Clock } from '../shared/platform/clock';
import { createAuthenticator, type CredentialCache } from './auth/authenticate';
import { registerSessionRoutes, type IdTokenVerifier } from './auth/session-route';
import { SESSION_LIFETIME_MS } from './auth/sessions';
import { CREDENTIALS_CHANNEL } from './auth/tokens';
import type { HubConnection, Subscription } from './db/connect';
import { FEED_CHANNEL } from './feed/append';
import { createFeedNotifier } from './feed/notifier';
import { FEED_LINGER_MS, registerFeedRoute } from './feed/route';
import { registerHealthRoute } from './health/route';
import { errorReply } from './http/errors';
import { DEFAULT_HUB_LIMITS, installHubLimits, TooManyRequests, type HubLimits } from './http/limits';
import { watchConnectionsForShutdown } from './http/shutdown';
import { registerIndicatorsRoute } from './indicators/route';
import { registerIntakeRoute } from './intake/route';
import type { Logger } from '../shared/platform/logger';
import { registerMutationsRoute } from './mutations/route';
import { registerRefusedRoute } from './mutations/refused-route';
import { registerAuditRoutes } from './audit/route';
import { registerOfficersRoutes } from './officers/route';
import { createRedactionCompactor, REDACTION_COMPACTION_DELAY_MS, REDACTION_COMPACTION_RETRY_MS } from './retention/redaction-compaction';
import { registerRetentionRoute } from './retention/route';
import { readHubVersion } from './version';

export interface HubServerDeps {
  database: Pick<HubConnection, 'db' | 'kind' | 'listen' | 'session'>;
  clock: Clock;
  logger: Logger;
  version?: string;
  /** Longest a long-polling reader waits without querying again, in case a notification was lost (ms). */
  recheckMs?: number;
  /** How long a valid token is trusted without asking the database again (see auth/authenticate.ts). */
  credentialCache?: CredentialCache;
  /** How long a woken long-poll waits for the rest of a burst of commits (see feed/route.ts). */
  feedLingerMs?: number;
  /** How long requests in flight get to be answered when the hub stops, before their connections are closed (ms). */
  shutdownGraceMs?: number;
  /**
   * The address of the TLS-terminating proxy in front (see README): its X-Forwarded-For gives the client's
   * address, which the per-address limit counts. Without it every client counts as the proxy.
   */
  trustProxy?: string | undefined;
  /** Rate limits, long-poll cap and body timeout (see http/limits.ts); the defaults suit production. */
  limits?: Partial<HubLimits>;
  /** How long an officer's session lasts before it must be renewed (ms; SESSION_LIFETIME_MS by default). */
  sessionLifetimeMs?: number;
  /** Verifies a token of the force's identity provider and names its officer (absent: no identity provider). */
  verifyIdToken?: IdTokenVerifier;
  /** The identity provider's issuer and client, told to workstations (with verifyIdToken). */
  oidcOffer?: OidcOffer;
  /** How soon after a withdrawal's redaction the tables it touched are rewritten (ms; see retention/redaction-compaction.ts). */
  redactionCompactionDelayMs?: number;
  /** How often the hub looks for a compaction still owed: after a failure, or from before a restart (ms). */
  redactionCompactionRetryMs?: number;
}

/** Long enough for a large intake post to commit; short of the 30 s a service manager usually waits. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Bodies of routes without a limit of their own (the intake and mutation routes set theirs). */
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What may be logged of a failure: never a drizzle query error's message, which carries the query's parameters. */
function loggableCause(error: unknown): { name: string; code: string | undefined; message: string; stack: string | undefined } {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const next = (current as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === null) break;
    current = next;
  }
  const failure = current instanceof Error ? current : new Error(String(current));
  const code = (failure as { code?: unknown }).code;
  const isQueryError = failure.name === 'DrizzleQueryError' || failure.message.startsWith('Failed query');
  return {
    name: failure.name,
    code: typeof code === 'string' ? code : undefined,
    message: isQueryError ? 'query failed' : failure.message,
    stack: isQueryError ? undefined : failure.stack,
  };
}

export function createHubServer(deps: HubServerDeps): FastifyInstance {
  const { db } = deps.database;
  const limits = { ...DEFAULT_HUB_LIMITS, ...deps.limits };
  // Node's own limit on receiving a whole request is the backstop behind the body timeout (it answers without a body).
  const app = Fastify({ logger: false, bodyLimit: DEFAULT_BODY_LIMIT, return503OnClosing: true, requestTimeout: limits.bodyTimeoutMs * 2, trustProxy: deps.trustProxy ?? false });
  const notifier = createFeedNotifier();
  const guards = installHubLimits(app, limits);
  const auth = createAuthenticator(db, deps.clock, deps.credentialCache, guards.failedAuth);
  const compactor = createRedactionCompactor(deps.database, {
    logger: deps.logger,
    delayMs: deps.redactionCompactionDelayMs ?? REDACTION_COMPACTION_DELAY_MS,
    retryMs: deps.redactionCompactionRetryMs ?? REDACTION_COMPACTION_RETRY_MS,
  });
  let subscription: Subscription | null = null;

  app.addHook('onReady', async () => {
    subscription = await deps.database.listen({ [FEED_CHANNEL]: () => notifier.notify(), [CREDENTIALS_CHANNEL]: () => auth.forgetCredentials() });
    compactor.start();
  });
  // Stopping: wake held long-polls so that they answer now, and close each connection after its answer
  // (a kept-alive connection would otherwise hold the server open until its keep-alive timeout).
  const connections = watchConnectionsForShutdown(app.server, deps.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    notifier.close();
    connections.stopping();
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    connections.stopped();
    await compactor.close();
    await subscription?.close();
  });

  app.addHook('onResponse', (request, reply, done) => {
    deps.logger.info('request', {
      method: request.method,
      route: request.routeOptions.url ?? 'unknown',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const answer = errorReply(error, request.routeOptions.bodyLimit);
    if (error instanceof TooManyRequests) void reply.header('retry-after', error.retryAfterSeconds);
    if (answer.internal) deps.logger.error('request failed', { method: request.method, route: request.routeOptions.url ?? 'unknown', ...loggableCause(error) });
    return reply.status(answer.status).send(answer.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const body: HubErrorBody = { error: { code: 'NOT_FOUND', message: `no endpoint ${request.method} ${path.slice(0, 200)}` } };
    return reply.status(404).send(body);
  });

  registerHealthRoute(app, { db, kind: deps.database.kind, version: deps.version ?? readHubVersion() });
  registerIntakeRoute(app, { db, clock: deps.clock, auth, notifier, logger: deps.logger, compactor });
  registerFeedRoute(app, { db, auth, notifier, recheckMs: deps.recheckMs ?? 2000, lingerMs: deps.feedLingerMs ?? FEED_LINGER_MS, holdLongPoll: guards.holdLongPoll });
  registerMutationsRoute(app, { db, clock: deps.clock, auth, notifier, logger: deps.logger });
  registerOfficersRoutes(app, { db, auth });
  registerRetentionRoute(app, { db, auth });
  registerIndicatorsRoute(app, { db, clock: deps.clock, auth });
  registerSessionRoutes(app, { db, clock: deps.clock, auth, lifetimeMs: deps.sessionLifetimeMs ?? SESSION_LIFETIME_MS, verifyIdToken: deps.verifyIdToken, oidcOffer: deps.oidcOffer });
  registerRefusedRoute(app, { db, auth });
  registerAuditRoutes(app, { db, clock: deps.clock, auth, logger: deps.logger });
  return app;
}
