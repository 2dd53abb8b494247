import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_NDJSON, PROJECT_ROOT } from '../support/paths';
import { runCliCaptured } from '../support/run-cli';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { tempDir } from '../support/temp-store';

/** Starts `serve` with `args`; resolves with its URL once listening, and a stop that waits for the exit. */
async function startServe(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn('npm', ['run', '--silent', 'cli', '--', 'serve', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const line = await new Promise<string | null>((resolve) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.on('exit', () => resolve(null));
  });
  return {
    url: line === null ? null : (JSON.parse(line) as { url: string }).url,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
      await exited;
    },
  };
}

async function callApi(url: string, method: string, params: unknown): Promise<unknown> {
  const { origin, searchParams } = new URL(url);
  const reply = await fetch(`${origin}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, params }),
  });
  return reply.json();
}

const KEY = 'serve-test-store-key';

describe('serve on a store of your own', () => {
  it('shows exactly that store\'s reports, before and after a minute, and never opens it as the demo', async () => {
    const dir = tempDir();
    const storePath = join(dir, 'own.db');
    const imported = await runCliCaptured(['import', '--quiet', '--db', storePath, EXAMPLES_NDJSON]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/created .* unencrypted/);
    // The contract's examples were received in 2026: the store keeps them thirty years, so that serve's retention run
    // at start leaves them, whatever today's date (retention is tested in test/unit/retention).
    expect((await runCliCaptured(['retention', 'periods', '--db', storePath, '--daily-task-years', '30', '--case-years', '30'])).code).toBe(0);

    // Unencrypted, it is refused, saying how to encrypt it; encrypted, it is served.
    const plain = await startServe(['--db', storePath], { PUZZELSTUK_DB_KEY: KEY });
    expect(plain.url).toBeNull();
    expect(plain.stderr()).toMatch(/is not encrypted.*store encrypt --db/s);
    expect((await runCliCaptured(['store', 'encrypt', '--db', storePath], { PUZZELSTUK_DB_KEY: KEY })).code).toBe(0);

    const own = openCaseStore({ clock: systemClock, path: storePath, key: KEY });
    const liveIds = own.sqlite.prepare<[], string>("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY report_id").pluck().all();
    own.close();
    expect(liveIds.length).toBeGreaterThan(0);
    const listIds = async (url: string) => {
      const result = (await callApi(url, 'queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 500 })) as {
        ok: true;
        value: { total: number; rows: { reportId: string }[] };
      };
      return { total: result.value.total, ids: result.value.rows.map((row) => row.reportId).sort() };
    };

    // The demo refuses the store outright, saying why, and writes nothing into it.
    const demo = await startServe(['--demo', '--db', storePath], { PUZZELSTUK_DB_KEY: KEY });
    expect(demo.url).toBeNull();
    expect(await demo.exited).not.toBe(0);
    expect(demo.stderr()).toMatch(/not a demo store/);
    expect(existsSync(join(dir, 'demo-hub'))).toBe(false);

    const server = await startServe(['--db', storePath], { PUZZELSTUK_DB_KEY: KEY });
    try {
      expect(server.url).not.toBeNull();
      expect(server.stderr()).toMatch(/offline/);
      const before = await listIds(server.url!);
      expect(before).toEqual({ total: liveIds.length, ids: liveIds });
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      expect(await listIds(server.url!)).toEqual(before);
      expect(existsSync(join(dir, 'demo-hub'))).toBe(false);
    } finally {
      await server.stop();
    }
  }, 240_000);
});

describe('npm run cli -- serve', () => {
  it('prints exactly one JSON line with the URL once listening, serves it, and stops cleanly on SIGINT', async () => {
    const dir = tempDir();
    // A hub that is not there keeps this test light: no embedded demo hub, sync simply stays offline.
    const child = spawn('npm', ['run', '--silent', 'cli', '--', 'serve', '--db', join(dir, 'store.db'), '--hub', 'http://127.0.0.1:9', '--token', 'pzh_unused'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PUZZELSTUK_DB_KEY: KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const lines: string[] = [];
    const firstLine = new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        resolve(line);
      });
      child.on('exit', () => reject(new Error('serve exited before printing its URL')));
    });
    try {
      const { url } = JSON.parse(await firstLine) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      const origin = new URL(url).origin;
      const token = new URL(url).searchParams.get('token')!;
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const session = (await (
        await fetch(`${origin}/api/call`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'session.get', params: {} }) })
      ).json()) as { ok: boolean; value: { demo: boolean } };
      expect(session).toMatchObject({ ok: true, value: { demo: false } });
    } finally {
      // The whole process group: npm, tsx and the server.
      process.kill(-child.pid!, 'SIGINT');
    }
    await exited;
    expect(lines).toHaveLength(1);
    // A graceful stop closes the store, which folds its write-ahead log back in.
    for (let attempt = 0; attempt < 300 && existsSync(join(dir, 'store.db-wal')); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(join(dir, 'store.db-wal'))).toBe(false);
  }, 180_000);
});
