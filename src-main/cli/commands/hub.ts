/**
 * `hub serve|token|revoke|officer|audit|retention`: a thin adapter over src-hub. The database is embedded PGlite in `--data <dir>`,
 * or a PostgreSQL server by `--database-url` (see ./hub-database.ts). stdout carries JSON only: `serve` prints
 * exactly one line once it listens and logs to stderr.
 */
import { HUB_ROLES, type HubRole } from '../../../shared/hub/protocol';
import { isAppError } from '../../../shared/errors';
import { createToken, revokeToken } from '../../../src-hub/auth/tokens';
import { createJsonLogger } from '../../../shared/platform/logger';
import { startHub } from '../../../src-hub/start';
import { forgetChainKey } from '../../../src-hub/audit/owner';
import type { OidcSettings } from '../../../src-hub/auth/oidc';
import { verifyHubChains } from '../../../src-hub/audit/verify';
import { systemClock } from '../../../shared/platform/clock';
import { parseCommandArgs, parsePositiveInt, requireOption } from '../args';
import { waitForStopSignal } from '../stop-signal';
import { CliError, UsageError, writeJsonLine, type CliCommand, type CliIo } from '../command';
import { hubDatabaseOf, hubDatabaseOptions, HUB_DATABASE_USAGE, withHubDatabase } from './hub-database';
import { officer, OFFICER_USAGE } from './hub-officer';
import { retention, RETENTION_USAGE } from './hub-retention';

const DEFAULT_PORT = 8080;

const where = HUB_DATABASE_USAGE;
const usages = {
  serve: `hub serve ${where} [--port <port>] [--trust-proxy <address>] [--session-minutes <n>] [--oidc-issuer <url> --oidc-client-id <id> [--oidc-claim <claim>]]`,
  token: `hub token ${where} --role intake|workstation --name <name> [--scope <region,region|*>]`,
  revoke: `hub revoke ${where} --name <name>`,
  officer: OFFICER_USAGE,
  audit: `hub audit verify ${where} | hub audit rebind --workstation <id> ${where}`,
  retention: RETENTION_USAGE,
};
const usage = Object.values(usages).join('\n  ');

/**
 * The identity provider from --oidc-* or PUZZELSTUK_HUB_OIDC_ISSUER / _CLIENT_ID / _CLAIM; none when neither names
 * an issuer.
 */
function oidcSettingsOf(values: { 'oidc-issuer'?: string; 'oidc-client-id'?: string; 'oidc-claim'?: string }, env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = values['oidc-issuer'] ?? env.PUZZELSTUK_HUB_OIDC_ISSUER;
  const clientId = values['oidc-client-id'] ?? env.PUZZELSTUK_HUB_OIDC_CLIENT_ID;
  const claim = values['oidc-claim'] ?? env.PUZZELSTUK_HUB_OIDC_CLAIM;
  if (issuer === undefined) {
    if (clientId !== undefined || claim !== undefined) throw new UsageError(`--oidc-client-id and --oidc-claim need --oidc-issuer\nusage: ${usages.serve}`);
    return undefined;
  }
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) throw new UsageError(`--oidc-issuer must be the provider's http(s) URL, not "${issuer}"`);
  if (clientId === undefined || clientId === '') throw new UsageError(`--oidc-issuer needs --oidc-client-id (the client the workstations sign in with)\nusage: ${usages.serve}`);
  return { issuer, clientId, ...(claim ? { claim } : {}) };
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const options = {
    ...hubDatabaseOptions,
    port: { type: 'string' },
    'trust-proxy': { type: 'string' },
    'session-minutes': { type: 'string' },
    'oidc-issuer': { type: 'string' },
    'oidc-client-id': { type: 'string' },
    'oidc-claim': { type: 'string' },
  } as const;
  const { values } = parseCommandArgs(args, options, usages.serve);
  const database = hubDatabaseOf(values, io.env, usages.serve);
  const port = parsePositiveInt(values.port, '--port', DEFAULT_PORT);
  if (port > 65_535) throw new UsageError('--port must be at most 65535');
  const oidc = oidcSettingsOf(values, io.env);
  const sessionMinutes = values['session-minutes'] === undefined ? undefined : parsePositiveInt(values['session-minutes'], '--session-minutes', 60);
  const logger = createJsonLogger(io.stderr, systemClock);
  const stopped = waitForStopSignal();
  let hub;
  try {
    hub = await startHub({
      database,
      port,
      clock: systemClock,
      logger,
      dailyRetention: {},
      ...(values['trust-proxy'] ? { trustProxy: values['trust-proxy'] } : {}),
      ...(oidc ? { oidc } : {}),
      ...(sessionMinutes ? { sessionLifetimeMs: sessionMinutes * 60_000 } : {}),
    });
  } catch (error) {
    stopped.dispose();
    if (isAppError(error)) throw new CliError(error.message);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(`port ${port} is in use`);
    throw error;
  }
  await writeJsonLine(io.stdout, { url: hub.url });
  const signal = await stopped.received;
  logger.info('stopping', { signal });
  try {
    await hub.close();
  } finally {
    stopped.dispose();
  }
  logger.info('stopped');
  return 0;
}

async function token(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, role: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' } }, usages.token);
  const database = hubDatabaseOf(values, io.env, usages.token);
  const role = requireOption(values.role, '--role', usages.token);
  if (!(HUB_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role is one of ${HUB_ROLES.join(', ')}, not "${role}"`);
  const name = requireOption(values.name, '--name', usages.token);
  const made = await withHubDatabase(database, (hub) => createToken(hub.db, systemClock, { name, role: role as HubRole, scope: values.scope }));
  await writeJsonLine(io.stdout, { token: made.token });
  return 0;
}

async function revoke(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, name: { type: 'string' } }, usages.revoke);
  const database = hubDatabaseOf(values, io.env, usages.revoke);
  const name = requireOption(values.name, '--name', usages.revoke);
  const revoked = await withHubDatabase(database, (hub) => revokeToken(hub.db, systemClock, name));
  if (!revoked) throw new CliError(`no token in use is named "${name}"`);
  await writeJsonLine(io.stdout, { revoked: name });
  return 0;
}

/** Forgets the key a workstation's log is kept under (its store was restored without it): its next push binds anew. */
async function rebind(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, workstation: { type: 'string' } }, usages.audit);
  const database = hubDatabaseOf(values, io.env, usages.audit);
  const workstation = requireOption(values.workstation, '--workstation', usages.audit);
  const forgotten = await withHubDatabase(database, (hub) => forgetChainKey(hub.db, workstation));
  if (!forgotten) throw new CliError(`the hub keeps no audit key for workstation "${workstation}"`);
  await writeJsonLine(io.stdout, { workstation, key: 'forgotten' });
  return 0;
}

/** Every workstation's audit chain on the hub, one NDJSON verdict each (exit 1 when any is broken); or rebind. */
async function audit(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'rebind') return rebind(rest, io);
  if (action !== 'verify') throw new UsageError(`usage: ${usages.audit}`);
  const { values } = parseCommandArgs(rest, hubDatabaseOptions, usages.audit);
  const database = hubDatabaseOf(values, io.env, usages.audit);
  return withHubDatabase(database, async (hub) => {
    let broken = 0;
    for await (const verdict of verifyHubChains(hub.db)) {
      if (!verdict.ok) broken += 1;
      await writeJsonLine(io.stdout, verdict);
    }
    return broken === 0 ? 0 : 1;
  });
}

const subcommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = { serve, token, revoke, officer, audit, retention };

export const hubCommand: CliCommand = {
  name: 'hub',
  usage,
  summary: 'Run the central intake hub (serve), make and revoke its bearer tokens (token, revoke), manage its officers, their credentials and signing keys (officer: revoke-key for a lost or stolen workstation), or check every workstation’s audit chain it holds (audit verify), forget the key a workstation’s log is kept under (audit rebind), or purge the reports whose retention period is over (retention run) and show or set those periods (retention periods).',
  async run(args, io) {
    const [sub, ...rest] = args;
    const run = sub === undefined ? undefined : subcommands[sub];
    if (!run) throw new UsageError(`${sub === undefined ? 'a subcommand is required' : `unknown subcommand "${sub}"`}\nusage: ${usage}`);
    return run(rest, io);
  },
};
