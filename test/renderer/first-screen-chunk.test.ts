import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { firstScreenChunk } from '../../src-renderer/first-screen-chunk';

/** A module graph as the bundler hands it to a group: each module's static imports. */
const GRAPH: Record<string, string[]> = {
  '/r/main.tsx': ['/r/early-start.ts'],
  '/r/early-start.ts': ['/r/http-client.ts', '/r/first-query.ts'],
  '/r/http-client.ts': [],
  '/r/first-query.ts': [],
  '/r/show-app.tsx': ['/r/App.tsx', '/r/first-query.ts'],
  '/r/App.tsx': ['/nm/react/index.js', '/r/QueueScreen.tsx', '/r/http-client.ts'],
  '/nm/react/index.js': [],
  '/r/QueueScreen.tsx': ['/r/Badge.tsx'],
  '/r/Badge.tsx': [],
  // A screen opened later (imported dynamically by App): it shares Badge, and has its own chart library.
  '/r/OverviewScreen.tsx': ['/r/Badge.tsx', '/nm/charts/index.js'],
  '/nm/charts/index.js': [],
};

const context = (): Rolldown.ChunkingContext => ({
  getModuleInfo: (id: string) => (GRAPH[id] ? ({ id, importedIds: GRAPH[id] } as unknown as Rolldown.ModuleInfo) : null),
});

const captured = (ctx = context()) => {
  const { name } = firstScreenChunk('/r/main.tsx', '/r/show-app.tsx');
  if (typeof name !== 'function') throw new Error('expected a name function');
  return Object.keys(GRAPH).filter((id) => name(id, ctx) !== null);
};

describe('the first screen is two chunks', () => {
  it('holds what the second script imports statically, shared modules included, and nothing the first script holds or only a later screen needs', () => {
    expect(captured()).toEqual(['/r/App.tsx', '/nm/react/index.js', '/r/QueueScreen.tsx', '/r/Badge.tsx']);
  });

  it('reads the graph again in each chunking pass', () => {
    const { name } = firstScreenChunk('/r/main.tsx', '/r/show-app.tsx');
    if (typeof name !== 'function') throw new Error('expected a name function');
    expect(name('/r/Badge.tsx', context())).toBe('first-screen');
    const withoutQueue: Rolldown.ChunkingContext = {
      getModuleInfo: (id: string) => (GRAPH[id] ? ({ id, importedIds: id === '/r/App.tsx' ? [] : GRAPH[id] } as unknown as Rolldown.ModuleInfo) : null),
    };
    expect(name('/r/Badge.tsx', withoutQueue)).toBeNull();
  });

  it('takes from a library’s re-export barrel only the components the first screen imports, not the later screens’ ones', () => {
    const barrel = '/x/node_modules/ui/index.mjs';
    const code: Record<string, string> = {
      [barrel]: 'import { Button } from "./Button.mjs";\nimport { MultiSelect } from "./MultiSelect.mjs";\nexport { Button, MultiSelect };\n',
      '/r/App.tsx': 'import { Button as Knop } from "ui";\nexport const App = () => Knop;\n',
      '/r/Filters.tsx': 'import { MultiSelect } from "ui";\nexport const Filters = () => MultiSelect;\n',
    };
    const graph: Record<string, string[]> = {
      '/r/main.tsx': [],
      '/r/show-app.tsx': ['/r/App.tsx'],
      '/r/App.tsx': [barrel],
      [barrel]: ['/x/node_modules/ui/Button.mjs', '/x/node_modules/ui/MultiSelect.mjs'],
      '/x/node_modules/ui/Button.mjs': ['/x/node_modules/ui/Box.mjs'],
      '/x/node_modules/ui/Box.mjs': [],
      '/x/node_modules/ui/MultiSelect.mjs': ['/x/node_modules/ui/Box.mjs'],
      // A later screen (imported dynamically) with the library's other component.
      '/r/Filters.tsx': [barrel],
    };
    const ctx = (codeOf: (id: string) => string | undefined): Rolldown.ChunkingContext => ({
      getModuleInfo: (id: string) => (graph[id] ? ({ id, importedIds: graph[id], code: codeOf(id) ?? '' } as unknown as Rolldown.ModuleInfo) : null),
    });
    const capturedIn = (context: Rolldown.ChunkingContext) => {
      const { name } = firstScreenChunk('/r/main.tsx', '/r/show-app.tsx');
      if (typeof name !== 'function') throw new Error('expected a name function');
      return Object.keys(graph).filter((id) => name(id, context) !== null);
    };
    expect(capturedIn(ctx((id) => code[id]))).toEqual(['/r/App.tsx', barrel, '/x/node_modules/ui/Button.mjs', '/x/node_modules/ui/Box.mjs']);
    // A module that does more than re-export is no barrel: all it imports goes with it, as before.
    const notOnlyExports = ctx((id) => (id === barrel ? `${code[barrel]}console.log("side effect");\n` : code[id]));
    expect(capturedIn(notOnlyExports)).toContain('/x/node_modules/ui/MultiSelect.mjs');
    // A name the barrel does not list plainly (imported some other way): all of the barrel, never too little.
    const unlisted = ctx((id) => (id === '/r/App.tsx' ? 'import { Anchor } from "ui";\n' : code[id]));
    expect(capturedIn(unlisted)).toContain('/x/node_modules/ui/MultiSelect.mjs');
  });
  it('puts the libraries but Mantine in a chunk of their own, which imports nothing from the other', () => {
    const nm = (path: string) => `/x/node_modules/${path}`;
    const graph: Record<string, string[]> = {
      '/r/main.tsx': [],
      '/r/show-app.tsx': ['/r/App.tsx'],
      '/r/App.tsx': [nm('react-dom/index.js'), nm('@mantine/core/Button.mjs'), nm('data-grid/index.js')],
      [nm('react-dom/index.js')]: [nm('scheduler/index.js')],
      [nm('scheduler/index.js')]: [],
      [nm('@mantine/core/Button.mjs')]: [nm('clsx/index.js')],
      [nm('clsx/index.js')]: [],
      // A library built on Mantine: with it, or the two chunks would import each other.
      [nm('data-grid/index.js')]: [nm('@mantine/core/Button.mjs'), nm('grid-core/index.js')],
      [nm('grid-core/index.js')]: [],
    };
    const ctx: Rolldown.ChunkingContext = {
      getModuleInfo: (id: string) => (graph[id] ? ({ id, importedIds: graph[id], code: '' } as unknown as Rolldown.ModuleInfo) : null),
    };
    const { name } = firstScreenChunk('/r/main.tsx', '/r/show-app.tsx');
    if (typeof name !== 'function') throw new Error('expected a name function');
    const named = (chunk: string) => Object.keys(graph).filter((id) => name(id, ctx) === chunk);
    expect(named('first-screen-libraries')).toEqual([nm('react-dom/index.js'), nm('scheduler/index.js'), nm('clsx/index.js'), nm('grid-core/index.js')]);
    expect(named('first-screen')).toEqual(['/r/App.tsx', nm('@mantine/core/Button.mjs'), nm('data-grid/index.js')]);
    for (const library of named('first-screen-libraries')) expect(graph[library]!.filter((id) => name(id, ctx) === 'first-screen')).toEqual([]);
  });
});
