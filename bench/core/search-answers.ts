/**
 * The answers of the bench's searches on a store, to check that a change to the search keeps every answer:
 * `npx tsx bench/core/search-answers.ts <store.db> > before.ndjson` on the old code, again on the new, then `cmp`.
 * Per search of SEARCH_MIX: the first page and a page across the first ranking tier's end (ids, order, scores,
 * snippets), and the work queue with the same words and filters (its first page of ids and its total).
 * Opening the store upgrades it: give it a copy.
 */
import { createHash } from 'node:crypto';
import type { QueueFilters } from '../../shared/api/views';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { listQueue } from '../../src-main/queries/queue';
import { RANKING_TIER, searchReports } from '../../src-main/search/search-reports';
import { SEARCH_MIX } from './search-mix';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: search-answers.ts <store.db>');
const store = openCaseStore({ clock: systemClock, path: dbPath });
const digest = createHash('sha256');
const print = (line: unknown) => {
  const text = JSON.stringify(line);
  digest.update(text);
  process.stdout.write(`${text}\n`);
};
for (const request of SEARCH_MIX) {
  for (const offset of [0, RANKING_TIER - 25]) print({ request, offset, hits: searchReports(store.sqlite, { ...request, limit: 50, offset }) });
  const filters = { ...request.filters, text: request.query } as QueueFilters;
  const page = listQueue(store.sqlite, { filters, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 50 }, 'bench');
  print({ request, queue: page.rows.map((row) => row.reportId), total: page.total });
}
store.close();
process.stderr.write(`sha256 ${digest.digest('hex')}\n`);
