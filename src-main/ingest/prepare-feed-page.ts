import { readFeedPage, type RawFeedEntry, type RawFeedPage } from '../../shared/hub/feed-page';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import { prepareLine } from './prepare-line';
import { toWire, type WirePreparedLine } from './prepared-wire';

type ReportEntry = Extract<RawFeedEntry, { type: 'report' }>;

/** A feed page's report entries as lines to prepare, in the page's order (a line's number is its place among them). */
export const reportEntriesOf = (page: RawFeedPage): ReportEntry[] => page.entries.filter((entry): entry is ReportEntry => entry.type === 'report');

export const reportLineOf = (entry: ReportEntry, index: number): NdjsonLine => ({ number: index + 1, text: entry.record, tooLong: false, bytes: entry.record.length });

/** A hub's answer read as a feed page, its reports prepared (in the order of `reportEntriesOf`), or why it is no page. */
export type WirePreparedPage = { ok: true; page: RawFeedPage; prepared: WirePreparedLine[] } | { ok: false; problem: string };

/**
 * Everything about a pulled page that needs no store — the answer parsed, its envelope checked, its reports parsed,
 * validated and their indicators extracted — so that a prepare worker does it and the store's thread only writes.
 */
export function prepareFeedPageBody(body: string): WirePreparedPage {
  const reading = readFeedPage(body);
  if (!reading.ok) return reading;
  const prepared = reportEntriesOf(reading.page).map((entry, index) => toWire(prepareLine(reportLineOf(entry, index))));
  return { ok: true, page: reading.page, prepared };
}
