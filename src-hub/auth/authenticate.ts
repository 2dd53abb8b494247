/**
 * Bearer authentication as a Fastify `onRequest` hook, so a caller without a valid token is turned away
 * before its body is read. 401 for a missing, unknown or revoked token; 403 for a token of the wrong role or the
 * credential of a deactivated officer.
 *
 * A token found valid is trusted again for `ttlMs` without asking the database: a workstation asks for feed
 * pages several times a second, and one query per request was half of what a busy hub did. Revoking a token
 * or changing an officer announces itself on CREDENTIALS_CHANNEL, on which every hub process forgets all it
 * trusts (`forgetCredentials`), so it takes effect at once; `ttlMs` bounds the time a lost notification can
 * cost. Unknown tokens are never cached, so a new token works at once.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HubRole } from '../../shared/hub/protocol';
import type { HubDb } from '../db/database';
import { HttpError } from '../http/errors';
import type { FailedAuthGuard } from '../http/limits';
import type { Clock } from '../../shared/platform/clock';
import { findSessionPrincipal, SESSION_PREFIX } from './sessions';
import { findPrincipal, hashToken, type Principal } from './tokens';

export interface CredentialCache {
  /** How long a valid token is trusted without asking the database again (0: ask every time). */
  ttlMs: number;
  /** A monotonic time in ms (performance.now in production). */
  now: () => number;
}

export const DEFAULT_CREDENTIAL_CACHE: CredentialCache = { ttlMs: 2000, now: () => performance.now() };
/** More tokens in use than this and the cache starts afresh, so it never grows without bound. */
const MAX_CACHED = 10_000;

export interface Authenticator {
  /** Hook for a route that needs a token of this role. */
  requireRole(role: HubRole): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The caller of a request that passed `requireRole`. */
  principalOf(request: FastifyRequest): Principal;
  /** Asks the database again for every token from now on (a token or an officer changed). */
  forgetCredentials(): void;
  /** Asks the database again for this request's own token from now on (its session just ended or moved its end). */
  forgetCaller(request: FastifyRequest): void;
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * `guard` counts failed authentications per address and turns an address away (429) once it failed too often,
 * before its token is looked at: guessing tokens ends there. `clock` decides whether an officer's session ended.
 */
export function createAuthenticator(db: HubDb, clock: Clock, cache: CredentialCache = DEFAULT_CREDENTIAL_CACHE, guard?: FailedAuthGuard): Authenticator {
  const principals = new WeakMap<FastifyRequest, Principal>();
  const trusted = new Map<string, { principal: Principal; until: number }>();

  const principalOfToken = async (token: string): Promise<Principal | null> => {
    const key = hashToken(token);
    const cached = trusted.get(key);
    if (cached && cached.until > cache.now()) return cached.principal;
    trusted.delete(key);
    const principal = token.startsWith(SESSION_PREFIX) ? await findSessionPrincipal(db, token) : await findPrincipal(db, token);
    if (principal && cache.ttlMs > 0) {
      if (trusted.size >= MAX_CACHED) trusted.clear();
      trusted.set(key, { principal, until: cache.now() + cache.ttlMs });
    }
    return principal;
  };

  return {
    requireRole(role) {
      return async (request, reply) => {
        await guard?.refuseIfBlocked(request);
        const token = bearerToken(request.headers.authorization);
        const principal = token === null ? null : await principalOfToken(token);
        if (!principal) {
          await guard?.failed(request);
          void reply.header('WWW-Authenticate', 'Bearer realm="puzzelstuk-hub"');
          throw new HttpError(401, 'UNAUTHENTICATED', token === null ? 'send "Authorization: Bearer <token>"' : 'the token is unknown or revoked');
        }
        if (principal.expiresAt !== null && Date.parse(principal.expiresAt) <= clock.now().getTime()) {
          void reply.header('WWW-Authenticate', 'Bearer realm="puzzelstuk-hub", error="invalid_token"');
          throw new HttpError(401, 'UNAUTHENTICATED', 'the officer’s session has expired; sign in again');
        }
        if (principal.role !== role) {
          throw new HttpError(403, 'FORBIDDEN', `this endpoint needs a token of role "${role}"; this one has role "${principal.role}"`);
        }
        if (principal.officer && !principal.officer.active) {
          throw new HttpError(403, 'FORBIDDEN', `${principal.sessionId === null ? 'this is the credential' : 'this is a session'} of officer "${principal.officer.id}", who has been deactivated`);
        }
        principals.set(request, principal);
      };
    },
    forgetCredentials() {
      trusted.clear();
    },
    forgetCaller(request) {
      const token = bearerToken(request.headers.authorization);
      if (token !== null) trusted.delete(hashToken(token));
    },
    principalOf(request) {
      const principal = principals.get(request);
      if (!principal) throw new Error('principalOf() called on a route without requireRole()');
      return principal;
    },
  };
}
