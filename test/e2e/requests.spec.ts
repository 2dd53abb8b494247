/**
 * Issue 5 end to end: two officers on two workstations (each its own store) that meet only through one hub.
 * The officer (s.bakker) drafts a bank block request from a cluster and submits it; the supervisor (l.vermeer)
 * approves it on the other workstation; the officer records it as sent and downloads the letter (PDF); a new
 * report with the same IBAN, posted to the hub's intake, shows up on the open request. Roles are the hub's: both
 * officers are in its registry (the hub template registers them with `hub officer add`).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { confirmPurpose, expectOnline, expectQueueTotal, openReportFromQueue, openWorkbench, searchQueue } from './support/app';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/fixtures';
import { TEMPLATE_OFFICERS } from './support/hub-template';
import { CLUSTER_WORD, generatedRecords, handMadeRecord, ibanCluster, nowStamp, SHARED_IBAN } from './support/records';

const BACKGROUND = 60;
const [SUPERVISOR, OFFICER] = TEMPLATE_OFFICERS;

const detail = (page: Page) => page.getByTestId('request-detail');

test('a bank block request: drafted from a cluster, approved on another workstation, sent, its letter downloaded, and kept up to date', async ({ page, browser, launcher }) => {
  // Two workstations and two browser sessions on a shared two-core machine.
  test.setTimeout(300_000);
  const cluster = ibanCluster();
  const { first, second, webshop } = cluster.ids;
  const hub = await launcher.hub();
  await hub.post([...generatedRecords(BACKGROUND, 'e2e-actions'), ...cluster.records]);
  const [officerStation, supervisorStation] = await Promise.all([
    launcher.workstation(hub, { token: 'workstation-1', officer: OFFICER.id }),
    launcher.workstation(hub, { token: 'workstation-2', officer: SUPERVISOR.id }),
  ]);
  const supervisorContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });

  try {
    const boss = await supervisorContext.newPage();
    await openWorkbench(page, officerStation);
    await openWorkbench(boss, supervisorStation);
    for (const officerPage of [page, boss]) {
      await expectOnline(officerPage);
      await expectQueueTotal(officerPage, BACKGROUND + 3, 60_000);
    }
    // Roles come from the hub's registry once the workstation has copied it.
    await expect(page.getByTestId('signed-in')).toContainText(`Aangemeld als ${OFFICER.name}`, { timeout: 30_000 });
    await expect(boss.getByTestId('signed-in')).toContainText('Leidinggevende', { timeout: 30_000 });
    await expect(page.getByTestId('nav-approvals')).toHaveCount(0);

    let actionId = '';
    await test.step('the officer drafts a bank block request from the cluster', async () => {
      await searchQueue(page, CLUSTER_WORD);
      await expectQueueTotal(page, 3);
      await openReportFromQueue(page, first);
      await page.getByRole('tab', { name: 'Verband (2)' }).click();
      const panel = page.getByTestId('cluster-actions');
      await expect(panel.getByTestId('cluster-action-indicator')).toHaveValue(`IBAN: ${SHARED_IBAN} (3 meldingen)`);
      await panel.getByRole('button', { name: 'Blokkeringsverzoek opstellen' }).click();

      const dialog = page.getByRole('dialog', { name: 'Blokkeringsverzoek opstellen' });
      await expect(dialog.getByTestId('action-addressee')).toHaveValue('ABN AMRO Bank N.V. (voorgesteld)');
      await expect(dialog.getByTestId('addressee-route')).toContainText('ABNA');
      const bundle = dialog.getByTestId('bundle-reports');
      for (const id of [first, second, webshop]) await expect(bundle).toContainText(id);
      await expect(dialog).toContainText('€ 570,00');
      await expectAccessible(page, 'the draft dialog');
      await dialog.getByRole('button', { name: 'Concept aanmaken' }).click();
      await expect(dialog).toBeHidden();

      await expect(detail(page)).toHaveAttribute('data-state', 'draft');
      await expect(page.getByTestId('nav-requests')).toHaveAttribute('aria-current', 'page');
      actionId = (await detail(page).getAttribute('data-action-id')) ?? '';
      expect(actionId).not.toBe('');
      await expectAccessible(page, 'the request detail');
      await detail(page).getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click();
      await expect(detail(page)).toHaveAttribute('data-state', 'awaiting_approval');
      // Only a supervisor approves: the officer sees the step, refused, and why.
      await expect(detail(page).getByRole('button', { name: 'Goedkeuren' })).toBeDisabled();
      await expect(detail(page).getByTestId('step-refusal-approved')).toContainText('alleen een leidinggevende');
    });

    await test.step('the supervisor, on the other workstation, approves it', async () => {
      await expect(boss.getByTestId('approvals-waiting')).toContainText('1', { timeout: 30_000 });
      await boss.getByTestId('nav-approvals').click();
      await boss.getByTestId(`action-open-${actionId}`).click();
      await expect(detail(boss)).toHaveAttribute('data-state', 'awaiting_approval');
      await expect(detail(boss)).toContainText(OFFICER.name);
      await expectAccessible(boss, 'the approval queue');
      await detail(boss).getByRole('button', { name: 'Goedkeuren' }).click();
      await expect(detail(boss)).toHaveAttribute('data-state', 'approved');
      await expect(boss.getByTestId('approvals-empty')).toBeVisible();
    });

    await test.step('the approval travels through the hub; the officer records the sending', async () => {
      await expect(detail(page)).toHaveAttribute('data-state', 'approved', { timeout: 30_000 });
      await expect(detail(page).getByTestId('action-lifecycle-path')).toContainText(SUPERVISOR.name);
      await detail(page).getByRole('button', { name: 'Verzending vastleggen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Verzending vastleggen' });
      await dialog.getByText('Portaal', { exact: true }).click();
      await dialog.getByRole('textbox', { name: 'Kenmerk of toelichting' }).fill('Portaal ABN AMRO, melding 2026-0412');
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await expect(dialog).toBeHidden();
      await expect(detail(page)).toHaveAttribute('data-state', 'sent');
      await expect(detail(page).getByTestId('action-steps')).toContainText('Per Portaal');
      await expect(detail(boss)).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
    });

    await test.step('the letter downloads as a PDF', async () => {
      const downloading = page.waitForEvent('download');
      await detail(page).getByRole('button', { name: 'Brief downloaden (PDF)' }).click();
      await confirmPurpose(page, 'Verzoek aan een derde voorbereiden');
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const path = await download.path();
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    await test.step('a new report with the same IBAN shows up on the open request', async () => {
      const newcomer = handMadeRecord(104, {
        receivedAt: nowStamp(),
        incident: { summary: 'Telefoon gekocht, nooit geleverd', narrative: `Ik maakte 410 euro over naar ${SHARED_IBAN} voor een telefoon.`, contactMethod: 'website' },
        payments: [{ amount: '410.00', currency: 'EUR', method: 'bank_transfer', beneficiaryAccount: SHARED_IBAN }],
      });
      await hub.post([newcomer]);
      const banner = detail(page).getByTestId('action-new-reports');
      await expect(banner).toContainText('1 nieuwe melding noemt dit puzzelstukje', { timeout: 30_000 });
      await banner.getByRole('button', { name: 'Bijwerken' }).click();
      await expect(banner).toBeHidden();
      await expect(detail(page).getByTestId('action-bundle')).toContainText(newcomer.reportId);
    });
  } finally {
    await supervisorContext.close();
  }
});
