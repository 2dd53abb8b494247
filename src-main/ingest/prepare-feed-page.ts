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
 * Null once `abandoned` says so before a report: its asker no longer wants it (a sign-in holds the station's sync).
 */
export function prepareFeedPageBody(body: string, onReport?: (place: number) => void, abandoned: () => boolean = () => false): WirePreparedPage | null {
  const steps = preparingFeedPageBody(body, onReport);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (abandoned()) return null;
  }
}

/**
 * The same on a thread that also answers the window (the core's, while its prepare worker is still starting): it
 * lets pending work run whenever it has held the thread for `sliceMs`. Read in one go, a page of 500 reports held a
 * fresh workstation's core for over a second, and the officer's click on "sign in" waited behind it.
 */
export async function prepareFeedPageBodyInSlices(body: string, sliceMs: () => number, signal?: AbortSignal): Promise<WirePreparedPage> {
  const steps = preparingFeedPageBody(body);
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    // Its asker no longer wants it: the rest of the page is not read.
    signal?.throwIfAborted();
    if (performance.now() - sliceStarted >= sliceMs()) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}

/** The page read step by step: it pauses after the envelope and after each report, and tells each report's place (1-based) before it. */
function* preparingFeedPageBody(body: string, onReport?: (place: number) => void): Generator<void, WirePreparedPage, void> {
  const reading = readFeedPage(body);
  if (!reading.ok) return reading;
  const prepared: WirePreparedLine[] = [];
  for (const [index, entry] of reportEntriesOf(reading.page).entries()) {
    yield;
    onReport?.(index + 1);
    prepared.push(toWire(prepareLine(reportLineOf(entry, index))));
  }
  return { ok: true, page: reading.page, prepared };
}
