/**
 * The renderer is served from its own privileged scheme (`puzzelstuk://app/…`) rather than from file:// URLs, so
 * it has a real origin of its own: the CSP's 'self', and the IPC check of who is calling, mean exactly the app.
 */
export const APP_SCHEME = 'puzzelstuk';
export const APP_HOST = 'app';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is one of the app's own pages (anything else calling the API is refused). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
