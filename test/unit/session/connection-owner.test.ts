/**
 * Who opened a connection to a loopback listener, as Linux's /proc/net tables say: real connections from this
 * process (IPv4 and a dual-stack IPv6 socket), from a process of another user, one whose client already closed, and
 * tables that cannot be read.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionOwners, ownerTablesUnreadable } from '../../../src-main/platform/connection-owner';
import { NOBODY } from '../../support/open-as-user';

const linux = process.platform === 'linux';
const connectionOwner = (socket: Socket, procNet?: string) => connectionOwners(procNet)(socket);

describe.runIf(linux)('the owner of a connection to a loopback listener (Linux)', () => {
  let server: Server;
  const clients: Socket[] = [];
  const served: Socket[] = [];
  afterEach(async () => {
    for (const socket of [...clients.splice(0), ...served.splice(0)]) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A listener on 127.0.0.1; `accepted` is the next connection it takes. */
  async function listen() {
    const sockets: Socket[] = [];
    const waiting: ((socket: Socket) => void)[] = [];
    server = createServer((socket) => {
      served.push(socket);
      const next = waiting.shift();
      if (next) next(socket);
      else sockets.push(socket);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const accepted = () => new Promise<Socket>((resolve) => (sockets.length > 0 ? resolve(sockets.shift()!) : waiting.push(resolve)));
    return { port, accepted };
  }

  it('is this process’s user for its own IPv4 connection', async () => {
    const { port, accepted } = await listen();
    clients.push(connect(port, '127.0.0.1'));
    expect(await connectionOwner(await accepted())).toEqual({ kind: 'user', uid: process.getuid!() });
  });

  it('is found in /proc/net/tcp6 for a dual-stack client’s v4-mapped connection', async () => {
    const { port, accepted } = await listen();
    clients.push(connect(port, '::ffff:127.0.0.1'));
    const socket = await accepted();
    expect(socket.remoteAddress).toBe('127.0.0.1');
    expect(await connectionOwner(socket)).toEqual({ kind: 'user', uid: process.getuid!() });
  });

  it.runIf(process.getuid?.() === 0)('is the other user for a connection opened by their process', async () => {
    const { port, accepted } = await listen();
    // The child holds its connection open until it is ended.
    const child = spawn(process.execPath, ['-e', `require('node:net').connect(${port}, '127.0.0.1'); setInterval(() => {}, 1000);`], { cwd: '/', env: {}, stdio: 'ignore', ...NOBODY });
    try {
      expect(await connectionOwner(await accepted())).toEqual({ kind: 'user', uid: NOBODY.uid });
    } finally {
      child.kill();
    }
  });

  it('is unknown once the client has closed its end: the kernel lists it without owner, as user 0', async () => {
    const { port, accepted } = await listen();
    const client = connect(port, '127.0.0.1');
    const socket = await accepted();
    const ended = once(socket, 'end');
    client.destroy();
    await ended;
    expect(await connectionOwner(socket)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/not listed with an owner/) as unknown });
  });

  it('is unreadable where the tables cannot be read, saying which and why (and they can be here)', async () => {
    const { port, accepted } = await listen();
    clients.push(connect(port, '127.0.0.1'));
    const reason = '/nonexistent/proc/net/tcp and tcp6 cannot be read (ENOENT)';
    expect(await connectionOwner(await accepted(), '/nonexistent/proc/net')).toEqual({ kind: 'unreadable', reason });
    expect(ownerTablesUnreadable('/nonexistent/proc/net')).toBe(reason);
    expect(ownerTablesUnreadable()).toBeNull();
  });

  it('tells each of many connections arriving at once its own owner', async () => {
    const { port, accepted } = await listen();
    const lookup = connectionOwners();
    for (let index = 0; index < 50; index += 1) clients.push(connect(port, '127.0.0.1'));
    const sockets = await Promise.all(clients.map(() => accepted()));
    const owners = await Promise.all(sockets.map((socket) => lookup(socket)));
    expect(owners).toEqual(sockets.map(() => ({ kind: 'user', uid: process.getuid!() })));
  });
});
