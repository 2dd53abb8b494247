// Child: a retention run (issue 15 §3) over an imported store, as of one year after its median receipt, so that
// about half the reports expire and are purged (revisions, mentions, text index, clusters), then the WAL truncated.
import { openStore } from '../../src-main/db/open-store';
import { runRetention } from '../../src-main/retention/retention-run';

const [dbPath] = process.argv.slice(2) as [string];
const store = openStore({ path: dbPath });
const { sqlite } = store;
const total = sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
const median = sqlite.prepare('SELECT received_at FROM reports ORDER BY received_at LIMIT 1 OFFSET ?').pluck().get(Math.floor(total / 2)) as string;
const asOf = `${Number(median.slice(0, 4)) + 1}${median.slice(4, 10)}`;
const started = performance.now();
const outcome = runRetention(sqlite, { asOf, at: new Date().toISOString(), actor: 'system:bench' });
const seconds = (performance.now() - started) / 1000;
store.close();
console.log(JSON.stringify({ seconds, purged: outcome.purged, kept: outcome.kept, rate: outcome.purged / seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
