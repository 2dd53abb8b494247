/**
 * The cases and requests that held a report this store's retention purged (`case:<id>`, `action:<id>`), with the day
 * of the latest such purge, as the hub keeps them: a text for one written before two days after that day may quote
 * the report (shared/retention/late-quotes.ts). The retention run remembers them, and the report writer those of a
 * withdrawn report, and the report itself (`report:<id>`, for notes on it), with the day of its withdrawal (its quotes
 * go as a purged one's); the feed applier redacts a colleague's late text for one, and the local write path refuses
 * an officer's own until the window is over. On the data floor because both of those ask.
 */
import type Database from 'better-sqlite3';

export type PurgedHolders = ReturnType<typeof createPurgedHolders>;

const byConnection = new WeakMap<Database.Database, PurgedHolders>();

/** One per connection (its two prepared statements), for the local write path, which asks at every officer's change. */
export function purgedHoldersOf(sqlite: Database.Database): PurgedHolders {
  let holders = byConnection.get(sqlite);
  if (!holders) byConnection.set(sqlite, (holders = createPurgedHolders(sqlite)));
  return holders;
}

export function createPurgedHolders(sqlite: Database.Database) {
  // A later purge of another of its reports moves the day on.
  const insertHolder = sqlite.prepare<[string, string]>(
    'INSERT INTO purged_holders (subject, purged_on) VALUES (?, ?) ON CONFLICT (subject) DO UPDATE SET purged_on = max(purged_on, excluded.purged_on)',
  );
  const purgedOnOf = sqlite.prepare<[string], string>('SELECT purged_on FROM purged_holders WHERE subject = ?').pluck();
  return {
    /** Remembers the holders of reports purged on `purgedOn` (YYYY-MM-DD); in the purge's transaction. */
    remember(subjects: Iterable<string>, purgedOn: string): void {
      for (const subject of subjects) insertHolder.run(subject, purgedOn);
    },
    /** The day the latest report held by this case or request was purged, or null. */
    purgedOn(subject: string): string | null {
      return purgedOnOf.get(subject) ?? null;
    },
  };
}
