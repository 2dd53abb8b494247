import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CaseStore } from '../db/open-store';
import { openCaseStore } from './open-case-store';
import type { Clock } from '../../shared/platform/clock';
import type { AppPaths } from './app-paths';
import type { SecretStore } from './secrets';

/** A key given in the environment wins (as for the CLI); the same variable name. */
export const STORE_KEY_ENV = 'PUZZELSTUK_DB_KEY';

/**
 * Opens the workstation's case store, encrypted at rest with a key kept among the secrets. A new store gets a
 * fresh random key; an existing store without a stored key was made unencrypted (by the CLI) and stays so.
 */
export function openAppStore(paths: AppPaths, secrets: SecretStore, env: NodeJS.ProcessEnv, clock: Clock): CaseStore {
  mkdirSync(dirname(paths.storePath), { recursive: true });
  let key = env[STORE_KEY_ENV] || secrets.get('store-key') || undefined;
  if (key === undefined && !existsSync(paths.storePath)) {
    key = randomBytes(32).toString('hex');
    secrets.set('store-key', key);
  }
  return openCaseStore({ path: paths.storePath, key, migrationsFolder: paths.migrationsFolder, clock });
}
