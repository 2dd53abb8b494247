import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

/** Owner read/write only: the file holds keys or tokens. */
const PRIVATE_MODE = 0o600;

/** Writes atomically (temp file + rename) with 0600 permissions, so a crash never leaves half a secret. */
export function writePrivateFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: PRIVATE_MODE });
  chmodSync(temporary, PRIVATE_MODE);
  renameSync(temporary, path);
}

/** The file's text, or null when absent. Tightens permissions someone loosened (on systems that have them). */
export function readPrivateFile(path: string): string | null {
  if (!existsSync(path)) return null;
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_MODE);
  return readFileSync(path, 'utf8');
}
