import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { TOKEN_QUERY_PARAM, type SocketAuthMessage } from '../../shared/api/wire';
import type { CoreLink } from './core-link';
import { checkCaller, tokenMatches, type LoopbackIdentity } from './loopback-guard';

/** A socket that has not shown the token within this time is closed. */
const AUTH_TIMEOUT_MS = 5000;
/** WebSocket close codes (4000–4999 are the application's own). */
const CLOSE_UNAUTHENTICATED = 4401;

function refuse(socket: Duplex, status: 401 | 403): void {
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * ApiEvents over a WebSocket. The token comes in the URL, or as the first message `{ "token": … }`; until then
 * the socket gets nothing. Browsers always send Origin on a WebSocket, so a foreign page is refused before upgrade.
 */
export function createEventSocketServer(events: Pick<CoreLink, 'subscribe'>, identity: LoopbackIdentity) {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  function subscribe(socket: WebSocket): void {
    const unsubscribe = events.subscribe((message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    });
    socket.on('close', unsubscribe);
  }

  function awaitTokenMessage(socket: WebSocket): void {
    const timer = setTimeout(() => socket.close(CLOSE_UNAUTHENTICATED, 'token required'), AUTH_TIMEOUT_MS);
    socket.once('message', (data: Buffer) => {
      clearTimeout(timer);
      let token: unknown;
      try {
        token = (JSON.parse(data.toString('utf8')) as Partial<SocketAuthMessage> | null)?.token;
      } catch {
        token = undefined;
      }
      if (typeof token === 'string' && tokenMatches(token, identity.token)) subscribe(socket);
      else socket.close(CLOSE_UNAUTHENTICATED, 'token required');
    });
    socket.on('close', () => clearTimeout(timer));
  }

  return {
    /** Takes over an HTTP upgrade of the events path. */
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
      const verdict = checkCaller(request.headers, identity);
      if (!verdict.ok) return refuse(socket, verdict.status);
      const queryToken = url.searchParams.get(TOKEN_QUERY_PARAM);
      if (queryToken !== null && !tokenMatches(queryToken, identity.token)) return refuse(socket, 401);
      server.handleUpgrade(request, socket, head, (webSocket) => {
        if (queryToken !== null) subscribe(webSocket);
        else awaitTokenMessage(webSocket);
      });
    },
    close(): void {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
