/**
 * The renderer the browser suite drives (and the UI bench times) is React's production build, whatever NODE_ENV
 * the build was started under: a build made under the unit tests' NODE_ENV=test once shipped React's development
 * build, which renders twice under StrictMode and checks everything, and the suite then reused it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { RENDERER_DIR } from './support/paths';
import { staticImportsOf } from './support/static-imports';

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

/**
 * Browser mode speaks HTTP/1.1: six connections to the host. The first script asks for the first screen's data at
 * once; when the page also preloaded twenty small chunks, those calls waited behind them (first-screen-chunk.ts).
 */
test('the first screen is fetched in a few files, and the first script waits for none of them', () => {
  const page = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const [, firstScript] = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/.exec(page) ?? [];
  expect(firstScript).toBeDefined();
  const preloaded = [...page.matchAll(/<link rel="(?:modulepreload|preload)"[^>]* href="\.\/(assets\/[^"]+)"/g)].map(([, file]) => file);
  // The second script, the bundler's runtime, the first screen's two chunks (compiled side by side) and its style sheet.
  expect(preloaded.length).toBeLessThanOrEqual(5);
  expect(page).not.toMatch(/<link rel="stylesheet"/);
  expect(staticImportsOf(readFileSync(join(RENDERER_DIR, firstScript!), 'utf8'))).toEqual([]);
});

/** V8 compiles a file eagerly only when its compile hint is the very first line (compile-first-screen-eagerly.ts). */
test('the first screen’s scripts begin with V8’s compile hint, a later screen’s do not', () => {
  const page = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const scripts = [...page.matchAll(/<(?:script type="module"|link rel="modulepreload")[^>]* (?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map(([, file]) => file!);
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  for (const file of scripts) expect(readFileSync(join(RENDERER_DIR, file), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  const later = readdirSync(join(RENDERER_DIR, 'assets')).filter((name) => name.startsWith('OverviewScreen-') && name.endsWith('.js'));
  expect(later).toHaveLength(1);
  expect(readFileSync(join(RENDERER_DIR, 'assets', later[0]!), 'utf8')).not.toContain('allFunctionsCalledOnLoad');
});
