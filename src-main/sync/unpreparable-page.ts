import { PrepareOutOfMemoryError, type UnpreparableRequestError } from '../ingest/prepare-pool';

/**
 * A pulled page whose reports exhausted the prepare worker's heap (PrepareOutOfMemoryError), or hung a fresh worker
 * too (PrepareStalledError): no intake-report/1 record does either. Nothing of the page is written and the cursor stays
 * before it; the sync shows this and tries the page again with its backoff. It names the place in the feed, never the
 * record.
 */
export class UnpreparablePageError extends Error {
  /** The report's place among the page's reports (1-based), when the worker was preparing one. */
  readonly report: number | null;

  constructor(
    /** The cursor the page was asked after: the last feed entry this store holds. */
    readonly after: string,
    cause: UnpreparableRequestError,
  ) {
    const report = cause.line;
    const what = report === null ? 'the next feed page' : `report ${report} of the next feed page`;
    const why = cause instanceof PrepareOutOfMemoryError ? 'is too large to read' : 'cannot be read';
    super(
      `${what} (after feed entry ${after}) ${why}: preparing it ${cause.outcome}. Nothing after entry ${after} ` +
        'was written; sync tries again later. If this stays, tell the hub’s administrator where it is in the feed.',
    );
    this.name = 'UnpreparablePageError';
    this.report = report;
  }
}
