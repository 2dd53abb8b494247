// Child: latency of `related` and of searches on an imported store, a full cluster rebuild, and store size: the file
// as it is (never VACUUMed, the WAL emptied), the part of it in free pages (a store upgraded by opening it keeps the
// pages its migrations freed, which later writes reuse), and the largest tables and indexes with the bytes their pages
// leave unused (SQLite's dbstat: a row rewritten larger splits its full page).
import { statSync } from 'node:fs';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { relatedReports } from '../../src-main/linking/queries';
import { rebuildClusters } from '../../src-main/linking/rebuild-clusters';
import { searchReports } from '../../src-main/search/search-reports';
import { percentile } from '../child';
import { SEARCH_MIX } from './search-mix';

const [dbPath] = process.argv.slice(2) as [string];
const store = openCaseStore({ clock: systemClock, path: dbPath });
const { sqlite } = store;

function timeEach<T>(items: T[], work: (item: T) => unknown): { p50: number; p95: number; max: number; n: number } {
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    work(item);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? 0, n: times.length };
}

/**
 * reports_filed_team (0042) holds only the filed reports a routing rule gave a team, and the bench data has no routing
 * rules: what it holds here, and what it would hold were every filed report routed. The latter is the same index built
 * at once with a team for all (a name of a usual length) in a transaction that is rolled back: a few seconds at 1M,
 * where routing every report would take many minutes. Built at once its pages are full; grown report by report less so.
 */
function teamIndexSize() {
  const indexBytes = sqlite.prepare<[string], number>('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ? AND aggregate = 1').pluck();
  const routed = sqlite.prepare("SELECT count(*) FROM reports WHERE status = 'filed' AND route_team IS NOT NULL").pluck().get() as number;
  const bytes = indexBytes.get('reports_filed_team')!;
  sqlite.exec('BEGIN');
  try {
    sqlite.exec("CREATE INDEX bench_every_report_routed ON reports (coalesce(route_team, 'Team Cybercrime Oost-Nederland'), received_at) WHERE status = 'filed'");
    return { routed, bytes, bytesIfAllRouted: indexBytes.get('bench_every_report_routed')! };
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

// A fixed sample (every k-th live report) so that runs are comparable; half from clusters, where related is busiest.
const live = sqlite.prepare("SELECT count(*) FROM reports WHERE status = 'filed'").pluck().get() as number;
const step = Math.max(1, Math.floor(live / 1000));
const spread = sqlite.prepare(`SELECT report_id FROM reports WHERE status = 'filed' AND id % ? = 0 LIMIT 1000`).pluck().all(step) as string[];
const clustered = sqlite.prepare('SELECT report_id FROM reports WHERE cluster_id IS NOT NULL AND id % ? = 0 LIMIT 1000').pluck().all(Math.max(1, Math.floor(step / 2))) as string[];
const related = timeEach([...spread, ...clustered], (reportId) => relatedReports(sqlite, reportId));

const search = timeEach(
  Array.from({ length: 20 }, () => SEARCH_MIX).flat(),
  (request) => searchReports(sqlite, { ...request, limit: 50 }),
);

const rebuildStarted = performance.now();
const rebuilt = rebuildClusters(sqlite);
const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
sqlite.pragma('wal_checkpoint(TRUNCATE)');
const reports = sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
const freeBytes = (sqlite.pragma('freelist_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number);
const largest = sqlite
  .prepare<[], { name: string; bytes: number; unused: number }>(
    'SELECT name, sum(pgsize) AS bytes, sum(unused) AS unused FROM dbstat WHERE aggregate = 1 GROUP BY name ORDER BY bytes DESC LIMIT 8',
  )
  .all()
  .map(({ name, bytes, unused }) => ({ name, bytesPerReport: bytes / reports, unusedPerReport: unused / reports }));
const teamIndex = teamIndexSize();
store.close();
const size = { bytesPerReport: statSync(dbPath).size / reports, freeBytesPerReport: freeBytes / reports, largest, teamIndex };
console.log(JSON.stringify({ related, search, rebuildSeconds, clusters: rebuilt.clusters, reports, ...size }));
