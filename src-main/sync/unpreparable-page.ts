/**
 * A pulled page whose reports exhausted the prepare worker's heap (PrepareOutOfMemoryError): no intake-report/1 record
 * comes near it. Nothing of the page is written and the cursor stays before it; the sync shows this and tries the page
 * again with its backoff. It names the place in the feed, never the record.
 */
export class UnpreparablePageError extends Error {
  constructor(
    /** The cursor the page was asked after: the last feed entry this store holds. */
    readonly after: string,
    /** The report's place among the page's reports (1-based), when the worker was preparing one. */
    readonly report: number | null,
  ) {
    const what = report === null ? 'the next feed page' : `report ${report} of the next feed page`;
    super(
      `${what} (after feed entry ${after}) is too large to read: preparing it ran out of memory. Nothing after entry ${after} ` +
        'was written; sync tries again later. If this stays, tell the hub’s administrator where it is in the feed.',
    );
    this.name = 'UnpreparablePageError';
  }
}
