import type Database from 'better-sqlite3';

/** Reads of the officers' requests for the modules that only ask about them (src-main/README.md, "Who owns which table"). */

/** Whether a request is about this indicator (its first one), prepared once. */
export function createRequestNamesIndicator(sqlite: Database.Database): (type: string, value: string) => boolean {
  const named = sqlite.prepare<[string, string], number>('SELECT 1 FROM requests WHERE indicator_type = ? AND indicator_value = ? LIMIT 1').pluck();
  return (type, value) => named.get(type, value) !== undefined;
}
