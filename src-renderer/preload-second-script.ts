import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The renderer's second script: main.tsx imports it once the first screen's data has been asked for. */
const SECOND_SCRIPT = /\/app\/show-app\.tsx$/;

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
        const second = Object.values(bundle).find((output) => output.type === 'chunk' && SECOND_SCRIPT.test(output.facadeModuleId ?? ''));
        if (!second) throw new Error('preload-second-script: the build has no chunk for app/show-app.tsx');
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const output = bundle[fileName];
          if (scripts.has(fileName) || output?.type !== 'chunk') return;
          scripts.add(fileName);
          output.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          output.imports.forEach(visit);
        };
        visit(second.fileName);
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
