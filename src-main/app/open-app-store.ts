import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import type { UpgradeStep } from '../db/apply-migrations';
import { isPlainSqliteFile, type CaseStore } from '../db/open-store';
import { openCaseStore } from './open-case-store';
import type { Clock } from '../../shared/platform/clock';
import type { AppPaths } from './app-paths';
import type { SecretStore } from './secrets';

/** The store's key for browser mode and the CLI (and, when set, the desktop too): never a flag, which lands in shell history. */
export const STORE_KEY_ENV = 'PUZZELSTUK_DB_KEY';

/** The demo (generated reports in a folder of its own) or an officer's own store. */
export type StoreMode = 'demo' | 'own';

const holdsData = (path: string) => existsSync(path) && statSync(path).size > 0;
const newKey = () => randomBytes(32).toString('hex');

/** How to encrypt a store that is not, as the refusal says it. */
export function encryptAdvice(path: string): string {
  return `Stop Puzzelstuk, run \`${STORE_KEY_ENV}=<key> puzzelstuk store encrypt --db ${path}\` (a key from \`openssl rand -hex 32\`, kept safe), and start it again with ${STORE_KEY_ENV} set to that key.`;
}

/**
 * The key of the store at `path`. Outside the demo every store is encrypted: the key comes from PUZZELSTUK_DB_KEY
 * or from a secret store that may keep it (the OS keychain); a new store gets a fresh random key only where it can
 * be kept; an unencrypted store is refused with how to encrypt it. The demo keeps its key in its own folder.
 */
function storeKeyFor(path: string, secrets: SecretStore, env: NodeJS.ProcessEnv, mode: StoreMode): string | undefined {
  const given = env[STORE_KEY_ENV] || undefined;
  const exists = holdsData(path);
  if (mode === 'demo') {
    const kept = given ?? secrets.get('store-key') ?? undefined;
    if (kept !== undefined || exists) return kept;
    const key = newKey();
    secrets.set('store-key', key);
    return key;
  }
  if (exists && isPlainSqliteFile(path)) {
    throw new AppError('STORE_NOT_ENCRYPTED', `The case store ${path} is not encrypted, and outside the demo Puzzelstuk works only on encrypted stores. ${encryptAdvice(path)}`);
  }
  const kept = secrets.get('store-key');
  if (kept !== null && !secrets.keepsStoreKey) {
    // An older Puzzelstuk left the key in plain text beside the store: take it over from the environment, then drop it.
    if (given === undefined) throw new AppError('STORE_KEY_MISSING', `The key of ${path} lies unprotected beside it. Set ${STORE_KEY_ENV} to that key; Puzzelstuk then removes the plain copy.`);
    if (given !== kept) throw new AppError('STORE_KEY_WRONG', `${STORE_KEY_ENV} is not the key kept beside ${path}; set it to that key.`);
    secrets.set('store-key', null);
  }
  if (given !== undefined) return given;
  if (kept !== null && secrets.keepsStoreKey) return kept;
  if (exists || !secrets.keepsStoreKey) {
    throw new AppError('STORE_KEY_MISSING', `The case store ${path} needs its key: set ${STORE_KEY_ENV} to it${exists ? '' : ' (a new store is created with that key)'}.`);
  }
  const key = newKey();
  secrets.set('store-key', key);
  return key;
}

/** Opens the workstation's case store, encrypted at rest (see storeKeyFor). */
export function openAppStore(paths: AppPaths, secrets: SecretStore, env: NodeJS.ProcessEnv, clock: Clock, mode: StoreMode): CaseStore {
  return openAppStoreWithKey(paths, secrets, env, clock, mode).store;
}

/**
 * openAppStore, and the key it was opened with, for a second connection of the core's own (its checkpoint thread);
 * `onUpgradeStep` hears each step of an upgrade of the store (the start screen shows them).
 */
export function openAppStoreWithKey(
  paths: AppPaths,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
  clock: Clock,
  mode: StoreMode,
  onUpgradeStep?: (step: UpgradeStep) => void,
): { store: CaseStore; key: string | undefined } {
  mkdirSync(dirname(paths.storePath), { recursive: true });
  const key = storeKeyFor(paths.storePath, secrets, env, mode);
  const store = openCaseStore({ path: paths.storePath, key, migrationsFolder: paths.migrationsFolder, clock, ...(onUpgradeStep ? { onUpgradeStep } : {}) });
  return { store, key };
}
