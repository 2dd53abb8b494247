import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Lets a stopping hub finish without waiting on connections that will never end by themselves. Node's
 * `server.close()` waits for every connection. Idle kept-alive ones are closed for it, but not one a client opened
 * and never sent a request on: HTTP clients open connections ahead, and keep the socket when a request is aborted
 * before it was written. Node counts such a connection as busy until its header timeout (a minute), so a
 * workstation that gave up on a request could hold a hub's shutdown that long.
 */
export function watchConnectionsForShutdown(server: Server, graceMs: number) {
  const withoutRequest = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    withoutRequest.add(socket);
    socket.once('close', () => withoutRequest.delete(socket));
  });
  server.on('request', (request: { socket: Socket }) => withoutRequest.delete(request.socket));
  let lastResort: NodeJS.Timeout | null = null;
  return {
    /**
     * Closes the connections that carry no request, and after `graceMs` every connection still open: requests in
     * flight get that long to be answered.
     */
    stopping(): void {
      for (const socket of withoutRequest) socket.destroy();
      lastResort = setTimeout(() => server.closeAllConnections(), graceMs);
      lastResort.unref();
    },
    stopped(): void {
      if (lastResort) clearTimeout(lastResort);
    },
  };
}
