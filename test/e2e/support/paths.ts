import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The Chromium the suite drives: Debian's package (Playwright's own download cannot work on these machines). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const RENDERER_DIR = resolve(PROJECT_ROOT, 'dist/renderer');
export const SCREENSHOT_DIR = resolve(PROJECT_ROOT, 'test-results/screenshots');
export const DOCS_SCREENSHOT_DIR = resolve(PROJECT_ROOT, 'docs/screenshots');
