// Child: a retention run (issue 15 §3) over a store, as of one year after its median receipt, so that about half the
// reports expire and are purged (revisions, mentions, text index, clusters), then the WAL truncated.
// With --daily it is the daily run as serve and the desktop make it (short slices, yielding between them) instead of
// the CLI's run at once. It prints the run's time, CPU and memory, its slices (the longest is what the window's calls
// wait for), and how many migrations the store had before it was opened (opening brings it up to date).
import Database from 'better-sqlite3';
import { openStore } from '../../src-main/db/open-store';
import { runRetention, runRetentionYielding, type RetentionDeps } from '../../src-main/retention/retention-run';
import { peakRssMiB, percentile } from '../child';

const [dbPath, mode] = process.argv.slice(2) as [string, string?];
const migrationsBefore = appliedMigrations(dbPath);
const store = openStore({ path: dbPath });
const { sqlite } = store;
const total = sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
const median = sqlite.prepare('SELECT received_at FROM reports ORDER BY received_at LIMIT 1 OFFSET ?').pluck().get(Math.floor(total / 2)) as string;
const asOf = `${Number(median.slice(0, 4)) + 1}${median.slice(4, 10)}`;
const sliceMs: number[] = [];
const deps: RetentionDeps = { asOf, at: new Date().toISOString(), actor: 'system:bench', onSlice: (_reports, ms) => sliceMs.push(ms) };
const cpuBefore = process.cpuUsage();
const started = performance.now();
const outcome = mode === '--daily' ? await runRetentionYielding(sqlite, { ...deps, stopping: () => false }) : runRetention(sqlite, deps);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const migrationsAfter = appliedMigrations(dbPath, sqlite);
store.close();
sliceMs.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    purged: outcome.purged,
    kept: outcome.kept,
    rate: outcome.purged / seconds,
    peakRssMiB: peakRssMiB(),
    slices: { count: sliceMs.length, p50Ms: percentile(sliceMs, 50), p95Ms: percentile(sliceMs, 95), maxMs: sliceMs.at(-1) ?? 0 },
    store: { reports: total, migrationsBefore, migrationsAfter },
  }),
);

/** Migrations the store holds (drizzle's own table): read before opening, since opening applies the missing ones. */
function appliedMigrations(path: string, open?: Database.Database): number {
  const db = open ?? new Database(path, { fileMustExist: true });
  try {
    return db.prepare("SELECT count(*) FROM sqlite_master WHERE name = '__drizzle_migrations'").pluck().get() === 0 ? 0 : (db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number);
  } finally {
    if (!open) db.close();
  }
}
