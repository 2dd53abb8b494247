/**
 * `hub retention run (--data <dir> | --database-url <url>) [--as-of <YYYY-MM-DD>]`: purges from the hub the reports
 * whose retention period is over (src-hub/retention) and prints {"purged","kept","held"}. `hub retention periods …
 * [--daily-task-years <n>] [--case-years <n>]` shows the periods, or sets them (workstations copy them at sync).
 */
import { systemClock } from '../../../shared/platform/clock';
import { silentLogger } from '../../../shared/platform/logger';
import { readHubRetentionPeriods, writeHubRetentionPeriods } from '../../../src-hub/retention/periods';
import { runHubRetention } from '../../../src-hub/retention/run';
import { parseCommandArgs } from '../args';
import { UsageError, writeJsonLine, type CliIo } from '../command';
import { hubDatabaseOf, hubDatabaseOptions, HUB_DATABASE_USAGE, withHubDatabase } from './hub-database';
import { asOfDay, wholeYears } from './retention';

const usages = {
  run: `hub retention run ${HUB_DATABASE_USAGE} [--as-of <YYYY-MM-DD>]`,
  periods: `hub retention periods ${HUB_DATABASE_USAGE} [--daily-task-years <n>] [--case-years <n>]`,
};
export const RETENTION_USAGE = Object.values(usages).join('\n  ');

async function run(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, 'as-of': { type: 'string' } }, usages.run);
  const database = hubDatabaseOf(values, io.env, usages.run);
  const now = new Date();
  const asOf = asOfDay(values['as-of'], now);
  // What the server logs as retention.compaction_failed, the command says in words below.
  const { outcome, compacted, walCleared } = await withHubDatabase(database, (hub) => runHubRetention(hub, { asOf, at: now, logger: silentLogger }));
  if (!compacted) io.stderr.write('the purged reports are gone from the tables, but another session held one of them: their old rows stay in the database’s files until the next run rewrites those tables (see src-hub/README.md, Retention)\n');
  else if (!walCleared) io.stderr.write('the purged reports are gone from the tables, but this database user may not CHECKPOINT: their words stay in the server’s write-ahead log until it recycles those segments (see src-hub/README.md, Retention)\n');
  await writeJsonLine(io.stdout, outcome);
  return 0;
}

async function periods(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, { ...hubDatabaseOptions, 'daily-task-years': { type: 'string' }, 'case-years': { type: 'string' } }, usages.periods);
  const database = hubDatabaseOf(values, io.env, usages.periods);
  const dailyTaskYears = wholeYears(values['daily-task-years'], '--daily-task-years');
  const caseYears = wholeYears(values['case-years'], '--case-years');
  const result = await withHubDatabase(database, async (hub) => {
    const current = await readHubRetentionPeriods(hub.db);
    if (dailyTaskYears === undefined && caseYears === undefined) return current;
    return writeHubRetentionPeriods(hub.db, systemClock, { dailyTaskYears: dailyTaskYears ?? current.dailyTaskYears, caseYears: caseYears ?? current.caseYears });
  });
  await writeJsonLine(io.stdout, result);
  return 0;
}

export async function retention(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'run') return run(rest, io);
  if (action === 'periods') return periods(rest, io);
  throw new UsageError(`${action === undefined ? 'a subcommand is required' : `unknown subcommand "${action}"`}\nusage: ${RETENTION_USAGE}`);
}
