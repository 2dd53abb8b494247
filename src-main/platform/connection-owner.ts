/**
 * Which local user opened a TCP connection to one of our loopback listeners. Linux lists every socket of the
 * network namespace with the uid that owns it in /proc/net/tcp (IPv4) and /proc/net/tcp6 (IPv6, where a dual-stack
 * client's connection to 127.0.0.1 appears v4-mapped): the client's socket is the one whose local address is the
 * connection's remote address:port and whose remote address is ours.
 *
 * The answer is "unknown" — never a guess — when that socket is not listed (the client already closed it: the
 * kernel then keeps it as a time-wait entry without owner, inode 0) or /proc cannot be read. Other systems have no
 * /proc: there the owner is "unchecked", and the caller decides what that means.
 */
import { readFile } from 'node:fs/promises';
import { isIPv4, type Socket } from 'node:net';
import { endianness } from 'node:os';

export type ConnectionOwner = { kind: 'user'; uid: number } | { kind: 'unknown'; reason: string } | { kind: 'unchecked' };

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

/** The owner of the socket listed as `local` → `remote` in one of /proc/net's tables, if it is listed with one. */
function ownerIn(table: string, local: string, remote: string): number | null {
  for (const line of table.split('\n').slice(1)) {
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
    const fields = line.trim().split(/\s+/);
    if (fields[1] !== local || fields[2] !== remote) continue;
    // A time-wait entry (the client closed) is listed with uid 0 and inode 0: it has no owner any more.
    if (fields[9] === '0') return null;
    const uid = Number(fields[7]);
    return Number.isSafeInteger(uid) ? uid : null;
  }
  return null;
}

/** Who owns the client end of `socket`, a connection accepted by an IPv4 listener on this machine. */
export async function connectionOwner(socket: Socket, procNet = '/proc/net'): Promise<ConnectionOwner> {
  if (process.platform !== 'linux') return { kind: 'unchecked' };
  const { remoteAddress, remotePort, localAddress, localPort } = socket;
  if (!remoteAddress || !remotePort || !localAddress || !localPort || !isIPv4(remoteAddress) || !isIPv4(localAddress)) {
    return { kind: 'unknown', reason: 'the connection has no IPv4 addresses (closed already?)' };
  }
  const client = kernelEndpoints(remoteAddress, remotePort);
  const server = kernelEndpoints(localAddress, localPort);
  let unreadable = 0;
  for (const [file, local, remote] of [['tcp', client.tcp, server.tcp], ['tcp6', client.tcp6, server.tcp6]] as const) {
    let table: string;
    try {
      table = await readFile(`${procNet}/${file}`, 'latin1');
    } catch {
      unreadable += 1;
      continue;
    }
    const uid = ownerIn(table, local, remote);
    if (uid !== null) return { kind: 'user', uid };
  }
  return { kind: 'unknown', reason: unreadable === 2 ? `${procNet}/tcp and tcp6 cannot be read` : 'the client’s socket is not listed with an owner (closed already?)' };
}
