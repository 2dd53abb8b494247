import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import { createFileSecretStore, type SecretStore } from '../app/secrets';
import type { Logger } from '../../shared/platform/logger';

/** The officer's explicit acceptance of a keychain that protects nothing (see desktopSecretStore). */
export const ACCEPT_WEAK_KEYCHAIN_FLAG = '--accept-weak-keychain';

export interface DesktopSecretOptions {
  demo: boolean;
  /** Started with ACCEPT_WEAK_KEYCHAIN_FLAG: the officer knowingly keeps the store's key without a real keychain. */
  acceptWeakKeychain: boolean;
}

/**
 * The store key and hub token, sealed by the OS keychain (DPAPI on Windows, the Keychain on macOS, libsecret or
 * kwallet on Linux) in a file only this user may read. Without a real keychain — none at all, or Linux's
 * `basic_text`, which "seals" with a key written in Chromium's source — the key would as good as lie in plain text
 * beside the store: outside the demo that is refused, unless the officer started Puzzelstuk with
 * --accept-weak-keychain (logged at every start). The demo keeps its secrets in its own folder.
 */
export function desktopSecretStore(safeStorage: SafeStorage, dataDir: string, logger: Logger, options: DesktopSecretOptions): SecretStore {
  const available = safeStorage.isEncryptionAvailable();
  const weak = !available || (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  if (weak && !options.demo) {
    if (!options.acceptWeakKeychain) {
      throw new AppError(
        'KEYCHAIN_UNAVAILABLE',
        `This computer has no secure keychain (${available ? 'only basic_text' : 'none'}), so the key of your case store could not be protected. Install and unlock a keychain (on Linux: GNOME Keyring or KWallet), or set PUZZELSTUK_DB_KEY yourself — or, knowing that anyone who can read your files can then read the store, start Puzzelstuk with ${ACCEPT_WEAK_KEYCHAIN_FLAG}.`,
      );
    }
    logger.warn('secrets.weak_keychain_accepted', { backend: available ? 'basic_text' : 'none', protection: 'file permissions only' });
  }
  if (!available) return createFileSecretStore(join(dataDir, 'secrets.json'), { keepsStoreKey: true });
  return createFileSecretStore(join(dataDir, 'secrets.sealed.json'), {
    codec: { seal: (value) => safeStorage.encryptString(value).toString('base64'), open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')) },
    keepsStoreKey: true,
  });
}
