/**
 * Issue 14 §1, the screen of a shared station locked at once by the officer turning away (the button beside their
 * name, or Ctrl+L) and by the idle time passing (driven by Playwright's clock): nothing of the queue stays in the
 * page behind the lock — no victim's summary, no row — and the officer's own credential opens it again.
 */
import type { Page } from '@playwright/test';
import { expectQueueTotal, goTo, openWorkbench } from './support/app';
import { expect, test } from './support/fixtures';
import { hubTemplate } from './support/hub-template';
import { handMadeRecord } from './support/records';

const OFFICER = 'e2e.agent';
const SUMMARY = 'Mevrouw Klaproos betaalde voor een kinderwagen die nooit kwam';

async function expectLockedWithNothingBehind(page: Page): Promise<void> {
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.locator('[data-report-id]')).toHaveCount(0);
  expect(await page.content()).not.toContain('Klaproos');
}

async function unlock(page: Page): Promise<void> {
  await page.getByTestId('sign-in-credential').fill(hubTemplate().credentials[OFFICER]!);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toBeVisible();
}

test('lock now, with the button and with Ctrl+L, and after the idle time on the clock; the credential unlocks', async ({ page, launcher }) => {
  test.setTimeout(120_000);
  const hub = await launcher.hub();
  const record = handMadeRecord(501, { incident: { summary: SUMMARY, narrative: 'Via Marktplaats betaald, daarna geen antwoord meer.' } });
  await hub.post([record]);
  const station = await launcher.workstation(hub, { officer: OFFICER });
  // The page's own timers (the idle lock) run on a clock the test can move; until then time flows as usual.
  await page.clock.install();
  await openWorkbench(page, station);
  await expectQueueTotal(page, 1, 30_000);
  await expect(page.getByText(SUMMARY)).toBeVisible();

  await test.step('the lock button beside the officer’s name', async () => {
    await page.getByRole('button', { name: 'Scherm nu vergrendelen (Ctrl+L)' }).click();
    await expectLockedWithNothingBehind(page);
    await unlock(page);
    await expect(page.getByText(SUMMARY)).toBeVisible();
  });

  await test.step('Ctrl+L', async () => {
    await page.keyboard.press('Control+L');
    await expectLockedWithNothingBehind(page);
    await unlock(page);
  });

  await test.step('an idle time of one minute passing without keyboard or mouse', async () => {
    await goTo(page, 'settings');
    const minutes = page.getByTestId('idle-lock-minutes');
    await minutes.fill('1');
    await minutes.blur();
    await expect(page.getByText('Instellingen opgeslagen.')).toBeVisible();
    await goTo(page, 'queue');
    await expect(page.getByText(SUMMARY)).toBeVisible();
    await page.clock.fastForward('00:50');
    await expect(page.getByTestId('lock-screen')).toHaveCount(0);
    await page.clock.fastForward('00:11');
    await expectLockedWithNothingBehind(page);
    await unlock(page);
  });
});
