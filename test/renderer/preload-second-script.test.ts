import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor, IndexHtmlTransformContext } from 'vite';
import { preloadSecondScript } from '../../src-renderer/preload-second-script';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = [], css: string[] = []) => ({
  type: 'chunk',
  fileName,
  facadeModuleId,
  imports,
  viteMetadata: { importedCss: new Set(css), importedAssets: new Set() },
});

/** A build as Rollup hands it over: the first script, the second (imported dynamically by the first) and their chunks. */
const BUNDLE = Object.fromEntries(
  [
    chunk('assets/index-a1.js', '/repo/src-renderer/main.tsx', ['assets/runtime-b2.js']),
    chunk('assets/show-app-c3.js', '/repo/src-renderer/app/show-app.tsx', ['assets/runtime-b2.js', 'assets/store-d4.js', 'assets/index-a1.js'], ['assets/show-app-g7.css']),
    chunk('assets/store-d4.js', null, ['assets/ScrollArea-e5.js']),
    chunk('assets/ScrollArea-e5.js', null, ['assets/runtime-b2.js']),
    chunk('assets/runtime-b2.js', null),
    // A screen opened later: its own chunk, not fetched for the first screen.
    chunk('assets/OverviewScreen-f6.js', '/repo/src-renderer/features/overview/OverviewScreen.tsx', ['assets/store-d4.js'], ['assets/OverviewScreen-h8.css']),
    { type: 'asset', fileName: 'assets/show-app-g7.css' },
    { type: 'asset', fileName: 'assets/OverviewScreen-h8.css' },
  ].map((output) => [output.fileName, output]),
) as unknown as Bundle;

const HTML = '<head><script type="module" crossorigin src="./assets/index-a1.js"></script><link rel="modulepreload" crossorigin href="./assets/runtime-b2.js"></head>';

function transform(html: string, bundle: Bundle | undefined) {
  const hook = preloadSecondScript().transformIndexHtml;
  if (!hook || typeof hook === 'function') throw new Error('expected an ordered transformIndexHtml hook');
  return hook.handler.call({} as never, html, { path: '/index.html', filename: 'index.html', bundle });
}

describe('the page preloads its second script', () => {
  it('links the second script, every chunk it imports and their styles, once each, and nothing the page already loads or a later screen needs', () => {
    const tags = transform(HTML, BUNDLE) as HtmlTagDescriptor[];
    expect(tags.map((tag) => [tag.attrs?.rel, tag.attrs?.href])).toEqual([
      // A preloaded style sheet, unlike a linked one, does not hold back the first script.
      ['preload', './assets/show-app-g7.css'],
      ['modulepreload', './assets/show-app-c3.js'],
      ['modulepreload', './assets/store-d4.js'],
      ['modulepreload', './assets/ScrollArea-e5.js'],
    ]);
    expect(tags[0]!.attrs).toMatchObject({ as: 'style' });
    for (const tag of tags) expect(tag).toMatchObject({ tag: 'link', attrs: { crossorigin: true }, injectTo: 'head' });
  });

  it('refuses a build without the second script, rather than quietly preloading nothing', () => {
    const withoutIt: Bundle = Object.fromEntries(Object.entries(BUNDLE).filter(([fileName]) => !fileName.includes('show-app')));
    expect(() => transform(HTML, withoutIt)).toThrow(/no chunk for app\/show-app\.tsx/);
  });

  it('leaves the page alone outside a build (the dev server has no bundle)', () => {
    expect(transform(HTML, undefined)).toBe(HTML);
  });
});
