/**
 * The force's OpenID Connect identity provider (Keycloak or any other): the hub learns its keys from the issuer's
 * discovery document, verifies an ID token's signature against that JWKS (`jose`, which also fetches new keys
 * when the provider rotates them), its issuer, its audience (the hub's client id) and its lifetime, and maps the
 * subject — or the claim configured — to the officer linked to it (`hub officer add … --oidc-subject`, `hub officer
 * oidc-subject`). Each refusal says why in words an officer or administrator understands.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from '../../shared/errors';
import type { HubDb } from '../db/database';
import { findOfficerByOidcSubject } from '../officers/registry';
import type { IdTokenVerifier } from './session-route';

export interface OidcSettings {
  /** The issuer's URL exactly as the provider names itself (Keycloak: `https://<host>/realms/<realm>`). */
  issuer: string;
  /** The client the workstations sign in with; an ID token's audience must name it. */
  clientId: string;
  /** The claim naming the officer (`sub` unless configured, e.g. `preferred_username` or `employee_number`). */
  claim?: string;
}

export interface OidcVerifierDeps {
  db: HubDb;
  /** The hub's clock: when a token counts as expired. */
  now: () => Date;
  fetch?: typeof fetch;
}

/** Asymmetric signatures only: an ID token signed with the client secret (HS256) proves nothing to the hub. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const CLOCK_TOLERANCE_S = 30;
const DISCOVERY_TIMEOUT_MS = 5000;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

interface Discovered {
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

async function discover(settings: OidcSettings, fetchImpl: typeof fetch): Promise<Discovered> {
  const url = `${trimSlash(settings.issuer)}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new AppError('UNAVAILABLE', `the identity provider at ${settings.issuer} cannot be reached (${(error as Error).message}); try again shortly`);
  }
  if (document.issuer !== settings.issuer) {
    throw new AppError('UNAVAILABLE', `the identity provider calls itself "${String(document.issuer)}", not the issuer this hub is configured with (${settings.issuer})`);
  }
  if (typeof document.jwks_uri !== 'string') throw new AppError('UNAVAILABLE', `the identity provider at ${settings.issuer} publishes no keys (jwks_uri)`);
  return { jwks: createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: DISCOVERY_TIMEOUT_MS }) };
}

function refusalOf(error: unknown, settings: OidcSettings): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof errors.JWTExpired) return new AppError('UNAUTHENTICATED', 'your sign-in at the identity provider has expired; sign in again');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AppError('UNAUTHENTICATED', `this token was issued for another application, not for this hub's client "${settings.clientId}"`);
    if (error.claim === 'iss') return new AppError('UNAUTHENTICATED', `this token was issued by another identity provider, not ${settings.issuer}`);
    if (error.claim === 'nbf' || error.claim === 'iat') return new AppError('UNAUTHENTICATED', 'this token is not valid yet; check the clocks of the hub and the identity provider');
    return new AppError('UNAUTHENTICATED', `this token is not valid: its claim "${error.claim}" is wrong`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AppError('UNAUTHENTICATED', `this token's signature does not match the keys of ${settings.issuer}; it was not issued there or has been altered`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AppError('UNAUTHENTICATED', 'this token is signed with a method the hub does not accept (only the provider’s public keys)');
  if (error instanceof errors.JWKSTimeout) return new AppError('UNAVAILABLE', `the identity provider at ${settings.issuer} did not answer for its keys; try again shortly`);
  if (error instanceof errors.JOSEError) return new AppError('UNAUTHENTICATED', 'this is not a valid ID token of the identity provider');
  return new AppError('UNAVAILABLE', `the identity provider at ${settings.issuer} cannot be reached; try again shortly`);
}

/** The issuer a token names, read before verifying only to say "another provider" when it is one. */
function claimedIssuer(idToken: string): string | undefined {
  try {
    return decodeJwt(idToken).iss;
  } catch {
    throw new AppError('UNAUTHENTICATED', 'this is not a valid ID token of the identity provider');
  }
}

/** A verifier for `POST /v1/sessions {idToken}`: the officer a valid token names, or a refusal saying why. */
export function createOidcVerifier(settings: OidcSettings, deps: OidcVerifierDeps): IdTokenVerifier {
  const claim = settings.claim ?? 'sub';
  let discovered: Promise<Discovered> | null = null;
  const keys = () => {
    // A failed discovery is tried again at the next sign-in, so that a provider down at hub start is no outage.
    discovered ??= discover(settings, deps.fetch ?? fetch).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };

  return async (idToken) => {
    const issuer = claimedIssuer(idToken);
    if (issuer !== settings.issuer) {
      throw new AppError('UNAUTHENTICATED', `this token was issued by another identity provider (${issuer ?? 'none named'}), not ${settings.issuer}`);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, (await keys()).jwks, {
        issuer: settings.issuer,
        audience: settings.clientId,
        algorithms: ALGORITHMS,
        currentDate: deps.now(),
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw refusalOf(error, settings);
    }
    const subject = payload[claim];
    if (typeof subject !== 'string' || subject === '') throw new AppError('UNAUTHENTICATED', `the identity provider's token carries no "${claim}" to name the officer by`);
    const officer = await findOfficerByOidcSubject(deps.db, subject);
    if (!officer) {
      throw new AppError('FORBIDDEN', `no officer in the hub's registry is linked to ${claim} "${subject}" at the identity provider; ask an administrator to link them (hub officer oidc-subject)`);
    }
    return officer;
  };
}
