import type { Rolldown } from 'vite';

type ChunkingContext = Rolldown.ChunkingContext;

/** Every module `entry` imports statically, directly or through others, itself included. */
function staticClosure(entry: string, ctx: ChunkingContext): Set<string> {
  const reached = new Set<string>();
  const pending = [entry];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    pending.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return reached;
}

/**
 * One chunk for everything the second script (its own chunk stays apart: the first script imports it by name) needs before the first screen draws (what it imports statically and
 * the first script does not already hold). Left to itself the bundler splits off every module a later screen
 * shares, and the page then fetched twenty small chunks: browser mode speaks HTTP/1.1, six connections to the host,
 * so the first screen's API calls, asked by the first script, waited behind them.
 */
export function firstScreenChunk(firstScript: string, secondScript: string): Rolldown.CodeSplittingGroup {
  const perPass = new WeakMap<ChunkingContext, Set<string>>();
  const secondOnly = (ctx: ChunkingContext) => {
    let modules = perPass.get(ctx);
    if (!modules) {
      const first = staticClosure(firstScript, ctx);
      modules = new Set([...staticClosure(secondScript, ctx)].filter((id) => id !== secondScript && !first.has(id)));
      perPass.set(ctx, modules);
    }
    return modules;
  };
  return { debugName: 'first-screen', includeDependenciesRecursively: false, name: (id, ctx) => (secondOnly(ctx).has(id) ? 'first-screen' : null) };
}
