/**
 * Which local user opened a TCP connection to one of our loopback listeners. Linux lists every socket of the
 * network namespace with the uid that owns it in /proc/net/tcp (IPv4) and /proc/net/tcp6 (IPv6, where a dual-stack
 * client's connection to 127.0.0.1 appears v4-mapped): the client's socket is the one whose local address is the
 * connection's remote address:port and whose remote address is ours.
 *
 * The answer is "unknown" — never a guess — when that socket is not listed (the client already closed it: the
 * kernel then keeps it as a time-wait entry without owner, inode 0), and "unreadable" when /proc/net cannot be read.
 * Other systems have no /proc: there the owner is "unchecked", and the caller decides what that means.
 */
import { readFileSync } from 'node:fs';
import { isIPv4, type Socket } from 'node:net';
import { endianness } from 'node:os';

export type ConnectionOwner =
  | { kind: 'user'; uid: number }
  | { kind: 'unknown'; reason: string }
  /** Neither table can be read (a sandbox without /proc/net, say): no connection's owner can be told. */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'unchecked' };

/** The kernel prints an address as 32-bit words in the machine's byte order, each as 8 hex digits. */
function kernelHex(bytes: readonly number[]): string {
  const buffer = Buffer.from(bytes);
  let hex = '';
  for (let at = 0; at < buffer.length; at += 4) {
    const word = endianness() === 'LE' ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
    hex += word.toString(16).toUpperCase().padStart(8, '0');
  }
  return hex;
}

/** `127.0.0.1`, 8080 → the kernel's `0100007F:1F90` in /proc/net/tcp and its v4-mapped form in /proc/net/tcp6. */
function kernelEndpoints(address: string, port: number): { tcp: string; tcp6: string } {
  const octets = address.split('.').map(Number);
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return { tcp: `${kernelHex(octets)}:${portHex}`, tcp6: `${kernelHex([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...octets])}:${portHex}` };
}

/** Each socket listed in one of /proc/net's tables, `local remote` → its owner's uid (null: listed without owner). */
function ownersIn(table: string, into: Map<string, number | null>): void {
  for (const line of table.split('\n').slice(1)) {
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    // A time-wait entry (the client closed) is listed with uid 0 and inode 0: it has no owner any more.
    const uid = fields[9] === '0' ? null : Number(fields[7]);
    into.set(`${fields[1]} ${fields[2]}`, Number.isSafeInteger(uid) ? uid : null);
  }
}

/**
 * Both tables read once: every listed socket's owner, or why neither table could be read. Read at once, not through
 * the thread pool: the kernel writes them from memory (a few hundred KB with thousands of sockets), while each step
 * of an asynchronous read (open, read, read, close) waits for a turn of the event loop — on the core's thread, each
 * behind a slice of a first sync, which made the officer's sign-in wait a second for a millisecond's read.
 */
function readOwners(procNet: string): { owners: Map<string, number | null> } | { unreadable: string } {
  const owners = new Map<string, number | null>();
  const failures: string[] = [];
  for (const file of ['tcp', 'tcp6']) {
    try {
      ownersIn(readFileSync(`${procNet}/${file}`, 'latin1'), owners);
    } catch (error) {
      failures.push((error as NodeJS.ErrnoException).code ?? 'error');
    }
  }
  return failures.length === 2 ? { unreadable: `${procNet}/tcp and tcp6 cannot be read (${[...new Set(failures)].join(', ')})` } : { owners };
}

export type ConnectionOwners = (socket: Socket) => Promise<ConnectionOwner>;

/**
 * Looks up the owners of connections as they arrive. Each lookup needs both tables, which list every socket of the
 * machine: read per connection, a local user opening thousands of connections would have the listener read them
 * thousands of times over, and the officer's browser would wait behind all of it. So the tables are read once for
 * every connection waiting by then, at the end of the turn of the event loop that accepted it, and each read waits
 * after the one before as long as that one took: a flood (whose tables grow with it) gets at most half the thread,
 * its connections gathered into ever fewer reads, while a connection that comes alone is answered at once.
 */
export function connectionOwners(procNet = '/proc/net'): ConnectionOwners {
  let waiting: Array<{ client: { tcp: string; tcp6: string }; server: { tcp: string; tcp6: string }; answer: (owner: ConnectionOwner) => void }> = [];
  /** When the next read may start (performance.now()). */
  let nextReadAt = 0;

  function readForWaiting(): void {
    const batch = waiting;
    waiting = [];
    const started = performance.now();
    const tables = readOwners(procNet);
    for (const { client, server, answer } of batch) {
      if ('unreadable' in tables) {
        answer({ kind: 'unreadable', reason: tables.unreadable });
        continue;
      }
      const uid = tables.owners.get(`${client.tcp} ${server.tcp}`) ?? tables.owners.get(`${client.tcp6} ${server.tcp6}`) ?? null;
      answer(uid === null ? { kind: 'unknown', reason: 'the client’s socket is not listed with an owner (closed already?)' } : { kind: 'user', uid });
    }
    const ended = performance.now();
    nextReadAt = ended + (ended - started);
  }

  return (socket) => {
    if (process.platform !== 'linux') return Promise.resolve({ kind: 'unchecked' });
    const { remoteAddress, remotePort, localAddress, localPort } = socket;
    if (!remoteAddress || !remotePort || !localAddress || !localPort || !isIPv4(remoteAddress) || !isIPv4(localAddress)) {
      return Promise.resolve({ kind: 'unknown', reason: 'the connection has no IPv4 addresses (closed already?)' });
    }
    const client = kernelEndpoints(remoteAddress, remotePort);
    const server = kernelEndpoints(localAddress, localPort);
    return new Promise((answer) => {
      waiting.push({ client, server, answer });
      if (waiting.length > 1) return;
      const pause = nextReadAt - performance.now();
      // setImmediate: after the other connections this turn accepts (the poll phase), before the next turn's.
      if (pause > 0) setTimeout(readForWaiting, pause);
      else setImmediate(readForWaiting);
    });
  };
}

/** Whether the tables can be read at all (on Linux): null if they can, else why not — before anyone is asked to connect. */
export function ownerTablesUnreadable(procNet = '/proc/net'): string | null {
  if (process.platform !== 'linux') return null;
  const tables = readOwners(procNet);
  return 'unreadable' in tables ? tables.unreadable : null;
}
