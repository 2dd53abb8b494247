import type { Plugin } from 'vite';
import { secondScriptFiles } from './first-screen-files.ts';

/** V8's explicit compile hint (Chromium 136 and later): compile every function of the file as it is loaded. */
export const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Build only: the scripts of the first screen — the first script and the second with what it imports — carry V8's
 * compile hint as their first line, so their functions are compiled on a background thread while the page loads
 * (the scripts are fetched long before they run: the second is preloaded) instead of on the main thread when first
 * called. Drawing the workstation after a sign-in took 284–386 ms of the page's main thread without it, 228–242 ms
 * with it (bench/ui/sign-in-trace.ts, 4 runs each; its V8.CompileCode, ParseFunction and CompileIgnition went).
 * The libraries' code counts: with the hint on the app's own modules alone it stayed at 283–426 ms. Later screens'
 * chunks stay lazily compiled: most of their code never runs in a session.
 */
export function compileFirstScreenEagerly(): Plugin {
  return {
    name: 'puzzelstuk:compile-first-screen-eagerly',
    apply: 'build',
    // After minification, which would drop the comment; it must be the file's very first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const { scripts } = secondScriptFiles(bundle);
        for (const output of Object.values(bundle)) {
          if (output.type === 'chunk' && (output.isEntry || scripts.has(output.fileName))) output.code = EAGER_COMPILE_HINT + output.code;
        }
      },
    },
  };
}
