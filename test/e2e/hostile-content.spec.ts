/**
 * Scenario d: reports with HTML/JS in every text field render inert on every screen that shows them — the queue,
 * the report (narrative, puzzle pieces, payments, suspect, ransomware, remote access, attachments, the revealed
 * reporter, history), the related reports and graph, a case made of them with a hostile title and note, and the
 * puzzle pieces. Inert means: no dialog, no request to any host but 127.0.0.1, no element made from the data,
 * and the payload visible as the literal text it is.
 */
import type { Page } from '@playwright/test';
import { openReportFromQueue, openWorkbench, expectQueueTotal, goTo } from './support/app';
import type { PageGlobals } from './support/dom';
import { expect, test } from './support/fixtures';
import { findInjection, FOREIGN_HOST, hostileReports, HOSTILE_IBAN, INJECTED_ID_PREFIX, NOTHING_INJECTED, payload } from './support/hostile';
import { generatedRecords } from './support/records';

async function expectInert(page: Page, where: string): Promise<void> {
  expect(await findInjection(page), `injected DOM on ${where}`).toEqual(NOTHING_INJECTED);
}

test('HTML and script in every field of a report render as inert text', async ({ page, launcher }) => {
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const recordIfForeign = (url: string) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return;
    if (parsed.hostname !== '127.0.0.1') foreignRequests.push(url);
  };
  page.on('request', (request) => recordIfForeign(request.url()));
  page.on('websocket', (socket) => recordIfForeign(socket.url()));
  page.on('popup', (popup) => foreignRequests.push(`popup ${popup.url()}`));

  const hostile = hostileReports();
  const [ransom, linked] = hostile.records.map((record) => record.reportId) as [string, string];
  const text = (field: string) => hostile.fields[field]!;
  const hub = await launcher.hub();
  await hub.post([...generatedRecords(20, 'e2e-hostile'), ...hostile.records]);
  const workstation = await launcher.workstation(hub, { officer: 'e2e.hostile' });
  await openWorkbench(page, workstation);
  await expectQueueTotal(page, 22, 30_000);

  await test.step('queue', async () => {
    for (const [id, summary] of [
      [ransom, text('summary')],
      [linked, text('linked-summary')],
    ] as const) {
      const row = page.getByTestId(`queue-row-${id}`);
      await expect(row).toBeVisible();
      await expect(row.locator('.summary')).toHaveText(summary);
    }
    await expect(page.getByTestId(`queue-row-${ransom}`)).toContainText(text('region'));
    // The region filter offers every region there is, the hostile one too.
    await page.getByTestId('filter-region').click();
    await expect(page.getByRole('checkbox', { name: text('region'), exact: true })).toBeVisible();
    await expectInert(page, 'the queue with the region filter open');
    await page.keyboard.press('Escape');
    await expectInert(page, 'the queue');
  });

  await test.step('report details', async () => {
    await openReportFromQueue(page, ransom);
    await expect(page.getByTestId('report-summary')).toHaveText(text('summary'));
    await expect(page.getByTestId('report-header')).toContainText(text('region'));
    await expect(page.getByTestId('narrative-text')).toHaveText(text('narrative'));
    const payments = page.getByTestId('report-payments');
    for (const field of ['beneficiary-name', 'beneficiary-account', 'payment-reference']) await expect(payments).toContainText(text(field));
    const suspect = page.getByTestId('report-suspect');
    for (const field of ['suspect-name', 'suspect-phone', 'suspect-email', 'suspect-website', 'suspect-bank-account', 'suspect-crypto', 'suspect-social', 'suspect-other']) {
      await expect(suspect).toContainText(text(field));
    }
    const ransomware = page.getByTestId('report-ransomware');
    for (const field of ['ransomware-family', 'ransomware-extension', 'ransomware-contact']) await expect(ransomware).toContainText(text(field));
    await expect(page.getByTestId('ransom-note')).toHaveText(text('ransom-note'));
    await expect(page.getByTestId('report-remote-access')).toContainText(text('remote-access-id'));
    const attachments = page.getByTestId('report-attachments');
    for (const field of ['attachment-name', 'attachment-type']) await expect(attachments).toContainText(text(field));
    await expect(attachments).toContainText(`"><img src=x id=${INJECTED_ID_PREFIX}-quote onerror=alert(2)>.txt`);
    // The shared IBAN was found among the hostile text.
    await expect(page.getByTestId('report-indicators')).toContainText(HOSTILE_IBAN);
    await expectInert(page, 'the report details');
  });

  const revealReason = payload('reveal-reason');
  await test.step('revealed reporter and history', async () => {
    await page.getByTestId('reveal-reporter').click();
    const dialog = page.getByRole('dialog', { name: 'Melder tonen' });
    // Their own words as the purpose: the hostile text must stay text in the history too.
    await dialog.getByRole('radio', { name: 'Anders: …' }).check();
    await dialog.getByRole('textbox', { name: 'Ander doel' }).fill(revealReason);
    await dialog.getByRole('button', { name: 'Toon melder' }).click();
    const revealed = page.getByTestId('reporter-revealed');
    for (const field of ['reporter-name', 'reporter-email', 'reporter-phone', 'reporter-street', 'reporter-city', 'organisation-name', 'kvk']) {
      await expect(revealed).toContainText(text(field));
    }
    await expectInert(page, 'the revealed reporter');
    await page.getByRole('tab', { name: 'Geschiedenis' }).click();
    await expect(page.getByRole('tabpanel')).toContainText(revealReason);
    await expectInert(page, 'the history');
  });

  const caseTitle = payload('case-title');
  const note = payload('note');
  await test.step('related reports, graph, and a case of them with a note', async () => {
    await page.getByRole('tab', { name: 'Verband (1)' }).click();
    const item = page.getByTestId(`related-${linked}`);
    await expect(item).toContainText(text('linked-summary'));
    await expect(item).toContainText(HOSTILE_IBAN);
    await expect(page.getByTestId('cluster-graph-section')).toBeVisible();
    await expectInert(page, 'the related reports');

    await page.getByRole('button', { name: 'Zaak maken van cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zaak maken' });
    await dialog.getByRole('textbox', { name: 'Titel van de zaak' }).fill(caseTitle);
    await dialog.getByRole('button', { name: 'Zaak maken' }).click();
    await expect(page.getByTestId('case-title')).toHaveText(caseTitle);
    await page.getByTestId('note-input').fill(note);
    await page.getByTestId('note-submit').click();
    await expect(page.getByTestId('note-item').locator('.note-body')).toHaveText(note);
    await expect(page.getByTestId('case-list')).toContainText(caseTitle);
    await expect(page.getByTestId('case-reports')).toContainText(text('summary'));
    await expectInert(page, 'the case');
  });

  await test.step('puzzle pieces', async () => {
    await goTo(page, 'indicators');
    await expect(page.getByTestId('indicator-table')).toBeVisible();
    await page.getByRole('button', { name: `Open ${HOSTILE_IBAN}` }).first().click();
    await expect(page.getByTestId('indicator-reports')).toContainText(ransom);
    await expectInert(page, 'the puzzle pieces');
  });

  await test.step('the detector itself finds an injected element', async () => {
    // Guards against a check that can never fail: make one element the way an injection would.
    await page.evaluate((prefix) => {
      const { document } = globalThis as unknown as PageGlobals;
      const image = document.createElement('img');
      image.id = `${prefix}-control`;
      image.setAttribute('onerror', 'void 0');
      document.body.append(image);
    }, INJECTED_ID_PREFIX);
    const findings = await findInjection(page);
    expect(findings.injected).toEqual([`<img#${INJECTED_ID_PREFIX}-control>`]);
    expect(findings.handlers).toEqual([`<img#${INJECTED_ID_PREFIX}-control> onerror`]);
    await page.evaluate((prefix) => (globalThis as unknown as PageGlobals).document.getElementById(`${prefix}-control`)?.remove(), INJECTED_ID_PREFIX);
  });

  expect(dialogs, 'dialogs opened by the data').toEqual([]);
  expect(foreignRequests, `requests to hosts other than 127.0.0.1 (e.g. ${FOREIGN_HOST})`).toEqual([]);
});
