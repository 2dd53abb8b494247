import { computeOverview } from '../../overview/compute-overview';
import { rebuildKeptCounts } from '../../overview/kept-counts';
import { systemClock } from '../../../shared/platform/clock';
import { dutchDay } from '../../../shared/platform/dutch-days';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage = 'overview --db <path> [--as-of <YYYY-MM-DD>] [--rebuild]';

/** The CLI's shape of the overview (issue 16): the screen's numbers without its lists and explanations. */
export const overviewCommand: CliCommand = {
  name: 'overview',
  usage,
  summary: "Print the supervisor's overview (backlog, weekly throughput, spikes, harm ranking, disruption ledger) as one JSON object; --rebuild first recounts the counts the overview keeps from the reports.",
  async run(args, io) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' }, 'as-of': { type: 'string' }, rebuild: { type: 'boolean' } }, usage);
    const dbPath = requireOption(values.db, '--db', usage);
    const asOf = values['as-of'] ?? dutchDay(systemClock.now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
      throw new UsageError(`--as-of must be a date such as 2026-11-30, not "${asOf}"\nusage: ${usage}`);
    }
    await withCliStore(
      dbPath,
      io,
      async (store) => {
        if (values.rebuild) rebuildKeptCounts(store.sqlite);
        const overview = computeOverview(store.sqlite, { asOf, team: null });
        const { open, overdue, byAge, byTeam, byOfficer, byRegion, byCategory } = overview.backlog;
        await writeJsonLine(io.stdout, {
          asOf: overview.asOf,
          backlog: { open, overdue, byAge, byTeam, byOfficer, byRegion, byCategory },
          weekly: overview.weekly.map(({ week, received, closed, loss, byCategory: categories }) => ({ week, received, closed, loss, byCategory: categories })),
          spikes: overview.spikes.map(({ type, value, recent, baseline, score, reportIds }) => ({ type, value, recent, baseline, score, reportIds })),
          harm: overview.harm.map(({ type, value, victims, loss, perDay, request }) => ({ type, value, victims, loss, perDay, request })),
          disruption: overview.disruption.map(({ addresseeId, sent, executed, refused, overdue: late, medianDaysToExecuted }) => ({
            addresseeId,
            sent,
            executed,
            refused,
            overdue: late,
            medianDaysToExecuted,
          })),
        });
      },
      { mustExist: true },
    );
    return 0;
  },
};
