/**
 * Provisions what the hub suite runs against, once per run: a throwaway PostgreSQL cluster (scripts/postgres.mjs
 * finds or installs the server and starts it; each test file then makes its own database), and initialized
 * PGlite data directories that test files copy (initializing PGlite takes seconds; copying a fraction of one).
 * Set PUZZELSTUK_TEST_POSTGRES_URL to use an existing server instead. If PostgreSQL cannot be had, the suite
 * fails here, saying how to get it: it never skips.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/postgres.mjs';
import { connect, pgliteDirOf } from '../../src-hub/db/connect';
import { hubMigrations, migrateHub } from '../../src-hub/db/migrate';
import { PROJECT_ROOT } from '../support/paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create databases (the `postgres` database of the test cluster). */
    hubPostgresAdminUrl: string;
    /** A hub data directory with an initialized, empty PGlite database, to be copied. */
    hubPgliteEmpty: string;
    /** The same with the hub's migrations applied, to be copied. */
    hubPgliteMigrated: string;
  }
}

/**
 * PGlite data directories kept between runs in node_modules/.cache (initializing one takes seconds of CPU): an
 * empty one per PGlite version, and one migrated to the current migrations (keyed by their hashes), so that
 * test files start from a copy. A run that finds none makes them.
 */
async function pgliteTemplates(): Promise<{ empty: string; migrated: string }> {
  const manifest = resolve(PROJECT_ROOT, 'node_modules/@electric-sql/pglite/package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const migrationsKey = createHash('sha256')
    .update(hubMigrations().map((migration) => migration.hash).join(','))
    .digest('hex')
    .slice(0, 16);
  const cacheRoot = resolve(PROJECT_ROOT, 'node_modules/.cache/puzzelstuk-hub');
  mkdirSync(cacheRoot, { recursive: true });

  const cachedDir = async (name: string, build: (dir: string) => Promise<void>): Promise<string> => {
    const cached = join(cacheRoot, name);
    if (existsSync(join(pgliteDirOf(cached), 'PG_VERSION'))) return cached;
    const building = mkdtempSync(join(cacheRoot, 'building-'));
    await build(building);
    rmSync(join(building, 'hub.lock'), { force: true });
    try {
      renameSync(building, cached);
    } catch {
      // Another run made it meanwhile.
      rmSync(building, { recursive: true, force: true });
    }
    return cached;
  };

  const empty = await cachedDir(`pglite-${version}-empty`, async (dir) => {
    const client = await PGlite.create(pgliteDirOf(dir));
    await client.close();
  });
  const migrated = await cachedDir(`pglite-${version}-migrated-${migrationsKey}`, async (dir) => {
    cpSync(empty, dir, { recursive: true });
    const database = await connect({ dataDir: dir });
    try {
      await migrateHub(database.db);
    } finally {
      await database.close();
    }
  });
  return { empty, migrated };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUrl = process.env.PUZZELSTUK_TEST_POSTGRES_URL;
  const [cluster, templates] = await Promise.all([
    externalUrl ? Promise.resolve<PostgresCluster | null>(null) : startPostgresCluster({ log: (message) => process.stderr.write(`${message}\n`) }),
    pgliteTemplates(),
  ]).catch((error: unknown) => {
    throw new Error(`The hub suite runs against PGlite and a real PostgreSQL server; provisioning failed.\n${(error as Error).message}`);
  });
  project.provide('hubPostgresAdminUrl', externalUrl ?? cluster!.adminUrl);
  project.provide('hubPgliteEmpty', templates.empty);
  project.provide('hubPgliteMigrated', templates.migrated);
  return async () => {
    await cluster?.stop();
  };
}
