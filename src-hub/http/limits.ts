/**
 * The hub under hostile clients. Counting is `@fastify/rate-limit`'s (its in-memory store, per hub process;
 * behind a load balancer each replica counts for itself, so the limits hold per replica):
 * - requests per token per minute (per address for requests without a token): 429 beyond it;
 * - failed authentications per address per minute: beyond it the address is answered 429 before its token is
 *   even looked at, so guessing tokens stops there, whatever the guess;
 * - long-polls held at once per token: one more is 429 (a workstation holds one);
 * - a request body that has not arrived within `bodyTimeoutMs`: 408, and the connection is closed.
 * Every refusal is a HubErrorBody with a Retry-After header where waiting helps.
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

export interface HubLimits {
  /** Requests per token (or per address, without a token) per minute. */
  requestsPerMinute: number;
  /** Failed authentications per address per window before the address is refused for the rest of it. */
  failedAuthPerWindow: number;
  /** The window of both counts (ms). */
  windowMs: number;
  /** Long-polls one token may hold at once. */
  longPollsPerToken: number;
  /** A request body must have arrived within this (ms). */
  bodyTimeoutMs: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  requestsPerMinute: 3000,
  failedAuthPerWindow: 20,
  windowMs: 60_000,
  longPollsPerToken: 4,
  bodyTimeoutMs: 30_000,
};

export class TooManyRequests extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'RATE_LIMITED', message);
  }
}

/** Counts by the token's hash, never the token itself; requests without one by address. */
function callerKey(request: FastifyRequest): string {
  const match = /^Bearer[ ]+(\S+)/i.exec(request.headers.authorization ?? '');
  return match ? `token:${createHash('sha256').update(match[1]!).digest('hex').slice(0, 32)}` : `address:${request.ip}`;
}

export interface FailedAuthGuard {
  /** Throws 429 while this request's address has failed to authenticate too often. */
  refuseIfBlocked(request: FastifyRequest): Promise<void>;
  /** Counts a failed authentication of this request's address. */
  failed(request: FastifyRequest): Promise<void>;
}

export interface HubGuards {
  failedAuth: FailedAuthGuard;
  /** Holds one long-poll of this token for the duration of `work`; 429 when the token holds its share already. */
  holdLongPoll: <T>(tokenId: number, work: () => Promise<T>) => Promise<T>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Registers the limits on the app (its request count, body timeout) and returns the guards routes use. */
export function installHubLimits(app: FastifyInstance, limits: HubLimits): HubGuards {
  void app.register(rateLimit, { global: false });
  // The limiters exist once the plugin has loaded: made on first use, which is after `ready`.
  let requestLimit: ReturnType<FastifyInstance['createRateLimit']> | null = null;
  let failureLimit: ReturnType<FastifyInstance['createRateLimit']> | null = null;
  const requests = () => (requestLimit ??= app.createRateLimit({ max: limits.requestsPerMinute, timeWindow: 60_000, keyGenerator: callerKey }));
  const failures = () => (failureLimit ??= app.createRateLimit({ max: limits.failedAuthPerWindow, timeWindow: limits.windowMs, keyGenerator: (request) => `address:${request.ip}` }));

  app.addHook('onRequest', async (request) => {
    const counted = await requests()(request);
    // `isAllowed` is true only for an allow-list, which these limits do not have.
    if (!counted.isAllowed && counted.isExceeded) {
      throw new TooManyRequests(`more than ${limits.requestsPerMinute} requests a minute from this caller; wait ${counted.ttlInSeconds} s`, counted.ttlInSeconds);
    }
  });

  // A body that trickles in holds a connection and a handler: it gets bodyTimeoutMs, then 408.
  app.addHook('preParsing', async (request, reply, payload) => {
    // GET and HEAD carry no body: a long-poll may be held for a minute without anything to wait for.
    if (request.method === 'GET' || request.method === 'HEAD') return payload;
    let timer: NodeJS.Timeout | null = null;
    const clear = () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
    const guarded = new Transform({
      transform(chunk, _encoding, done) {
        done(null, chunk);
      },
      flush(done) {
        clear();
        done();
      },
    });
    timer = setTimeout(() => {
      void reply.header('connection', 'close');
      guarded.destroy(new HttpError(408, 'TIMEOUT', `the request body did not arrive within ${seconds(limits.bodyTimeoutMs)} s`));
    }, limits.bodyTimeoutMs);
    guarded.once('close', clear);
    // Answered (or the client left) before the body was read, e.g. refused by a hook: nothing waits for it now.
    reply.raw.once('close', clear);
    // Fastify listens while it reads the body; a late timeout with no reader must not become an uncaught error.
    guarded.on('error', () => undefined);
    payload.once('error', (error) => guarded.destroy(error));
    return payload.pipe(guarded);
  });

  const held = new Map<number, number>();
  return {
    failedAuth: {
      async refuseIfBlocked(request) {
        const state = await failures()(request, { increment: false });
        if (!state.isAllowed && state.remaining === 0) {
          throw new TooManyRequests(`too many failed sign-ins from this address; wait ${state.ttlInSeconds} s`, state.ttlInSeconds);
        }
      },
      async failed(request) {
        await failures()(request);
      },
    },
    async holdLongPoll(tokenId, work) {
      const holding = held.get(tokenId) ?? 0;
      if (holding >= limits.longPollsPerToken) {
        throw new TooManyRequests(`this token holds ${holding} long-polls already (at most ${limits.longPollsPerToken}); wait for one to answer`, 1);
      }
      held.set(tokenId, holding + 1);
      try {
        return await work();
      } finally {
        const left = (held.get(tokenId) ?? 1) - 1;
        if (left <= 0) held.delete(tokenId);
        else held.set(tokenId, left);
      }
    },
  };
}
