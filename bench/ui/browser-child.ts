// Child: drives Debian's Chromium against a running `serve` (browser mode) and times, inside the page,
//  - navigation start → the first queue row on screen (the next animation frame after it is in the DOM);
//  - committing a search (Enter) or a filter (clicking a category) → the frame in which the queue shows the
//    new result (its total and its first row as the API answers them).
// For each, the exact queue.list call the page made is replayed afterwards straight over HTTP: that raw call
// is the floor the page cannot beat. Prints one JSON line.
import type { Page, Request } from '@playwright/test';
import { callApi } from '../../test/e2e/support/api';
import type { PageGlobals } from '../../test/e2e/support/dom';
import type { ApiMethod } from '../../shared/api/contract';
import type { QueueQuery } from '../../shared/api/views';
import type { Category } from '../../shared/intake/vocabulary';
import { percentile } from '../child';
import { launchBenchBrowser } from './bench-browser';

const [url, repetitionsArg] = process.argv.slice(2) as [string, string | undefined];
const REPETITIONS = Number(repetitionsArg ?? 4);
const FIRST_RENDER_TRIES = 20;
/** One of the default purposes (the core refuses a typed search without one). */
const SEARCH_PURPOSE = 'Beoordelen van de melding';
const SEARCH_TERMS = ['kluisrekening', 'marktplaats', 'anydesk', 'verific', 'fiets', 'bitcoin', 'losgeld', 'pakket', 'microsoft', 'whatsapp'];
/** Category filters as the officer picks them (Dutch label) and as the API names them. */
const CATEGORIES: Array<[label: string, category: Category]> = [
  ['Phishing', 'phishing'],
  ['Marktplaatsfraude', 'marketplace_fraud'],
  ['Ransomware', 'ransomware'],
  ['Helpdeskfraude', 'helpdesk_fraud'],
  ['Beleggingsfraude', 'investment_fraud'],
  ['Sextortion', 'sextortion'],
];

interface Probe {
  armedFor?: { total: number; firstId: string };
  startedAt?: number;
  doneAt?: number;
}
type BenchGlobals = PageGlobals & {
  requestAnimationFrame(callback: () => void): void;
  performance: { now(): number };
  console: { debug(message: string): void };
};
/** What the page writes on its console in the frame after the first queue row is in the DOM, with the time. */
const FIRST_ROW_MESSAGE = 'bench:first-row';
/** What it writes in the frame that shows the awaited result of a search or filter, with the milliseconds it took. */
const SHOWN_MESSAGE = 'bench:shown';

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms))]);

const summarize = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
};

/** The params of every queue.list call the page makes, in order (the first screen's inside app.firstScreen). */
function recordQueueCalls(page: Page): QueueQuery[] {
  const calls: QueueQuery[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/api/call')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { method?: string; params?: QueueQuery | { queue: QueueQuery } };
    if (body.method === 'queue.list' && body.params) calls.push(body.params as QueueQuery);
    if (body.method === 'app.firstScreen' && body.params) calls.push((body.params as { queue: QueueQuery }).queue);
  });
  return calls;
}

async function timeRawCall(query: QueueQuery, method: ApiMethod = 'queue.list'): Promise<number> {
  const started = performance.now();
  await callApi(url, method, query as never);
  return performance.now() - started;
}

const browser = await launchBenchBrowser();
const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  // tsx (esbuild, keepNames) wraps named functions in __name(); the callbacks sent to the page need it there too.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  return context.newPage();
};

// 1. First rendered queue, each time in a fresh browser context (no cached assets, no session).
interface BootCall {
  method: ApiMethod;
  params: unknown;
}
const firstRender: number[] = [];
const bundleLoaded: number[] = [];
const callsAsked: number[] = [];
const callsAnswered: number[] = [];
const lastCallAnswered: number[] = [];
const firstQueries: QueueQuery[] = [];
let bootCalls: BootCall[] = [];
let cold = 0;
for (let attempt = 0; attempt <= FIRST_RENDER_TRIES; attempt++) {
  const page = await newPage();
  const calls = recordQueueCalls(page);
  // The page reports the first row on the console: Playwright's own waiting (waitForFunction) would evaluate its
  // scripts in the page while it starts, and the harness must not slow down what it measures.
  await page.addInitScript((tag: string) => {
    const g = globalThis as unknown as BenchGlobals;
    const check = () => {
      if (g.document.querySelectorAll('[role="row"][data-report-id]').length > 0) {
        g.requestAnimationFrame(() => g.console.debug(`${tag} ${g.performance.now()}`));
        return;
      }
      g.requestAnimationFrame(check);
    };
    g.requestAnimationFrame(check);
  }, FIRST_ROW_MESSAGE);
  const firstRowDrawn = new Promise<number>((resolve) =>
    page.on('console', (message) => {
      const [tag, at] = message.text().split(' ');
      if (tag === FIRST_ROW_MESSAGE) resolve(Number(at));
    }),
  );
  const boot: BootCall[] = [];
  page.on('request', (request: Request) => {
    if (request.url().endsWith('/api/call')) boot.push(JSON.parse(request.postData() ?? '{}') as BootCall);
  });
  await page.goto(url, { waitUntil: 'commit' });
  const at = await withTimeout(firstRowDrawn, 60_000, 'the first queue row');
  // navigation start → the last script or style sheet the page loaded before its first row: what it fetched before
  // it could draw (the renderer loads most of itself as a second script, so DOMContentLoaded comes much earlier).
  // And the first screen's data: when app.firstScreen (the page's first call) was asked and answered, and when the
  // last call before the first row was. That last one is no start-up call: the drawn screen asks it (audit.purposes,
  // from an effect after the first rows are committed), so it says when the page drew, not when the core answered.
  const { loaded, asked, answered, lastAnswered } = await page.evaluate((firstRowAt) => {
    type Timing = { name: string; startTime: number; responseEnd: number };
    const resources = (globalThis as unknown as { performance: { getEntriesByType(type: string): Timing[] } }).performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < firstRowAt);
    const calls = resources.filter((entry) => entry.name.endsWith('/api/call')).sort((a, b) => a.startTime - b.startTime);
    return {
      loaded: Math.max(...resources.filter((entry) => /\.(js|css)$/.test(entry.name)).map((entry) => entry.responseEnd)),
      asked: calls[0]!.startTime,
      answered: calls[0]!.responseEnd,
      lastAnswered: Math.max(...calls.map((entry) => entry.responseEnd)),
    };
  }, at);
  // The very first load also pays for the server's cold caches and Chromium's first compile: reported apart.
  if (attempt === 0) {
    cold = at;
    bootCalls = boot;
  } else {
    firstRender.push(at);
    bundleLoaded.push(loaded);
    callsAsked.push(asked);
    callsAnswered.push(answered);
    lastCallAnswered.push(lastAnswered);
  }
  if (calls[0]) firstQueries.push(calls[0]);
  await page.context().close();
}

// 2. Search and filter on one open page.
const page = await newPage();
const calls = recordQueueCalls(page);
await page.goto(url);
await page.locator('[role="row"][data-report-id]').first().waitFor({ timeout: 60_000 });
const fullTotal = (await callApi(url, 'queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 1 })).total;

/** Arms the in-page probe: the clock starts at the next Enter or click and stops in the frame showing `expected`. */
async function arm(expected: { total: number; firstId: string }): Promise<void> {
  await page.evaluate(({ tag, ...want }) => {
    type Listener = (event: { key?: string; type: string }) => void;
    const g = globalThis as unknown as BenchGlobals & {
      addEventListener(type: string, listener: Listener, capture: boolean): void;
      removeEventListener(type: string, listener: Listener, capture: boolean): void;
      e2eStart?: Listener;
    };
    const probe = g.e2eProbe as Probe;
    probe.armedFor = want;
    probe.startedAt = undefined;
    probe.doneAt = undefined;
    const shows = () => {
      const [total] = Array.from(g.document.querySelectorAll('[data-testid="queue-total"]'));
      const [first] = Array.from(g.document.querySelectorAll('#queue-row-0'));
      return Number((total?.textContent ?? '').replace(/\D/g, '')) === want.total && (want.total === 0 || first?.getAttribute('data-report-id') === want.firstId);
    };
    const tick = () => {
      if (!shows()) return g.requestAnimationFrame(tick);
      probe.doneAt = g.performance.now();
      g.console.debug(`${tag} ${probe.doneAt - probe.startedAt!}`);
    };
    const start: Listener = (event) => {
      if (probe.startedAt !== undefined || (event.type === 'keydown' && event.key !== 'Enter')) return;
      probe.startedAt = g.performance.now();
      g.requestAnimationFrame(tick);
    };
    for (const type of ['keydown', 'click']) {
      if (g.e2eStart) g.removeEventListener(type, g.e2eStart, true);
      g.addEventListener(type, start, true);
    }
    g.e2eStart = start;
  }, { ...expected, tag: SHOWN_MESSAGE });
}

// The probe reports on the console, so that no polling from the harness runs in the page while it is timed.
let onShown: ((ms: number) => void) | null = null;
page.on('console', (message) => {
  const [tag, ms] = message.text().split(' ');
  if (tag === SHOWN_MESSAGE) onShown?.(Number(ms));
});

/** Starts waiting for the probe's report; call before the Enter or click that starts the clock. */
function nextMeasurement(): Promise<number> {
  return withTimeout(new Promise<number>((resolve) => (onShown = resolve)), 30_000, 'the updated queue');
}

async function expectedFor(filters: QueueQuery['filters']): Promise<{ total: number; firstId: string }> {
  const purpose = filters.text === undefined ? {} : { purpose: SEARCH_PURPOSE };
  const answer = await callApi(url, 'queue.list', { filters, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 1, ...purpose });
  return { total: answer.total, firstId: answer.rows[0]?.reportId ?? '' };
}

const searchBox = () => page.getByRole('searchbox');

async function backToAll(): Promise<void> {
  await page.getByTestId('filter-clear').click();
  await page.waitForFunction(
    (total) => {
      const [shown] = Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('[data-testid="queue-total"]'));
      return Number((shown?.textContent ?? '').replace(/\D/g, '')) === total;
    },
    fullTotal,
  );
}

// A typed search runs under the purpose the officer gives at their first search of the session: given once here,
// before the clock, as an officer does at the start of their shift.
await searchBox().fill(SEARCH_TERMS[0]!);
await searchBox().press('Enter');
const purposeForm = page.getByTestId('purpose-form');
await purposeForm.getByRole('radio', { name: SEARCH_PURPOSE, exact: true }).check();
await purposeForm.getByTestId('purpose-confirm').click();
await purposeForm.waitFor({ state: 'detached' });
await backToAll();

await page.evaluate(() => ((globalThis as unknown as PageGlobals).e2eProbe = {}));
const search: number[] = [];
const searchQueries: QueueQuery[] = [];
for (let round = 0; round < REPETITIONS; round++) {
  for (const term of SEARCH_TERMS) {
    const expected = await expectedFor({ text: term });
    await searchBox().fill(term);
    await arm(expected);
    const before = calls.length;
    const shown = nextMeasurement();
    await searchBox().press('Enter');
    search.push(await shown);
    const sent = calls.slice(before).find((query) => query.filters.text === term);
    if (sent) searchQueries.push(sent);
    await backToAll();
  }
}

const filter: number[] = [];
const filterQueries: QueueQuery[] = [];
for (let round = 0; round < REPETITIONS; round++) {
  for (const [label, category] of CATEGORIES) {
    await page.getByTestId('filter-category').click();
    const option = page.getByRole('checkbox', { name: label, exact: true });
    await option.waitFor();
    const expected = await expectedFor({ categories: [category] });
    await arm(expected);
    const before = calls.length;
    const shown = nextMeasurement();
    await option.click();
    filter.push(await shown);
    const sent = calls.slice(before).find((query) => query.filters.categories?.length === 1);
    if (sent) filterQueries.push(sent);
    await page.keyboard.press('Escape');
    await backToAll();
  }
}
// The Overzicht (issue 16) at the same size: from its navigation click to its first numbers on screen.
const overviewRender: number[] = [];
for (let round = 0; round < 5; round += 1) {
  await page.getByTestId('nav-queue').click();
  const started = performance.now();
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('overview-open').waitFor({ timeout: 60_000 });
  overviewRender.push(performance.now() - started);
}
await browser.close();

// 3. The floor: the same queue.list calls, straight over HTTP, each the best of three (warm, like the page's).
const raw = async (queries: QueueQuery[]) => {
  const times: number[] = [];
  for (const query of queries) times.push(Math.min(await timeRawCall(query), await timeRawCall(query), await timeRawCall(query)));
  return summarize(times);
};

// Each call the page makes while it starts, alone over HTTP (best of three): what the first render waits on.
const bootTimes: Record<string, number> = {};
for (const call of bootCalls) {
  const params = call.params as QueueQuery;
  bootTimes[call.method] = Math.max(
    bootTimes[call.method] ?? 0,
    Math.min(await timeRawCall(params, call.method), await timeRawCall(params, call.method), await timeRawCall(params, call.method)),
  );
}

console.log(
  JSON.stringify({
    total: fullTotal,
    cold,
    bundleLoaded: summarize(bundleLoaded),
    callsAsked: summarize(callsAsked),
    callsAnswered: summarize(callsAnswered),
    lastCallAnswered: summarize(lastCallAnswered),
    bootCalls: bootTimes,
    firstRender: summarize(firstRender),
    overviewRender: summarize(overviewRender),
    search: summarize(search),
    filter: summarize(filter),
    rawFirst: await raw(firstQueries),
    rawSearch: await raw(searchQueries),
    rawFilter: await raw(filterQueries),
  }),
);
