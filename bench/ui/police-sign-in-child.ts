// Child: signing in with a police account in browser mode, timed from the click on "Aanmelden met politie-account"
// to the first queue row on screen. A real identity provider (`oidc-provider`) runs here on 127.0.0.1, a hub with
// `records` reports that accepts its tokens in a process of its own, and for each repetition a fresh `serve` (its
// own store, nobody signed in) that Chromium opens. The provider's login form is filled by the harness at once,
// so the time is the workstation's, the provider's and the hub's — not an officer's typing. Prints one JSON line.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOidcProvider } from '../../test/support/oidc-provider';
import { startServer } from '../../test/e2e/support/cli-process';
import { generatedRecords } from '../../test/e2e/support/records';
import { cpuSecondsOf, startBenchHub } from '../hub/server';
import { launchBenchBrowser } from './bench-browser';

const [recordsArg, repetitionsArg] = process.argv.slice(2) as [string | undefined, string | undefined];
const RECORDS = Number(recordsArg ?? 1000);
const REPETITIONS = Number(repetitionsArg ?? 10);
const CLIENT_ID = 'puzzelstuk';
const STORE_KEY = 'bench-police-sign-in';

const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-police-'));
const provider = await startOidcProvider([{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }]);
const hub = await startBenchHub(['--data', join(dir, 'hub'), '--workstations', '1', '--oidc-issuer', provider.issuer, '--oidc-client-id', CLIENT_ID]);
const browser = await launchBenchBrowser();
const samples: number[] = [];
/** From the click on the provider's login form to the first queue row: code exchange, hub session, enrolment, sync. */
const afterLogin: number[] = [];
/**
 * Where each sample's time went, in ms: to the provider's login form (the core starts the flow, the tab opens the
 * listener's start page and the provider's), the harness filling it, on to the listener's callback (the provider's
 * redirects), to the page's `session.oidcFinish` answered (code exchange, hub session, key enrolment), to the row.
 */
const phases: Record<'toForm' | 'filling' | 'toCallback' | 'toSignedIn' | 'toRow', number>[] = [];
/**
 * The steps inside `toForm`, each from the click (ms): the page's `session.oidcStart` asked and answered, the tab
 * opened, the listener's start page asked and answered, the provider's authorization asked, its login page answered
 * and first painted in the tab.
 */
const toFormSteps: Record<'startAsked' | 'started' | 'tabOpened' | 'beginAsked' | 'beginAnswered' | 'authAsked' | 'loginPageAnswered' | 'formPainted', number>[] = [];
/**
 * CPU used (ms) from the click to the provider's form, and from the officer's click on it to the row: by the station's
 * `serve`, by the hub, by this process (the harness and the provider), and by the whole machine (Chromium and anything
 * else are the rest) — what competes with the sign-in on two cores.
 */
const cpu: Record<'toFormServe' | 'toFormHub' | 'toFormHarness' | 'toFormMachine' | 'afterLoginServe' | 'afterLoginHub' | 'afterLoginHarness' | 'afterLoginMachine', number>[] = [];
/** CPU seconds used by all cores so far (/proc/stat's first line: user, nice, system, irq, softirq, steal). */
function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}
try {
  const records = generatedRecords(RECORDS, 'bench-police-sign-in');
  for (let at = 0; at < records.length; at += 1000) {
    const body = records.slice(at, at + 1000).map((record) => JSON.stringify(record)).join('\n') + '\n';
    const response = await fetch(`${hub.url}/v1/intake`, { method: 'POST', headers: { authorization: `Bearer ${hub.intake}`, 'content-type': 'application/x-ndjson' }, body });
    if (!response.ok) throw new Error(`the hub refused the records: ${response.status} ${await response.text()}`);
  }
  // The first repetition pays for cold caches (the provider's, Chromium's): it is left out.
  for (let repetition = 0; repetition <= REPETITIONS; repetition++) {
    const storePath = join(dir, `ws-${repetition}`, 'puzzelstuk.db');
    const serve = await startServer(['serve', '--db', storePath, '--hub', hub.url, '--token', hub.workstations[0]!], {
      name: 'serve (bench)',
      logFile: join(dir, `serve-${repetition}.log`),
      env: { PUZZELSTUK_DB_KEY: STORE_KEY },
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    try {
      let callbackAt = 0;
      let signedInAt = 0;
      /** When each step first happened (performance.now()). */
      const stepAt: Partial<Record<keyof (typeof toFormSteps)[number], number>> = {};
      const mark = (step: keyof (typeof toFormSteps)[number], at = performance.now()) => (stepAt[step] ??= at);
      context.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (callbackAt === 0 && pathname === '/callback') callbackAt = performance.now();
        if (pathname === '/begin') mark('beginAsked');
        if (request.url().startsWith(provider.issuer) && pathname === '/auth') mark('authAsked');
        if (request.postData()?.includes('"session.oidcStart"')) mark('startAsked');
      });
      context.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (pathname === '/begin') mark('beginAnswered');
        if (response.url().startsWith(provider.issuer) && pathname.startsWith('/interaction/')) mark('loginPageAnswered');
      });
      context.on('requestfinished', (request) => {
        if (signedInAt === 0 && request.postData()?.includes('"session.oidcFinish"')) signedInAt = performance.now();
        if (request.postData()?.includes('"session.oidcStart"')) mark('started');
      });
      const page = await context.newPage();
      context.on('page', () => mark('tabOpened'));
      await page.goto(serve.url);
      const button = page.getByRole('button', { name: 'Aanmelden met politie-account' });
      await button.waitFor();
      const cpuNow = () => ({ serve: cpuSecondsOf(serve.pid), hub: hub.cpuSeconds(), harness: (process.cpuUsage().user + process.cpuUsage().system) / 1e6, machine: machineCpuSeconds() });
      const cpuAtClick = cpuNow();
      // From the officer's click as the page received it (the button acts on the click, as the mouse button comes
      // up): Playwright's own steps before it (scrolling the button into view, waiting for it to be still and
      // enabled, pressing and releasing) are the harness's, not the sign-in's.
      await page.evaluate(`addEventListener('click', (event) => { globalThis.signInClickedAt = performance.timeOrigin + event.timeStamp; }, { capture: true, once: true })`);
      const [tab] = await Promise.all([context.waitForEvent('page'), button.click()]);
      const clickedAt = (await page.evaluate<number>('globalThis.signInClickedAt')) - performance.timeOrigin;
      await tab.locator('input[name="login"]').waitFor();
      const formAt = performance.now();
      // The tab's own first paint, on this process's clock (both count from the same epoch).
      const formPaintedAt = (await tab.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN))) - performance.timeOrigin;
      mark('formPainted', formPaintedAt);
      const cpuAtForm = cpuNow();
      await tab.locator('input[name="login"]').fill('kc-bench-0');
      await tab.locator('input[name="password"]').fill('wachtwoord');
      // The officer's last click at the provider (no consent page: the force's own application, as in Keycloak);
      // from here on it is the provider, the workstation and the hub.
      const loggedInAt = performance.now();
      const cpuAtLogin = cpuNow();
      await tab.locator('button[type="submit"]').click();
      await page.locator('[role="row"][data-report-id]').first().waitFor({ timeout: 60_000 });
      const shownAt = performance.now();
      const cpuAtRow = cpuNow();
      if (repetition > 0) {
        samples.push(shownAt - clickedAt);
        afterLogin.push(shownAt - loggedInAt);
        phases.push({ toForm: formAt - clickedAt, filling: loggedInAt - formAt, toCallback: callbackAt - loggedInAt, toSignedIn: signedInAt - callbackAt, toRow: shownAt - signedInAt });
        const since = (step: keyof (typeof toFormSteps)[number]) => (stepAt[step] ?? Number.NaN) - clickedAt;
        const used = (from: ReturnType<typeof cpuNow>, to: ReturnType<typeof cpuNow>, of: keyof ReturnType<typeof cpuNow>) => Math.round((to[of] - from[of]) * 1000);
        cpu.push({
          toFormServe: used(cpuAtClick, cpuAtForm, 'serve'),
          toFormHub: used(cpuAtClick, cpuAtForm, 'hub'),
          toFormHarness: used(cpuAtClick, cpuAtForm, 'harness'),
          toFormMachine: used(cpuAtClick, cpuAtForm, 'machine'),
          afterLoginServe: used(cpuAtLogin, cpuAtRow, 'serve'),
          afterLoginHub: used(cpuAtLogin, cpuAtRow, 'hub'),
          afterLoginHarness: used(cpuAtLogin, cpuAtRow, 'harness'),
          afterLoginMachine: used(cpuAtLogin, cpuAtRow, 'machine'),
        });
        toFormSteps.push({ startAsked: since('startAsked'), started: since('started'), tabOpened: since('tabOpened'), beginAsked: since('beginAsked'), beginAnswered: since('beginAnswered'), authAsked: since('authAsked'), loginPageAnswered: since('loginPageAnswered'), formPainted: since('formPainted') });
      }
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
process.stdout.write(`${JSON.stringify({ records: RECORDS, samples, afterLogin, phases, toFormSteps, cpu })}\n`);
