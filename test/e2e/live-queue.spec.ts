/**
 * Scenario b: a report the portal posts to the hub appears in the open queue within a few seconds, without a
 * reload: the workstation's long-poll pulls it and the page refreshes its queue on the pushed event.
 */
import { expectOnline, expectQueueTotal, openWorkbench, queueRow } from './support/app';
import type { PageGlobals } from './support/dom';
import { expect, test } from './support/fixtures';
import { generatedRecords, handMadeRecord, nowStamp } from './support/records';

const BACKGROUND = 40;
/** "Within a few seconds" of the hub accepting it. */
const ARRIVAL_MS = 5000;

test('a report posted to the hub appears in the open queue without a reload', async ({ page, launcher }) => {
  const hub = await launcher.hub();
  await hub.post(generatedRecords(BACKGROUND, 'e2e-live-queue'));
  const workstation = await launcher.workstation(hub);

  let loads = 0;
  page.on('load', () => (loads += 1));
  await openWorkbench(page, workstation);
  await expectOnline(page);
  await expectQueueTotal(page, BACKGROUND, 30_000);
  // Survives only as long as the document does: a reload would drop it.
  await page.evaluate(() => ((globalThis as unknown as PageGlobals).e2eSameDocument = true));
  expect(loads).toBe(1);

  const arriving = handMadeRecord(201, {
    receivedAt: nowStamp(),
    category: 'bank_helpdesk_fraud',
    incident: { summary: 'Nep-bankmedewerker belde, rekening leeggehaald', narrative: 'Iemand van "de bank" liet mij geld overmaken naar een kluisrekening.' },
  });
  await expect(queueRow(page, arriving.reportId)).toHaveCount(0);

  await hub.post([arriving]);
  const posted = Date.now();
  const row = queueRow(page, arriving.reportId);
  await expect(row).toBeVisible({ timeout: ARRIVAL_MS });
  const seconds = (Date.now() - posted) / 1000;
  test.info().annotations.push({ type: 'arrival', description: `${seconds.toFixed(2)} s after the hub accepted it` });

  await expect(row).toContainText('Nep-bankmedewerker belde, rekening leeggehaald');
  await expect(row).toContainText('Bankhelpdeskfraude');
  await expectQueueTotal(page, BACKGROUND + 1);
  // Newest first: the new report heads the queue.
  await expect(page.locator('[data-report-id][role="row"]').first()).toHaveAttribute('data-report-id', arriving.reportId);
  expect(loads).toBe(1);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).e2eSameDocument)).toBe(true);
});
