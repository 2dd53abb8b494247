import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type ApiResult } from '../../shared/api/result';
import { HTTP_CALL_PATH, HTTP_EVENTS_PATH, TOKEN_QUERY_PARAM, type CallRequest } from '../../shared/api/wire';
import type { CoreLink } from './core-link';
import { BROWSER_MODE_CSP } from './csp';
import { createEventSocketServer } from './event-socket';
import { bearerToken, checkCaller, tokenMatches, TOKEN_REQUIRED_MESSAGE, type LoopbackIdentity } from './loopback-guard';
import { loadRendererFiles } from './renderer-files';
import { serveStatic } from './static-files';

export interface HttpTransportOptions {
  /** The workstation core the page's calls and events are relayed to. */
  core: CoreLink;
  /** The built renderer (dist/renderer), read once at start. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface HttpTransport {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Far above any call's params (a note is at most 100,000 characters). */
const MAX_BODY_BYTES = 1024 * 1024;
const HOST = '127.0.0.1';

const SECURITY_HEADERS = {
  'content-security-policy': BROWSER_MODE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The page URL carries the token; it must never travel in a Referer.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const UNSENDABLE: ApiResult<unknown> = fail('INTERNAL', 'The answer could not be sent; tell your administrator if it keeps happening.');

/** Serialized before the headers go out, so an answer that cannot be serialized becomes a whole error answer, not a cut connection. */
function answer(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    status = 500;
    text = JSON.stringify(UNSENDABLE);
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(text);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleCall(request: IncomingMessage, response: ServerResponse, core: CoreLink, identity: LoopbackIdentity): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST');
    return answer(response, 405, fail('BAD_INPUT', `Call the API with POST ${HTTP_CALL_PATH}.`));
  }
  const verdict = checkCaller(request.headers, identity);
  if (!verdict.ok) return answer(response, verdict.status, fail(verdict.code, verdict.message));
  if (!tokenMatches(bearerToken(request.headers.authorization), identity.token)) {
    return answer(response, 401, fail('UNAUTHENTICATED', TOKEN_REQUIRED_MESSAGE));
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return answer(response, 415, fail('BAD_INPUT', 'Send the call as application/json.'));
  }
  const text = await readBody(request);
  if (text === null) return answer(response, 413, fail('BAD_INPUT', 'The request is too large.'));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(response, 400, fail('BAD_INPUT', 'The request body is not valid JSON.'));
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return answer(response, 400, fail('BAD_INPUT', 'The request body must be an object {"method", "params"}.'));
  }
  const { method, params } = body as Partial<CallRequest>;
  answer(response, 200, await core.call(method, params));
}

/**
 * Browser mode: the renderer and the API on one loopback origin. Every API request needs the launch token and
 * must come from this origin; the page, the API and the events share one strict CSP.
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = randomBytes(32).toString('base64url');
  // Host and origin are known once listening, before the first request can arrive.
  const identity: LoopbackIdentity = { host: '', origin: '', token };
  const events = createEventSocketServer(options.core, identity);
  const rendererFiles = loadRendererFiles(options.rendererDir);

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', identity.origin);
    if (url.pathname === HTTP_CALL_PATH) {
      handleCall(request, response, options.core, identity).catch(() => {
        if (!response.headersSent) answer(response, 500, fail('INTERNAL', 'The request could not be handled.'));
        else response.destroy();
      });
      return;
    }
    const verdict = checkCaller(request.headers, identity);
    if (!verdict.ok) return answer(response, verdict.status, fail(verdict.code, verdict.message));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return answer(response, 405, fail('BAD_INPUT', 'Only GET and HEAD are served here.'));
    }
    serveStatic(rendererFiles, url.pathname, request, response);
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', identity.origin);
    if (url.pathname === HTTP_EVENTS_PATH) events.handleUpgrade(request, socket, head, url);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  identity.host = `${HOST}:${port}`;
  identity.origin = `http://${HOST}:${port}`;

  return {
    url: `${identity.origin}/?${TOKEN_QUERY_PARAM}=${token}`,
    origin: identity.origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
