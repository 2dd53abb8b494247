import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';

const RENDERER_VITE_CONFIG = fileURLToPath(new URL('../../src-renderer/vite.config.ts', import.meta.url));

/** Builds the renderer with Vite when `rendererDir` has no build yet. Vite speaks on stderr: stdout carries JSON only. */
export async function ensureRendererBuilt(rendererDir: string, stderr: Writable): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  stderr.write(`puzzelstuk: the renderer is not built yet (${rendererDir}); building it with Vite first…\n`);
  const { build } = await import('vite');
  const say = (message: string) => void stderr.write(`${message}\n`);
  const warned = new Set<string>();
  await build({
    configFile: RENDERER_VITE_CONFIG,
    logLevel: 'warn',
    customLogger: {
      info: say,
      warn: say,
      warnOnce: (message) => {
        if (!warned.has(message)) say(message);
        warned.add(message);
      },
      error: say,
      clearScreen: () => undefined,
      hasErrorLogged: () => false,
      hasWarned: false,
    },
  });
}
