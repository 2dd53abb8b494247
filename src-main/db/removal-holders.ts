/**
 * The cases and requests that held a report this store's retention purged (`case:<id>`, `action:<id>`), with the day
 * of the latest such purge, as the hub keeps them: a text for one written before two days after that day may quote
 * the report (shared/retention/late-quotes.ts). The retention run remembers them, and the report writer those of a
 * withdrawn report, and the report itself (`report:<id>`, for notes on it), with the day of its withdrawal and that it
 * was one (a late quote's mark says which); the feed applier redacts a colleague's late text for one, and the local write path refuses
 * an officer's own until the window is over. On the data floor because both of those ask.
 */
import type Database from 'better-sqlite3';
import type { QuoteRemoval } from '../../shared/retention/late-quotes';

export type RemovalHolders = ReturnType<typeof createRemovalHolders>;

/** The latest removal of a report a case or request held: its day (YYYY-MM-DD) and what it was. */
export interface HolderRemoval {
  removedOn: string;
  cause: QuoteRemoval;
}

const byConnection = new WeakMap<Database.Database, RemovalHolders>();

/** One per connection (its two prepared statements), for the local write path, which asks at every officer's change. */
export function removalHoldersOf(sqlite: Database.Database): RemovalHolders {
  let holders = byConnection.get(sqlite);
  if (!holders) byConnection.set(sqlite, (holders = createRemovalHolders(sqlite)));
  return holders;
}

export function createRemovalHolders(sqlite: Database.Database) {
  // A later removal of another of its reports moves the day on, and says what that one was.
  const insertHolder = sqlite.prepare<[string, string, QuoteRemoval]>(
    `INSERT INTO removal_holders (subject, removed_on, cause) VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET
       removed_on = max(removed_on, excluded.removed_on), cause = CASE WHEN excluded.removed_on >= removed_on THEN excluded.cause ELSE cause END`,
  );
  const removalOf = sqlite.prepare<[string], HolderRemoval>('SELECT removed_on AS removedOn, cause FROM removal_holders WHERE subject = ?');
  return {
    /** Remembers the holders of reports purged or withdrawn (`cause`) on `removedOn` (YYYY-MM-DD); in that transaction. */
    remember(subjects: Iterable<string>, removedOn: string, cause: QuoteRemoval): void {
      for (const subject of subjects) insertHolder.run(subject, removedOn, cause);
    },
    /** The latest removal of a report this case or request held, or null. */
    removal(subject: string): HolderRemoval | null {
      return removalOf.get(subject) ?? null;
    },
  };
}
