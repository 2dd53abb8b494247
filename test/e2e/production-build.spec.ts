/**
 * The renderer the browser suite drives (and the UI bench times) is React's production build, whatever NODE_ENV
 * the build was started under: a build made under the unit tests' NODE_ENV=test once shipped React's development
 * build, which renders twice under StrictMode and checks everything, and the suite then reused it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { RENDERER_DIR } from './support/paths';

/** Only React's development build says this; its production build names numbered errors on react.dev instead. */
const DEVELOPMENT_ONLY = 'Each child in a list should have a unique';
const PRODUCTION_ONLY = 'react.dev/errors/';

test('the renderer is built for production: React without its development checks', () => {
  const assets = join(RENDERER_DIR, 'assets');
  const scripts = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(join(assets, name), 'utf8') }));
  expect(scripts.filter((script) => script.text.includes(DEVELOPMENT_ONLY)).map((script) => script.name)).toEqual([]);
  expect(scripts.some((script) => script.text.includes(PRODUCTION_ONLY))).toBe(true);
});
