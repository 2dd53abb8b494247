/**
 * Where the identity provider sends the officer's browser back to (RFC 8252 §7.3, a native app's loopback
 * redirect): a listener on 127.0.0.1 at a port the system picks, for one sign-in. Only the callback carrying this
 * sign-in's `state` is taken — any other request is refused and the listener keeps waiting — and once it is, the
 * listener answers nothing else and closes. The browser's page is answered when the sign-in has ended, so it
 * says how it ended.
 *
 * Login CSRF (a session swap): any local user or process can reach 127.0.0.1, and the authorization URL (state,
 * nonce, PKCE challenge) is on the browser's command line for all to read. Someone who copies it, signs in at the
 * provider as themselves and sends their callback here would pass the state, nonce and PKCE checks, and the officer
 * would work in their name. So the browser is sent to the listener's own start page first (`/begin`, one use),
 * which gives it a cookie bound to this sign-in and only then sends it on to the provider; a callback without that
 * cookie is refused. A second visit to the start page means someone else took it too: the sign-in ends, for both.
 *
 * That start page's address is on the browser's command line too, so another local user could open it first, then
 * sign in as themselves. On Linux the listener therefore serves only connections opened by our own user (uid), as
 * the kernel lists them (../platform/connection-owner.ts); another user's gets 403 and the sign-in waits on for the
 * officer's browser. A connection whose owner cannot be told is refused the same way: on Linux the kernel lists
 * every live connection, so one that is missing was closed or hidden, and a sign-in is better retried than taken
 * by someone unknown. Other systems have no such list; what guards them is in the README. Where the list cannot be
 * read at all, no sign-in could ever pass: the sign-in is refused at once, saying why (OWNER_CHECK_UNAVAILABLE).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AppError } from '../../shared/errors';
import { tokenMatches } from '../api/loopback-guard';
import { silentLogger, type Logger } from '../../shared/platform/logger';
import { connectionOwners, ownerTablesUnreadable, type ConnectionOwner } from '../platform/connection-owner';

export const CALLBACK_PATH = '/callback';
export const BEGIN_PATH = '/begin';

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback` */
  redirectUri: string;
  /**
   * The page the officer's browser opens (`http://127.0.0.1:<port>/begin?t=…`): it binds that browser to this
   * sign-in and sends it on to `authorizationUrl` at the provider.
   */
  beginAt(authorizationUrl: string): string;
  /** The callback URL that brought this sign-in's state; rejects with the reason given to abandon(). */
  received: Promise<URL>;
  /** Shows the browser that brought the callback how the sign-in ended, then stops listening. */
  respond(outcome: { ok: true } | { ok: false; reason: string }): void;
  /** Stops waiting (timed out, or another sign-in started): `received` rejects with `reason`. */
  abandon(reason: Error): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The one script a page of the listener may run, allowed by its hash: the signed-in page closes the tab the
 * workbench opened for the sign-in (browser mode), so the officer is back at the workbench at once. A tab no page
 * opened (the desktop's system browser) is not the script's to close: it stays, saying the officer may close it.
 */
const CLOSE_TAB_SCRIPT = 'window.close()';
const CLOSE_TAB_SOURCE = `'sha256-${createHash('sha256').update(CLOSE_TAB_SCRIPT).digest('base64')}'`;

/** A page without links or anything to load, and without script but `closesTab`'s: it only tells the officer where to go on. */
function page(response: ServerResponse, status: number, title: string, lines: string[], closesTab = false): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': closesTab ? `default-src 'none'; script-src ${CLOSE_TAB_SOURCE}` : "default-src 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  response.end(`<!doctype html><html lang="nl"><meta charset="utf-8"><title>Puzzelstuk</title><h1>${escapeHtml(title)}</h1>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${closesTab ? `<script>${CLOSE_TAB_SCRIPT}</script>` : ''}`);
}

/** The cookie a browser brought, by name (no library: one name, values of base64url only). */
function cookieOf(header: string | undefined, name: string): string {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return '';
}

/** Why a connection is not served, or null when it may be: another user's, or one whose user cannot be told. */
function refusal(owner: ConnectionOwner): string[] | null {
  if (owner.kind === 'unchecked' || (owner.kind === 'user' && owner.uid === process.getuid?.())) return null;
  if (owner.kind === 'user') {
    return ['Deze pagina is geopend door een andere gebruiker van deze computer dan die Puzzelstuk gebruikt; zij wordt niet gebruikt.', 'This page was opened by another user of this computer than the one using Puzzelstuk; it is not used.'];
  }
  return ['Puzzelstuk kan niet nagaan welke gebruiker van deze computer deze pagina opende; zij wordt niet gebruikt. Probeer het opnieuw.', 'Puzzelstuk cannot tell which user of this computer opened this page; it is not used. Try again.'];
}

/** Why no police-account sign-in can be guarded here: for the officer, and (as `reason`) for the log. */
function ownerCheckUnavailable(reason: string, logger: Logger): AppError {
  logger.warn('sign_in.owner_check_unavailable', { reason });
  return new AppError(
    'OWNER_CHECK_UNAVAILABLE',
    `Puzzelstuk cannot tell which user of this computer opens the sign-in page (${reason}), so another user could take the sign-in over; signing in with a police account is refused here. Ask the administrator to let Puzzelstuk read /proc/net, or sign in with your officer id and access code.`,
  );
}

export interface LoopbackOptions {
  /** Where the sign-in's refusals for want of an owner check are told (paths and error codes only). */
  logger?: Logger;
  /** Linux's tables of sockets (../platform/connection-owner.ts). */
  procNet?: string;
}

export async function listenForRedirect(state: string, options: LoopbackOptions = {}): Promise<LoopbackRedirect> {
  const logger = options.logger ?? silentLogger;
  const unreadable = ownerTablesUnreadable(options.procNet);
  if (unreadable !== null) throw ownerCheckUnavailable(unreadable, logger);
  const server = createServer();
  let waiting: ServerResponse | null = null;
  let taken = false;
  /** The start page's one-use ticket, and the cookie it gives the browser that used it. */
  const ticket = randomBytes(32).toString('base64url');
  const binding = randomBytes(32).toString('base64url');
  let authorizationUrl: string | null = null;
  let begun = false;
  /** Cookies are kept per host, not per port: the name says which listener's it is. */
  let cookieName = '';
  let settle!: { resolve: (url: URL) => void; reject: (reason: Error) => void };
  const received = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  // Abandoned before anyone asked: the sign-in's own promise carries the reason.
  received.catch(() => undefined);

  const stop = () => {
    server.close();
    server.closeIdleConnections();
  };

  function abandon(reason: Error): void {
    taken = true;
    settle.reject(reason);
    stop();
  }

  const begin = (url: URL, response: ServerResponse) => {
    if (authorizationUrl === null || !tokenMatches(url.searchParams.get('t'), ticket)) {
      return page(response, 400, 'Onbekende aanmelding / Unknown sign-in', ['Deze pagina hoort niet bij de aanmelding die Puzzelstuk is begonnen.', 'This page does not belong to the sign-in Puzzelstuk started.']);
    }
    if (begun) {
      abandon(new AppError('CONFLICT', 'The sign-in page was opened twice, perhaps by someone else on this computer; for safety this sign-in has ended. Start signing in again.'));
      return page(response, 409, 'Aanmelding gestopt / Sign-in stopped', ['Deze aanmelding is twee keer geopend en daarom gestopt. Begin opnieuw in Puzzelstuk.', 'This sign-in was opened twice and has been stopped. Start again in Puzzelstuk.']);
    }
    begun = true;
    response.writeHead(303, {
      location: authorizationUrl,
      // Sent back only to this listener's callback, for as long as the officer has at the provider at most.
      'set-cookie': `${cookieName}=${binding}; Path=${CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=900`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      connection: 'close',
    });
    response.end();
  };

  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === BEGIN_PATH && !taken) return begin(url, response);
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) return page(response, 404, 'Niet gevonden / Not found', []);
    if (taken) return page(response, 410, 'Al gebruikt / Already used', ['Deze aanmelding is al afgerond.', 'This sign-in has already ended.']);
    if (url.searchParams.get('state') !== state) {
      return page(response, 400, 'Onbekende aanmelding / Unknown sign-in', ['Dit antwoord hoort niet bij de aanmelding die Puzzelstuk is begonnen.', 'This answer does not belong to the sign-in Puzzelstuk started.']);
    }
    if (!begun || !tokenMatches(cookieOf(request.headers.cookie, cookieName), binding)) {
      return page(response, 403, 'Andere browser / Another browser', [
        'Dit antwoord komt niet uit de browser waarin Puzzelstuk de aanmelding begon; het wordt niet gebruikt.',
        'This answer did not come from the browser in which Puzzelstuk began the sign-in; it is not used.',
      ]);
    }
    taken = true;
    waiting = response;
    settle.resolve(new URL(`${CALLBACK_PATH}${url.search}`, redirectUri));
  };

  // Looked up as the connection arrives, while the client's socket is surely still open.
  const ownerOf = connectionOwners(options.procNet);
  const owners = new WeakMap<Socket, Promise<ConnectionOwner>>();
  server.on('connection', (socket) => owners.set(socket, ownerOf(socket)));
  server.on('request', (request, response) => {
    void (owners.get(request.socket) ?? ownerOf(request.socket))
      .then((owner) => {
        // The tables became unreadable since the sign-in started: none of its connections can be served.
        if (owner.kind === 'unreadable' && !taken) abandon(ownerCheckUnavailable(owner.reason, logger));
        const refused = refusal(owner);
        if (refused) return page(response, 403, 'Andere gebruiker / Another user', refused);
        serve(request, response);
      })
      // A request the listener cannot read (a request target no URL parser takes, say) is refused; left to
      // reject, it would end the whole core, and any local user can send one.
      .catch(() => (response.headersSent ? response.destroy() : page(response, 400, 'Ongeldig verzoek / Bad request', [])));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;
  cookieName = `puzzelstuk-sign-in-${port}`;

  return {
    redirectUri,
    beginAt(target) {
      authorizationUrl = target;
      return `http://127.0.0.1:${port}${BEGIN_PATH}?t=${ticket}`;
    },
    received,
    respond(outcome) {
      const response = waiting;
      waiting = null;
      if (response) {
        if (outcome.ok) page(response, 200, 'Aangemeld / Signed in', ['U bent aangemeld bij Puzzelstuk; u kunt dit venster sluiten.', 'You are signed in to Puzzelstuk; you can close this window.'], true);
        else page(response, 403, 'Aanmelden mislukt / Sign-in failed', [outcome.reason]);
      }
      stop();
    },
    abandon,
  };
}
