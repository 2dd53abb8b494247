import type { Session } from 'electron';
import { DESKTOP_CSP } from '../api/csp';

/**
 * Every response gets the CSP (also any the app's own protocol did not serve), and the renderer gets no
 * device or OS permission: it shows reports, it needs no camera, notifications or external links.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
