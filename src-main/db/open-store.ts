import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import { applyMigrations, type UpgradeStep } from './apply-migrations';
import { forgetUncountableLossesBeforeTotals } from './reports/uncountable-losses';
import { assertStoreNotNewer } from './store-version';

/**
 * The workstation's local case store: one SQLite file. drizzle describes its schema (src-main/db/schema.ts) and
 * generates its migrations, applied by ./apply-migrations.ts; queries are bare prepared statements on `sqlite` (the hot paths need
 * them, and one way of querying is easier to read than two).
 */
export interface CaseStore {
  sqlite: Database.Database;
  path: string;
  close(): void;
}

export interface OpenStoreOptions {
  path: string;
  /** Encrypts the store at rest (SQLCipher 4 format). Without a key the store is plain SQLite. */
  key?: string | undefined;
  /** Where the generated migrations live; the composition root passes the packaged location. */
  migrationsFolder?: string;
  /** Told before each migration an existing store is upgraded by (the start screen shows it; one can take minutes). */
  onUpgradeStep?: (step: UpgradeStep) => void;
}

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export function applyKey(sqlite: Database.Database, key: string): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma(`legacy=4`);
  sqlite.pragma(`key=${quoteLiteral(key)}`);
}

export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Reading the schema is the first thing that fails on a wrong key or a foreign file. */
function probeReadable(sqlite: Database.Database, path: string, encrypted: boolean): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new AppError(
        'STORE_KEY_WRONG',
        encrypted
          ? `The case store ${path} could not be unlocked: the key is wrong, or the file is not a Puzzelstuk store.`
          : `The case store ${path} could not be read: it is encrypted (give its key) or it is not a Puzzelstuk store.`,
      );
    }
    throw new AppError('STORE_CANNOT_OPEN', `The case store ${path} could not be read: ${(error as Error).message}`);
  }
}

/**
 * Opens (creating when absent) a case store and brings its schema up to date in one transaction,
 * before anyone can use it. A store written by a newer Puzzelstuk is refused, never downgraded.
 */
export function openStore(options: OpenStoreOptions): CaseStore {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(options.path);
  } catch (error) {
    throw new AppError('STORE_CANNOT_OPEN', `The case store ${options.path} could not be opened: ${(error as Error).message}`);
  }
  try {
    if (options.key !== undefined && options.key !== '') applyKey(sqlite, options.key);
    probeReadable(sqlite, options.path, Boolean(options.key));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    // Deleted and overwritten content is zeroed in the file, so a redacted or purged text leaves no trace in free pages.
    sqlite.pragma('secure_delete = ON');
    assertStoreNotNewer(sqlite, migrationsFolder, options.path);
    forgetUncountableLossesBeforeTotals(sqlite);
    applyMigrations(sqlite, migrationsFolder, options.path, options.onUpgradeStep);
    return {
      sqlite,
      path: options.path,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The header every unencrypted SQLite file starts with; an SQLCipher file starts with random salt instead. */
const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file at `path` is an unencrypted SQLite database (false for an encrypted one, or an empty/absent file). */
export function isPlainSqliteFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(PLAIN_SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** How long checkpointTruncate waits for another connection's checkpoint (the core's checkpoint thread) to finish. */
const TRUNCATE_PATIENCE_MS = 10_000;
const RETRY_MS = 5;

/**
 * Moves everything in the WAL into the store file and empties the WAL file, so text just removed (a redaction, a
 * purge) survives neither in the WAL nor — with secure_delete — in the store's free pages. Outside a transaction.
 * SQLite answers busy, without waiting, while another connection checkpoints (the core's checkpoint thread): then it
 * tries again until that one is done. Throws if the WAL could not be emptied, rather than pass over it unsaid.
 *
 * A TRUNCATE holds the writer's lock from its start to its end, so every other connection's writes wait for it: on
 * the core's checkpoint thread, the core's own writes (an officer's change, a consultation's audit entry) waited
 * 1,966 ms behind the one at the end of a first sync of 50k. So the WAL is first copied without that lock (PASSIVE),
 * leaving the TRUNCATE only what was written since; and each try gives up at once when a reader or writer is in the
 * way (busy_timeout 0), instead of waiting inside SQLite with the lock held, and is retried here with it let go.
 */
export function checkpointTruncate(sqlite: Database.Database, patienceMs = TRUNCATE_PATIENCE_MS): void {
  const giveUpAt = performance.now() + patienceMs;
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  if (!checkpointWithoutWaiting(sqlite, 'TRUNCATE', RETRY_MS, () => performance.now() >= giveUpAt)) {
    throw new AppError('CONFLICT', `The write-ahead log of ${sqlite.name} could not be emptied: another connection kept it busy. Close other programs using the store and try again.`);
  }
}

/**
 * A checkpoint that takes the writer's lock (TRUNCATE, RESTART) tried until it is not busy, never waiting inside
 * SQLite with that lock held (busy_timeout 0 for the tries, restored after): blocked by a reader or a writer, it lets
 * go at once and tries again `pauseMs` later, so the others' writes never queue behind it. Returns whether a try got
 * through before `giveUp()` said to stop.
 */
export function checkpointWithoutWaiting(sqlite: Database.Database, mode: 'TRUNCATE' | 'RESTART', pauseMs: number, giveUp: () => boolean): boolean {
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (;;) {
      const [result] = sqlite.pragma(`wal_checkpoint(${mode})`) as Array<{ busy: number }>;
      if (!result || result.busy === 0) return true;
      if (giveUp()) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
