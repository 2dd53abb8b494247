/**
 * Issue 16, the Overzicht end to end: a supervisor opens the lists behind the weekly backlog ("open at the end")
 * and the disruption ledger's effect ("reports after the block") — each list as long as its number, with a chip
 * saying why — and batches two concepts to the same bank from the requests list into one letter. axe-core finds no
 * serious or critical violation on the Overzicht and on the batched letter's draft.
 */
import { composeIBAN } from 'ibantools';
import { expectOnline, expectQueueTotal, goTo, openWorkbench } from './support/app';
import { expectAccessible } from './support/accessibility';
import { callApi } from './support/api';
import { expect, test } from './support/fixtures';
import { hubTemplate, TEMPLATE_OFFICERS } from './support/hub-template';
import { acceptedDraft } from '../support/request-params';
import { generatedRecords, handMadeRecord } from './support/records';

const [SUPERVISOR, OFFICER] = TEMPLATE_OFFICERS;
const BACKGROUND = 40;
const DAY_MS = 86_400_000;
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
/** A day relative to today in the Netherlands (the workstation's calendar; its clock is the real one), YYYY-MM-DD. */
const day = (offset: number) => DUTCH_DAY.format(new Date(Date.now() + offset * DAY_MS));
const ing = (account: string) => composeIBAN({ countryCode: 'NL', bban: `INGB${account}` }) ?? '';
const [BLOCKED, FIRST, SECOND] = [ing('0001234567'), ing('0007654321'), ing('0005550123')];

test('the Overzicht opens the weekly backlog and the effect of a block as lists, and concepts to one bank become one letter', async ({ page, launcher }) => {
  test.setTimeout(240_000);
  const named = (id: number, iban: string, receivedOn: string) => handMadeRecord(id, { receivedAt: `${receivedOn}T10:00:00Z`, suspect: { bankAccounts: [iban] } });
  // The blocked account is named before the block (day -10), on a day of it and twice after it.
  const records = [
    ...generatedRecords(BACKGROUND, 'e2e-overview'),
    named(1, BLOCKED, day(-20)),
    named(2, BLOCKED, day(-10)),
    named(3, BLOCKED, day(-5)),
    named(4, BLOCKED, day(-3)),
    named(5, FIRST, day(-4)),
    named(6, SECOND, day(-4)),
  ];
  const hub = await launcher.hub();
  await hub.post(records);
  const station = await launcher.workstation(hub, { officer: OFFICER.id });
  await expect
    .poll(async () => (await callApi(station.url, 'queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 1 })).total, { timeout: 60_000 })
    .toBe(records.length);

  // Set-up, not what is checked here: the officer's three concepts, one submitted; the supervisor approves, sends and records it executed.
  const concept = async (iban: string) => (await callApi(station.url, 'request.create', acceptedDraft(await callApi(station.url, 'request.draft', { indicatorType: 'iban', indicatorValue: iban })))).actionId;
  const [blockId, firstId, secondId] = [await concept(BLOCKED), await concept(FIRST), await concept(SECOND)];
  await callApi(station.url, 'request.transition', { actionId: blockId, from: 'draft', to: 'awaiting_approval' });
  await callApi(station.url, 'session.signIn', { officerId: SUPERVISOR.id, credential: hubTemplate().credentials[SUPERVISOR.id]! });
  await callApi(station.url, 'request.transition', { actionId: blockId, from: 'awaiting_approval', to: 'approved' });
  await callApi(station.url, 'request.transition', { actionId: blockId, from: 'approved', to: 'sent', method: 'email', occurredAt: day(-12), dueAt: day(2) });
  await callApi(station.url, 'request.transition', { actionId: blockId, from: 'sent', to: 'executed', occurredAt: day(-10) });

  await openWorkbench(page, station);
  await expectOnline(page);
  await expect(page.getByTestId('signed-in')).toContainText('Leidinggevende', { timeout: 30_000 });
  await goTo(page, 'overview');
  await expect(page.getByTestId('overview-open')).toHaveText(`${records.length} open meldingen`);
  // The charts draw themselves after they appear.
  await page.waitForTimeout(500);
  await expectAccessible(page, 'the Overzicht');

  await test.step('open at the end of this week: every report, none is closed', async () => {
    const openAtEnd = page.locator('[data-testid^="overview-weekly-table-openAtEnd-"]').last();
    await expect(openAtEnd).toHaveText(String(records.length));
    await openAtEnd.click();
    // The overview's day is the page's Dutch day; around midnight the test's clock may already be in the next, so no day here.
    await expect(page.getByTestId('queue-filter-openOn')).toContainText('Open aan het eind van 20');
    await expectQueueTotal(page, records.length);
  });

  await test.step('reports after the block: the two received after the day it was executed', async () => {
    await goTo(page, 'overview');
    const after = page.getByTestId('overview-disruption-table-after-0');
    await expect(after).toHaveText('2');
    await after.click();
    await expect(page.getByTestId('queue-filter-afterBlock')).toContainText('ontvangen na de blokkade');
    await expectQueueTotal(page, 2);
  });

  await test.step('two concepts to ING become one letter naming both accounts', async () => {
    await goTo(page, 'requests');
    await expect(page.getByTestId(`action-batch-choose-${blockId}`)).toHaveCount(0);
    await page.getByTestId(`action-batch-choose-${firstId}`).click();
    await expect(page.getByTestId('actions-batch')).toContainText('Kies er nog een');
    await page.getByTestId(`action-batch-choose-${secondId}`).click();
    const bar = page.getByTestId('actions-batch');
    await expect(bar).toContainText('2 concepten gekozen voor één brief');
    await bar.getByTestId('draft-action-bank_block').click();
    await expect(page.getByTestId('action-draft-form')).toBeVisible();
    await expectAccessible(page, 'the batched letter’s draft');
    await page.getByTestId('action-create-submit').click();
    await expect(page.getByTestId('request-detail')).toBeVisible();
    await expect(page.getByTestId('actions-batch')).toHaveCount(0);
    const batched = (await callApi(station.url, 'request.list', { indicatorType: 'iban', indicatorValue: SECOND })).filter((request) => request.batchIndicators.length > 0);
    expect(batched).toHaveLength(1);
    expect([batched[0]!.indicatorValue, ...batched[0]!.batchIndicators.map((entry) => entry.value)].sort()).toEqual([FIRST, SECOND].sort());
  });
});
