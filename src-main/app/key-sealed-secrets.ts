import { createCipheriv, createDecipheriv, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { STORE_KEY_ENV } from './open-app-store';
import { createFileSecretStore, SECRET_NAMES, type SecretCodec, type SecretStore } from './secrets';

const FORMAT = 'k1';
/** scrypt's default cost (N = 2^14): a guess at the key costs the same here as it would anywhere else. */
const derive = (key: string, salt: Buffer) => scryptSync(key, salt, 32);

/**
 * Seals each secret with AES-256-GCM under a key derived (scrypt, with a salt stored beside the value) from the
 * store's key, which browser mode and the CLI take from PUZZELSTUK_DB_KEY: whoever can read the file but has not the
 * key reads nothing.
 *
 * What one codec seals shares one salt, drawn when it is made, each value with its own IV; its key is derived then,
 * in the thread pool. Sealing — the hub's session at a sign-in — then costs no scrypt on the thread that relays the
 * window's calls (in browser mode, serve's), where it held the signed-in answer back.
 */
export function storeKeyCodec(storeKey: string): SecretCodec {
  const derived = new Map<string, Buffer>();
  const keyFor = (salt: Buffer) => {
    const id = salt.toString('base64');
    let key = derived.get(id);
    if (!key) derived.set(id, (key = derive(storeKey, salt)));
    return key;
  };
  const sealSalt = randomBytes(16);
  const sealSaltId = sealSalt.toString('base64');
  scrypt(storeKey, sealSalt, 32, (error, key) => {
    // Should it fail, the first seal derives the key itself.
    if (!error && !derived.has(sealSaltId)) derived.set(sealSaltId, key);
  });
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(sealSalt), iv);
      const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return [FORMAT, sealSalt, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join(':');
    },
    open(text) {
      const [format, salt, iv, tag, sealed] = text.split(':');
      if (format !== FORMAT || !salt || !iv || !tag || sealed === undefined) throw new AppError('STORE_CANNOT_OPEN', 'A sealed secret is damaged; give it again in Instellingen.');
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyFor(Buffer.from(salt, 'base64')), Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError('STORE_KEY_WRONG', `The sealed secrets do not open with ${STORE_KEY_ENV}: it is not the key they were sealed with.`);
      }
    },
  };
}

/**
 * Browser mode's secrets outside the demo (the hub token, …), in `secrets.sealed.json` sealed with the store's key;
 * the store's key itself is never written. A `secrets.json` that an older Puzzelstuk left in the folder, with the
 * key in plain text, is taken over and removed — once PUZZELSTUK_DB_KEY is that same key.
 */
export function browserModeSecrets(dataDir: string, env: NodeJS.ProcessEnv): SecretStore {
  const storeKey = env[STORE_KEY_ENV];
  if (!storeKey) {
    throw new AppError(
      'STORE_KEY_MISSING',
      `Browser mode works only on an encrypted store: set ${STORE_KEY_ENV} to its key (a new store is created with it; make one with \`openssl rand -hex 32\` and keep it safe).`,
    );
  }
  const sealed = createFileSecretStore(join(dataDir, 'secrets.sealed.json'), { codec: storeKeyCodec(storeKey), keepsStoreKey: false });
  const legacyPath = join(dataDir, 'secrets.json');
  if (existsSync(legacyPath)) {
    const legacy = createFileSecretStore(legacyPath, { keepsStoreKey: false });
    const plainKey = legacy.get('store-key');
    if (plainKey !== null && plainKey !== storeKey) {
      throw new AppError('STORE_KEY_WRONG', `${legacyPath} holds this store's key in plain text, and ${STORE_KEY_ENV} is another key. Set ${STORE_KEY_ENV} to the key in that file; Puzzelstuk then seals the file's other secrets and removes it.`);
    }
    for (const name of SECRET_NAMES) {
      const value = name === 'store-key' ? null : legacy.get(name);
      if (value !== null) sealed.set(name, value);
    }
    rmSync(legacyPath);
  }
  return sealed;
}
