import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { HUB_MIGRATIONS_FOLDER } from '../../src-hub/db/migrate';
import { DEFAULT_MIGRATIONS_FOLDER } from '../db/open-store';

/** Where the workstation keeps and finds its files; the platform (desktop, browser mode, packaged) decides. */
export interface AppPaths {
  dataDir: string;
  storePath: string;
  settingsPath: string;
  /** Browser mode only; the desktop keeps secrets sealed by the OS keychain in its own file. */
  secretsPath: string;
  /** The embedded demo hub's PGlite database and the demo feed's progress. */
  embeddedHubDir: string;
  rendererDir: string;
  migrationsFolder: string;
  /** The embedded hub's own (PostgreSQL) migrations. */
  hubMigrationsFolder: string;
}

/** The built renderer of a source checkout (dist/renderer). */
export const SOURCE_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export function appPathsIn(dataDir: string, overrides: Partial<Pick<AppPaths, 'storePath' | 'rendererDir' | 'migrationsFolder' | 'hubMigrationsFolder'>> = {}): AppPaths {
  return {
    dataDir,
    storePath: overrides.storePath ?? join(dataDir, 'puzzelstuk.db'),
    settingsPath: join(dataDir, 'settings.json'),
    secretsPath: join(dataDir, 'secrets.json'),
    embeddedHubDir: join(dataDir, 'demo-hub'),
    rendererDir: overrides.rendererDir ?? SOURCE_RENDERER_DIR,
    migrationsFolder: overrides.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER,
    hubMigrationsFolder: overrides.hubMigrationsFolder ?? HUB_MIGRATIONS_FOLDER,
  };
}
