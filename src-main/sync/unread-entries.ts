/**
 * Feed entries a release could not read come back once a release that may read them runs. The pull logs each entry
 * it passes over (`sync.entry_skipped`, with its seq and reason, src-main/ingest/apply-feed-page.ts) and moves on;
 * at start, when the store was last pulled into by a lower reader version (FEED_READER_VERSION), the cursor goes
 * back to just before the earliest entry passed over since the last such rewind, except those refused because this
 * store purged their report (they stay refused). The hub's cursor is an entry's seq and `after` reads the entries
 * above it (shared/hub/protocol.ts), so the pull reads them again — and everything after them, which changes
 * nothing: reports are applied by (reportId, revision), mutations by id in `sync_applied`, and the outbox is not
 * touched. What is still unreadable is logged again and comes back at the next upgrade.
 */
import type Database from 'better-sqlite3';
import { earliestSkippedFeedEntry, newestEntryId } from '../audit/audit-entries';
import { readCursor, writeCursor } from '../db/sync-cursor';
import { readMeta, writeMeta } from '../db/store-meta';
import { PURGED_REPORT_REASON } from '../../shared/retention/tombstone';
import { writeTransaction } from '../db/write-transaction';

const READER_KEY = 'sync.reader';

/** The reader version that last pulled into the store, and the audit entry after which its skips are logged. */
interface LastReader {
  version: number;
  /** Skips logged up to this audit entry were read again already (or were never there). */
  readAgainUpTo: number;
}

/** A store that never recorded one was last pulled into by a release before this mechanism: version 1. */
const BEFORE_READER_VERSIONS: LastReader = { version: 1, readAgainUpTo: 0 };

function lastReader(sqlite: Database.Database): LastReader {
  const value = readMeta(sqlite, READER_KEY);
  return value === undefined ? BEFORE_READER_VERSIONS : (JSON.parse(value) as LastReader);
}

/**
 * Records that `readerVersion` pulls into the store now; when it reads more than the last one did, first moves the
 * cursor back before the earliest entry passed over since the last rewind. Answers the seq the pull reads again
 * from, or null when nothing is read again.
 */
export function readAgainWhatOlderVersionsSkipped(sqlite: Database.Database, readerVersion: number): number | null {
  return writeTransaction(sqlite, (): number | null => {
    const last = lastReader(sqlite);
    if (last.version === readerVersion) return null;
    if (readerVersion < last.version) {
      // An older release again (a rollback): what it passes over waits for the next newer one.
      writeMeta(sqlite, READER_KEY, JSON.stringify({ ...last, version: readerVersion }));
      return null;
    }
    const earliest = earliestSkippedFeedEntry(sqlite, last.readAgainUpTo, PURGED_REPORT_REASON);
    writeMeta(sqlite, READER_KEY, JSON.stringify({ version: readerVersion, readAgainUpTo: newestEntryId(sqlite) } satisfies LastReader));
    if (earliest === null || earliest > Number(readCursor(sqlite))) return null;
    writeCursor(sqlite, String(earliest - 1));
    return earliest;
  })();
}
