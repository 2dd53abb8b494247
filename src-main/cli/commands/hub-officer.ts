/**
 * `hub officer add|credential|deactivate|list|oidc-subject|keys|revoke-key`: the hub's registry of officers. `add`
 * registers an officer and prints their credential (a workstation token bound to them, shown once); `credential`
 * replaces a lost one; `deactivate` ends an officer's work (their credential stops working, their id stays in the
 * history); `oidc-subject` links an officer to their subject at the force's identity provider (how they sign in
 * there); `keys` lists their signing keys (one per workstation they signed in on) and `revoke-key` revokes one or
 * all of them (a lost or stolen workstation).
 */
import { listOfficerKeys, revokeOfficerKeys } from '../../../src-hub/auth/officer-keys';
import { OFFICER_ROLES, addOfficer, deactivateOfficer, listOfficers, renewCredential, setOidcSubject } from '../../../src-hub/officers/registry';
import type { OfficerRole } from '../../../shared/requests/lifecycle';
import { systemClock } from '../../../shared/platform/clock';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, writeJsonLine, type CliIo } from '../command';
import { hubDatabaseOf, hubDatabaseOptions, HUB_DATABASE_USAGE, withHubDatabase } from './hub-database';

const usages = {
  add: `hub officer add ${HUB_DATABASE_USAGE} --id <id> --name <name> --role officer|supervisor|privacy [--team <team>] [--scope <region,region|*>] [--oidc-subject <subject>]`,
  'oidc-subject': `hub officer oidc-subject ${HUB_DATABASE_USAGE} --id <id> (--subject <subject> | --clear)`,
  credential: `hub officer credential ${HUB_DATABASE_USAGE} --id <id>`,
  deactivate: `hub officer deactivate ${HUB_DATABASE_USAGE} --id <id>`,
  list: `hub officer list ${HUB_DATABASE_USAGE}`,
  keys: `hub officer keys ${HUB_DATABASE_USAGE} --officer <id>`,
  'revoke-key': `hub officer revoke-key ${HUB_DATABASE_USAGE} --officer <id> [--key=<key id>]`,
};
export const OFFICER_USAGE = Object.values(usages).join('\n  ');

async function add(args: string[], io: CliIo): Promise<number> {
  const options = { ...hubDatabaseOptions, id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, scope: { type: 'string' }, 'oidc-subject': { type: 'string' } } as const;
  const { values } = parseCommandArgs(args, options, usages.add);
  const database = hubDatabaseOf(values, io.env, usages.add);
  const id = requireOption(values.id, '--id', usages.add);
  const displayName = requireOption(values.name, '--name', usages.add);
  const role = requireOption(values.role, '--role', usages.add);
  if (!(OFFICER_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role is one of ${OFFICER_ROLES.join(', ')}, not "${role}"`);
  const made = await withHubDatabase(database, (hub) => addOfficer(hub.db, systemClock, { id, displayName, role: role as OfficerRole, team: values.team ?? null, scope: values.scope, oidcSubject: values['oidc-subject'] ?? null }));
  await writeJsonLine(io.stdout, made);
  return 0;
}

/** Links an officer to their subject at the identity provider (or unlinks them): how they sign in there. */
async function oidcSubject(args: string[], io: CliIo): Promise<number> {
  const usage = usages['oidc-subject'];
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, id: { type: 'string' }, subject: { type: 'string' }, clear: { type: 'boolean' } }, usage);
  const database = hubDatabaseOf(values, io.env, usage);
  const id = requireOption(values.id, '--id', usage);
  if ((values.subject === undefined) === (values.clear !== true)) throw new UsageError(`give --subject <subject> or --clear\nusage: ${usage}`);
  const officer = await withHubDatabase(database, (hub) => setOidcSubject(hub.db, id, values.subject ?? null));
  await writeJsonLine(io.stdout, { officer });
  return 0;
}

async function credential(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, id: { type: 'string' } }, usages.credential);
  const database = hubDatabaseOf(values, io.env, usages.credential);
  const id = requireOption(values.id, '--id', usages.credential);
  const token = await withHubDatabase(database, (hub) => renewCredential(hub.db, systemClock, id));
  await writeJsonLine(io.stdout, { officer: id, credential: token });
  return 0;
}

async function deactivate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, id: { type: 'string' } }, usages.deactivate);
  const database = hubDatabaseOf(values, io.env, usages.deactivate);
  const id = requireOption(values.id, '--id', usages.deactivate);
  const officer = await withHubDatabase(database, (hub) => deactivateOfficer(hub.db, id));
  await writeJsonLine(io.stdout, { officer });
  return 0;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, hubDatabaseOptions, usages.list);
  const database = hubDatabaseOf(values, io.env, usages.list);
  const officers = await withHubDatabase(database, (hub) => listOfficers(hub.db));
  await writeJsonLine(io.stdout, { officers });
  return 0;
}

/** An officer's signing keys with when each was made and revoked: which workstation's key is which. */
async function keys(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, officer: { type: 'string' } }, usages.keys);
  const database = hubDatabaseOf(values, io.env, usages.keys);
  const id = requireOption(values.officer, '--officer', usages.keys);
  const listed = await withHubDatabase(database, (hub) => listOfficerKeys(hub.db, id));
  await writeJsonLine(io.stdout, { officer: id, keys: listed });
  return 0;
}

/** A lost or stolen workstation: the officer's key there (or every key of theirs) no longer signs their changes. */
async function revokeKey(args: string[], io: CliIo): Promise<number> {
  const usage = usages['revoke-key'];
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, officer: { type: 'string' }, key: { type: 'string' } }, usage);
  const database = hubDatabaseOf(values, io.env, usage);
  const id = requireOption(values.officer, '--officer', usage);
  const revoked = await withHubDatabase(database, (hub) => revokeOfficerKeys(hub.db, systemClock, id, values.key?.trim()));
  await writeJsonLine(io.stdout, {
    officer: id,
    revoked,
    // The workstation also holds the officer's credential: a stolen one must be replaced as well.
    next: `changes signed with ${revoked.length === 1 ? 'this key' : 'these keys'} are refused and kept for supervisors (GET /v1/refused); the officer signs in again to make a new key. If the workstation was stolen, also replace their credential: hub officer credential --id ${id}`,
  });
  return 0;
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = { add, credential, deactivate, list, 'oidc-subject': oidcSubject, keys, 'revoke-key': revokeKey };

export async function officer(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub === undefined ? undefined : subcommands[sub];
  if (!run) throw new UsageError(`${sub === undefined ? 'hub officer needs a subcommand' : `unknown subcommand "officer ${sub}"`}\nusage: ${OFFICER_USAGE}`);
  return run(rest, io);
}
