/**
 * Officers prove who they are here. `POST /v1/sessions` (no token) takes an officer's credential, or an ID token of
 * the force's identity provider when the hub is configured for one, and answers a short-lived session bound to
 * the officer — with `enrol`, also the officer's signing key, saving the workstation a second round trip;
 * `POST /v1/sessions/renew` moves its end; `DELETE /v1/sessions/current` signs out. `POST /v1/keys` registers a
 * signing key of the officer whose session or credential calls it; `GET /v1/auth/oidc` tells a workstation where
 * officers sign in with the identity provider. Bodies are never logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { HUB_API_PREFIX, type HubOfficer, type KeyRegistered, type OidcOffer, type SessionResponse } from '../../shared/hub/protocol';
import type { Clock } from '../../shared/platform/clock';
import type { HubDb } from '../db/database';
import { findOfficer } from '../officers/registry';
import type { Authenticator } from './authenticate';
import { checkKeyEnrolment, checkPublicKey, enrolOfficerKey, registerOfficerKey } from './officer-keys';
import { endSession, openSession, renewSession, type SessionMethod } from './sessions';
import { findPrincipal } from './tokens';

/** Maps a token of the force's identity provider to the officer of the registry linked to it (see ./oidc.ts). */
export type IdTokenVerifier = (idToken: string) => Promise<HubOfficer>;

export interface SessionRouteDeps {
  db: HubDb;
  clock: Clock;
  auth: Authenticator;
  lifetimeMs: number;
  /** Absent when the hub accepts no identity provider. */
  verifyIdToken?: IdTokenVerifier;
  /** Where the workstations send officers to sign in (with verifyIdToken). */
  oidcOffer?: OidcOffer;
}

const SMALL_BODY = 16 * 1024;
/** An ID token and a key enrolment naming up to MAX_KEPT_KEY_IDS kept keys (~46 bytes each). */
const SESSION_BODY = 64 * 1024;

function bodyField(request: FastifyRequest, field: string): string | undefined {
  const value = (request.body as Record<string, unknown> | null | undefined)?.[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new AppError('BAD_INPUT', `${field} must be a non-empty string`);
  return value;
}

async function officerOfCredential(db: HubDb, credential: string): Promise<string> {
  const principal = await findPrincipal(db, credential.trim());
  if (!principal) throw new AppError('UNAUTHENTICATED', 'this credential is unknown or has been replaced');
  if (!principal.officer) throw new AppError('FORBIDDEN', 'this is a shared workstation token, not an officer’s credential');
  return principal.officer.id;
}

async function registeredOfficer(db: HubDb, officerId: string): Promise<HubOfficer> {
  const officer = await findOfficer(db, officerId);
  if (!officer) throw new AppError('FORBIDDEN', `"${officerId}" is not an officer in the hub's registry; ask an administrator to register them`);
  return officer;
}

function requireActive(officer: HubOfficer): HubOfficer {
  if (!officer.active) throw new AppError('FORBIDDEN', `officer "${officer.id}" has been deactivated`);
  return officer;
}

export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  const onRequest = deps.auth.requireRole('workstation');
  const sessionOf = (request: FastifyRequest) => {
    const principal = deps.auth.principalOf(request);
    if (principal.sessionId === null) throw new AppError('FORBIDDEN', 'this call needs an officer’s session (pzs_…), not a token');
    return principal.sessionId;
  };

  app.post(`${HUB_API_PREFIX}/sessions`, { bodyLimit: SESSION_BODY }, async (request): Promise<SessionResponse> => {
    const credential = bodyField(request, 'credential');
    const idToken = bodyField(request, 'idToken');
    if ((credential === undefined) === (idToken === undefined)) throw new AppError('BAD_INPUT', 'send {"credential": "pzh_…"} or {"idToken": "…"}');
    const enrol = checkKeyEnrolment((request.body as Record<string, unknown> | null | undefined)?.enrol);
    let officer: HubOfficer;
    let method: SessionMethod;
    if (credential !== undefined) {
      officer = requireActive(await registeredOfficer(deps.db, await officerOfCredential(deps.db, credential)));
      method = 'credential';
    } else {
      if (!deps.verifyIdToken) throw new AppError('FORBIDDEN', 'this hub accepts no identity provider; sign in with your credential');
      // The verifier read the officer from the registry already: looked up once, while the workstation waits.
      officer = requireActive(await deps.verifyIdToken(idToken!));
      method = 'oidc';
    }
    const officerId = officer.id;
    // The key first: a key the hub refuses (another officer's, revoked) opens no session.
    const keyId = enrol === undefined ? undefined : await enrolOfficerKey(deps.db, deps.clock, officerId, enrol);
    const opened = await openSession(deps.db, deps.clock, { officerId, method, lifetimeMs: deps.lifetimeMs });
    return { ...opened, officer, ...(keyId === undefined ? {} : { keyId }) };
  });

  app.get(`${HUB_API_PREFIX}/auth/oidc`, (): Promise<OidcOffer> => {
    if (!deps.oidcOffer) return Promise.reject(new AppError('NOT_FOUND', 'this hub accepts no identity provider; officers sign in with their credential'));
    return Promise.resolve(deps.oidcOffer);
  });

  // This process forgets the session before it answers: the database's announcement reaches it (on PostgreSQL) only
  // after the answer, and a signed-out session must not push in the meantime. Other sessions stay trusted.
  app.post(`${HUB_API_PREFIX}/sessions/renew`, { onRequest, bodyLimit: SMALL_BODY }, async (request): Promise<{ expiresAt: string }> => {
    const expiresAt = await renewSession(deps.db, deps.clock, sessionOf(request), deps.lifetimeMs);
    deps.auth.forgetCaller(request);
    return { expiresAt };
  });

  app.delete(`${HUB_API_PREFIX}/sessions/current`, { onRequest }, async (request): Promise<{ ended: true }> => {
    await endSession(deps.db, deps.clock, sessionOf(request));
    deps.auth.forgetCaller(request);
    return { ended: true };
  });

  app.post(`${HUB_API_PREFIX}/keys`, { onRequest, bodyLimit: SMALL_BODY }, async (request): Promise<KeyRegistered> => {
    const principal = deps.auth.principalOf(request);
    if (!principal.officer) throw new AppError('FORBIDDEN', 'a signing key is registered under an officer’s session or credential, not a shared workstation token');
    const publicKey = checkPublicKey((request.body as Record<string, unknown> | null | undefined)?.publicKey);
    return { keyId: await registerOfficerKey(deps.db, deps.clock, principal.officer.id, publicKey) };
  });
}
