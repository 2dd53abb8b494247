import { existsSync } from 'node:fs';
import { isAppError } from '../../shared/errors';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../app/open-case-store';
import type { CaseStore } from '../db/open-store';
import { CliError } from './command';

/** The encryption key comes from the environment, never from a flag that would land in shell history. */
export const STORE_KEY_ENV = 'PUZZELSTUK_DB_KEY';

export function openCliStore(path: string, env: NodeJS.ProcessEnv, options: { mustExist?: boolean } = {}): CaseStore {
  if (options.mustExist && !existsSync(path)) throw new CliError(`no case store at ${path} (import reports into it first)`);
  try {
    return openCaseStore({ path, key: env[STORE_KEY_ENV], clock: systemClock });
  } catch (error) {
    if (isAppError(error)) {
      const hint = error.code === 'STORE_KEY_WRONG' ? ` Set ${STORE_KEY_ENV} to the store's key.` : '';
      throw new CliError(error.message + hint);
    }
    throw error;
  }
}

/** Runs work on an open store and always closes it. */
export async function withCliStore<T>(path: string, env: NodeJS.ProcessEnv, work: (store: CaseStore) => Promise<T> | T, options?: { mustExist?: boolean }): Promise<T> {
  const store = openCliStore(path, env, options);
  try {
    return await work(store);
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    store.close();
  }
}
