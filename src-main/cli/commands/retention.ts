/**
 * `retention run --db <path> [--as-of <YYYY-MM-DD>]`: purges the reports whose retention period is over and prints
 * {"purged","kept","held"}; `retention periods --db <path> [--daily-task-years <n>] [--case-years <n>]` shows the
 * periods, or sets them (a supervisor's decision, recorded in the audit log).
 */
import { resolve } from 'node:path';
import { createAuditAppender } from '../../audit/audit-log';
import { readRetentionPeriods, writeRetentionPeriods } from '../../db/retention-periods';
import { runRetention } from '../../retention/retention-run';
import { parseCommandArgs, requireOption } from '../args';
import { cliActor } from '../cli-actor';
import { UsageError, writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';
import { writeTransaction } from '../../db/write-transaction';

const usages = {
  run: 'retention run --db <path> [--as-of <YYYY-MM-DD>]',
  periods: 'retention periods --db <path> [--daily-task-years <n>] [--case-years <n>]',
};
const usage = Object.values(usages).join('\n  ');

/** The day the run counts from: --as-of, or today (UTC). */
export function asOfDay(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, like 2027-01-31`);
  return value;
}

/** A number of years given on the command line (`--daily-task-years`, `--case-years`). */
export function wholeYears(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,2}$/.test(value)) throw new UsageError(`${flag} must be a whole number of years`);
  return Number(value);
}

export const retentionCommand: CliCommand = {
  name: 'retention',
  usage,
  summary: 'Purge the reports whose retention period is over (run; prints {"purged","kept","held"}), or show or set the periods (periods).',
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'run') {
      const { values } = parseCommandArgs(rest, { db: { type: 'string' }, 'as-of': { type: 'string' } }, usages.run);
      const path = resolve(requireOption(values.db, '--db', usages.run));
      const now = new Date();
      const asOf = asOfDay(values['as-of'], now);
      const outcome = await withCliStore(path, io, (store) => runRetention(store.sqlite, { asOf, at: now.toISOString(), actor: cliActor(io.env) }), { mustExist: true });
      await writeJsonLine(io.stdout, outcome);
      return 0;
    }
    if (action === 'periods') {
      const { values } = parseCommandArgs(rest, { db: { type: 'string' }, 'daily-task-years': { type: 'string' }, 'case-years': { type: 'string' } }, usages.periods);
      const path = resolve(requireOption(values.db, '--db', usages.periods));
      const dailyTaskYears = wholeYears(values['daily-task-years'], '--daily-task-years');
      const caseYears = wholeYears(values['case-years'], '--case-years');
      const periods = await withCliStore(
        path,
        io,
        (store) => {
          const current = readRetentionPeriods(store.sqlite);
          if (dailyTaskYears === undefined && caseYears === undefined) return current;
          return writeTransaction(store.sqlite, () => {
            const next = writeRetentionPeriods(store.sqlite, { dailyTaskYears: dailyTaskYears ?? current.dailyTaskYears, caseYears: caseYears ?? current.caseYears });
            createAuditAppender(store.sqlite)(new Date().toISOString(), { actor: cliActor(io.env), action: 'retention.periods', subjectType: 'store', subjectId: 'retention', details: { ...next } });
            return next;
          })();
        },
        { mustExist: true },
      );
      await writeJsonLine(io.stdout, periods);
      return 0;
    }
    throw new UsageError(`${action === undefined ? 'a subcommand is required' : `unknown subcommand "${action}"`}\nusage: ${usage}`);
  },
};
