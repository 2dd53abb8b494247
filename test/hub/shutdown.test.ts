import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BACKENDS, startTestHub, type TestHub } from './harness';

function openSocket(hub: TestHub): Promise<Socket> {
  const { port } = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

async function timeToClose(hub: TestHub): Promise<number> {
  const started = Date.now();
  await hub.app.close();
  return Date.now() - started;
}

describe.each(BACKENDS)('hub shutdown (%s)', (backend) => {
  it('stops at once although a client holds a connection it never sent a request on', async () => {
    const hub = await startTestHub(backend, { shutdownGraceMs: 60_000 });
    try {
      // What an HTTP client's pool leaves behind when a request is aborted before it was written.
      const unused = await openSocket(hub);
      unused.on('error', () => undefined);
      expect(await timeToClose(hub)).toBeLessThan(2000);
      await closed(unused);
    } finally {
      await hub.close();
    }
  });

  it('gives a request in flight the grace period, then closes its connection', async () => {
    const hub = await startTestHub(backend, { shutdownGraceMs: 500 });
    try {
      // An intake post whose body never finishes arriving.
      const stalled = await openSocket(hub);
      stalled.on('error', () => undefined);
      stalled.write(
        `POST /v1/intake HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer ${hub.intakeToken}\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n{"schema":`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const took = await timeToClose(hub);
      expect(took).toBeGreaterThanOrEqual(450);
      expect(took).toBeLessThan(3000);
      await closed(stalled);
    } finally {
      await hub.close();
    }
  });
});
