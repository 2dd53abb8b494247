/**
 * Where the identity provider sends the officer's browser back to (RFC 8252 §7.3, a native app's loopback
 * redirect): a listener on 127.0.0.1 at a port the system picks, for one sign-in. Only the callback carrying this
 * sign-in's `state` is taken — any other request is refused and the listener keeps waiting — and once it is, the
 * listener answers nothing else and closes. The browser's page is answered when the sign-in has ended, so it
 * says how it ended.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALLBACK_PATH = '/callback';

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback` */
  redirectUri: string;
  /** The callback URL that brought this sign-in's state; rejects with the reason given to abandon(). */
  received: Promise<URL>;
  /** Shows the browser that brought the callback how the sign-in ended, then stops listening. */
  respond(outcome: { ok: true } | { ok: false; reason: string }): void;
  /** Stops waiting (timed out, or another sign-in started): `received` rejects with `reason`. */
  abandon(reason: Error): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A page without script, links or anything to load: it only tells the officer where to go on. */
function page(response: ServerResponse, status: number, title: string, lines: string[]): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  response.end(`<!doctype html><html lang="nl"><meta charset="utf-8"><title>Puzzelstuk</title><h1>${escapeHtml(title)}</h1>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}`);
}

export async function listenForRedirect(state: string): Promise<LoopbackRedirect> {
  const server = createServer();
  let waiting: ServerResponse | null = null;
  let taken = false;
  let settle!: { resolve: (url: URL) => void; reject: (reason: Error) => void };
  const received = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  // Abandoned before anyone asked: the sign-in's own promise carries the reason.
  received.catch(() => undefined);

  const stop = () => {
    server.close();
    server.closeIdleConnections();
  };

  server.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) return page(response, 404, 'Niet gevonden / Not found', []);
    if (taken) return page(response, 410, 'Al gebruikt / Already used', ['Deze aanmelding is al afgerond.', 'This sign-in has already ended.']);
    if (url.searchParams.get('state') !== state) {
      return page(response, 400, 'Onbekende aanmelding / Unknown sign-in', ['Dit antwoord hoort niet bij de aanmelding die Puzzelstuk is begonnen.', 'This answer does not belong to the sign-in Puzzelstuk started.']);
    }
    taken = true;
    waiting = response;
    settle.resolve(new URL(`${CALLBACK_PATH}${url.search}`, redirectUri));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;

  return {
    redirectUri,
    received,
    respond(outcome) {
      const response = waiting;
      waiting = null;
      if (response) {
        if (outcome.ok) page(response, 200, 'Aangemeld / Signed in', ['U bent aangemeld bij Puzzelstuk; u kunt dit venster sluiten.', 'You are signed in to Puzzelstuk; you can close this window.']);
        else page(response, 403, 'Aanmelden mislukt / Sign-in failed', [outcome.reason]);
      }
      stop();
    },
    abandon(reason) {
      taken = true;
      settle.reject(reason);
      stop();
    },
  };
}
