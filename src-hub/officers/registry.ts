/**
 * The hub's registry of officers: who exists, their role and team, and whether they may still work. The hub
 * decides roles (workstations copy them from `GET /v1/officers`) and enforces them on every push. Managed with
 * `hub officer add|credential|deactivate|list`; the embedded demo hub registers its demo officers at start.
 */
import { mayReadAudit } from '../../shared/audit/readers';
import { asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { HubOfficer } from '../../shared/hub/protocol';
import { OFFICER_ROLES, type OfficerRole } from '../../shared/requests/lifecycle';
import type { Clock } from '../../shared/platform/clock';
import { announceCredentialChange, createToken, revokeToken } from '../auth/tokens';
import { inTransaction, type HubDb } from '../db/database';
import { officers } from '../db/schema';
import { parseScope } from '../feed/scope';

export { OFFICER_ROLES };

/** Short enough that the credential's token name (`officer <id>`) fits a token name. */
const OFFICER_ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,79}$/u;
const TEXT_LIMIT = 200;

export interface NewOfficer {
  id: string;
  displayName: string;
  role: OfficerRole;
  team: string | null;
  /** `*` (the default) or regions separated by commas: the reports, and the work on them, the officer receives. */
  scope?: string;
  /** The officer's subject (or configured claim) at the force's identity provider, if they sign in there. */
  oidcSubject?: string | null;
}

const columns = { id: officers.id, displayName: officers.displayName, role: officers.role, team: officers.team, active: officers.active };

/** The name of an officer's credential among the hub's tokens. */
export const credentialName = (officerId: string) => `officer ${officerId}`;

const SUBJECT_LIMIT = 255;

function checkOidcSubject(subject: string | null | undefined): string | null {
  if (subject === null || subject === undefined) return null;
  const trimmed = subject.trim();
  if (trimmed === '' || trimmed.length > SUBJECT_LIMIT) throw new AppError('BAD_INPUT', `an identity provider's subject is 1–${SUBJECT_LIMIT} characters`);
  return trimmed;
}

function checkNewOfficer(input: NewOfficer): Omit<NewOfficer, 'scope' | 'oidcSubject'> & { scope: string[] | null; oidcSubject: string | null } {
  const id = input.id.trim();
  const displayName = input.displayName.trim();
  const team = input.team?.trim() || null;
  if (!OFFICER_ID_PATTERN.test(id)) {
    throw new AppError('BAD_INPUT', 'an officer id is 1–80 letters, digits or . _ @ - and starts with a letter or digit (e.g. "j.devries")');
  }
  if (displayName === '' || displayName.length > TEXT_LIMIT) throw new AppError('BAD_INPUT', `an officer's name is 1–${TEXT_LIMIT} characters`);
  if (!(OFFICER_ROLES as readonly string[]).includes(input.role)) {
    throw new AppError('BAD_INPUT', `an officer's role is one of ${OFFICER_ROLES.join(', ')}, not "${input.role}"`);
  }
  if (team !== null && team.length > TEXT_LIMIT) throw new AppError('BAD_INPUT', `a team name is at most ${TEXT_LIMIT} characters`);
  const scope = parseScope(input.scope ?? '*');
  return { id, displayName, role: input.role, team, scope: scope === '*' ? null : scope, oidcSubject: checkOidcSubject(input.oidcSubject) };
}

const scopeText = (scope: string[] | null) => (scope === null ? '*' : scope.join(','));

/** Registers an officer and issues their credential (shown this once; the hub keeps only its hash). */
export async function addOfficer(db: HubDb, clock: Clock, input: NewOfficer): Promise<{ officer: HubOfficer; scope: string; credential: string }> {
  const officer = checkNewOfficer(input);
  if (officer.oidcSubject !== null) await refuseTakenSubject(db, officer.oidcSubject, officer.id);
  return inTransaction(db, async (tx) => {
    const inserted = await tx
      .insert(officers)
      .values({ ...officer, active: true, createdAt: clock.now().toISOString() })
      .onConflictDoNothing({ target: officers.id })
      .returning(columns);
    if (inserted.length === 0) throw new AppError('CONFLICT', `an officer with id "${officer.id}" is registered already`);
    const { token } = await createToken(tx, clock, { name: credentialName(officer.id), role: 'workstation', officerId: officer.id, scope: scopeText(officer.scope) });
    return { officer: inserted[0]!, scope: scopeText(officer.scope), credential: token };
  });
}

async function refuseTakenSubject(db: HubDb, subject: string, officerId: string): Promise<void> {
  const holder = await findOfficerByOidcSubject(db, subject);
  if (holder && holder.id !== officerId) throw new AppError('CONFLICT', `the identity provider's subject "${subject}" belongs to officer "${holder.id}" already`);
}

/** Links an officer to their subject at the identity provider (null unlinks): how they sign in there from now on. */
export async function setOidcSubject(db: HubDb, officerId: string, subject: string | null): Promise<HubOfficer & { oidcSubject: string | null }> {
  const oidcSubject = subject === null ? null : checkOidcSubject(subject);
  if (oidcSubject !== null) await refuseTakenSubject(db, oidcSubject, officerId.trim());
  const [officer] = await db
    .update(officers)
    .set({ oidcSubject })
    .where(eq(officers.id, officerId.trim()))
    .returning({ ...columns, oidcSubject: officers.oidcSubject });
  if (!officer) throw new AppError('NOT_FOUND', `no officer with id "${officerId}" is registered`);
  return officer;
}

/** The officer linked to this subject at the identity provider, or null. */
export async function findOfficerByOidcSubject(db: HubDb, subject: string): Promise<HubOfficer | null> {
  const [officer] = await db.select(columns).from(officers).where(eq(officers.oidcSubject, subject));
  return officer ?? null;
}

/**
 * Refuses unless the caller is a registered supervisor, by their own session or credential (read from the registry,
 * so a role taken away counts at once). `what` completes "only a supervisor's session or credential may …".
 */
export async function requireSupervisor(db: HubDb, caller: { id: string } | null, what: string): Promise<void> {
  const officer = caller ? await findOfficer(db, caller.id) : null;
  if (officer?.role !== 'supervisor') throw new AppError('FORBIDDEN', `only a supervisor’s session or credential may ${what}`);
}

/** Supervisors and the privacy officer (shared/audit/readers.ts): who may ask what the audit logs say about consultations. */
export async function requireAuditReader(db: HubDb, caller: { id: string } | null, what: string): Promise<void> {
  const officer = caller ? await findOfficer(db, caller.id) : null;
  if (!mayReadAudit(officer?.role)) throw new AppError('FORBIDDEN', `only a supervisor’s or the privacy officer’s session or credential may ${what}`);
}

/** A new credential for an officer who lost theirs; the old one stops working at once. */
export async function renewCredential(db: HubDb, clock: Clock, officerId: string): Promise<string> {
  return inTransaction(db, async (tx) => {
    const [officer] = await tx.select({ ...columns, scope: officers.scope }).from(officers).where(eq(officers.id, officerId));
    if (!officer) throw new AppError('NOT_FOUND', `no officer with id "${officerId}" is registered`);
    if (!officer.active) throw new AppError('FORBIDDEN', `officer "${officerId}" is deactivated`);
    await revokeToken(tx, clock, credentialName(officer.id));
    return (await createToken(tx, clock, { name: credentialName(officer.id), role: 'workstation', officerId: officer.id, scope: scopeText(officer.scope) })).token;
  });
}

/**
 * Makes the registry hold these officers as given (the embedded demo hub, at every start): new ones are added,
 * known ones get the name, role and team given here and are active again. No credentials are made.
 */
export async function registerOfficers(db: HubDb, clock: Clock, list: readonly NewOfficer[]): Promise<void> {
  if (list.length === 0) return;
  const createdAt = clock.now().toISOString();
  const rows = list.map((input) => ({ ...checkNewOfficer(input), active: true, createdAt }));
  await db
    .insert(officers)
    .values(rows)
    .onConflictDoUpdate({
      target: officers.id,
      set: { displayName: sql`excluded.display_name`, role: sql`excluded.role`, team: sql`excluded.team`, oidcSubject: sql`excluded.oidc_subject`, active: true },
    });
  await announceCredentialChange(db);
}

/** Ends an officer's work: their credential stops working; their id stays (mutations name it). */
export async function deactivateOfficer(db: HubDb, officerId: string): Promise<HubOfficer> {
  const [officer] = await db.update(officers).set({ active: false }).where(eq(officers.id, officerId.trim())).returning(columns);
  if (!officer) throw new AppError('NOT_FOUND', `no officer with id "${officerId}" is registered`);
  await announceCredentialChange(db);
  return officer;
}

export async function listOfficers(db: HubDb): Promise<HubOfficer[]> {
  return db.select(columns).from(officers).orderBy(asc(officers.id));
}

export async function findOfficer(db: HubDb, officerId: string): Promise<HubOfficer | null> {
  const [officer] = await db.select(columns).from(officers).where(eq(officers.id, officerId));
  return officer ?? null;
}

