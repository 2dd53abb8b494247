/**
 * Bearer authentication as a Fastify `onRequest` hook, so a caller without a valid token is turned away
 * before its body is read. 401 for a missing, unknown or revoked token; 403 for a token of the wrong role or the
 * credential of a deactivated officer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HubRole } from '../../shared/hub/protocol';
import type { HubDb } from '../db/database';
import { HttpError } from '../http/errors';
import { findPrincipal, type Principal } from './tokens';

export interface Authenticator {
  /** Hook for a route that needs a token of this role. */
  requireRole(role: HubRole): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The caller of a request that passed `requireRole`. */
  principalOf(request: FastifyRequest): Principal;
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export function createAuthenticator(db: HubDb): Authenticator {
  const principals = new WeakMap<FastifyRequest, Principal>();
  return {
    requireRole(role) {
      return async (request, reply) => {
        const token = bearerToken(request.headers.authorization);
        const principal = token === null ? null : await findPrincipal(db, token);
        if (!principal) {
          void reply.header('WWW-Authenticate', 'Bearer realm="puzzelstuk-hub"');
          throw new HttpError(401, 'UNAUTHENTICATED', token === null ? 'send "Authorization: Bearer <token>"' : 'the token is unknown or revoked');
        }
        if (principal.role !== role) {
          throw new HttpError(403, 'FORBIDDEN', `this endpoint needs a token of role "${role}"; this one has role "${principal.role}"`);
        }
        if (principal.officer && !principal.officer.active) {
          throw new HttpError(403, 'FORBIDDEN', `this is the credential of officer "${principal.officer.id}", who has been deactivated`);
        }
        principals.set(request, principal);
      };
    },
    principalOf(request) {
      const principal = principals.get(request);
      if (!principal) throw new Error('principalOf() called on a route without requireRole()');
      return principal;
    },
  };
}
