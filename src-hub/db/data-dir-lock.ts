import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Embedded PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A lock file with the owner's pid keeps `hub token` from opening the data of a running `hub serve`; a lock
 * left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'hub.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('STORE_CANNOT_OPEN', `cannot lock the hub data directory ${dataDir}: ${(error as Error).message}`);
      }
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isSafeInteger(owner) && owner > 0 && alive(owner)) {
        throw new AppError(
          'STORE_CANNOT_OPEN',
          `the hub data directory ${dataDir} is in use by process ${owner}; stop that hub first (embedded PGlite allows one process; use PostgreSQL with --database-url to run several)`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError('STORE_CANNOT_OPEN', `cannot lock the hub data directory ${dataDir}`);
}
