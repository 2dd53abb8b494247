// Child: latency of the supervisor's overview (issue 16) on an imported store, as of its last days: computed afresh
// (the store changed since the last look), and asked again with nothing changed (kept, src-main/overview/overview-cache.ts).
// With --first-call: only the first overview of this fresh process, as of the last day — what an officer waits for
// when opening Overzicht (statements not yet prepared, libraries not yet loaded; the OS already holds the store's
// pages in its cache from the child before).
// With --teams: an officer's view of their team (computed afresh, like the first). The data sets route no report to a
// team, so this child gives one every 10th report (by row id) and another every 1000th, inside a transaction it rolls
// back at the end: the copy the later parts measure is left as it was.
import type Database from 'better-sqlite3';
import { openStore } from '../../src-main/db/open-store';
import { computeOverview } from '../../src-main/overview/compute-overview';
import { cachedOverview } from '../../src-main/overview/overview-cache';
import { percentile } from '../child';

const [dbPath, mode] = process.argv.slice(2) as [string, string?];
const store = openStore({ path: dbPath });
const { sqlite } = store;
const lastDay = (sqlite.prepare('SELECT max(received_at) FROM reports').pluck().get() as string).slice(0, 10);
const asOfs = [0, 1, 2, 3, 7].map((back) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10));

/** The overview computed afresh as of each of the last days, four rounds, sorted times (ms). */
function freshTimes(team: string | null): number[] {
  const times: number[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const asOf of asOfs) {
      const started = performance.now();
      computeOverview(sqlite, { asOf, team });
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b);
}

/** The teams the --teams run gives a share of the filed reports: every `every`-th row id (disjoint residues). */
const BENCH_TEAMS = [
  { team: 'Bench team A', share: '10 %', every: 10, residue: 0 },
  { team: 'Bench team B', share: '0.1 %', every: 1000, residue: 5 },
];

/** Each bench team's view, both teams routed first; the routing rolled back whatever happens. */
function teamTimes(db: Database.Database) {
  db.exec('BEGIN');
  try {
    const route = db.prepare<{ team: string; every: number; residue: number }>("UPDATE reports SET route_team = @team WHERE id % @every = @residue AND status = 'filed'");
    const teams = BENCH_TEAMS.map(({ team, share, every, residue }) => ({ team, share, every, reports: route.run({ team, every, residue }).changes }));
    return teams.map(({ team, share, every, reports }) => {
      const times = freshTimes(team);
      return { share, every, reports, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, n: times.length };
    });
  } finally {
    db.exec('ROLLBACK');
  }
}

if (mode === '--first-call') {
  const started = performance.now();
  cachedOverview(sqlite, { asOf: lastDay, team: null });
  const first = performance.now() - started;
  store.close();
  console.log(JSON.stringify({ first }));
  process.exit(0);
}
if (mode === '--teams') {
  const teams = teamTimes(sqlite);
  store.close();
  console.log(JSON.stringify({ teams }));
  process.exit(0);
}
const times = freshTimes(null);
for (const asOf of asOfs) cachedOverview(sqlite, { asOf, team: null });
const kept: number[] = [];
for (let round = 0; round < 20; round += 1) {
  for (const asOf of asOfs) {
    const started = performance.now();
    cachedOverview(sqlite, { asOf, team: null });
    kept.push(performance.now() - started);
  }
}
kept.sort((a, b) => a - b);
store.close();
console.log(JSON.stringify({ p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1), n: times.length, keptP95: percentile(kept, 95) }));
