// A Chrome trace of the police sign-in's last phase (issue 14, bench row "sign-in with police account → first queue",
// phase "to the row"): a provider, a hub with `records` reports, and per run a fresh `serve` that Chromium signs in
// to. Prints, per run after a cold one, what the workbench page's main thread did from `session.oidcFinish`
// answered to the first queue row on screen, and where its JavaScript time went (the CPU profile's self time by
// function). Not a bench row — a tool for finding where that time goes.
// The profile's sampling slows the page several times over: without `--profile` only the trace is taken.
//   nice -n 10 npx tsx bench/ui/sign-in-trace.ts [runs] [records] [--profile]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOidcProvider } from '../../test/support/oidc-provider';
import { startServer } from '../../test/e2e/support/cli-process';
import { generatedRecords } from '../../test/e2e/support/records';
import { ensureRendererBuilt } from '../../test/e2e/support/renderer-build';
import { startBenchHub } from '../hub/server';
import { launchBenchBrowser } from './bench-browser';
import { collectTrace, printMainThread, printProfile, TRACE_CATEGORIES, type CpuProfile } from './trace-summary';

const PROFILE = process.argv.includes('--profile');
// --from-click: the first phase instead, from the officer's click to the page asking `session.oidcStart`.
const FROM_CLICK = process.argv.includes('--from-click');
const [runsArg, recordsArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const RUNS = Number(runsArg ?? 3);
const RECORDS = Number(recordsArg ?? 2000);
const CLIENT_ID = 'puzzelstuk';

ensureRendererBuilt((message) => process.stderr.write(`trace: ${message}\n`));
const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sign-in-trace-'));
const provider = await startOidcProvider([{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }]);
const hub = await startBenchHub(['--data', join(dir, 'hub'), '--workstations', '1', '--oidc-issuer', provider.issuer, '--oidc-client-id', CLIENT_ID]);
const browser = await launchBenchBrowser();
try {
  const records = generatedRecords(RECORDS, 'sign-in-trace');
  for (let at = 0; at < records.length; at += 1000) {
    const body = records.slice(at, at + 1000).map((record) => JSON.stringify(record)).join('\n') + '\n';
    const response = await fetch(`${hub.url}/v1/intake`, { method: 'POST', headers: { authorization: `Bearer ${hub.intake}`, 'content-type': 'application/x-ndjson' }, body });
    if (!response.ok) throw new Error(`the hub refused the records: ${response.status}`);
  }
  for (let run = 0; run <= RUNS; run++) {
    const serve = await startServer(['serve', '--db', join(dir, `ws-${run}`, 'puzzelstuk.db'), '--hub', hub.url, '--token', hub.workstations[0]!], {
      name: 'serve (trace)',
      logFile: join(dir, `serve-${run}.log`),
      env: { PUZZELSTUK_DB_KEY: 'sign-in-trace' },
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    try {
      // tsx (esbuild, keepNames) wraps named functions in __name(); the scripts sent to the page need it there too.
      await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
      const page = await context.newPage();
      // Marks in the page's own timeline: `session.oidcFinish` answered, and the first row on screen.
      await page.addInitScript({
        content: `(() => {
          const fetch = globalThis.fetch;
          globalThis.fetch = (input, init) => {
            const answer = fetch(input, init);
            if (typeof init?.body === 'string' && init.body.includes('"session.oidcStart"')) performance.mark('start-asked');
            if (typeof init?.body === 'string' && init.body.includes('"session.oidcFinish"')) {
              answer.then(() => {
                performance.mark('signed-in');
                const check = () => document.querySelector('[role="row"][data-report-id]') ? requestAnimationFrame(() => performance.mark('first-row')) : requestAnimationFrame(check);
                check();
              });
            }
            return answer;
          };
        })();`,
      });
      await page.addInitScript({ content: `addEventListener('pointerdown', () => performance.mark('clicked'), { capture: true, once: true });` });
      await page.goto(serve.url);
      const button = page.getByRole('button', { name: 'Aanmelden met politie-account' });
      await button.waitFor();
      const cdp = await context.newCDPSession(page);
      const { events, completed } = collectTrace(cdp);
      if (FROM_CLICK) await startTracing(cdp);
      const [tab] = await Promise.all([context.waitForEvent('page'), button.click()]);
      // The bench hub registers its officers' police accounts as kc-bench-<n>.
      await tab.locator('input[name="login"]').fill('kc-bench-0');
      await tab.locator('input[name="password"]').fill('wachtwoord');
      if (!FROM_CLICK) await startTracing(cdp);
      await tab.locator('button[type="submit"]').click();
      await page.waitForFunction(() => (globalThis as unknown as { performance: { getEntriesByName(name: string): unknown[] } }).performance.getEntriesByName('first-row').length > 0, undefined, { timeout: 60_000, polling: 50 });
      const profile = PROFILE ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
      await cdp.send('Tracing.end');
      await completed;
      if (run === 0) continue;
      const [fromMark, toMark] = FROM_CLICK ? ['clicked', 'start-asked'] : ['signed-in', 'first-row'];
      const from = events.find((event) => event.name === fromMark);
      const to = events.find((event) => event.name === toMark);
      if (!from || !to) throw new Error(`the trace has no ${fromMark} or ${toMark} mark`);
      console.log(`\n=== run ${run}: ${fromMark} → ${toMark} ${Math.round((to.ts - from.ts) / 1000)} ms`);
      printMainThread(events, `${to.pid}:${to.tid}`, from.ts, to.ts);
      if (profile) printProfile(profile, from.ts, to.ts);
    } finally {
      await context.close();
      await serve.stop();
    }
  }
} finally {
  await browser.close();
  await hub.stop();
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
}

async function startTracing(cdp: { send(method: string, params?: object): Promise<unknown> }): Promise<void> {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  if (!PROFILE) return;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
