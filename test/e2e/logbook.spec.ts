/**
 * Issue 15 §1, the Logboek end to end: an officer consults a report (opens it with a purpose, reveals its reporter
 * with a reason) at one workstation and looks at it again at another; at the shift change a supervisor signs in at
 * the first, finds on the Logboek — asked of the hub, which holds every workstation's log — who consulted the report
 * where and why, and downloads the CSV under a purpose — exactly the entries shown; the export is itself logged with
 * it. What one officer consulted in a period is asked too. axe-core finds no serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expectOnline, goTo, openWorkbench, pickOption } from './support/app';
import { callApi } from './support/api';
import type { DomElement } from './support/dom';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/fixtures';
import { hubTemplate, TEMPLATE_OFFICERS } from './support/hub-template';
import { generatedRecords } from './support/records';

const [SUPERVISOR, OFFICER] = TEMPLATE_OFFICERS;
const REPORTS = 12;
const ASSESSING = 'Beoordelen van de melding';
const ACCESS_REQUEST = 'Verzoek van de betrokkene (inzage)';
const ELSEWHERE = 'Onderzoek in een zaak';

test('a supervisor finds who consulted a report and why, and downloads exactly that as CSV', async ({ page, launcher }) => {
  test.setTimeout(180_000);
  const records = generatedRecords(REPORTS, 'e2e-logbook');
  const reportId = records[0]!.reportId;
  const hub = await launcher.hub();
  await hub.post(records);
  const station = await launcher.workstation(hub, { officer: OFFICER.id });
  await expect
    .poll(async () => (await callApi(station.url, 'queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 1 })).total, { timeout: 60_000 })
    .toBe(REPORTS);

  // Set-up, not what is checked here: the officer's consultations here and at another workstation, then the shift change.
  await callApi(station.url, 'report.get', { reportId, purpose: ASSESSING });
  await callApi(station.url, 'report.revealReporter', { reportId, reason: ACCESS_REQUEST });
  const other = await launcher.workstation(hub, { officer: OFFICER.id, token: 'workstation-2' });
  await expect.poll(async () => (await callApi(other.url, 'report.get', { reportId, purpose: ELSEWHERE }).then(() => true, () => false)), { timeout: 60_000 }).toBe(true);
  await callApi(station.url, 'session.signIn', { officerId: SUPERVISOR.id, credential: hubTemplate().credentials[SUPERVISOR.id]! });
  // The other workstation sends its log to the hub on its own time.
  await expect
    .poll(async () => {
      const page = await callApi(station.url, 'audit.logbook', { reportId });
      return page.entries.some((entry) => entry.workstationId !== page.workstationId && entry.purpose === ELSEWHERE);
    }, { timeout: 60_000 })
    .toBe(true);

  await openWorkbench(page, station);
  await expectOnline(page);
  await expect(page.getByTestId('signed-in')).toContainText('Leidinggevende', { timeout: 30_000 });
  await goTo(page, 'logbook');
  await expect(page.getByTestId('hub-refusals').getByText('De hub heeft geen wijzigingen geweigerd.')).toBeVisible();
  await expect(page.getByTestId('hub-refusals').getByText('De hub heeft geen logboek geweigerd.')).toBeVisible();

  await test.step('who consulted this report, and why?', async () => {
    await page.getByRole('textbox', { name: 'Meldingnummer' }).fill(reportId);
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    const table = page.getByTestId('logbook-table');
    const revealed = table.getByTestId('logbook-row').filter({ hasText: 'Melder getoond' });
    await expect(revealed).toHaveCount(1);
    await expect(revealed).toContainText(OFFICER.name);
    await expect(revealed.getByTestId('logbook-purpose')).toHaveText(ACCESS_REQUEST);
    const viewed = table.getByTestId('logbook-row').filter({ hasText: 'Melding bekeken' }).filter({ hasText: ASSESSING });
    await expect(viewed.getByTestId('logbook-workstation')).toHaveText('deze werkplek');
    // The look at the other workstation, named by the start of its id.
    const elsewhere = table.getByTestId('logbook-row').filter({ hasText: ELSEWHERE });
    await expect(elsewhere).toHaveCount(1);
    await expect(elsewhere).toContainText(OFFICER.name);
    await expect(elsewhere.getByTestId('logbook-workstation')).not.toHaveText('deze werkplek');
    await expect(page.getByTestId('logbook-source')).toHaveText('uit de logboeken van alle werkplekken (de hub)');
    await expect(page.getByTestId('logbook-local-only')).toHaveCount(0);
    await expectAccessible(page, 'the Logboek');
  });

  await test.step('the CSV holds exactly the entries shown, and the export is logged', async () => {
    const shown = await page
      .getByTestId('logbook-row')
      .evaluateAll((rows) => (rows as unknown as DomElement[]).map((row) => `${row.getAttribute('data-workstation') ?? ''}:${row.getAttribute('data-entry-id') ?? ''}`));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV downloaden' }).click();
    const asked = page.getByTestId('purpose-form');
    await asked.getByRole('radio', { name: 'Verzoek van de betrokkene (inzage)' }).check();
    await asked.getByTestId('purpose-confirm').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`logboek_${reportId}.csv`);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(csv.data.map((row) => `${row.workstation}:${row.id}`)).toEqual(shown);
    expect(csv.data.find((row) => row.action === 'report.reporter_revealed')).toMatchObject({ officer: OFFICER.id, subjectId: reportId, purpose: ACCESS_REQUEST });
    // The export is a consultation too: the table, asked again, shows it, by the supervisor.
    const exported = page.getByTestId('logbook-row').filter({ hasText: 'Logboek geëxporteerd' });
    await expect(exported).toHaveCount(1);
    await expect(exported).toContainText(SUPERVISOR.name);
    await expect(exported.getByTestId('logbook-purpose')).toHaveText(ACCESS_REQUEST);
  });

  await test.step('what did this officer consult?', async () => {
    await page.getByRole('tab', { name: 'Wat raadpleegde deze agent?' }).click();
    await pickOption(page, page.getByRole('combobox', { name: 'Agent' }), OFFICER.name);
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    await expect(page.getByTestId('logbook-results')).toContainText(`Agent ${OFFICER.id}`);
    const rows = page.getByTestId('logbook-table').getByTestId('logbook-row');
    await expect(rows.filter({ hasText: ACCESS_REQUEST })).toHaveCount(1);
    await expect(rows.filter({ hasText: SUPERVISOR.name })).toHaveCount(0);
    await expectAccessible(page, 'the Logboek by officer');
  });

  await test.step('searching the puzzle pieces asks why, and the search is logged with it', async () => {
    await goTo(page, 'indicators');
    await page.getByRole('searchbox', { name: 'Zoek waarde' }).fill('NL');
    const asked = page.getByRole('dialog', { name: 'Waarom zoekt u?' });
    await expect(asked).toBeVisible();
    await asked.getByRole('radio', { name: 'Interne controle' }).check();
    await asked.getByTestId('purpose-confirm').click();
    await expect(page.getByTestId('search-purpose')).toHaveText('Zoekdoel: Interne controle');
    // Answered (the few generated reports may share no value with the search).
    await expect(page.getByTestId('indicator-table').or(page.getByText('Geen puzzelstukjes met deze filters.'))).toBeVisible();
    await goTo(page, 'logbook');
    await page.getByRole('tab', { name: 'Wat raadpleegde deze agent?' }).click();
    await pickOption(page, page.getByRole('combobox', { name: 'Agent' }), SUPERVISOR.name);
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    const searched = page.getByTestId('logbook-table').getByTestId('logbook-row').filter({ hasText: 'Puzzelstukjes doorzocht' });
    await expect(searched).toHaveCount(1);
    await expect(searched.getByTestId('logbook-purpose')).toHaveText('Interne controle');
  });
});
