/**
 * `hub retention run (--data <dir> | --database-url <url>) [--as-of <YYYY-MM-DD>]`: purges from the hub the reports
 * whose retention period is over (src-hub/retention) and prints {"purged","kept","held"}.
 */
import { DEFAULT_RETENTION_PERIODS } from '../../../shared/retention/periods';
import { runHubRetention } from '../../../src-hub/retention/run';
import { parseCommandArgs } from '../args';
import { UsageError, writeJsonLine, type CliIo } from '../command';
import { hubDatabaseOf, hubDatabaseOptions, HUB_DATABASE_USAGE, withHubDatabase } from './hub-database';
import { asOfDay } from './retention';

const usages = {
  run: `hub retention run ${HUB_DATABASE_USAGE} [--as-of <YYYY-MM-DD>]`,
};
export const RETENTION_USAGE = Object.values(usages).join('\n  ');

async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, 'as-of': { type: 'string' } }, usages.run);
  const database = hubDatabaseOf(values, io.env, usages.run);
  const asOf = asOfDay(values['as-of'], new Date());
  const { outcome, walCleared } = await withHubDatabase(database, (hub) => runHubRetention(hub, { asOf, periods: DEFAULT_RETENTION_PERIODS }));
  if (!walCleared) io.stderr.write('the purged reports are gone from the tables, but this database user may not CHECKPOINT: their words stay in the server’s write-ahead log until it recycles those segments (see src-hub/README.md, Retention)\n');
  await writeJsonLine(io.stdout, outcome);
  return 0;
}

export async function retention(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'run') return run(rest, io);
  throw new UsageError(`${action === undefined ? 'a subcommand is required' : `unknown subcommand "${action}"`}\nusage: ${RETENTION_USAGE}`);
}
