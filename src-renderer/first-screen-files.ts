import type { Rolldown } from 'vite';

/** The renderer's second script: main.tsx imports it once the first screen's data has been asked for. */
const SECOND_SCRIPT = /\/app\/show-app\.tsx$/;

/** The second script's chunk, every chunk it imports statically, and their style sheets: the first screen's files. */
export function secondScriptFiles(bundle: Rolldown.OutputBundle): { scripts: Set<string>; styles: Set<string> } {
  const second = Object.values(bundle).find((output) => output.type === 'chunk' && SECOND_SCRIPT.test(output.facadeModuleId ?? ''));
  if (!second) throw new Error('the build has no chunk for app/show-app.tsx');
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
  return { scripts, styles };
}
