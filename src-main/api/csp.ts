/**
 * Content-Security-Policy of the renderer: only its own scripts and styles (Mantine injects inline styles),
 * no plugins, no framing of it, no foreign connections. Reports carry attacker-controlled text and URLs, so a
 * markup-injection bug must not be able to run script or send data anywhere. The one frame it may show is a
 * `blob:` the page made itself: the preview of a request letter (a PDF generated in the main process).
 */
const COMMON = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  'frame-src blob:',
  "frame-ancestors 'none'",
  "base-uri 'none'",
];

/** Browser mode: events arrive over a WebSocket on the loopback server. */
export const BROWSER_MODE_CSP = [...COMMON, "connect-src 'self' ws://127.0.0.1:*"].join('; ');

/** Desktop: everything goes over IPC, so the renderer connects nowhere. */
export const DESKTOP_CSP = [...COMMON, "connect-src 'self'"].join('; ');
