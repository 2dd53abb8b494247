import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { RUN_SLICE_MS, YIELDING_SLICE_MS } from '../../src-main/retention/retention-run';
import { runChild } from '../child';
import { dataset } from '../dataset';
import { machineDescription, type Metric, type RetentionResult, type SuiteResult } from '../report';

interface ImportResult {
  records: number;
  seconds: number;
  cpuSeconds: number;
  writerCpuSeconds: number | null;
  rate: number;
  peakRssMiB: number;
  storeBytes: number;
  reports: number;
}
interface RateResult {
  rate: number;
}
interface FloorResult extends RateResult {
  cpuSeconds: number | null;
}

/** The writing threads' CPU time beside each other: unlike the wall clock, not stretched by other load. */
function writerCpuNote(imported: ImportResult, floor: FloorResult): string {
  if (imported.writerCpuSeconds === null || floor.cpuSeconds === null) return '';
  const share = (100 * floor.cpuSeconds) / imported.writerCpuSeconds;
  return `; CPU of the writing thread: the import's ${imported.writerCpuSeconds.toFixed(1)} s, the floor's ${floor.cpuSeconds.toFixed(1)} s (${share.toFixed(0)} %)`;
}

/** The import priced with and without the overview's kept counts: alternating rounds, best of each. */
const COUNTS_COST_ROUNDS = 3;

const sizeLabel = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);
interface Latency {
  p50: number;
  p95: number;
}
type OverviewResult = Latency & { keptP95: number };
/** A team's view, from overview-child.ts --teams: the team, how many filed reports it was given, its latency. */
type TeamOverviewResult = { teams: Array<Latency & { share: string; every: number; reports: number }> };
interface QueryResult {
  related: Latency;
  search: Latency;
  rebuildSeconds: number;
  /** The store file's bytes per report, free pages included (query-child.ts). */
  bytesPerReport: number;
  freeBytesPerReport: number;
  largest: Array<{ name: string; bytesPerReport: number; unusedPerReport: number }>;
  /** reports_filed_team: filed reports with a team, its bytes, and its bytes were every filed report routed. */
  teamIndex: { routed: number; bytes: number; bytesIfAllRouted: number };
}

/** What the workstation's retention child reports (core/retention-child.ts). */
interface StoreRetentionResult extends RetentionResult {
  cpuSeconds: number;
  slices: { count: number; p50Ms: number; p95Ms: number; maxMs: number };
  store: { reports: number; migrationsBefore: number; migrationsAfter: number };
}

/** The retention row: the run at once, as `retention run` makes it, with its slices (each one transaction) in the note. */
function retentionMetric(label: string, retention: StoreRetentionResult, origin = ''): Metric {
  const slices = retention.slices;
  return {
    name: `retention run, ${label}`,
    value: retention.seconds,
    unit: 's',
    note: `issue 15 §3: \`retention run\`${origin}: ${retention.purged.toLocaleString('en')} expired reports purged (${Math.round(retention.rate).toLocaleString('en')}/s), ${retention.kept.toLocaleString('en')} kept; ${retention.cpuSeconds.toFixed(0)} s CPU; peak RSS ${Math.round(retention.peakRssMiB)} MiB; ${slices.count.toLocaleString('en')} slices sized by time (${RUN_SLICE_MS / 1000} s each; the daily run's ${YIELDING_SLICE_MS} ms), p50 ${slices.p50Ms.toFixed(0)} ms, longest ${slices.maxMs.toFixed(0)} ms (wall clock: other load stretches it)`,
  };
}

/** A store to start from instead of importing the data set: copied to a scratch file first, never changed itself. */
export interface ExistingStore {
  path: string;
  /** The commit whose `import` made it, for the note (the store does not record it). */
  madeBy: string;
}

/** The import's rows: its rate against the bare INSERT and against the write floor, and its memory. */
function importMetrics(label: string, imported: ImportResult, raw: RateResult, floor: FloorResult, at1M: boolean): Metric[] {
  return [
    {
      name: `import rate, ${label} records`,
      value: imported.rate,
      unit: 'records/s',
      limit: { name: 'bare prepared INSERT', value: raw.rate },
      target: { op: '>=', value: 20_000 },
      note: `target also ≥ 25 % of the limit; ${imported.cpuSeconds.toFixed(0)} s CPU over ${imported.seconds.toFixed(0)} s wall (worker thread parses)`,
    },
    {
      name: `import rate against the store's write floor, ${label}`,
      value: imported.rate,
      unit: 'records/s',
      limit: { name: 'the write floor', value: floor.rate },
      note: `the write floor: every row the finished import holds (the overview's kept counts too), written once into a fresh store with bare prepared statements (no parsing, validation, extraction, linking or triggers); no import into this schema on this machine can be faster${writerCpuNote(imported, floor)}`,
    },
    { name: `peak RSS importing ${label}`, value: imported.peakRssMiB, unit: 'MiB', ...(at1M ? { target: { op: '<=', value: 1024 } } : {}) },
  ];
}

/** A row's note and what measuring it alone adds, without empty parts. */
const notes = (...parts: (string | undefined)[]) => parts.filter((part) => part !== undefined && part !== '').join('; ');

/** The parts of the core suite that can run alone on a store (`--only`): each replaces the saved rows of its names. */
export const CORE_PARTS = ['import', 'queries', 'overview', 'retention', 'kept-counts'] as const;
export type CorePart = (typeof CORE_PARTS)[number];

/** The read side's rows: related, search, rebuild and size (query-child.ts). */
function queryMetrics(label: string, queries: QueryResult, reports: number, at1M: boolean): Metric[] {
  return [
    { name: `related p50, ${label}`, value: queries.related.p50, unit: 'ms' },
    { name: `related p95, ${label}`, value: queries.related.p95, unit: 'ms', ...(at1M ? { target: { op: '<=', value: 5 } } : {}) },
    { name: `search p50, ${label}`, value: queries.search.p50, unit: 'ms' },
    { name: `search p95, ${label}`, value: queries.search.p95, unit: 'ms', ...(at1M ? { target: { op: '<=', value: 50 } } : {}) },
    { name: `full cluster rebuild, ${label}`, value: queries.rebuildSeconds, unit: 's' },
    {
      name: `store size per report, ${label}`,
      value: queries.bytesPerReport,
      unit: 'bytes',
      ...(at1M ? { target: { op: '<=', value: 3000 } } : {}),
      note: `issue 13: the file's size (never VACUUMed, WAL emptied) over ${reports.toLocaleString('en')} reports, after a full cluster rebuild; ${queries.freeBytesPerReport.toFixed(0)} of it in free pages; largest (B/report, unused in its pages): ${queries.largest.map(({ name, bytesPerReport, unusedPerReport }) => `${name} ${bytesPerReport.toFixed(0)} (${unusedPerReport.toFixed(0)})`).join(', ')}; the bench data has no routing rules (${queries.teamIndex.routed.toLocaleString('en')} filed reports with a team), so reports_filed_team (0042) holds ${(queries.teamIndex.bytes / reports).toFixed(0)} B/report: see the next row`,
    },
    {
      name: `store size per report were every filed report routed to a team, ${label}`,
      value: queries.bytesPerReport + (queries.teamIndex.bytesIfAllRouted - queries.teamIndex.bytes) / reports,
      unit: 'bytes',
      note: `the row above plus what reports_filed_team would add: ${((queries.teamIndex.bytesIfAllRouted - queries.teamIndex.bytes) / reports).toFixed(0)} B/report, from the index built at once with a team (30 characters) for every filed report in a rolled-back transaction (dbstat); an index grown report by report fills its pages less, so somewhat more`,
    },
  ];
}

/** Fresh processes whose first overview is timed: the median of these few, each alone a single sample. */
const FIRST_CALL_PROCESSES = 3;

/** The overview's rows: its latency over repeated calls (overview-child.ts), and its first call in fresh processes. */
async function measureOverview(label: string, store: string): Promise<Metric[]> {
  const overview = await runChild<OverviewResult>('./core/overview-child.ts', [store]);
  const firsts: number[] = [];
  for (let run = 0; run < FIRST_CALL_PROCESSES; run++) firsts.push((await runChild<{ first: number }>('./core/overview-child.ts', [store, '--first-call'])).first);
  firsts.sort((a, b) => a - b);
  const { teams } = await runChild<TeamOverviewResult>('./core/overview-child.ts', [store, '--teams']);
  return [
    { name: `overview p50, ${label}`, value: overview.p50, unit: 'ms' },
    { name: `overview p95, ${label}`, value: overview.p95, unit: 'ms', target: { op: '<=', value: 250 }, note: 'issue 16: the whole overview as of the last five days of data, computed afresh (the store changed since the last look)' },
    {
      name: `overview first call in a fresh process, ${label}`,
      value: firsts[Math.floor(firsts.length / 2)]!,
      unit: 'ms',
      note: `what an officer waits for opening Overzicht first: the first overview (as of the last day) of a process that just opened the store — its statements not yet prepared, its libraries not yet loaded (the OS page cache already holds the store from the child before) — median of ${FIRST_CALL_PROCESSES} processes (${firsts.map((first) => first.toFixed(0)).join(', ')} ms)`,
    },
    ...teams.map(({ share, every, reports, p95, p50 }) => ({
      name: `overview p95 for a team of ${share} of the reports, ${label}`,
      value: p95,
      unit: 'ms',
      target: { op: '<=' as const, value: 250 },
      note: `issue 16: an officer's view of their team (computed afresh, the last five days); the data set routes no report, so the child gives the team one in ${every} filed reports by row id (${reports.toLocaleString('en')}) in a transaction rolled back afterwards; p50 ${p50.toFixed(0)} ms`,
    })),
    { name: `overview p95 with the store unchanged, ${label}`, value: overview.keptP95, unit: 'ms', note: 'the overview kept until SQLite’s change counters move (overview-cache.ts): a second look, a print, going back and forth' },
  ];
}

/**
 * Only some parts of the core suite (`--only import,queries,overview,retention,kept-counts`): each size imported (or
 * one existing store copied), then those parts in the suite's order (retention last: it purges half the store;
 * kept-counts, its own imports at the smallest size, after all) — without the parts not named, which take most of the
 * suite's time at 1M. The rows replace the suite's rows of the same name and say their own time and load (the rest
 * of the suite was measured at another). An existing store's size per report is its importing commit's, which the
 * note names.
 */
export async function coreParts(parts: CorePart[], sizes: number[], existing?: ExistingStore): Promise<SuiteResult> {
  if (existing && sizes.length !== 1) throw new Error('--store goes with one size (--sizes), the one the store was imported from');
  if (existing && (parts.includes('import') || parts.includes('kept-counts'))) throw new Error('--store cannot go with import or kept-counts: they measure importing');
  const machine = machineDescription();
  const metrics: Metric[] = [];
  const perStore = parts.some((part) => part !== 'kept-counts');
  for (const size of perStore ? sizes : []) {
    const label = sizeLabel(size);
    const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-'));
    const store = join(dir, 'store.db');
    try {
      const measured: Metric[] = [];
      let origin = '';
      if (existing) {
        process.stderr.write(`core ${label}: copying ${existing.path}…\n`);
        copyFileSync(existing.path, store);
        // The copy keeps the original's mode, and the shared stores are read-only.
        chmodSync(store, 0o600);
      } else if (parts.includes('import')) {
        const file = await dataset(size);
        process.stderr.write(`core ${label}: raw insert limit…\n`);
        const raw = await runChild<RateResult>('./core/raw-limit-child.ts', [file, join(dir, 'raw.db')]);
        process.stderr.write(`core ${label}: import…\n`);
        const imported = await runChild<ImportResult>('./core/import-child.ts', [file, store]);
        process.stderr.write(`core ${label}: write floor…\n`);
        const floor = await runChild<FloorResult>('./core/write-floor-child.ts', [store, join(dir, 'floor.db')]);
        measured.push(...importMetrics(label, imported, raw, floor, size >= 1_000_000));
      } else {
        process.stderr.write(`core ${label}: import…\n`);
        await runChild<ImportResult>('./core/import-child.ts', [await dataset(size), store]);
      }
      if (parts.includes('queries')) {
        process.stderr.write(`core ${label}: queries…\n`);
        const queries = await runChild<QueryResult & { reports: number }>('./core/query-child.ts', [store]);
        measured.push(...queryMetrics(label, queries, queries.reports, size >= 1_000_000));
      }
      if (parts.includes('overview')) {
        process.stderr.write(`core ${label}: overview…\n`);
        measured.push(...(await measureOverview(label, store)));
      }
      if (parts.includes('retention')) {
        process.stderr.write(`core ${label}: retention run…\n`);
        const retention = await runChild<StoreRetentionResult>('./core/retention-child.ts', [store]);
        if (existing) origin = ` on a copy of ${basename(existing.path)} (${retention.store.reports.toLocaleString('en')} reports; made by \`import\` on ${existing.madeBy} with ${retention.store.migrationsBefore} migrations, brought to ${retention.store.migrationsAfter} by opening it)`;
        measured.push(retentionMetric(label, retention, origin));
      }
      const from = existing && !parts.includes('retention') ? `on a copy of ${basename(existing.path)} (made by \`import\` on ${existing.madeBy}, upgraded by opening it)` : '';
      const alone = `measured alone (--only ${parts.join(',')}) ${new Date().toISOString()} on ${machine}, load ${loadavg().map((load) => load.toFixed(1)).join(' ')} at its end`;
      for (const metric of measured) metrics.push({ ...metric, note: notes(metric.note, from, alone) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (parts.includes('kept-counts')) {
    const alone = `measured alone (--only ${parts.join(',')}) ${new Date().toISOString()} on ${machine}`;
    for (const metric of await importCostOfKeptCounts(Math.min(...sizes))) metrics.push({ ...metric, note: notes(metric.note, `${alone}, load ${loadavg().map((load) => load.toFixed(1)).join(' ')} at its end`) });
  }
  return { suite: 'core', title: 'Case store and linking engine (issue 2)', ranAt: new Date().toISOString(), machine, metrics };
}

/** Issue 2: import rate against the raw SQLite limit and the store's write floor, related/search latency, rebuild, size, memory. */
export async function coreSuite(sizes: number[]): Promise<SuiteResult> {
  const machine = machineDescription();
  const metrics: Metric[] = [];
  for (const size of sizes) {
    const label = sizeLabel(size);
    process.stderr.write(`core ${label}: generating data set…\n`);
    const file = await dataset(size);
    const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-'));
    try {
      process.stderr.write(`core ${label}: raw insert limit…\n`);
      const raw = await runChild<RateResult>('./core/raw-limit-child.ts', [file, join(dir, 'raw.db')]);
      process.stderr.write(`core ${label}: import…\n`);
      const imported = await runChild<ImportResult>('./core/import-child.ts', [file, join(dir, 'store.db')]);
      process.stderr.write(`core ${label}: write floor…\n`);
      const floor = await runChild<FloorResult>('./core/write-floor-child.ts', [join(dir, 'store.db'), join(dir, 'floor.db')]);
      process.stderr.write(`core ${label}: queries…\n`);
      const queries = await runChild<QueryResult>('./core/query-child.ts', [join(dir, 'store.db')]);
      process.stderr.write(`core ${label}: overview…\n`);
      const overview = await measureOverview(label, join(dir, 'store.db'));
      // Last: the run purges about half the store.
      process.stderr.write(`core ${label}: retention run…\n`);
      const retention = await runChild<StoreRetentionResult>('./core/retention-child.ts', [join(dir, 'store.db')]);
      const at1M = size >= 1_000_000;
      metrics.push(
        ...importMetrics(label, imported, raw, floor, at1M),
        ...queryMetrics(label, queries, imported.reports, at1M),
        ...overview,
        retentionMetric(label, retention),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // On the smallest size only: the price per record, not again at 1M.
  metrics.push(...(await importCostOfKeptCounts(Math.min(...sizes))));
  return { suite: 'core', title: 'Case store and linking engine (issue 2)', ranAt: new Date().toISOString(), machine, metrics };
}

/**
 * Issue 16: what the triggers keeping the overview's counts (report, indicator, shape and cluster per day) cost the
 * import — the same file imported with them and with them dropped, alternating, best of each (target ≥ 95 %).
 */
async function importCostOfKeptCounts(size: number): Promise<Metric[]> {
  const label = sizeLabel(size);
  const file = await dataset(size);
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-counts-'));
  let withCounts = 0;
  let withoutCounts = 0;
  try {
    for (let round = 1; round <= COUNTS_COST_ROUNDS; round++) {
      process.stderr.write(`core: import ${label} with and without the overview's kept counts, round ${round} of ${COUNTS_COST_ROUNDS}…\n`);
      const without = await runChild<ImportResult>('./core/import-child.ts', [file, join(dir, `without-${round}.db`), '--without-overview-counts']);
      const kept = await runChild<ImportResult>('./core/import-child.ts', [file, join(dir, `with-${round}.db`)]);
      withoutCounts = Math.max(withoutCounts, without.rate);
      withCounts = Math.max(withCounts, kept.rate);
      rmSync(join(dir, `without-${round}.db`), { force: true });
      rmSync(join(dir, `with-${round}.db`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    {
      name: `import rate, ${label} records, with the overview's kept counts`,
      value: withCounts,
      unit: 'records/s',
      limit: { name: 'the same import with their triggers and index dropped', value: withoutCounts },
      note: `best of ${COUNTS_COST_ROUNDS} alternating rounds each, the same file, the same run; only the triggers keeping the overview's *_day_counts tables and the index storing the indicators' shapes for them differ`,
    },
    { name: `import rate ÷ import rate without the overview's kept counts, ${label}`, value: (100 * withCounts) / withoutCounts, unit: '%', target: { op: '>=', value: 95 } },
  ];
}
