/**
 * A loopback HTTP proxy in front of the real hub that injects faults per request: answers of its own (500),
 * no answer (timeouts), answers cut half-way, a previous feed page sent again, requests the hub executes but
 * whose answer never comes, and going away entirely (connection refused) and coming back on the same port.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  /** Answer this status without asking the hub. */
  | { kind: 'status'; status: number }
  /** Never answer (the client's timeout must fire). */
  | { kind: 'hang' }
  /** Let the hub answer, pass on half of it, then close the connection. */
  | { kind: 'cut' }
  /** Answer a feed request with the last feed page passed on before. */
  | { kind: 'replay' }
  /** Let the hub act on the request, never pass the answer on. */
  | { kind: 'hold' };

export interface ProxiedRequest {
  method: string;
  path: string;
  fault: Fault['kind'];
}

export type FaultPolicy = (request: { method: string; path: string; index: number }) => Fault;

interface HubAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export interface FaultProxy {
  url: string;
  setPolicy(policy: FaultPolicy): void;
  readonly log: ProxiedRequest[];
  /** Resolves when a request with this fault has reached that point (a held push executed, a passed answer sent …). */
  waitFor(kind: Fault['kind'], path: string): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(hubUrl: string): Promise<FaultProxy> {
  const hub = new URL(hubUrl);
  let policy: FaultPolicy = () => ({ kind: 'pass' });
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<{ kind: Fault['kind']; path: string; resolve: () => void }> = [];
  let lastFeedAnswer: HubAnswer | null = null;

  const reached = (kind: Fault['kind'], path: string) => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.kind === kind && path.startsWith(waiter.path)) waiter.resolve();
      else waiters.push(waiter);
    }
  };

  const forward = (incoming: IncomingMessage, body: Buffer): Promise<HubAnswer> =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: hub.hostname, port: hub.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: hub.host } },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const send = (response: ServerResponse, answer: HubAnswer, bytes = answer.body.length) => {
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_HEADERS.has(name)));
    response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    if (bytes >= answer.body.length) response.end(answer.body);
    else response.write(answer.body.subarray(0, bytes), () => response.socket?.destroy());
  };

  async function handle(incoming: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const path = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    const fault = policy({ method, path, index: log.length });
    log.push({ method, path, fault: fault.kind });
    const isFeed = path.startsWith('/v1/feed');
    switch (fault.kind) {
      case 'status':
        response.writeHead(fault.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'injected failure' } }));
        return;
      case 'hang':
        reached('hang', path);
        return;
      case 'replay':
        if (isFeed && lastFeedAnswer) {
          send(response, lastFeedAnswer);
          return;
        }
        break;
      default:
        break;
    }
    const answer = await forward(incoming, body);
    if (fault.kind === 'hold') {
      reached('hold', path);
      return;
    }
    if (fault.kind === 'cut') {
      send(response, answer, Math.floor(answer.body.length / 2));
      reached('cut', path);
      return;
    }
    if (isFeed && answer.status === 200) lastFeedAnswer = answer;
    send(response, answer);
    response.once('finish', () => reached('pass', path));
  }

  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      handle(incoming, response, Buffer.concat(chunks)).catch(() => {
        // The hub is away: to the client it looks like a dropped connection.
        response.socket?.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const down = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    setPolicy(next) {
      policy = next;
    },
    log,
    waitFor: (kind, path) => new Promise((resolve) => waiters.push({ kind, path, resolve })),
    down,
    async up() {
      if (!server.listening) await listen(port);
    },
    close: down,
  };
}
