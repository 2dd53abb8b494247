import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths';
import { tempDir } from '../support/temp-store';

describe('npm run cli -- serve', () => {
  it('prints exactly one JSON line with the URL once listening, serves it, and stops cleanly on SIGINT', async () => {
    const dir = tempDir();
    // A hub that is not there keeps this test light: no embedded demo hub, sync simply stays offline.
    const child = spawn('npm', ['run', '--silent', 'cli', '--', 'serve', '--db', join(dir, 'store.db'), '--hub', 'http://127.0.0.1:9', '--token', 'pzh_unused'], {
      cwd: PROJECT_ROOT,
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
