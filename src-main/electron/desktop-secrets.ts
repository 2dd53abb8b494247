import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { createFileSecretStore, type SecretStore } from '../app/secrets';
import type { Logger } from '../../shared/platform/logger';

/**
 * The store key and hub token, sealed by the OS keychain (DPAPI on Windows, libsecret/kwallet on Linux) in a
 * file only this user may read. Without a keychain they stay in that file unsealed, as in browser mode, and the
 * log says so.
 */
export function desktopSecretStore(safeStorage: SafeStorage, dataDir: string, logger: Logger): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    logger.warn('secrets.keychain_unavailable', { protection: 'file permissions only' });
    return createFileSecretStore(join(dataDir, 'secrets.json'));
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    logger.warn('secrets.keychain_weak', { backend: 'basic_text' });
  }
  return createFileSecretStore(join(dataDir, 'secrets.sealed.json'), {
    seal: (value) => safeStorage.encryptString(value).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  });
}
