/**
 * Migration 0035 filled a store's past request lists from its audit log, which names reports purged before it too.
 * Their words are gone and a tombstone refuses them for good, so such a row can redact nothing: it only kept the id
 * the tombstones promise not to keep (ingest/tombstones.ts). Those rows go. A listed report this store does not
 * hold for another reason stays listed: a withdrawn one is still here, and on a scoped store a report it never
 * received may arrive later, when a withdrawal or purge of it must reach the requests that quoted it.
 */
import type Database from 'better-sqlite3';
import { createTombstones } from '../ingest/tombstones';
import { createRequestListings } from '../mutations/request-listings';

/** Takes the reports purged here out of the past request lists; returns how many. Nothing to read before a first purge. */
export function forgetBuriedListings(sqlite: Database.Database): number {
  const listings = createRequestListings(sqlite);
  const buried = createTombstones(sqlite).purgedAmong(listings.listedReports());
  if (buried.size === 0) return 0;
  sqlite.transaction(() => {
    for (const reportId of buried) listings.forgetReport(reportId);
  })();
  return buried.size;
}
