/**
 * A real OpenID Connect provider in-process (`oidc-provider`, the certified Node implementation), with keys of its
 * own, on 127.0.0.1; and the authorization code + PKCE flow against it as a browser would do it (its login form
 * accepts any login, so "signing in as" a subject is posting that login).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { interactionPolicy } from 'oidc-provider';
import { answerInteraction, INTERACTION_PATH } from './oidc-provider-pages';

export interface OidcClient {
  clientId: string;
  redirectUris: string[];
  /** `native` allows a loopback redirect on any port (RFC 8252); `web` a page of the app. */
  applicationType?: 'native' | 'web';
  /**
   * Whether the officer is asked to consent before the provider hands the app their identity. Off, as Keycloak's
   * "Consent required" is for a client it creates: the force's own application, whose users do not consent to it
   * one by one. On for a third party's application.
   */
  consentRequired?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcProvider(clients: readonly OidcClient[], options: { idTokenTtlS?: number } = {}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  const withConsent = new Set(clients.filter((client) => client.consentRequired === true).map((client) => client.clientId));
  const provider = new Provider(issuer, {
    interactions: { policy: keycloakLikePolicy(withConsent), url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
    clients: clients.map((client) => ({
      client_id: client.clientId,
      redirect_uris: client.redirectUris,
      application_type: client.applicationType ?? 'native',
      token_endpoint_auth_method: 'none',
      response_types: ['code'],
      grant_types: ['authorization_code'],
    })),
    jwks: { keys: [jwk] },
    // A client without consent gets its grant of the openid scope at once, as Keycloak gives it.
    loadExistingGrant: async (ctx) => {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? (client ? session?.grantIdFor(client.clientId) : undefined);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!client || !session?.accountId || withConsent.has(client.clientId)) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid');
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, preferred_username: `${sub}@politie.test` }) }),
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    ttl: { IdToken: options.idTokenTtlS ?? 3600 },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Its own login and consent pages (./oidc-provider-pages.ts) instead of the library's development ones, whose
    // stylesheet imports a web font from the internet: the page would paint only once that request failed.
    features: { devInteractions: { enabled: false } },
  });
  const callback = provider.callback();
  server.on('request', (request, response) => {
    if (request.url?.startsWith(INTERACTION_PATH)) void answerInteraction(provider, request, response);
    else void callback(request, response);
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/**
 * oidc-provider asks a native client's user to consent at every sign-in (its `native_client_prompt`, RFC 8252 §8.6).
 * Keycloak asks nothing of a client without "Consent required" — after the login, or at once when the browser is
 * still signed in there — and so does this provider for such a client.
 */
function keycloakLikePolicy(withConsent: ReadonlySet<string>) {
  const policy = interactionPolicy.base();
  const consent = policy.get('consent')!;
  consent.checks.remove('native_client_prompt');
  const interacted = new interactionPolicy.Check('native_client_prompt', 'native clients require End-User interaction', 'interaction_required', (ctx) => {
    const { client, params, result } = ctx.oidc;
    if (client?.applicationType !== 'native' || params?.response_type === 'none' || result?.consent) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
    return withConsent.has(client.clientId) ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT;
  });
  consent.checks.add(interacted, 0);
  return policy;
}

export const pkcePair = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/**
 * A browser's cookie jar, enough for the provider's interaction cookies and the workstation's sign-in binding:
 * every cookie goes to every address — they all are 127.0.0.1 here, and a browser keeps cookies per host, not port.
 */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    this.takeLines(response.headers.getSetCookie());
  }
  takeLines(lines: readonly string[]): void {
    for (const line of lines) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A browser the provider sent back to the app: where to, and a way to go there (or elsewhere) with its cookies. */
export interface BrowserSentBack {
  /** The provider's authorization URL the browser was sent to (by the workstation's start page, when it has one). */
  providerUrl: URL;
  /** The app's redirect URI with `code` and `state` (or the provider's error). */
  callback: URL;
  /** Opens `url` (by default the callback) in this browser. */
  visit(url?: URL): Promise<Response>;
}

/** A browser with its own cookies: `visit` opens a URL in it without following redirects. */
function browser(jar = new CookieJar()) {
  return {
    jar,
    visit: async (target: URL): Promise<Response> => {
      const response = await fetch(target, { headers: { cookie: jar.header() }, redirect: 'manual' });
      jar.take(response);
      return response;
    },
  };
}

/** A page's answer, as a browser process that opened it saw it (without following a redirect). */
export interface PageAnswer {
  status: number;
  location: string | null;
  setCookie: string[];
  text: string;
}
/** Opens a page: in this process, or in another one (of another user: ./open-as-user.ts). */
export type PageOpener = (url: URL) => Promise<PageAnswer>;

/**
 * Opens the workstation's start page (`…/begin?t=…`) in a fresh browser, as the officer's browser does first: it
 * keeps the cookie that binds it to the sign-in, and is sent on to the provider. `open` opens the start page
 * elsewhere (another process); the rest of the flow goes on here with its cookies.
 */
export async function beginInBrowser(beginUrl: string, open?: PageOpener) {
  const tab = browser();
  let answer: PageAnswer;
  if (open) {
    answer = await open(new URL(beginUrl));
    tab.jar.takeLines(answer.setCookie);
  } else {
    const response = await tab.visit(new URL(beginUrl));
    answer = { status: response.status, location: response.headers.get('location'), setCookie: [], text: await response.text() };
  }
  if (answer.status !== 303 || !answer.location) throw new Error(`the start page answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return { providerUrl: new URL(answer.location), jar: tab.jar, visit: tab.visit };
}

/**
 * Follows an authorization URL as a browser would — by way of the workstation's start page (`/begin`) when it is
 * one — signs in as `login` at the provider's form (and consents when asked), and stops at the redirect that leaves
 * the provider for the app.
 */
export async function authorizeInBrowser(authorizationUrl: string, login: string, openStartPage?: PageOpener): Promise<BrowserSentBack> {
  const started = new URL(authorizationUrl).pathname.endsWith('/begin') ? await beginInBrowser(authorizationUrl, openStartPage) : { providerUrl: new URL(authorizationUrl), jar: new CookieJar() };
  const tab = browser(started.jar);
  let url = started.providerUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: tab.jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    tab.jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== started.providerUrl.origin) return { providerUrl: started.providerUrl, callback: next, visit: (target = next) => tab.visit(target) };
      url = next;
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${page.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`the provider showed a page without a form: ${page.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    body = page.includes('name="prompt" value="login"') ? new URLSearchParams({ prompt: 'login', login, password: 'x' }) : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the provider kept redirecting');
}

/** The whole code + PKCE flow of a public client, as a workstation does it: the provider's tokens for `login`. */
export async function signInAtProvider(issuer: string, client: { clientId: string; redirectUri: string }, login: string): Promise<{ idToken: string; accessToken: string }> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  const authorization = new URL(`${issuer}/auth`);
  authorization.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const back = (await authorizeInBrowser(authorization.toString(), login)).callback;
  if (back.searchParams.get('state') !== state) throw new Error(`state came back wrong: ${back.toString()}`);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code came back: ${back.toString()}`);
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, client_id: client.clientId, code_verifier: verifier }),
  });
  const tokens = (await response.json()) as { id_token?: string; access_token?: string; error_description?: string };
  if (!tokens.id_token || !tokens.access_token) throw new Error(`the token exchange failed: ${tokens.error_description ?? response.status}`);
  return { idToken: tokens.id_token, accessToken: tokens.access_token };
}
