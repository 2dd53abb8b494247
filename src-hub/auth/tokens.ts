/**
 * Bearer tokens: 32 random bytes, base64url, behind a recognizable prefix (so a leaked token is easy to spot
 * in a log or a repository). Only their SHA-256 is stored; a token is shown once, when it is made.
 * Every token has a role, a name (unique among tokens in use) and, for workstations, an optional scope of
 * regions; revoking keeps the row (mutations refer to the token that pushed them) and ends its use at once
 * (hub processes that trust a token for a while hear of it on CREDENTIALS_CHANNEL; see authenticate.ts).
 * A workstation token may be an officer's credential: bound to one officer, whose mutations alone it may push.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { HUB_ROLES, type HubRole } from '../../shared/hub/protocol';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/platform/clock';
import type { HubDb } from '../db/database';
import { hubTokens, officers } from '../db/schema';
import { parseScope, type Scope } from '../feed/scope';

export const TOKEN_PREFIX = 'pzh_';
/** Announces that a token or an officer changed, so that every hub process forgets the credentials it trusts. */
export const CREDENTIALS_CHANNEL = 'puzzelstuk_credentials';
const TOKEN_PATTERN = /^pzh_[A-Za-z0-9_-]{43}$/;
const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,99}$/u;

/** Who is calling: what the server knows after authentication. */
export interface Principal {
  /** The token used (null for an officer's session). */
  tokenId: number | null;
  /** The officer's session used (null for a token); see ./sessions.ts. */
  sessionId: number | null;
  name: string;
  role: HubRole;
  /** Regions this token may read; `'*'` for all. An officer's credential reads the officer's scope (the registry's). */
  scope: Scope;
  /** The officer this token is a credential of; null for a token shared by whoever uses the workstation. */
  officer: { id: string; active: boolean } | null;
  /** When a session ends (ISO 8601); null for tokens, which last until revoked. */
  expiresAt: string | null;
}

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export interface NewToken {
  name: string;
  role: HubRole;
  /** `*`, or regions separated by commas; workstation tokens only. Absent means all regions. */
  scope?: string;
  /** Makes the token this (registered) officer's credential; workstation tokens only. */
  officerId?: string;
}

function checkNewToken(input: NewToken): { name: string; role: HubRole; scope: string[] | null; officerId: string | null } {
  const name = input.name.trim();
  if (!NAME_PATTERN.test(name)) {
    throw new AppError('BAD_INPUT', 'a token name is 1–100 letters, digits, spaces or . _ @ - and starts with a letter or digit');
  }
  if (!(HUB_ROLES as readonly string[]).includes(input.role)) {
    throw new AppError('BAD_INPUT', `a token's role is one of ${HUB_ROLES.join(', ')}, not "${input.role}"`);
  }
  if (input.scope !== undefined && input.role !== 'workstation') {
    throw new AppError('BAD_INPUT', 'only workstation tokens have a scope (intake tokens deliver reports of every region)');
  }
  if (input.officerId !== undefined && input.role !== 'workstation') throw new AppError('BAD_INPUT', 'only workstation tokens can be an officer’s credential');
  const scope = input.scope === undefined ? '*' : parseScope(input.scope);
  return { name, role: input.role, scope: scope === '*' ? null : scope, officerId: input.officerId ?? null };
}

/** Makes a token and returns it; this is the only time it exists in clear. */
export async function createToken(db: HubDb, clock: Clock, input: NewToken): Promise<{ token: string; id: number }> {
  const values = checkNewToken(input);
  const token = generateToken();
  const [existing] = await db
    .select({ id: hubTokens.id })
    .from(hubTokens)
    .where(and(eq(hubTokens.name, values.name), isNull(hubTokens.revokedAt)));
  if (existing) throw new AppError('CONFLICT', `a token named "${values.name}" is in use; revoke it first or choose another name`);
  try {
    const [row] = await db
      .insert(hubTokens)
      .values({ ...values, tokenHash: hashToken(token), createdAt: clock.now().toISOString() })
      .returning({ id: hubTokens.id });
    return { token, id: row!.id };
  } catch (error) {
    // A concurrent creation with the same name lost the race on the unique index.
    throw new AppError('CONFLICT', `a token named "${values.name}" is in use`, { cause: String(error) });
  }
}

/** Revokes the token in use under this name; false when there is none. */
export async function revokeToken(db: HubDb, clock: Clock, name: string): Promise<boolean> {
  const revoked = await db
    .update(hubTokens)
    .set({ revokedAt: clock.now().toISOString() })
    .where(and(eq(hubTokens.name, name.trim()), isNull(hubTokens.revokedAt)))
    .returning({ id: hubTokens.id });
  if (revoked.length === 0) return false;
  await announceCredentialChange(db);
  return true;
}

/** Within a transaction, the notification goes out at its commit. */
export async function announceCredentialChange(db: HubDb): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${CREDENTIALS_CHANNEL}, '')`);
}

/** The principal of a token in use, or null for an unknown, malformed or revoked one. */
export async function findPrincipal(db: HubDb, token: string): Promise<Principal | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({
      id: hubTokens.id,
      name: hubTokens.name,
      role: hubTokens.role,
      scope: hubTokens.scope,
      officerId: officers.id,
      officerActive: officers.active,
      officerScope: officers.scope,
    })
    .from(hubTokens)
    .leftJoin(officers, eq(officers.id, hubTokens.officerId))
    .where(and(eq(hubTokens.tokenHash, hashToken(token)), isNull(hubTokens.revokedAt)));
  if (!row) return null;
  const officer = row.officerId === null ? null : { id: row.officerId, active: row.officerActive === true };
  const scope = row.officerId === null ? row.scope : row.officerScope;
  return { tokenId: row.id, sessionId: null, name: row.name, role: row.role, scope: scope ?? '*', officer, expiresAt: null };
}
