/**
 * What this store's retention purged does not come back: neither an import of an old revision (an NDJSON file) nor a
 * feed entry from a hub that has not purged it yet. The store remembers each purged report by a tombstone alone, as
 * the hub does (src-hub/retention/tombstones.ts): an HMAC-SHA-256 of its id under a random key of the store's own
 * (`purge_key`, encrypted with the store). A reportId is pseudonymous personal data and its values are tried in
 * seconds, so neither the id nor a plain hash of it is kept: the tombstones alone name nobody.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

const ROW = 1;

const tombstoneOf = (key: Buffer, reportId: string) => createHmac('sha256', key).update(reportId).digest('base64url');

export function createTombstones(sqlite: Database.Database) {
  const readKey = sqlite.prepare<[number], string>('SELECT key FROM purge_key WHERE id = ?').pluck();
  const insertKey = sqlite.prepare<[number, string]>('INSERT OR IGNORE INTO purge_key (id, key) VALUES (?, ?)');
  const insertTombstone = sqlite.prepare<[string]>('INSERT OR IGNORE INTO purged_reports (report_key) VALUES (?)');
  const isBuried = sqlite.prepare<[string], number>('SELECT 1 FROM purged_reports WHERE report_key = ?').pluck();
  const key = (): Buffer | null => {
    const stored = readKey.get(ROW);
    return stored === undefined ? null : Buffer.from(stored, 'base64');
  };

  return {
    /** Leaves a tombstone for each report; in the purge's transaction. */
    bury(reportIds: readonly string[]): void {
      if (reportIds.length === 0) return;
      insertKey.run(ROW, randomBytes(32).toString('base64'));
      const buryKey = key()!;
      for (const reportId of reportIds) insertTombstone.run(tombstoneOf(buryKey, reportId));
    },
    /** The reports among these that retention purged here (none, at the cost of one read, before the first purge). */
    purgedAmong(reportIds: readonly string[]): Set<string> {
      const found = new Set<string>();
      const testKey = reportIds.length === 0 ? null : key();
      if (testKey === null) return found;
      for (const reportId of reportIds) if (isBuried.get(tombstoneOf(testKey, reportId)) !== undefined) found.add(reportId);
      return found;
    },
    /**
     * Whether retention purged a report here, with the key read once: for one transaction in which nothing is buried
     * (a writer's batch asks for each new report, and before the first purge there is no key to find).
     */
    purgedTest(): (reportId: string) => boolean {
      const testKey = key();
      if (testKey === null) return () => false;
      return (reportId) => isBuried.get(tombstoneOf(testKey, reportId)) !== undefined;
    },
  };
}

export type Tombstones = ReturnType<typeof createTombstones>;
