/**
 * Where a `hub` subcommand finds the hub's database: embedded PGlite in `--data <dir>`, or a PostgreSQL server by
 * `--database-url` (or PUZZELSTUK_HUB_DATABASE_URL, which keeps a password out of shell history and process lists).
 */
import { isAppError } from '../../../shared/errors';
import { connect, type ConnectOptions, type HubConnection } from '../../../src-hub/db/connect';
import { migrateHub } from '../../../src-hub/db/migrate';
import { requireOption } from '../args';
import { CliError, UsageError } from '../command';

export const HUB_DATABASE_URL_ENV = 'PUZZELSTUK_HUB_DATABASE_URL';

export const HUB_DATABASE_USAGE = '(--data <dir> | --database-url <url>)';

export const hubDatabaseOptions = { data: { type: 'string' }, 'database-url': { type: 'string' } } as const;

export function hubDatabaseOf(values: { data?: string; 'database-url'?: string }, env: NodeJS.ProcessEnv, commandUsage: string): ConnectOptions {
  const url = values['database-url'] ?? env[HUB_DATABASE_URL_ENV];
  if (values.data !== undefined && values['database-url'] !== undefined) throw new UsageError(`give --data or --database-url, not both\nusage: ${commandUsage}`);
  if (values.data !== undefined) return { dataDir: requireOption(values.data, '--data', commandUsage) };
  if (url) return { databaseUrl: url };
  throw new UsageError(`--data <dir> (embedded database) or --database-url <url> (PostgreSQL) is required\nusage: ${commandUsage}`);
}

/** Runs work on a migrated hub database and always closes it; hub errors become messages for the terminal. */
export async function withHubDatabase<T>(options: ConnectOptions, work: (database: HubConnection) => Promise<T>): Promise<T> {
  let database: HubConnection | null = null;
  try {
    database = await connect(options);
    await migrateHub(database.db);
    return await work(database);
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    await database?.close();
  }
}
