import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage, IntakeSummary } from '../../shared/hub/protocol';
import { runCliCaptured } from '../support/run-cli';
import { PROJECT_ROOT } from '../support/paths';
import { filedRecord } from '../support/records';
import { BACKENDS, freshDatabase, ndjson, type TestDatabase } from './harness';

interface Served {
  url: string;
  stdoutLines: () => string[];
  stderr: () => string;
  stop(): Promise<number | null>;
}

/**
 * `hub serve` as a person starts it (`npm run cli -- hub serve …`): a process of its own, speaking
 * JSON on stdout. The bin is started with node directly: npm's wrapper would turn the hub's exit code after SIGTERM
 * into a death by signal.
 */
async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ['scripts/puzzelstuk.mjs', 'hub', 'serve', ...args, '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const deadline = Date.now() + 45_000;
  while (!stdout.includes('\n')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hub serve did not print its URL (exit ${child.exitCode}):\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { url } = JSON.parse(stdout.split('\n')[0]!) as { url: string };
  return {
    url,
    stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}

describe.each(BACKENDS)('hub CLI (%s)', (backend) => {
  let database: TestDatabase;
  let where: string[];
  beforeAll(async () => {
    database = await freshDatabase(backend, { empty: true });
    where = 'dataDir' in database.options ? ['--data', database.options.dataDir] : ['--database-url', database.options.databaseUrl];
  });
  afterAll(() => database?.dispose());

  it('makes tokens, serves, and stops cleanly on SIGTERM', async () => {
    const intake = await runCliCaptured(['hub', 'token', ...where, '--role', 'intake', '--name', 'portal']);
    expect(intake.code, intake.stderr).toBe(0);
    expect(intake.lines).toEqual([{ token: expect.stringMatching(/^pzh_[A-Za-z0-9_-]{43}$/) as unknown }]);
    const intakeToken = (intake.lines[0] as { token: string }).token;
    const workstation = await runCliCaptured(['hub', 'token', ...where, '--role', 'workstation', '--name', 'laptop-1', '--scope', 'Midden-Nederland']);
    expect(workstation.code, workstation.stderr).toBe(0);
    const workstationToken = (workstation.lines[0] as { token: string }).token;

    const badRole = await runCliCaptured(['hub', 'token', ...where, '--role', 'admin', '--name', 'x']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role is one of intake, workstation/);
    if (backend === 'postgres') {
      // (Opening PGlite takes seconds: these messages do not depend on the database, so they are checked once.)
      const taken = await runCliCaptured(['hub', 'token', ...where, '--role', 'intake', '--name', 'portal']);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(/"portal" is in use/);
    }

    const served = await serve(where);
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(served.stdoutLines()).toEqual([JSON.stringify({ url: served.url })]);
      const health = await fetch(`${served.url}/v1/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: backend });

      // Received now: the retention run at start would purge a report of a fixed date once its year is over.
      const record = filedRecord({ receivedAt: new Date().toISOString(), reporter: { type: 'person', name: 'Geheime Melder' } });
      const posted = await fetch(`${served.url}/v1/intake`, {
        method: 'POST',
        headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/x-ndjson' },
        body: ndjson([record]),
      });
      expect(((await posted.json()) as IntakeSummary).imported).toBe(1);
      const feed = await fetch(`${served.url}/v1/feed`, { headers: { authorization: `Bearer ${workstationToken}` } });
      expect(((await feed.json()) as FeedPage).entries).toHaveLength(1);

      if (backend === 'postgres') {
        // Over PostgreSQL, tokens are managed while hubs run.
        const revoked = await runCliCaptured(['hub', 'revoke', ...where, '--name', 'laptop-1']);
        expect(revoked.lines).toEqual([{ revoked: 'laptop-1' }]);
        // The serving hub trusted the token; the revocation's announcement ends that.
        const status = async () => (await fetch(`${served.url}/v1/feed`, { headers: { authorization: `Bearer ${workstationToken}` } })).status;
        await expect.poll(status, { timeout: 1000, interval: 20 }).toBe(401);
      } else {
        // Embedded PGlite belongs to the running hub alone.
        const refused = await runCliCaptured(['hub', 'revoke', ...where, '--name', 'laptop-1']);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/in use by process/);
      }
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.stdoutLines()).toHaveLength(1);
    expect(served.stderr()).toMatch(/"event":"stopped"/);
    expect(served.stderr()).not.toContain('Geheime Melder');
    expect(served.stderr()).not.toContain(intakeToken);

    if (backend === 'pglite') {
      const revoked = await runCliCaptured(['hub', 'revoke', ...where, '--name', 'laptop-1']);
      expect(revoked.lines).toEqual([{ revoked: 'laptop-1' }]);
    }
    if (backend === 'postgres') {
      const unknown = await runCliCaptured(['hub', 'revoke', ...where, '--name', 'laptop-1']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/no token in use is named "laptop-1"/);
    }
  }, 120_000);

  it('explains its usage', async () => {
    const none = await runCliCaptured(['hub']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/hub serve/);
    const noDatabase = await runCliCaptured(['hub', 'token', '--role', 'intake', '--name', 'x']);
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toMatch(/--data <dir> \(embedded database\) or --database-url <url>/);
  });
});
