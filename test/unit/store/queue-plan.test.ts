/**
 * The queue and the search share one filter builder (src-main/search/report-filters.ts). The queue's page must
 * still be found on its covering index `reports_queue` for every shared filter: this test reads SQLite's plan of
 * the page query listQueue prepares.
 */
import { describe, expect, it } from 'vitest';
import type { QueueFilters } from '../../../shared/api/views';
import { listQueue } from '../../../src-main/queries/queue';
import { searchReports } from '../../../src-main/search/search-reports';
import { exampleRecords } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

function pagePlan(filters: QueueFilters): string {
  const temp = openTempStore();
  const { sqlite } = temp.store;
  const prepared: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  });
  listQueue(sqlite, { filters, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 50 }, 'l.vermeer');
  sqlite.prepare = prepare;
  const page = prepared.find((source) => source.includes('LIMIT ? OFFSET ?'))!;
  const placeholders = page.split('?').length - 1;
  return prepare(`EXPLAIN QUERY PLAN ${page}`)
    .all(...Array<null>(placeholders).fill(null))
    .map((row) => (row as { detail: string }).detail)
    .join('\n');
}

describe('the queue on the shared filters', () => {
  const filters: Array<[string, QueueFilters]> = [
    ['no filter', {}],
    ['categories', { categories: ['phishing', 'marketplace_fraud'] }],
    ['regions', { regions: ['Midden-Nederland'] }],
    ['work statuses', { workStatuses: ['new'] }],
    ['received dates', { receivedFrom: '2026-01-01', receivedTo: '2026-03-31' }],
    ['loss', { hasLoss: true }],
  ];
  for (const [what, filter] of filters) {
    it(`pages on the covering index reports_queue (${what})`, () => {
      expect(pagePlan(filter)).toMatch(/USING (COVERING )?INDEX reports_queue/);
    });
  }

  it('searches an index, never scans every report, when all shared filters combine', () => {
    // With one category among several filters SQLite may prefer the category index; either way no full scan.
    const plan = pagePlan({ categories: ['phishing'], regions: ['Oost-Nederland'], workStatuses: ['new', 'in_progress'], receivedFrom: '2026-01-01', hasLoss: false });
    expect(plan).toMatch(/SEARCH r USING (COVERING )?INDEX/);
    expect(plan).not.toMatch(/SCAN r\b/);
  });

  it('filters the queue and the search alike', async () => {
    const temp = openTempStore();
    await temp.importRecords(exampleRecords());
    const shared: QueueFilters = { categories: ['bank_helpdesk_fraud', 'phishing', 'marketplace_fraud', 'whatsapp_fraud'], receivedFrom: '2026-01-01', hasLoss: true };
    const queued = listQueue(temp.store.sqlite, { filters: shared, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 100 }, 'l.vermeer');
    const found = searchReports(temp.store.sqlite, { query: '', filters: shared, limit: 100 });
    expect(queued.rows.map((row) => row.reportId).sort()).toEqual(found.map((hit) => hit.reportId).sort());
    expect(queued.rows.length).toBeGreaterThan(0);
  });
});
