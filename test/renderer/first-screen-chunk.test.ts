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
  return Object.keys(GRAPH).filter((id) => name(id, ctx) === 'first-screen');
};

describe('the first screen is one chunk', () => {
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
});
