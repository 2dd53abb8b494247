/**
 * The matcher behind test/e2e/production-build.spec.ts's "the first script waits for none of them": every form of
 * static import in a minified chunk is caught, since each one is fetched before the script runs. A dynamic import is
 * not one.
 */
import { describe, expect, it } from 'vitest';
import { staticImportsOf } from '../../e2e/support/static-imports';

describe('the static imports of a built script', () => {
  it('are named in every form a minified chunk writes them', () => {
    const script = [
      'import{a as b,c}from"./named.js";',
      'import"./side-effect.js";',
      'import*as all from"./namespace.js";',
      'import d from"./default.js";',
      'export{e}from"./re-export.js";',
      'export*from"./re-export-all.js";',
    ].join('');
    expect(staticImportsOf(script)).toEqual(['./named.js', './side-effect.js', './namespace.js', './default.js', './re-export.js', './re-export-all.js']);
  });

  it('leave out dynamic imports and the script’s own exports', () => {
    const script = 'const f=()=>import("./later.js");import("./other.js").then(m=>m.x);const g="from";export{f as h,g};';
    expect(staticImportsOf(script)).toEqual([]);
  });
});
