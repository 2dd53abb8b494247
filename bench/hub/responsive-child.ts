// Child: browser mode (`serve`) on an empty store syncing from the hub, while "the window" asks queue.list every
// 50 ms over HTTP, as the page does, with an officer signed in (a real hub's workstation opens only then). Prints the
// latencies during the first sync, and of the same call once idle.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { percentile } from '../child';

const [hubUrl, token, expectedText, officerId, credential] = process.argv.slice(2) as [string, string, string, string, string];
const expected = Number(expectedText);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-responsive-'));
const server = spawn(process.execPath, ['scripts/puzzelstuk.mjs', 'serve', '--db', join(dir, 'station.db'), '--hub', hubUrl, '--token', token], {
  cwd: root,
  env: { ...process.env, PUZZELSTUK_DB_KEY: 'bench-responsive-key' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const url = await new Promise<URL>((resolve, reject) => {
  createInterface({ input: server.stdout }).once('line', (line) => resolve(new URL((JSON.parse(line) as { url: string }).url)));
  server.once('exit', () => reject(new Error('serve exited before listening')));
});
const call = async (method: string, params: unknown) => {
  const started = performance.now();
  const reply = await fetch(`${url.origin}/api/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, params }),
  });
  const body = (await reply.json()) as { ok: true; value: { total?: number } } | { ok: false; error: { code: string; message: string } };
  // A refused call is no measurement: stop, saying why.
  if (!body.ok) throw new Error(`${method} was refused: ${body.error.code} (${body.error.message})`);
  return { ms: performance.now() - started, total: body.value.total ?? 0 };
};
await call('session.signIn', { officerId, credential });
const queue = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 100 };

const during: number[] = [];
const started = performance.now();
let total = 0;
// Polled every 50 ms (after each answer), as the page would, until every report has arrived.
while (total < expected) {
  const answer = await call('queue.list', queue);
  during.push(answer.ms);
  total = answer.total;
  if (performance.now() - started > 600_000) throw new Error(`the first sync did not finish in 10 minutes (${total} of ${expected})`);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const syncSeconds = (performance.now() - started) / 1000;
const idle: number[] = [];
for (let round = 0; round < 40; round++) idle.push((await call('queue.list', queue)).ms);
server.kill('SIGINT');
await new Promise((resolve) => server.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });
during.sort((a, b) => a - b);
idle.sort((a, b) => a - b);
console.log(
  JSON.stringify({ n: during.length, p95: percentile(during, 95), max: during[during.length - 1], p50: percentile(during, 50), idleP50: percentile(idle, 50), syncSeconds, reports: total }),
);
