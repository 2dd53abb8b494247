import { existsSync } from 'node:fs';
import { isAppError } from '../../shared/errors';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../app/open-case-store';
import { encryptAdvice, STORE_KEY_ENV } from '../app/open-app-store';
import type { CaseStore } from '../db/open-store';
import { CliError, type CliIo } from './command';

/**
 * Opens a case store with the key from PUZZELSTUK_DB_KEY (never a flag, which lands in shell history). Without a
 * key the CLI still works on an unencrypted store (the tests and the bench make those), but creating one says on
 * stderr that it is unencrypted and how to encrypt it.
 */
export function openCliStore(path: string, io: Pick<CliIo, 'env' | 'stderr'>, options: { mustExist?: boolean } = {}): CaseStore {
  const exists = existsSync(path);
  if (options.mustExist && !exists) throw new CliError(`no case store at ${path} (import reports into it first)`);
  const key = io.env[STORE_KEY_ENV] || undefined;
  try {
    const store = openCaseStore({ path, key, clock: systemClock });
    if (!exists && key === undefined) {
      io.stderr.write(`warning: created ${path} unencrypted (${STORE_KEY_ENV} is not set); outside tests, encrypt it before it holds real reports. ${encryptAdvice(path)}\n`);
    }
    return store;
  } catch (error) {
    if (isAppError(error)) {
      const hint = error.code === 'STORE_KEY_WRONG' ? ` Set ${STORE_KEY_ENV} to the store's key.` : '';
      throw new CliError(error.message + hint);
    }
    throw error;
  }
}

/** Runs work on an open store and always closes it. */
export async function withCliStore<T>(path: string, io: Pick<CliIo, 'env' | 'stderr'>, work: (store: CaseStore) => Promise<T> | T, options?: { mustExist?: boolean }): Promise<T> {
  const store = openCliStore(path, io, options);
  try {
    return await work(store);
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    store.close();
  }
}
