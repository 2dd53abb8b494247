/**
 * What the first screen loads: the queue is drawn without the Overzicht's code (by far the largest chunk, its
 * charts), which the page fetches on its own once the queue is on screen — so the Overzicht's first visit waits
 * for its numbers, not for its code.
 */
import type { Request } from '@playwright/test';
import { expectQueueTotal, goTo, openWorkbench } from './support/app';
import type { PageGlobals } from './support/dom';
import { expect, test } from './support/fixtures';
import { generatedRecords } from './support/records';

const REPORTS = 20;
const OVERVIEW_CODE = /\/assets\/OverviewScreen-[\w-]+\.js$/;

type TimedGlobals = PageGlobals & {
  performance: { getEntriesByType(type: string): Array<{ name: string; startTime: number }>; setResourceTimingBufferSize(size: number): void };
};

test('the Overzicht’s code is fetched after the first frame, on its own, and not again when the Overzicht opens', async ({ page, launcher }) => {
  const hub = await launcher.hub();
  await hub.post(generatedRecords(REPORTS, 'e2e-first-screen'));
  const workstation = await launcher.workstation(hub);

  // Every call the page makes is a resource entry too: room for all of them.
  await page.addInitScript(() => (globalThis as unknown as TimedGlobals).performance.setResourceTimingBufferSize(100_000));
  const scripts: Request[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request);
  });
  await openWorkbench(page, workstation);
  await expectQueueTotal(page, REPORTS, 30_000);
  await expect.poll(() => scripts.filter((request) => OVERVIEW_CODE.test(request.url())).length, { timeout: 15_000 }).toBe(1);
  await scripts.find((request) => OVERVIEW_CODE.test(request.url()))!.response();

  // On the page's own clock: asked for after the first frame with content (the workbench; the page before it is empty).
  const { firstFrame, asked } = await page.evaluate((pattern) => {
    const { performance } = globalThis as unknown as TimedGlobals;
    const code = performance.getEntriesByType('resource').find((entry) => new RegExp(pattern).test(entry.name));
    const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
    return { firstFrame: paint?.startTime ?? null, asked: code?.startTime ?? null };
  }, OVERVIEW_CODE.source);
  expect(firstFrame).not.toBeNull();
  expect(asked).toBeGreaterThan(firstFrame!);

  const before = scripts.length;
  await goTo(page, 'overview');
  await expect(page.getByTestId('overview-open')).toHaveText(/\d+ open meldingen/);
  // (Panels other features draw into it, in their own Suspense, still load when drawn.)
  expect(scripts.slice(before).filter((request) => OVERVIEW_CODE.test(request.url()))).toEqual([]);
});
