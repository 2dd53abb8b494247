/**
 * Provisions what the hub suite runs against, once per run: a throwaway PostgreSQL cluster (scripts/postgres.mjs
 * finds or installs the server and starts it; each test file then makes its own database), and an initialized
 * PGlite data directory that test files copy (initializing PGlite takes seconds; copying takes milliseconds).
 * Set PUZZELSTUK_TEST_POSTGRES_URL to use an existing server instead. If PostgreSQL cannot be had, the suite
 * fails here, saying how to get it: it never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/postgres.mjs';
import { pgliteDirOf } from '../../src-hub/db/connect';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create databases (the `postgres` database of the test cluster). */
    hubPostgresAdminUrl: string;
    /** A hub data directory with an initialized, empty PGlite database, to be copied. */
    hubPgliteTemplate: string;
  }
}

async function pgliteTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-hub-template-'));
  const client = await PGlite.create(pgliteDirOf(dir));
  await client.close();
  return dir;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const externalUrl = process.env.PUZZELSTUK_TEST_POSTGRES_URL;
  const [cluster, template] = await Promise.all([
    externalUrl ? Promise.resolve<PostgresCluster | null>(null) : startPostgresCluster({ log: (message) => process.stderr.write(`${message}\n`) }),
    pgliteTemplate(),
  ]).catch((error: unknown) => {
    throw new Error(`The hub suite runs against PGlite and a real PostgreSQL server; provisioning failed.\n${(error as Error).message}`);
  });
  project.provide('hubPostgresAdminUrl', externalUrl ?? cluster!.adminUrl);
  project.provide('hubPgliteTemplate', template);
  return async () => {
    rmSync(template, { recursive: true, force: true });
    await cluster?.stop();
  };
}
