/**
 * One attempt at signing in with a police account, made ready while the sign-in screen shows so that the officer's
 * click waits for nothing: fresh PKCE verifier, state and nonce, the loopback listener (./oidc-loopback.ts) and the
 * provider's authorization URL for them. An attempt is taken by one click at most; one not taken in time expires,
 * its listener closes and its secrets are gone. Until it is taken its listener serves nobody: its start page has
 * no target yet and no callback can be bound to a browser, so an early listener gives nothing away.
 */
import * as oidc from 'openid-client';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/platform/logger';
import { listenForRedirect, type LoopbackRedirect } from './oidc-loopback';

export interface AttemptSecrets {
  verifier: string;
  state: string;
  nonce: string;
}

export interface SignInAttempt {
  secrets: AttemptSecrets;
  loopback: LoopbackRedirect;
  /** The provider's authorization URL for these secrets, sending the browser back to this listener. */
  providerUrl: string;
}

export interface ReadyAttempt {
  /** Where its listener listens: no secret (any local process can find a listening port), and nothing served there yet. */
  redirectUri: string;
  /**
   * The attempt, for the one sign-in that takes it: null once taken, expired or discarded. Taking it stops its
   * expiry — from here the sign-in's own timeout runs.
   */
  take(): SignInAttempt | null;
  /** Ends it untaken: its listener closes. */
  discard(): void;
}

export interface AttemptOptions {
  /** How long it waits to be taken (ms). */
  expiresInMs: number;
  logger?: Logger;
}

export async function readyAttempt(configuration: oidc.Configuration, options: AttemptOptions): Promise<ReadyAttempt> {
  const secrets = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce() };
  const loopback = await listenForRedirect(secrets.state, options.logger ? { logger: options.logger } : {});
  let providerUrl: string;
  try {
    providerUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: loopback.redirectUri,
      scope: 'openid',
      state: secrets.state,
      nonce: secrets.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(secrets.verifier),
      code_challenge_method: 'S256',
    }).href;
  } catch (error) {
    loopback.abandon(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  let attempt: SignInAttempt | null = { secrets, loopback, providerUrl };
  const end = (reason: string) => {
    clearTimeout(expiry);
    attempt?.loopback.abandon(new AppError('CONFLICT', reason));
    attempt = null;
  };
  const expiry = setTimeout(() => end('The prepared sign-in expired before anyone started it; start signing in again.'), options.expiresInMs);
  return {
    redirectUri: loopback.redirectUri,
    take() {
      clearTimeout(expiry);
      const taken = attempt;
      attempt = null;
      return taken;
    },
    discard: () => end('The prepared sign-in was replaced by a newer one.'),
  };
}
