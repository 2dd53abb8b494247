import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The renderer's second script: main.tsx imports it once the first screen's data has been asked for. */
const SECOND_SCRIPT = /\/app\/show-app\.tsx$/;

/**
 * Build only: the second script and every chunk it imports, preloaded by the page itself, so that they are fetched
 * alongside the first script instead of after it has run; the first still runs first (a modulepreload fetches and
 * compiles, it does not run).
 */
export function preloadSecondScript(): Plugin {
  return {
    name: 'puzzelstuk:preload-second-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const second = Object.values(bundle).find((output) => output.type === 'chunk' && SECOND_SCRIPT.test(output.facadeModuleId ?? ''));
        if (!second) throw new Error('preload-second-script: the build has no chunk for app/show-app.tsx');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const output = bundle[fileName];
          if (files.has(fileName) || output?.type !== 'chunk') return;
          files.add(fileName);
          output.imports.forEach(visit);
        };
        visit(second.fileName);
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' }));
      },
    },
  };
}
