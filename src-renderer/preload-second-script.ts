import type { HtmlTagDescriptor, Plugin } from 'vite';
import { secondScriptFiles } from './first-screen-files.ts';

/**
 * Build only: the second script, every chunk it imports and their style sheets, preloaded by the page itself, so
 * that they are fetched alongside the first script instead of after it has run. The first still runs first, and
 * at once: a modulepreload fetches and compiles without running, and a preloaded style sheet (unlike a linked one)
 * does not hold back the page's scripts; it applies when the second script is imported, before anything is drawn.
 */
export function preloadSecondScript(): Plugin {
  return {
    name: 'puzzelstuk:preload-second-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const { scripts, styles } = secondScriptFiles(bundle);
        const link = (file: string, attrs: HtmlTagDescriptor['attrs']): HtmlTagDescriptor => ({ tag: 'link', attrs: { ...attrs, crossorigin: true, href: `./${file}` }, injectTo: 'head' });
        const notInPage = (file: string) => !html.includes(`/${file}"`);
        return [
          ...[...styles].filter(notInPage).map((file) => link(file, { rel: 'preload', as: 'style' })),
          ...[...scripts].filter(notInPage).map((file) => link(file, { rel: 'modulepreload' })),
        ];
      },
    },
  };
}
