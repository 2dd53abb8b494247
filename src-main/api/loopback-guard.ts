import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorCode } from '../../shared/errors';

/** Who the loopback server is: requests must name it (Host, Origin) and carry its launch token. */
export interface LoopbackIdentity {
  /** `127.0.0.1:<port>` */
  host: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  token: string;
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN'>; message: string };

const ALLOWED: Verdict = { ok: true };

/**
 * A page of another origin must not reach the API: browsers name the page's origin in `Origin` (and
 * `Sec-Fetch-Site`), and a DNS-rebinding page gets its own name in `Host`. Clients that are no browser send
 * no Origin; they still need the token.
 */
export function checkCaller(headers: IncomingHttpHeaders, identity: LoopbackIdentity): Verdict {
  if (headers.host !== identity.host) return { ok: false, status: 403, code: 'FORBIDDEN', message: 'This server answers only requests to its own address.' };
  if (headers.origin !== undefined && headers.origin !== identity.origin) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Requests from other sites are refused.' };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Requests from other sites are refused.' };
  }
  return ALLOWED;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const given = Buffer.from(candidate, 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

export const TOKEN_REQUIRED_MESSAGE = 'A valid token is required; open the address Puzzelstuk printed at start.';
