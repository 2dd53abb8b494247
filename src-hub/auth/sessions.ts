/**
 * Officers' sessions: `pzs_` and 32 random bytes, given to an officer who proved who they are (their credential, or
 * a token of the force's identity provider), for a short time (`SESSION_LIFETIME_MS` unless configured) and
 * renewable before it ends. Only the SHA-256 is stored. A session is bound to its officer: it pushes that
 * officer's changes unsigned, and registers that officer's signing keys; it stops working when it expires, when the
 * officer signs out or when the officer is deactivated.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../shared/platform/clock';
import type { HubDb } from '../db/database';
import { officerSessions, officers } from '../db/schema';
import { announceCredentialChange, hashToken, type Principal } from './tokens';

export const SESSION_PREFIX = 'pzs_';
const SESSION_PATTERN = /^pzs_[A-Za-z0-9_-]{43}$/;
/** One hour: long enough for a stretch of work, short enough that a lost session soon means nothing. */
export const SESSION_LIFETIME_MS = 60 * 60 * 1000;

export type SessionMethod = 'credential' | 'oidc';

export const looksLikeSession = (value: string) => SESSION_PATTERN.test(value);

/** A new session for an (active, registered) officer; the only time it exists in clear. */
export async function openSession(
  db: HubDb,
  clock: Clock,
  input: { officerId: string; method: SessionMethod; lifetimeMs: number },
): Promise<{ session: string; expiresAt: string }> {
  const session = SESSION_PREFIX + randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + input.lifetimeMs).toISOString();
  await db.insert(officerSessions).values({ officerId: input.officerId, tokenHash: hashToken(session), method: input.method, createdAt: now.toISOString(), expiresAt });
  return { session, expiresAt };
}

/** Moves a live session's end to `lifetimeMs` from now. */
export async function renewSession(db: HubDb, clock: Clock, sessionId: number, lifetimeMs: number): Promise<string> {
  const expiresAt = new Date(clock.now().getTime() + lifetimeMs).toISOString();
  await db.update(officerSessions).set({ expiresAt }).where(and(eq(officerSessions.id, sessionId), isNull(officerSessions.revokedAt)));
  await announceCredentialChange(db);
  return expiresAt;
}

/** Signs out: the session stops working at once (every hub process forgets it). */
export async function endSession(db: HubDb, clock: Clock, sessionId: number): Promise<void> {
  await db.update(officerSessions).set({ revokedAt: clock.now().toISOString() }).where(and(eq(officerSessions.id, sessionId), isNull(officerSessions.revokedAt)));
  await announceCredentialChange(db);
}

/** The principal of a session not signed out (expired ones too: the caller decides with `expiresAt`), or null. */
export async function findSessionPrincipal(db: HubDb, session: string): Promise<Principal | null> {
  if (!looksLikeSession(session)) return null;
  const [row] = await db
    .select({ id: officerSessions.id, officerId: officers.id, active: officers.active, scope: officers.scope, expiresAt: officerSessions.expiresAt })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(and(eq(officerSessions.tokenHash, hashToken(session)), isNull(officerSessions.revokedAt)));
  if (!row) return null;
  return {
    tokenId: null,
    sessionId: row.id,
    name: `session of ${row.officerId}`,
    role: 'workstation',
    scope: row.scope ?? '*',
    officer: { id: row.officerId, active: row.active },
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}
