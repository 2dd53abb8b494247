/**
 * What an officer does in the workbench, in the terms of its interface (Dutch, the default language): open it,
 * navigate, filter the queue, pick from a Mantine select. Locators prefer roles and accessible names; test ids
 * where the interface offers them for exactly this.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { DomElement } from './dom';
import type { Workstation } from './system';

/** Opens the workstation's printed URL (its launch token included) and waits for the first data. */
export async function openWorkbench(page: Page, workstation: Workstation): Promise<void> {
  await page.goto(workstation.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', /.+/);
}

export const connection = (page: Page): Locator => page.getByTestId('sync-status');

export async function expectOnline(page: Page, timeout = 15_000): Promise<void> {
  await expect(connection(page)).toHaveAttribute('data-connection', 'online', { timeout });
}

export const queueRow = (page: Page, reportId: string): Locator => page.getByTestId(`queue-row-${reportId}`);

/** The reports the queue shows (rows on screen that have arrived). */
export async function visibleQueueIds(page: Page): Promise<string[]> {
  return page.locator('[data-report-id][role="row"]').evaluateAll((rows) => (rows as unknown as DomElement[]).map((row) => row.getAttribute('data-report-id') ?? ''));
}

/** "N meldingen" beside the queue's title. */
export async function expectQueueTotal(page: Page, total: number, timeout?: number): Promise<void> {
  await expect(page.getByTestId('queue-total')).toHaveText(new RegExp(`^${total} melding(en)?$`), { timeout });
}

export async function goTo(page: Page, screen: 'queue' | 'indicators' | 'cases' | 'requests' | 'approvals' | 'routing' | 'directory' | 'overview' | 'logbook' | 'settings'): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('aria-current', 'page');
}

/** Picks `option` in a Mantine Select (by its label) and closes its list. */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Ticks `option` (by its label) in a checklist filter of the queue and closes the list. */
export async function checkFilterOption(page: Page, filter: Locator, option: string): Promise<void> {
  await filter.click();
  await page.getByRole('checkbox', { name: option, exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(filter).toContainText(option);
}

/** A purpose of the default list, the one these tests work under. */
export const WORK_PURPOSE = 'Beoordelen van de melding';

/**
 * Answers the purpose dialog on screen with `purpose`: when it is preselected (the last one given) the officer
 * confirms with one key, Enter; otherwise they choose it and click.
 */
export async function confirmPurpose(page: Page, purpose: string = WORK_PURPOSE): Promise<void> {
  const form = page.getByTestId('purpose-form');
  await expect(form).toBeVisible();
  const choice = form.getByRole('radio', { name: purpose, exact: true });
  if (await choice.isChecked()) {
    await expect(form.getByTestId('purpose-confirm')).toBeFocused();
    await page.keyboard.press('Enter');
  } else {
    await choice.check();
    await form.getByTestId('purpose-confirm').click();
  }
  await expect(form).toHaveCount(0);
}

/** After a click that opens a report: the officer gives the purpose, then it shows. */
export async function expectReportOpened(page: Page, reportId: string): Promise<void> {
  await confirmPurpose(page);
  await expect(page.getByTestId('report-detail')).toHaveAttribute('data-report-id', reportId);
  await expect(page.getByTestId('report-header')).toBeVisible();
}

/** Searches the queue for `word`; the first search of a session asks its purpose. */
export async function searchQueue(page: Page, word: string): Promise<void> {
  const purposeSet = await page.getByTestId('search-purpose').isVisible();
  const search = page.getByRole('searchbox', { name: 'Zoeken' });
  await search.fill(word);
  await search.press('Enter');
  if (!purposeSet) await confirmPurpose(page);
}

/** Opens a report from the queue by clicking its row (and giving the purpose). */
export async function openReportFromQueue(page: Page, reportId: string): Promise<void> {
  await queueRow(page, reportId).click();
  await expectReportOpened(page, reportId);
}

/** Writes a note in the notes panel on screen and waits until it is listed. */
export async function addNote(page: Page, body: string): Promise<void> {
  await page.getByTestId('note-input').fill(body);
  await page.getByTestId('note-submit').click();
  await expect(page.getByTestId('note-item').filter({ hasText: body })).toBeVisible();
  await expect(page.getByTestId('note-input')).toHaveValue('');
}
