/**
 * What a built (minified) script imports statically: every `import … from "x"`, `import * as n from "x"`, side-effect
 * `import "x"` and `export … from "x"` — each fetched before the script runs. Dynamic `import("x")` is not one.
 */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^;"'()]*?from\s*)?"([^"]+)"/g;

export const staticImportsOf = (script: string): string[] => [...script.matchAll(STATIC_IMPORT)].map(([, from]) => from!);
