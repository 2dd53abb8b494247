/**
 * `store encrypt|rekey`: encrypt an unencrypted case store, or change a store's key — in place and crash-safe (see
 * src-main/db/store-rewrite.ts). Keys come from the environment, never from flags that land in shell history.
 */
import { resolve } from 'node:path';
import { isAppError } from '../../../shared/errors';
import { STORE_KEY_ENV } from '../../app/open-app-store';
import { encryptStoreFile, rekeyStoreFile } from '../../db/store-rewrite';
import { parseCommandArgs, requireOption } from '../args';
import { CliError, UsageError, writeJsonLine, type CliCommand } from '../command';

export const NEW_STORE_KEY_ENV = 'PUZZELSTUK_DB_NEW_KEY';

const usages = {
  encrypt: `store encrypt --db <path>   (the key in ${STORE_KEY_ENV})`,
  rekey: `store rekey --db <path>   (the current key in ${STORE_KEY_ENV}, the new one in ${NEW_STORE_KEY_ENV})`,
};
const usage = Object.values(usages).join('\n  ');

function keyFrom(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const key = env[name];
  if (!key) throw new UsageError(`set ${name} to ${what} (for a new key: \`openssl rand -hex 32\`; keep it safe, the store cannot be read without it)`);
  return key;
}

function rewriting(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  }
}

export const storeCommand: CliCommand = {
  name: 'store',
  usage,
  summary: 'Encrypt an unencrypted case store (encrypt) or change its key (rekey), in place: a crash at any moment leaves the old store or the new one, whole. Stop Puzzelstuk on the store first.',
  async run(args, io) {
    const [action, ...rest] = args;
    if (action !== 'encrypt' && action !== 'rekey') throw new UsageError(`${action === undefined ? 'a subcommand is required' : `unknown subcommand "${action}"`}\nusage: ${usage}`);
    const { values } = parseCommandArgs(rest, { db: { type: 'string' } }, usages[action]);
    const path = resolve(requireOption(values.db, '--db', usages[action]));
    if (action === 'encrypt') {
      const key = keyFrom(io.env, STORE_KEY_ENV, 'the key to encrypt the store with');
      rewriting(() => encryptStoreFile(path, key));
    } else {
      const oldKey = keyFrom(io.env, STORE_KEY_ENV, "the store's current key");
      const newKey = keyFrom(io.env, NEW_STORE_KEY_ENV, 'the new key');
      if (newKey === oldKey) throw new UsageError(`${NEW_STORE_KEY_ENV} is the key the store already has`);
      rewriting(() => rekeyStoreFile(path, oldKey, newKey));
    }
    await writeJsonLine(io.stdout, { store: path, encrypted: true, [action === 'encrypt' ? 'encryptedNow' : 'rekeyed']: true });
    return 0;
  },
};
