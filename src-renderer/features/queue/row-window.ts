/**
 * The queue holds only windows of rows: pages of PAGE_SIZE keyed by page number. These helpers decide which
 * pages a visible range still needs and which pages to forget, so 100,000 rows never sit in memory at once.
 */
export const PAGE_SIZE = 100;
/** About 40 screens of rows; pages farther from the view than this are dropped. */
export const MAX_PAGES = 60;
/** One request asks for at most this many pages (the main process answers at most 500 rows). */
export const MAX_RUN_PAGES = 5;

export type Pages<Row> = Readonly<Record<number, readonly Row[]>>;

export interface PageRun {
  firstPage: number;
  pageCount: number;
}

export const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

export function rowAt<Row>(pages: Pages<Row>, index: number): Row | undefined {
  return pages[pageOf(index)]?.[index % PAGE_SIZE];
}

/** Contiguous runs of pages in [start, end] that are neither loaded nor being loaded, one request per run. */
export function missingPageRuns<Row>(pages: Pages<Row>, pending: ReadonlySet<number>, start: number, end: number): PageRun[] {
  const runs: PageRun[] = [];
  for (let page = pageOf(Math.max(0, start)); page <= pageOf(Math.max(0, end)); page++) {
    if (pages[page] || pending.has(page)) continue;
    const last = runs.at(-1);
    if (last && last.firstPage + last.pageCount === page && last.pageCount < MAX_RUN_PAGES) last.pageCount++;
    else runs.push({ firstPage: page, pageCount: 1 });
  }
  return runs;
}

/** Splits rows fetched for a run back into pages. */
export function splitIntoPages<Row>(firstPage: number, rows: readonly Row[]): Record<number, Row[]> {
  const result: Record<number, Row[]> = {};
  for (let offset = 0; offset < rows.length; offset += PAGE_SIZE) {
    result[firstPage + offset / PAGE_SIZE] = rows.slice(offset, offset + PAGE_SIZE);
  }
  return result;
}

/** Keeps the MAX_PAGES pages nearest to the page being viewed. */
export function prunePages<Row>(pages: Pages<Row>, centerPage: number): Pages<Row> {
  const numbers = Object.keys(pages).map(Number);
  if (numbers.length <= MAX_PAGES) return pages;
  const keep = numbers.sort((a, b) => Math.abs(a - centerPage) - Math.abs(b - centerPage)).slice(0, MAX_PAGES);
  return Object.fromEntries(keep.map((page) => [page, pages[page]!]));
}
