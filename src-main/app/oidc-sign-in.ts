/**
 * Signing in with a police account: the authorization code flow with PKCE of a native app (RFC 8252) at the
 * identity provider the hub names (`GET /v1/auth/oidc`), done with `openid-client`. The code verifier, state and
 * nonce stay in the core — the page only ever sees the authorization URL — and the provider sends the browser
 * back to a one-use loopback listener (./oidc-loopback.ts). The core exchanges the code, checks the ID token
 * (issuer, audience, nonce, signature), hands it to the hub (`POST /v1/sessions {idToken, enrol}`, which enrols the
 * officer's signing key in the same round trip), and signs in with the session the hub gives exactly as with a
 * credential. On the desktop the system browser opens the URL; in browser mode the page opens it in a tab of its
 * own. While the sign-in screen shows, the core has an attempt ready
 * (./oidc-attempt.ts: fresh secrets, listener, URL), so the click waits for no round trip; one click takes it.
 */
import * as oidc from 'openid-client';
import type { OfficerView } from '../../shared/api/views';
import { isLoopbackHost } from '../../shared/hub/address';
import type { OidcOffer } from '../../shared/hub/protocol';
import { AppError, isAppError } from '../../shared/errors';
import type { Logger } from '../../shared/platform/logger';
import { createHubClient } from '../sync/hub-client';
import type { KeyEnrolmentOffer } from '../sync/officer-enrollment';
import { HubRefusedError } from '../sync/hub-errors';
import type { LoopbackRedirect } from './oidc-loopback';
import { readyAttempt, type ReadyAttempt, type SignInAttempt } from './oidc-attempt';
import type { HubSignInAdopter } from './session-control';
import type { FirstFrameHold } from './first-frame-hold';
import type { OidcSignInControl } from '../api/context';

export interface OidcSignInDeps {
  fetch: typeof fetch;
  /** The real hub this workstation works with; null for the demo or without a hub. */
  hubUrl: () => string | null;
  adopt: HubSignInAdopter;
  /** The signing key the session request offers to enrol (../sync/officer-enrollment.ts, keyEnrolmentOffer). */
  keyOffer: () => KeyEnrolmentOffer;
  /** Tells every window someone signed in (whether or not the page that started it still waits). */
  announce: () => void;
  /** Opens the authorization URL in the system browser (the desktop); absent where the page opens it. */
  openInBrowser?: (url: string) => Promise<void>;
  /** How long the officer has at the provider, from their click (default five minutes). */
  timeoutMs?: number;
  /** How long an attempt made ready while the sign-in screen shows waits for the click (default five minutes). */
  readyForMs?: number;
  /**
   * The officer a police-account sign-in must be, whatever the page asks: the one signed in with their offline code
   * whom the returning hub now wants proven (null when nobody is due).
   */
  dueOfficer: () => string | null;
  /** Where a sign-in refused for want of the loopback's owner check is told (./oidc-loopback.ts). */
  logger?: Logger;
  /** Holds the station's first sync from the officer's click until the window has drawn their workstation. */
  firstFrame?: FirstFrameHold;
}

export interface OidcSignIn extends OidcSignInControl {
  /** Ends a sign-in still under way (its listener closes). */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_READY_FOR_MS = 5 * 60_000;
const PROVIDER_TIMEOUT_S = 10;

/** An attempt made ready for the sign-in screen's click, with the hub and provider it was made for. */
interface Prepared {
  hubUrl: string;
  offer: OidcOffer;
  configuration: oidc.Configuration;
  attempt: ReadyAttempt;
}

/** An attempt taken by a click, with the hub and provider it was made for. */
type Taken = Omit<Prepared, 'attempt'> & { attempt: SignInAttempt };

interface Flow {
  loopback: LoopbackRedirect;
  result: Promise<OfficerView>;
}

/** Each way the flow can fail, in words for the officer; the provider's and the hub's own reasons included. */
function failureOf(error: unknown, issuer: string): AppError {
  if (isAppError(error)) return error;
  if (error instanceof HubRefusedError) {
    if (error.status === 403) return new AppError('FORBIDDEN', `The hub refuses this sign-in: ${error.message}.`);
    return new AppError('UNAUTHENTICATED', `The hub does not accept this sign-in: ${error.message}.`);
  }
  if (error instanceof oidc.AuthorizationResponseError) {
    return new AppError('UNAUTHENTICATED', `The identity provider ended the sign-in without signing you in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}).`);
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new AppError('UNAUTHENTICATED', `The identity provider refused the sign-in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}); start again.`);
  }
  if (error instanceof oidc.ClientError && !isNetworkFailure(error)) {
    return new AppError('UNAUTHENTICATED', `The identity provider's answer cannot be trusted (${error.message}); start again.`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('UNAVAILABLE', `The identity provider at ${issuer} or the hub cannot be reached (${detail}); try again shortly.`);
}

function isNetworkFailure(error: Error): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'TypeError' || cause.name === 'AbortError' || cause.name === 'TimeoutError' || cause.name === 'HubUnavailableError') return true;
  }
  return false;
}

export function createOidcSignIn(deps: OidcSignInDeps): OidcSignIn {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const readyForMs = deps.readyForMs ?? DEFAULT_READY_FOR_MS;
  const discovered = new Map<string, Promise<oidc.Configuration>>();
  let flow: Flow | null = null;
  let prepared: Promise<Prepared> | null = null;
  /** Closed with the workstation: an offer still on its way then readies nothing (no listener left open). */
  let closed = false;

  function requireHub(): string {
    const hubUrl = deps.hubUrl();
    if (hubUrl === null) throw new AppError('BAD_INPUT', 'Signing in with a police account needs a hub; set the hub’s address in the settings first.');
    return hubUrl;
  }

  const hubClient = (hubUrl: string) => createHubClient({ hubUrl, fetch: deps.fetch });

  async function offerOf(hubUrl: string): Promise<OidcOffer | null> {
    try {
      return await hubClient(hubUrl).oidcOffer();
    } catch (error) {
      throw new AppError('UNAVAILABLE', `The hub cannot say where to sign in with a police account (${error instanceof Error ? error.message : String(error)}); try again shortly.`);
    }
  }

  /**
   * The provider's endpoints and keys from its discovery document, learnt once per issuer and client — asked as soon
   * as the sign-in screen asks for the offer, so that the officer's click does not wait for it; a failure is
   * forgotten, and asked again at the next try.
   */
  function configurationOf(offer: OidcOffer): Promise<oidc.Configuration> {
    const key = `${offer.issuer} ${offer.clientId}`;
    const known = discovered.get(key);
    if (known) return known;
    const learning = discover(offer);
    discovered.set(key, learning);
    learning.catch(() => discovered.delete(key));
    return learning;
  }

  async function discover(offer: OidcOffer): Promise<oidc.Configuration> {
    const issuer = new URL(offer.issuer);
    // Plain http only to a provider on this machine (tests, a local proxy), as for the hub itself.
    const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
    try {
      return await oidc.discovery(issuer, offer.clientId, undefined, oidc.None(), {
        timeout: PROVIDER_TIMEOUT_S,
        [oidc.customFetch]: (url, options) => deps.fetch(url, options),
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppError('UNAVAILABLE', `The identity provider at ${offer.issuer} cannot be reached or does not describe itself (${detail}); try again shortly.`);
    }
  }

  /**
   * The hub's session for the officer the provider named, their signing key enrolled in the same request; refused
   * (and ended on the hub) when it is not `expected`'s.
   */
  async function sessionFor(hubUrl: string, idToken: string, expected: string | undefined, offer: KeyEnrolmentOffer) {
    const session = await hubClient(hubUrl).openSession({ idToken, enrol: offer.enrol });
    if (expected === undefined || session.officer.id === expected) return session;
    await createHubClient({ hubUrl, token: session.session, fetch: deps.fetch })
      .endSession()
      .catch(() => undefined);
    throw new AppError('UNAUTHENTICATED', `The police account signed in at the identity provider is not ${expected}'s, who started this sign-in; nobody was signed in. Sign in with your own police account.`);
  }

  async function complete(
    hubUrl: string,
    offer: OidcOffer,
    configuration: oidc.Configuration,
    { loopback, secrets }: SignInAttempt,
    expected: string | undefined,
    enrolment: KeyEnrolmentOffer,
  ): Promise<OfficerView> {
    const timer = setTimeout(
      () => loopback.abandon(new AppError('UNAVAILABLE', `No answer came from the identity provider within ${Math.round(timeoutMs / 60_000)} minutes; start signing in again.`)),
      timeoutMs,
    );
    try {
      const callback = await loopback.received;
      try {
        const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
          pkceCodeVerifier: secrets.verifier,
          expectedState: secrets.state,
          expectedNonce: secrets.nonce,
          idTokenExpected: true,
        });
        const session = await sessionFor(hubUrl, tokens.id_token!, expected, enrolment);
        const officer = await deps.adopt(hubUrl, session.officer, session.session, session.expiresAt, { offer: enrolment, keyId: session.keyId });
        loopback.respond({ ok: true });
        deps.announce();
        return officer;
      } catch (error) {
        const failure = failureOf(error, offer.issuer);
        loopback.respond({ ok: false, reason: failure.message });
        throw failure;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  const attemptFor = (configuration: oidc.Configuration) => readyAttempt(configuration, { expiresInMs: readyForMs, ...(deps.logger ? { logger: deps.logger } : {}) });

  /** Makes an attempt ready for the click, in place of any still waiting (whose listener closes). */
  function prepare(hubUrl: string, offer: OidcOffer): void {
    discardPrepared();
    if (closed) return;
    const making = configurationOf(offer).then(async (configuration) => ({ hubUrl, offer, configuration, attempt: await attemptFor(configuration) }));
    // A failure is not told here: the click makes its own attempt, and says what went wrong then.
    making.catch(() => undefined);
    prepared = making;
  }

  function discardPrepared(): void {
    const waiting = prepared;
    prepared = null;
    void waiting?.then((ready) => ready.attempt.discard(), () => undefined);
  }

  /** The attempt made ready for this hub, taken for this click only; null when there is none (any more). */
  async function takePrepared(hubUrl: string): Promise<Taken | null> {
    const making = prepared;
    prepared = null;
    const ready = await making?.catch(() => null);
    if (!ready) return null;
    if (ready.hubUrl !== hubUrl) {
      ready.attempt.discard();
      return null;
    }
    const attempt = ready.attempt.take();
    return attempt && { ...ready, attempt };
  }

  /** An attempt made at the click, asking the hub first (nothing was made ready, or it expired). */
  async function attemptNow(hubUrl: string): Promise<Taken> {
    const offer = await offerOf(hubUrl);
    if (!offer) throw new AppError('FORBIDDEN', 'This hub does not offer signing in with a police account; sign in with your officer id and credential.');
    const configuration = await configurationOf(offer);
    const attempt = (await attemptFor(configuration)).take()!;
    return { hubUrl, offer, configuration, attempt };
  }

  return {
    async offer() {
      const hubUrl = deps.hubUrl();
      const offer = hubUrl === null ? null : await offerOf(hubUrl);
      // Made ready now, while the officer reads the sign-in screen; a failure is told when they start.
      if (hubUrl !== null && offer) prepare(hubUrl, offer);
      else discardPrepared();
      return offer;
    },

    async start({ officerId: asked }) {
      const hubUrl = requireHub();
      const due = deps.dueOfficer();
      if (due !== null && asked !== undefined && asked !== due) {
        throw new AppError('FORBIDDEN', `${due} is signed in and asked to sign in again with their police account; another officer signs in after ${due} signs out.`);
      }
      const expected = asked ?? due ?? undefined;
      // The signing key the session request offers is made now, while the officer is at the provider, not after.
      const enrolment = deps.keyOffer();
      const { offer, configuration, attempt } = (await takePrepared(hubUrl)) ?? (await attemptNow(hubUrl));
      flow?.loopback.abandon(new AppError('CONFLICT', 'Another sign-in with a police account was started; this one has ended.'));
      const { loopback } = attempt;
      // The browser goes to the provider by way of the listener, which binds it to this sign-in (./oidc-loopback.ts).
      const authorizationUrl = loopback.beginAt(attempt.providerUrl);
      const held = deps.firstFrame?.take();
      const result = complete(hubUrl, offer, configuration, attempt, expected, enrolment);
      // Nobody may ask for the outcome (the page was closed): the failure is not lost, finish() still gives it.
      result.then(
        () => held?.signedIn(),
        () => held?.failed(),
      );
      flow = { loopback, result };
      if (!deps.openInBrowser) return { authorizationUrl, openedInBrowser: false };
      try {
        await deps.openInBrowser(authorizationUrl);
      } catch (error) {
        loopback.abandon(new AppError('UNAVAILABLE', 'The browser could not be opened.'));
        throw new AppError('UNAVAILABLE', `The browser could not be opened to sign in (${error instanceof Error ? error.message : String(error)}).`);
      }
      return { authorizationUrl, openedInBrowser: true };
    },

    finish() {
      if (!flow) return Promise.reject(new AppError('CONFLICT', 'No sign-in with a police account is under way; start one first.'));
      return flow.result;
    },

    close() {
      closed = true;
      discardPrepared();
      flow?.loopback.abandon(new AppError('UNAVAILABLE', 'Puzzelstuk is closing.'));
      flow = null;
    },
  };
}
