import Database from 'better-sqlite3';

/**
 * Another connection reading the store, in an open read transaction: while it reads, the WAL cannot be emptied
 * (a TRUNCATE checkpoint waits for it). Returns the function that ends the read and closes the connection.
 */
export function holdReader(path: string): () => void {
  const reader = new Database(path);
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM reports').get();
  return () => {
    reader.exec('COMMIT');
    reader.close();
  };
}
