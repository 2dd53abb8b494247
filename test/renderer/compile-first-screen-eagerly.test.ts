import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { compileFirstScreenEagerly, EAGER_COMPILE_HINT } from '../../src-renderer/compile-first-screen-eagerly';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = [], isEntry = false) => ({
  type: 'chunk',
  fileName,
  facadeModuleId,
  imports,
  isEntry,
  code: `/* ${fileName} */ export {};`,
  viteMetadata: { importedCss: new Set(), importedAssets: new Set() },
});

/** A build after minification: the first script, the second (imported dynamically by the first), their chunks, a later screen. */
function bundle(withSecondScript = true): Rolldown.OutputBundle {
  return Object.fromEntries(
    [
      chunk('assets/index-a1.js', '/repo/src-renderer/main.tsx', ['assets/runtime-b2.js'], true),
      ...(withSecondScript ? [chunk('assets/show-app-c3.js', '/repo/src-renderer/app/show-app.tsx', ['assets/runtime-b2.js', 'assets/first-screen-d4.js'])] : []),
      chunk('assets/first-screen-d4.js', null, ['assets/runtime-b2.js']),
      chunk('assets/runtime-b2.js', null),
      chunk('assets/OverviewScreen-f6.js', '/repo/src-renderer/features/overview/OverviewScreen.tsx', ['assets/first-screen-d4.js']),
      { type: 'asset', fileName: 'assets/first-screen-g7.css', source: 'body{}' },
    ].map((output) => [output.fileName, output]),
  ) as unknown as Rolldown.OutputBundle;
}

function generate(output: Rolldown.OutputBundle): void {
  const hook = compileFirstScreenEagerly().generateBundle;
  if (!hook || typeof hook === 'function') throw new Error('expected an ordered generateBundle hook');
  void hook.handler.call({} as never, {} as never, output, false);
}

const code = (output: Rolldown.OutputBundle, fileName: string) => (output[fileName] as Rolldown.OutputChunk).code;

describe('the first screen’s scripts are compiled as they load', () => {
  it('puts the hint first in the first script, the second and every chunk it imports — once — and not in a later screen’s chunk', () => {
    const output = bundle();
    generate(output);
    for (const fileName of ['assets/index-a1.js', 'assets/show-app-c3.js', 'assets/first-screen-d4.js', 'assets/runtime-b2.js']) {
      expect(code(output, fileName)).toBe(`${EAGER_COMPILE_HINT}/* ${fileName} */ export {};`);
    }
    expect(code(output, 'assets/OverviewScreen-f6.js')).toBe('/* assets/OverviewScreen-f6.js */ export {};');
    expect((output['assets/first-screen-g7.css'] as Rolldown.OutputAsset).source).toBe('body{}');
  });

  it('refuses a build without the second script, rather than quietly hinting only the first', () => {
    expect(() => generate(bundle(false))).toThrow(/no chunk for app\/show-app\.tsx/);
  });
});
