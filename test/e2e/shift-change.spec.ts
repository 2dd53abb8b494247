/**
 * Issue 14 §1, a shift change on a shared station while the hub is away: one officer works offline and signs out,
 * a colleague who signed in on this station before signs in without the hub ("offline aangemeld") and works on.
 * When the hub is back, both officers' pending changes reach it under their own names: a second workstation (its
 * own store, the same hub) shows each note with its own author.
 */
import type { Page } from '@playwright/test';
import { addNote, expectOnline, expectQueueTotal, expectReportOpened, openReportFromQueue, openWorkbench } from './support/app';
import { expect, test } from './support/fixtures';
import { hubTemplate } from './support/hub-template';
import { generatedRecords, handMadeRecord } from './support/records';

const BACKGROUND = 10;
const FIRST = 'e2e.yilmaz';
const SECOND = 'e2e.bakker';

const pending = (page: Page) => page.getByTestId('sync-pending');

/** Signs out with the button beside the officer's name; the sign-in screen is all that shows then. */
async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
}

async function signInAtScreen(page: Page, officerId: string, credential: string): Promise<void> {
  await page.getByTestId('sign-in-officer').fill(officerId);
  await page.getByTestId('sign-in-credential').fill(credential);
  await page.getByTestId('sign-in-submit').click();
}

test('a shift change while the hub is away: each officer’s pending changes reach the hub under their own name', async ({ page, browser, launcher }) => {
  // Three processes, a hub restart, and up to one long backoff step before the workstations retry.
  test.setTimeout(180_000);
  const credentials = hubTemplate().credentials;
  const hub = await launcher.hub();
  const target = handMadeRecord(401, {
    receivedAt: '2026-11-26T10:00:00Z',
    category: 'phishing',
    incident: { summary: 'Sms van "de bank" met een link', narrative: 'Ik kreeg een sms dat mijn pas verliep en vulde mijn gegevens in.' },
  });
  await hub.post([...generatedRecords(BACKGROUND, 'e2e-shift'), target]);
  // The station: FIRST signed in at its start (with the hub).
  const station = await launcher.workstation(hub, { token: 'workstation-1', officer: FIRST });
  await openWorkbench(page, station);
  await expectOnline(page);
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-officer-id', FIRST);

  await test.step('SECOND signs in here once while the hub is there', async () => {
    await signOut(page);
    await signInAtScreen(page, SECOND, credentials[SECOND]!);
    await expect(page.getByTestId('signed-in')).toHaveAttribute('data-officer-id', SECOND);
    await expect(page.getByTestId('signed-in-offline')).toHaveCount(0);
    await expectQueueTotal(page, BACKGROUND + 1, 30_000);
  });

  const secondNote = `Offline genoteerd door ${SECOND}: melder teruggebeld.`;
  const firstNote = `Offline genoteerd door ${FIRST}: link doorgegeven aan de bank.`;
  await test.step('the hub stops; SECOND works on and signs out', async () => {
    await hub.stop();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline', { timeout: 15_000 });
    await openReportFromQueue(page, target.reportId);
    await addNote(page, secondNote);
    await expect(pending(page)).toHaveText('1 wijziging wacht');
    await signOut(page);
  });

  await test.step('FIRST signs in without the hub: a wrong credential is refused, their own lets them in, marked offline', async () => {
    await signInAtScreen(page, FIRST, credentials[SECOND]!);
    await expect(page.getByTestId('sign-in-failure')).toContainText('Dienstnummer of toegangscode klopt niet');
    await expect(page.getByTestId('sign-in-failure')).toContainText(`this is not the credential "${FIRST}" last signed in with here`);
    await signInAtScreen(page, FIRST, credentials[FIRST]!);
    await expect(page.getByTestId('signed-in')).toHaveAttribute('data-officer-id', FIRST);
    await expect(page.getByTestId('signed-in-offline')).toHaveText('offline aangemeld');
    // The report on screen is opened again in FIRST's name, under their own purpose.
    await expectReportOpened(page, target.reportId);
    await addNote(page, firstNote);
    await expect(pending(page)).toHaveText('2 wijzigingen wachten');
  });

  await test.step('the hub comes back: both notes go, under FIRST’s credential', async () => {
    await hub.restart();
    await expectOnline(page, 60_000);
    await expect(pending(page)).toHaveText('0 wijzigingen wachten', { timeout: 15_000 });
  });

  await test.step('another workstation shows each note with its own officer', async () => {
    const elsewhere = await launcher.workstation(hub, { token: 'workstation-2', officer: 'e2e.agent' });
    const otherContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    try {
      const other = await otherContext.newPage();
      await openWorkbench(other, elsewhere);
      await expectQueueTotal(other, BACKGROUND + 1, 30_000);
      await openReportFromQueue(other, target.reportId);
      await expect(other.getByTestId('note-item').filter({ hasText: secondNote })).toContainText(SECOND, { timeout: 15_000 });
      await expect(other.getByTestId('note-item').filter({ hasText: firstNote })).toContainText(FIRST);
    } finally {
      await otherContext.close();
    }
  });
});
