/** The whole overview as of a day, limited to one team when an officer (not a supervisor) asks. */
import type Database from 'better-sqlite3';
import type { Overview } from '../../shared/overview/types';
import { computeBacklog } from './backlog';
import { closureTimes } from './closures';
import { computeFreshBrandDomains } from './brand-domains';
import { computeDisruption } from './disruption';
import { computeHarm } from './harm';
import { readOverviewSettings } from './overview-settings';
import { computeRisingShapes } from './rising-shapes';
import { computeRisingTerms } from './rising-terms';
import { computeSpikes } from './spikes';
import { computeWarningEffects } from './warning-effects';
import { computeWeekly } from './weekly';
import { keptCountsDeferred, settleKeptCountsDeferral } from '../db/reports/writes';
import { readSnapshot, writeTransactionIfFree } from '../db/write-transaction';

export interface OverviewInput {
  /** `YYYY-MM-DD`: every "now" of the overview is the end of this (UTC) day. */
  asOf: string;
  team: string | null;
}

/**
 * The kept counts lack the reports of a held deferral (an import running, in another process, or one a crash left)
 * until it is settled: then they are settled and read under the writer's lock, so no import batch comes between.
 * When another process holds that lock (its import writing a batch), the overview is read at once from the counts
 * settled so far and says so (keptCountsPending) instead of waiting busy_timeout on the window's thread.
 */
export function computeOverview(sqlite: Database.Database, input: OverviewInput): Overview {
  const settings = readOverviewSettings(sqlite);
  const { asOf, team } = input;
  const compute = (): Overview => {
    const closedAt = closureTimes(sqlite);
    const { weekly, categoryTrends } = computeWeekly(sqlite, asOf, settings.weeks, closedAt, team);
    return {
      asOf,
      team,
      backlog: computeBacklog(sqlite, asOf, settings, closedAt, team),
      weekly,
      categoryTrends,
      spikes: computeSpikes(sqlite, asOf, settings.spikes, team),
      risingTerms: computeRisingTerms(sqlite, asOf, team),
      risingShapes: computeRisingShapes(sqlite, asOf, team),
      freshBrandDomains: computeFreshBrandDomains(sqlite, asOf, team, settings.brands),
      harm: computeHarm(sqlite, asOf, settings.harmDays, team),
      disruption: computeDisruption(sqlite, asOf),
      warningEffects: computeWarningEffects(sqlite, asOf),
    };
  };
  const settled = () => {
    settleKeptCountsDeferral(sqlite);
    return compute();
  };
  return (
    readSnapshot(sqlite, () => (keptCountsDeferred(sqlite) ? null : compute())) ??
    writeTransactionIfFree(sqlite, settled) ?? { ...readSnapshot(sqlite, compute), keptCountsPending: true }
  );
}
