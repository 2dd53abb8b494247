/**
 * Issue 14 §1: an officer signs in with their police account in browser mode — the sign-in screen's button opens
 * the identity provider's login page (a real provider, `oidc-provider`, on 127.0.0.1) in a tab, the officer logs
 * in there, the provider sends the tab back to the workstation's loopback listener, whose page closes the tab, and
 * the workstation opens on the first queue in the page the officer started from. Beside it the twin: a police
 * account no officer is linked to is refused, saying why (the tab stays open to say it too). Right after the
 * sign-in the officer sets their offline code; with it they sign in while the hub is away (a wrong code refused,
 * saying so).
 */
import type { Page } from '@playwright/test';
import { expectQueueTotal } from './support/app';
import { expect, test } from './support/fixtures';
import { generatedRecords } from './support/records';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

const CLIENT_ID = 'puzzelstuk';
const REPORTS = 12;
const OFFLINE_CODE = '24681357';

let provider: TestOidcProvider;
test.beforeAll(async () => {
  provider = await startOidcProvider([{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }]);
});
test.afterAll(async () => provider?.close());

/**
 * Logs in at the provider's page (its development form takes any login); no consent page follows for the force's
 * own application, as in Keycloak. The tab's last page.
 */
async function logInAtProvider(tab: Page, login: string): Promise<Page> {
  await tab.locator('input[name="login"]').fill(login);
  await tab.locator('input[name="password"]').fill('wachtwoord');
  await tab.locator('button[type="submit"]').click();
  return tab;
}

/** Clicks "Aanmelden met politie-account" (on the sign-in screen, or in `within`): the provider's tab it opens. */
async function openProviderTab(page: Page, within: Pick<Page, 'getByRole'> = page): Promise<Page> {
  const [tab] = await Promise.all([page.waitForEvent('popup'), within.getByRole('button', { name: 'Aanmelden met politie-account' }).click()]);
  return tab;
}

/** Signs in at the provider from the sign-in screen; the workstation opens. */
async function signInWithPoliceAccount(page: Page, login: string): Promise<void> {
  const tab = await openProviderTab(page);
  await logInAtProvider(tab, login);
  await expect(page.getByTestId('sign-in-screen')).toHaveCount(0);
}

/** The dialog right after the sign-in: a code too short is refused as it is typed, then the code is set. */
async function setOfflineCode(page: Page, code: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Stel uw offlinecode in' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('offline-code').fill('12345');
  await expect(dialog).toContainText('Te kort: minstens 6 cijfers, of 8 tekens.');
  await expect(dialog.getByRole('button', { name: 'Code opslaan' })).toBeDisabled();
  await dialog.getByTestId('offline-code').fill(code);
  await dialog.getByTestId('offline-code-repeat').fill(code);
  await dialog.getByRole('button', { name: 'Code opslaan' }).click();
  await expect(dialog).toHaveCount(0);
}

test('an officer signs in with their police account and the workstation opens on the queue', async ({ page, launcher }) => {
  test.setTimeout(120_000);
  const hub = await launcher.hub({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, subjects: { 'e2e.agent': 'kc-e2e-agent' } } });
  await hub.post(generatedRecords(REPORTS, 'e2e-police-account'));
  const workstation = await launcher.workstation(hub, { officer: 'e2e.agent', signIn: false });

  await page.goto(workstation.url);
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  // Gone if the workbench loaded again: it must open in the page the officer started from.
  await page.evaluate(() => Object.assign(globalThis, { signInStartedHere: true }));
  const clickedAt = Date.now();
  const tab = await openProviderTab(page);
  await expect(page.getByTestId('police-account-waiting')).toBeVisible();
  // By way of the workstation's start page, which binds this tab to the sign-in, on to the provider.
  await tab.waitForURL((url) => url.origin === provider.issuer);

  const signedInPage = tab.waitForResponse((response) => new URL(response.url()).pathname === '/callback');
  const tabClosed = tab.waitForEvent('close');
  await logInAtProvider(tab, 'kc-e2e-agent');
  // The provider sent the tab back to the workstation's listener, whose page says so and closes the tab (what it
  // says: test/security/oidc-workstation.test.ts — once the tab is closed its text can no longer be read here).
  expect((await signedInPage).status()).toBe(200);
  await tabClosed;
  await expect(page.getByTestId('sign-in-screen')).toHaveCount(0);
  expect(await page.evaluate(() => 'signInStartedHere' in globalThis)).toBe(true);
  await setOfflineCode(page, OFFLINE_CODE);
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
  await expectQueueTotal(page, REPORTS, 30_000);
  test.info().annotations.push({ type: 'signed in', description: `queue shown ${((Date.now() - clickedAt) / 1000).toFixed(1)} s after the click (provider form filled by the test)` });
});

test('a police account no officer is linked to is refused, saying why', async ({ page, launcher }) => {
  test.setTimeout(120_000);
  const hub = await launcher.hub({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, subjects: { 'e2e.agent': 'kc-e2e-agent' } } });
  const workstation = await launcher.workstation(hub, { officer: 'e2e.agent', signIn: false });

  await page.goto(workstation.url);
  const tab = await openProviderTab(page);
  await logInAtProvider(tab, 'kc-niet-gekoppeld');
  await expect(tab.getByRole('heading', { name: 'Aanmelden mislukt / Sign-in failed' })).toBeVisible();
  const failure = page.getByTestId('police-account-failure');
  await expect(failure).toContainText('Uw politie-account is niet gekoppeld aan een medewerker');
  await expect(failure).toContainText('no officer in the hub\'s registry is linked to sub "kc-niet-gekoppeld"');
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
});

test('an officer who cancels at the provider stays on the sign-in screen, told the provider did not sign them in', async ({ page, launcher }) => {
  test.setTimeout(120_000);
  const hub = await launcher.hub({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, subjects: { 'e2e.agent': 'kc-e2e-agent' } } });
  const workstation = await launcher.workstation(hub, { officer: 'e2e.agent', signIn: false });

  await page.goto(workstation.url);
  const tab = await openProviderTab(page);
  await tab.getByRole('link', { name: 'Annuleren' }).click();
  await expect(tab.getByRole('heading', { name: 'Aanmelden mislukt / Sign-in failed' })).toBeVisible();
  await expect(page.getByTestId('police-account-failure')).toContainText('access_denied');
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  // The twin: a second attempt from the same screen signs in.
  await signInWithPoliceAccount(page, 'kc-e2e-agent');
});

test('a police-account officer sets an offline code, signs in with it while the hub is away, and is asked for their police account once it is back', async ({ page, launcher }) => {
  // Up to one long backoff step, or the half-minute probe, before the workstation sees the hub back.
  test.setTimeout(180_000);
  const hub = await launcher.hub({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, subjects: { 'e2e.agent': 'kc-e2e-agent' } } });
  await hub.post(generatedRecords(REPORTS, 'e2e-police-offline'));
  const workstation = await launcher.workstation(hub, { officer: 'e2e.agent', signIn: false });

  await page.goto(workstation.url);
  await signInWithPoliceAccount(page, 'kc-e2e-agent');
  await setOfflineCode(page, OFFLINE_CODE);
  await expectQueueTotal(page, REPORTS, 30_000);

  await test.step('the hub stops; the officer signs out', async () => {
    await hub.stop();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline', { timeout: 15_000 });
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  });

  await test.step('without the hub: a wrong code is refused, their own signs them in, marked offline', async () => {
    await page.getByTestId('sign-in-officer').fill('e2e.agent');
    await page.getByTestId('sign-in-credential').fill('13572468');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-failure')).toContainText('this is not the offline code "e2e.agent" last set here, or "e2e.agent" never signed in here');
    await page.getByTestId('sign-in-credential').fill(OFFLINE_CODE);
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('signed-in')).toHaveAttribute('data-officer-id', 'e2e.agent');
    await expect(page.getByTestId('signed-in-offline')).toHaveText('offline aangemeld');
    await expectQueueTotal(page, REPORTS);
  });

  await test.step('the hub is back: a prompt asks for the police account, put off it stays beside their name; signed in, they are online', async () => {
    await hub.restart();
    const prompt = page.getByRole('dialog', { name: 'De hub is weer bereikbaar' });
    await expect(prompt).toBeVisible({ timeout: 90_000 });
    await expect(prompt).toContainText('Meld u opnieuw aan met uw politie-account');
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toHaveCount(0);
    await page.getByTestId('hub-back-badge').click();
    await expect(prompt).toBeVisible();
    // The tab is still signed in at the provider (as in Keycloak, no page there): straight back to the workstation.
    const tab = await openProviderTab(page, prompt);
    await tab.waitForEvent('close');
    await expect(prompt).toHaveCount(0);
    await expect(page.getByTestId('signed-in-offline')).toHaveCount(0);
    await expect(page.getByTestId('hub-back-badge')).toHaveCount(0);
    // Their code was set just now: not asked again.
    await expect(page.getByRole('dialog', { name: 'Bevestig uw offlinecode' })).toHaveCount(0);
  });
});
