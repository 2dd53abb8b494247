// Child: latency of the supervisor's overview (issue 16) on an imported store, as of its last days: computed afresh
// (the store changed since the last look), and asked again with nothing changed (kept, src-main/overview/overview-cache.ts).
// With --first-call: only the first overview of this fresh process, as of the last day — what an officer waits for
// when opening Overzicht (statements not yet prepared, libraries not yet loaded, the store's pages not yet read).
import { openStore } from '../../src-main/db/open-store';
import { computeOverview } from '../../src-main/overview/compute-overview';
import { cachedOverview } from '../../src-main/overview/overview-cache';
import { percentile } from '../child';

const [dbPath, mode] = process.argv.slice(2) as [string, string?];
const store = openStore({ path: dbPath });
const { sqlite } = store;
const lastDay = (sqlite.prepare('SELECT max(received_at) FROM reports').pluck().get() as string).slice(0, 10);
if (mode === '--first-call') {
  const started = performance.now();
  cachedOverview(sqlite, { asOf: lastDay, team: null });
  const first = performance.now() - started;
  store.close();
  console.log(JSON.stringify({ first }));
  process.exit(0);
}
const asOfs = [0, 1, 2, 3, 7].map((back) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10));
const times: number[] = [];
for (let round = 0; round < 4; round += 1) {
  for (const asOf of asOfs) {
    const started = performance.now();
    computeOverview(sqlite, { asOf, team: null });
    times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);
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
