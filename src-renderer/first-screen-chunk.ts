import type { Rolldown } from 'vite';

type ChunkingContext = Rolldown.ChunkingContext;

type ModuleInfo = NonNullable<ReturnType<ChunkingContext['getModuleInfo']>>;

/** `import { a, b as c } from "x"` statements: each specifier with the names imported from it. */
function namedImports(code: string): Array<{ from: string; names: string[] }> {
  return [...code.matchAll(/^import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["'];?\s*$/gm)].map(([, names, from]) => ({
    from: from!,
    names: names!.split(',').map((name) => name.trim().split(/\s+as\s+/)[0]!).filter(Boolean),
  }));
}

/**
 * A package's re-export barrel (`@mantine/core`'s index: nothing but `import { X } from "./x.mjs"` and `export { … }`):
 * the module each name comes from; null for any other module.
 */
function barrelSources(info: ModuleInfo): Map<string, string> | null {
  const code = info.code ?? '';
  if (!info.id.includes('/node_modules/') || !/^export\s*\{/m.test(code) || code.replace(/^(import|export)\s*\{[^}]*\}[^;\n]*;?\s*$/gm, '').trim() !== '') return null;
  const sources = new Map<string, string>();
  for (const { from, names } of namedImports(code)) {
    const id = new URL(from, `file://${info.id}`).pathname;
    if (info.importedIds.includes(id)) for (const name of names) sources.set(name, id);
  }
  return sources;
}

/**
 * What `importer` takes from `imported`: through a barrel only the modules of the names it imports (else the barrel
 * brings every component of the library, later screens' too, into the first screen's chunk); otherwise the module.
 */
function taken(importer: ModuleInfo, imported: ModuleInfo): string[] {
  const sources = barrelSources(imported);
  if (!sources) return [imported.id];
  const names = namedImports(importer.code ?? '')
    .filter(({ from }) => !from.startsWith('.') && imported.id.includes(`/node_modules/${from}/`))
    .flatMap((statement) => statement.names);
  const ids = names.map((name) => sources.get(name));
  // A name the barrel does not list plainly: all of it, as the bundler would see it.
  return names.length > 0 && ids.every((id) => id !== undefined) ? [imported.id, ...ids] : [imported.id, ...imported.importedIds];
}

/** Every module `entry` imports statically, directly or through others, itself included; through barrels only what is used. */
function staticClosure(entry: string, ctx: ChunkingContext): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    const info = ctx.getModuleInfo(id);
    if (!info) continue;
    if (barrelSources(info)) continue;
    for (const importedId of info.importedIds) {
      const imported = ctx.getModuleInfo(importedId);
      pending.push(...(imported ? taken(info, imported) : [importedId]));
    }
  }
  return reached;
}

/** The libraries' half of the first screen: every package but Mantine, which goes with the app's own code. */
const LIBRARY = /\/node_modules\/(?!@mantine\/)/;

/**
 * Everything the second script (its own chunk stays apart: the first script imports it by name) needs before the
 * first screen draws (what it imports statically and the first script does not already hold), in two chunks of about
 * the same size: the libraries (React DOM, i18next, Floating UI, the virtualizer…) and the rest (Mantine, the app's
 * own modules, its texts). Left to itself the bundler splits off every module a later screen shares, and the page
 * then fetched twenty small chunks: browser mode speaks HTTP/1.1, six connections to the host, so the first screen's
 * API calls, asked by the first script, waited behind them. Two, not one: the page's scripts carry V8's compile hint
 * (compile-first-screen-eagerly.ts), so each is compiled whole on a background thread as it arrives, and the page
 * can run none of it before the last is compiled; one file was compiled on one thread while the page's main thread
 * waited, two are compiled side by side. A library that imports a module of the other half stays with it, so that
 * the libraries' chunk imports nothing from the other: two chunks that import each other can run a module before
 * the one it uses.
 */
export function firstScreenChunk(firstScript: string, secondScript: string): Rolldown.CodeSplittingGroup {
  const perPass = new WeakMap<ChunkingContext, { modules: Set<string>; libraries: Set<string> }>();
  const halves = (ctx: ChunkingContext) => {
    let found = perPass.get(ctx);
    if (!found) {
      const first = staticClosure(firstScript, ctx);
      const modules = new Set([...staticClosure(secondScript, ctx)].filter((id) => id !== secondScript && !first.has(id)));
      const libraries = new Set([...modules].filter((id) => LIBRARY.test(id)));
      for (let moved = true; moved; ) {
        moved = false;
        for (const id of libraries) {
          if ((ctx.getModuleInfo(id)?.importedIds ?? []).some((imported) => modules.has(imported) && !libraries.has(imported))) {
            libraries.delete(id);
            moved = true;
          }
        }
      }
      found = { modules, libraries };
      perPass.set(ctx, found);
    }
    return found;
  };
  return {
    debugName: 'first-screen',
    includeDependenciesRecursively: false,
    name: (id, ctx) => {
      const { modules, libraries } = halves(ctx);
      return libraries.has(id) ? 'first-screen-libraries' : modules.has(id) ? 'first-screen' : null;
    },
  };
}
