/** preparedOnce (src-main/db/prepared-once.ts): one statement per connection and SQL, never another connection's. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { preparedOnce } from '../../../src-main/db/prepared-once';

const opened: Database.Database[] = [];
function connection(value: string): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('${value}')`);
  opened.push(sqlite);
  return sqlite;
}

afterEach(() => {
  for (const sqlite of opened.splice(0)) sqlite.close();
});

describe('preparedOnce', () => {
  it('gives the same connection the statement it prepared for the same SQL', () => {
    const sqlite = connection('a');
    const first = preparedOnce<[], string>(sqlite, 'SELECT v FROM t');
    expect(preparedOnce(sqlite, 'SELECT v FROM t')).toBe(first);
    expect(preparedOnce(sqlite, 'SELECT v || v FROM t')).not.toBe(first);
  });

  it("never gives a connection another connection's statement", () => {
    const one = connection('one');
    const other = connection('other');
    expect(preparedOnce<[], string>(one, 'SELECT v FROM t').pluck().get()).toBe('one');
    expect(preparedOnce<[], string>(other, 'SELECT v FROM t').pluck().get()).toBe('other');
    expect(preparedOnce(other, 'SELECT v FROM t')).not.toBe(preparedOnce(one, 'SELECT v FROM t'));
  });
});
