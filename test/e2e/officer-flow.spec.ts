/**
 * Scenario a: an officer filters the queue, opens a report, sees the reports linked to it through a shared IBAN
 * with the explanation (the IBAN and the fields on both sides), confirms a link with a reason, makes a case of
 * the cluster, adds a note — and finds all of it again after `serve` was stopped and started on the same store.
 */
import { addNote, expectOnline, expectQueueTotal, openReportFromQueue, openWorkbench, searchQueue, checkFilterOption, visibleQueueIds, goTo } from './support/app';
import { expect, test } from './support/fixtures';
import { CLUSTER_WORD, generatedRecords, ibanCluster, SHARED_IBAN } from './support/records';

const BACKGROUND = 150;

test('filter, link through a shared IBAN, confirm, make a case, note — and all of it survives a restart', async ({ page, launcher }) => {
  const cluster = ibanCluster();
  const { first, second, webshop } = cluster.ids;
  const hub = await launcher.hub();
  await hub.post([...generatedRecords(BACKGROUND, 'e2e-officer-flow'), ...cluster.records]);
  const workstation = await launcher.workstation(hub, { officer: 'e2e.vermeer' });

  await openWorkbench(page, workstation);
  await expectOnline(page);
  await expectQueueTotal(page, BACKGROUND + 3, 30_000);

  await test.step('filter the queue by category and a search word', async () => {
    await checkFilterOption(page, page.getByTestId('filter-category'), 'Marktplaatsfraude');
    await searchQueue(page, CLUSTER_WORD);
    // The webshop report has the word too, but not the category; newest first.
    await expectQueueTotal(page, 2);
    await expect.poll(() => visibleQueueIds(page)).toEqual([second, first]);
  });

  const caseTitle = `Marktplaatsfraude IBAN ${SHARED_IBAN.slice(-4)}`;
  await test.step('open a report and see why the others are related', async () => {
    await openReportFromQueue(page, first);
    await page.getByRole('tab', { name: 'Verband (2)' }).click();
    const items = page.getByTestId('related-list').locator('[data-testid^="related-IA-"]');
    await expect(items).toHaveCount(2);

    const viaSuspect = page.getByTestId(`related-${second}`);
    await expect(viaSuspect.locator('.shared-indicator')).toHaveCount(1);
    await expect(viaSuspect.locator('.shared-indicator')).toContainText('IBAN');
    await expect(viaSuspect.locator('.shared-indicator')).toContainText(SHARED_IBAN);
    await expect(viaSuspect.locator('.shared-indicator')).toContainText('hier: payments[0].beneficiaryAccount · daar: suspect.bankAccounts[0]');

    const viaNarrative = page.getByTestId(`related-${webshop}`);
    await expect(viaNarrative.locator('.shared-indicator')).toHaveCount(1);
    await expect(viaNarrative.locator('.shared-indicator')).toContainText(SHARED_IBAN);
    await expect(viaNarrative.locator('.shared-indicator')).toContainText('hier: payments[0].beneficiaryAccount · daar: incident.narrative');
  });

  const reason = 'Zelfde begunstigde rekening, zelfde werkwijze';
  await test.step('confirm one link, with a reason', async () => {
    const item = page.getByTestId(`related-${second}`);
    await item.getByRole('button', { name: 'Bevestigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verband bevestigen' });
    await expect(dialog).toContainText(`${first} en ${second}`);
    // Without a reason the decision is refused.
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Reden' }).fill(reason);
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(dialog).toBeHidden();
    await expect(item).toContainText('Bevestigd');
    await expect(item).toContainText(reason);
    await expect(page.getByTestId(`related-${webshop}`)).not.toContainText('Bevestigd');
  });

  const note = 'Begunstigde opvragen bij ABN AMRO (vordering 126nc Sv).';
  await test.step('make a case of the cluster and add a note', async () => {
    await page.getByRole('button', { name: 'Zaak maken van cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zaak maken' });
    await expect(dialog).toContainText('Van het cluster: 3 meldingen.');
    await dialog.getByRole('textbox', { name: 'Titel van de zaak' }).fill(caseTitle);
    await dialog.getByRole('button', { name: 'Zaak maken' }).click();
    await expect(dialog).toBeHidden();
    const detail = page.getByTestId('case-detail');
    await expect(detail.getByTestId('case-title')).toHaveText(caseTitle);
    for (const id of [first, second, webshop]) await expect(detail.getByTestId('case-reports')).toContainText(id);
    await addNote(page, note);
  });

  await test.step('stop and start the workstation on the same store, and reload', async () => {
    await workstation.restart();
    await openWorkbench(page, workstation);
    await expectQueueTotal(page, BACKGROUND + 3, 30_000);
  });

  await test.step('the case, its reports and the note are still there', async () => {
    await goTo(page, 'cases');
    await page.getByRole('button', { name: caseTitle }).click();
    const detail = page.getByTestId('case-detail');
    await expect(detail.getByTestId('case-title')).toHaveText(caseTitle);
    for (const id of [first, second, webshop]) await expect(detail.getByTestId('case-reports')).toContainText(id);
    await expect(detail.getByTestId('note-item').filter({ hasText: note })).toBeVisible();
  });

  await test.step('the confirmed link and its reason are still there', async () => {
    await goTo(page, 'queue');
    await searchQueue(page, CLUSTER_WORD);
    await expectQueueTotal(page, 3);
    await openReportFromQueue(page, first);
    await expect(page.getByTestId('report-work')).toContainText(caseTitle);
    await page.getByRole('tab', { name: 'Verband (2)' }).click();
    const confirmed = page.getByTestId(`related-${second}`);
    await expect(confirmed).toContainText('Bevestigd');
    await expect(confirmed).toContainText(reason);
    await expect(page.getByTestId(`related-${webshop}`)).not.toContainText('Bevestigd');
  });
});
