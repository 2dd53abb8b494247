import { AppError } from '../../shared/errors';
import { readPrivateFile, writePrivateFile } from './private-file';

export const SECRET_NAMES = ['store-key', 'hub-token', 'demo-intake-token', 'demo-workstation-token', 'offline-proofs', 'offline-failures', 'pending-session-ends'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Keys and tokens of this workstation. The platform decides how they are protected at rest. */
export interface SecretStore {
  get(name: SecretName): string | null;
  set(name: SecretName, value: string | null): void;
  /**
   * Whether the store's key may be kept here: sealed by the OS keychain, inside the demo's own folder, or where the
   * officer knowingly accepted a weak keychain. Otherwise the key comes from PUZZELSTUK_DB_KEY and is never written.
   */
  readonly keepsStoreKey: boolean;
}

/**
 * A secret kept as JSON, parsed; null when it is not there or damaged (a damaged one is treated as absent by its
 * readers, which then start afresh: proofs made again, session ends left to expire).
 */
export function readJsonSecret(secrets: SecretStore, name: SecretName): unknown {
  const text = secrets.get(name);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** How one secret is sealed on disk: Electron's safeStorage (OS keychain) on the desktop, plain text in a 0600 file in browser mode. */
export interface SecretCodec {
  seal(value: string): string;
  open(sealed: string): string;
}

export const plainCodec: SecretCodec = { seal: (value) => value, open: (sealed) => sealed };

/** Secrets in one JSON file with owner-only permissions, each value sealed by the codec. */
export function createFileSecretStore(path: string, options: { codec?: SecretCodec; keepsStoreKey: boolean }): SecretStore {
  const codec = options.codec ?? plainCodec;
  const readAll = (): Partial<Record<SecretName, string>> => {
    const text = readPrivateFile(path);
    if (text === null) return {};
    try {
      return JSON.parse(text) as Partial<Record<SecretName, string>>;
    } catch {
      throw new AppError('STORE_CANNOT_OPEN', `The secrets file ${path} is damaged; remove it to start over (the case store then needs its key again).`);
    }
  };
  return {
    keepsStoreKey: options.keepsStoreKey,
    get(name) {
      const sealed = readAll()[name];
      return sealed === undefined ? null : codec.open(sealed);
    },
    set(name, value) {
      const all = readAll();
      if (value === null) delete all[name];
      else all[name] = codec.seal(value);
      writePrivateFile(path, `${JSON.stringify(all, null, 2)}\n`);
    },
  };
}
