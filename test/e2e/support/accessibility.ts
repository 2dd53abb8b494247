/**
 * axe-core on the page as it is, for every spec. The app has no frames, so axe.run in the page itself (legacy
 * mode) sees everything; the default splits the run across frames and finishes it in a new blank page, which costs
 * seconds per screen here. Only violations are reported in full (passes keep one node each).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

// @axe-core/playwright types its page with the hoisted playwright-core (a newer patch than @playwright/test's).
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function runAxe(page: Page) {
  expect(page.frames(), 'axe in legacy mode assumes a page without frames').toHaveLength(1);
  return new AxeBuilder({ page: page as unknown as AxePage })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
}

/** No serious or critical axe violation on `what` (e.g. "the queue screen"); with `testInfo`, every violation is attached. */
export async function expectAccessible(page: Page, what: string, testInfo?: TestInfo): Promise<void> {
  const results = await runAxe(page);
  // An axe run that looked at nothing would pass anything.
  expect(results.passes.length, `axe checked no rule on ${what}`).toBeGreaterThan(10);
  if (testInfo) await testInfo.attach(`axe ${what}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').join(' ')}`),
    }));
  expect(severe, `serious or critical axe violations on ${what}`).toEqual([]);
}
