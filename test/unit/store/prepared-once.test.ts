/**
 * preparedOnce (src-main/db/prepared-once.ts): one statement per connection and SQL, never another connection's, and
 * each caller gets it in its default mode, whatever mode the last caller of the same SQL left it in.
 */
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

  it('gives a caller that does not pluck whole rows after a caller of the same SQL plucked', () => {
    const sqlite = connection('a');
    expect(preparedOnce<[], string>(sqlite, 'SELECT v FROM t').pluck().get()).toBe('a');
    expect(preparedOnce(sqlite, 'SELECT v FROM t').get()).toEqual({ v: 'a' });
    // raw and expand are left behind the same way; a plucking caller still gets its values.
    expect(preparedOnce(sqlite, 'SELECT v FROM t').raw().get()).toEqual(['a']);
    expect(preparedOnce(sqlite, 'SELECT v FROM t').all()).toEqual([{ v: 'a' }]);
    expect(preparedOnce(sqlite, 'SELECT v FROM t').expand().get()).toEqual({ t: { v: 'a' } });
    expect(preparedOnce(sqlite, 'SELECT v FROM t').get()).toEqual({ v: 'a' });
    expect(preparedOnce<[], string>(sqlite, 'SELECT v FROM t').pluck().all()).toEqual(['a']);
  });

  it('gives a statement that returns no rows as it is', () => {
    const sqlite = connection('a');
    preparedOnce(sqlite, "INSERT INTO t VALUES ('b')").run();
    preparedOnce(sqlite, "INSERT INTO t VALUES ('b')").run();
    expect(sqlite.prepare("SELECT count(*) FROM t WHERE v = 'b'").pluck().get()).toBe(2);
  });
});
