/**
 * Scenario c: the hub goes away. The status bar says offline and the officer keeps working (a status, a note),
 * which waits in the outbox. The hub comes back (same data, same port): the work is pushed without anyone
 * asking, and a second officer on a second workstation (its own store, the same hub) sees it.
 */
import type { Page } from '@playwright/test';
import { addNote, connection, expectOnline, expectQueueTotal, openReportFromQueue, openWorkbench, pickOption } from './support/app';
import { expect, test } from './support/fixtures';
import { generatedRecords, handMadeRecord } from './support/records';

const BACKGROUND = 30;
const pending = (page: Page) => page.getByTestId('sync-pending');

test('offline work is kept, pushed when the hub returns, and seen on another workstation', async ({ page, browser, launcher }) => {
  // Three processes, a hub restart, and up to one long backoff step before the workstations retry.
  test.setTimeout(180_000);
  const hub = await launcher.hub();
  const target = handMadeRecord(301, {
    receivedAt: '2026-11-25T12:00:00Z',
    category: 'helpdesk_fraud',
    incident: { summary: 'Gebeld door "Microsoft", AnyDesk geïnstalleerd', narrative: 'De beller liet mij AnyDesk installeren (code 482 193 557).' },
    remoteAccess: { tool: 'AnyDesk', id: '482 193 557' },
  });
  await hub.post([...generatedRecords(BACKGROUND, 'e2e-offline'), target]);
  const [first, second] = await Promise.all([
    launcher.workstation(hub, { token: 'workstation-1', officer: 'e2e.bakker' }),
    launcher.workstation(hub, { token: 'workstation-2', officer: 'e2e.yilmaz' }),
  ]);

  const otherContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const other = await otherContext.newPage();
    await openWorkbench(page, first);
    await openWorkbench(other, second);
    for (const officerPage of [page, other]) {
      await expectOnline(officerPage);
      await expectQueueTotal(officerPage, BACKGROUND + 1, 30_000);
      await openReportFromQueue(officerPage, target.reportId);
    }
    await expect(other.getByTestId('report-status-select')).toHaveValue('Nieuw');
    await expect(other.getByTestId('note-item')).toHaveCount(0);

    await test.step('the hub stops: both workstations show offline', async () => {
      await hub.stop();
      await expect(connection(page)).toHaveAttribute('data-connection', 'offline', { timeout: 15_000 });
      await expect(connection(page)).toContainText('Offline');
      await expect(connection(other)).toHaveAttribute('data-connection', 'offline', { timeout: 15_000 });
    });

    const note = 'Offline genoteerd: beller sprak Engels, AnyDesk-code gecontroleerd.';
    await test.step('the officer keeps working offline: a status and a note wait to be pushed', async () => {
      await expect(pending(page)).toHaveText('0 wijzigingen wachten');
      await pickOption(page, page.getByTestId('report-status-select'), 'In behandeling');
      await expect(page.getByTestId('report-header')).toContainText('In behandeling');
      await addNote(page, note);
      await expect(page.getByTestId('note-item').filter({ hasText: note })).toContainText('Nog niet gesynchroniseerd');
      await expect(pending(page)).toHaveText('2 wijzigingen wachten');
      await expect(connection(page)).toHaveAttribute('data-connection', 'offline');
      // Nothing reached the other workstation.
      await expect(other.getByTestId('report-status-select')).toHaveValue('Nieuw');
      await expect(other.getByTestId('note-item')).toHaveCount(0);
    });

    await test.step('the hub restarts on the same data and port: the work is pushed by itself', async () => {
      await hub.restart();
      const back = Date.now();
      // The engine retries with a capped exponential backoff: allow for one long step.
      await expectOnline(page, 60_000);
      test.info().annotations.push({ type: 'reconnected', description: `online ${((Date.now() - back) / 1000).toFixed(1)} s after the hub listened again` });
      await expect(pending(page)).toHaveText('0 wijzigingen wachten', { timeout: 15_000 });
      await expect(page.getByTestId('note-item').filter({ hasText: note })).not.toContainText('Nog niet gesynchroniseerd');
    });

    await test.step('the second workstation sees the status and the note, without a reload', async () => {
      await expectOnline(other, 60_000);
      await expect(other.getByTestId('report-status-select')).toHaveValue('In behandeling', { timeout: 15_000 });
      await expect(other.getByTestId('report-header')).toContainText('In behandeling');
      const arrived = other.getByTestId('note-item').filter({ hasText: note });
      await expect(arrived).toBeVisible();
      await expect(arrived).toContainText('e2e.bakker');
    });
  } finally {
    await otherContext.close();
  }
});
