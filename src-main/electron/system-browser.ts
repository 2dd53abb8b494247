/**
 * The identity provider's sign-in page opens in the officer's own browser, never in the app's window (RFC 8252:
 * the app never sees the password, and the browser's session with the provider is the officer's). Only the
 * core asks for it, and only web addresses are opened: `shell.openExternal` would also start any program that
 * claims another scheme.
 */
import type { Shell } from 'electron';
import { isLoopbackHost } from '../../shared/hub/address';
import type { Logger } from '../../shared/platform/logger';

/** https anywhere, plain http only on this machine (a provider for tests or behind a local proxy). */
export function isSignInPageAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export function openInSystemBrowser(shell: Pick<Shell, 'openExternal'>, url: string, logger: Logger): void {
  if (!isSignInPageAddress(url)) {
    logger.warn('system_browser.refused', { scheme: URL.canParse(url) ? new URL(url).protocol : 'unparsable' });
    return;
  }
  shell.openExternal(url).catch((error: unknown) => logger.error('system_browser.failed', { error: error instanceof Error ? error.name : 'unknown' }));
}
