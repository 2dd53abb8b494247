import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { applyKey, isPlainSqliteFile, quoteLiteral } from './open-store';

/** Where a rewrite builds the new file, beside the store (same file system, so the final rename is atomic). */
export const rewriteTempPath = (path: string) => `${path}.rewrite-tmp`;

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function openKeyed(path: string, key: string | null): Database.Database {
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    if (key !== null) applyKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('STORE_KEY_WRONG', `The case store ${path} could not be unlocked: the key is wrong.`);
    throw error;
  }
}

/**
 * Copies the store (with `fromKey`, null for a plain one) into a new file encrypted with `toKey`, and only then
 * replaces the store by it with one atomic rename. A crash at any moment leaves either the old store, whole and
 * readable as before, or the new one; never half of each. What a crash leaves beside it (the temporary copy) is
 * removed by the next rewrite.
 */
function rewriteStoreFile(path: string, fromKey: string | null, toKey: string): void {
  const temporary = rewriteTempPath(path);
  rmSync(temporary, { force: true });
  rmSync(`${temporary}-journal`, { force: true });
  const source = openKeyed(path, fromKey);
  try {
    // An exclusive lock: another process using the store makes this fail rather than lose that process's writes.
    source.pragma('locking_mode = EXCLUSIVE');
    const [checkpoint] = source.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (checkpoint && checkpoint.busy !== 0) throw new AppError('CONFLICT', `The case store ${path} is in use; close Puzzelstuk (and any other program using it) first.`);
    source.prepare('VACUUM INTO ?').run(temporary);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new AppError('CONFLICT', `The case store ${path} is in use; close Puzzelstuk (and any other program using it) first.`);
    throw error;
  } finally {
    source.close();
  }
  // The copy has the source's encryption (or none); it gets the new key in place, as a file nobody else knows of.
  const copy = openKeyed(temporary, fromKey);
  try {
    copy.pragma('journal_mode = DELETE');
    applyKeyChange(copy, toKey);
  } finally {
    copy.close();
  }
  const check = openKeyed(temporary, toKey);
  try {
    const verdict = check.pragma('quick_check', { simple: true });
    if (verdict !== 'ok') throw new AppError('INTERNAL', `The rewritten copy of ${path} failed its check (${String(verdict)}); the store was left as it was.`);
  } finally {
    check.close();
  }
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    throw new AppError('CONFLICT', `The case store ${path} was written to during the rewrite; close every program using it and try again.`);
  }
  fsyncPath(temporary);
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  renameSync(temporary, path);
  if (process.platform !== 'win32') fsyncPath(dirname(path));
}

function applyKeyChange(sqlite: Database.Database, key: string): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`rekey=${quoteLiteral(key)}`);
}

/** `store encrypt`: an unencrypted store becomes encrypted with `key`, in place and crash-safe. */
export function encryptStoreFile(path: string, key: string): void {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `There is no case store at ${path}.`);
  if (!isPlainSqliteFile(path)) throw new AppError('CONFLICT', `The case store ${path} is already encrypted (or not a Puzzelstuk store); to change its key use \`store rekey\`.`);
  rewriteStoreFile(path, null, key);
}

/** `store rekey`: an encrypted store gets a new key, in place and crash-safe. */
export function rekeyStoreFile(path: string, oldKey: string, newKey: string): void {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `There is no case store at ${path}.`);
  if (isPlainSqliteFile(path)) throw new AppError('CONFLICT', `The case store ${path} is not encrypted; encrypt it with \`store encrypt\`.`);
  rewriteStoreFile(path, oldKey, newKey);
}
