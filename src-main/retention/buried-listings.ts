/**
 * Migration 0035 filled a store's past request lists from its audit log, which names reports purged before it too.
 * Their words are gone and a tombstone refuses them for good, so such a row can redact nothing: it only kept the id
 * the tombstones promise not to keep (ingest/tombstones.ts). Those rows go. A listed report this store does not
 * hold for another reason stays listed: a withdrawn one is still here, and on a scoped store a report it never
 * received may arrive later, when a withdrawal or purge of it must reach the requests that quoted it.
 */
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/store-meta';
import { createTombstones } from '../ingest/tombstones';
import { createRequestListings } from '../mutations/request-listings';
import { writeTransaction } from '../db/write-transaction';

/**
 * store_meta key: set once the lists were cleared. Later rows cannot name a purged report (a purge forgets its rows),
 * so it is done once per store, not at every start: it reads every listed report.
 */
const DONE_KEY = 'retention.buried_listings_forgotten';

/** Takes the reports purged here out of the past request lists, once per store; returns how many. */
export function forgetBuriedListings(sqlite: Database.Database): number {
  if (readMeta(sqlite, DONE_KEY) !== undefined) return 0;
  const listings = createRequestListings(sqlite);
  const buried = createTombstones(sqlite).purgedAmong(listings.listedReports());
  writeTransaction(sqlite, () => {
    for (const reportId of buried) listings.forgetReport(reportId);
    writeMeta(sqlite, DONE_KEY, 'yes');
  })();
  return buried.size;
}
