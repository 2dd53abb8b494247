/**
 * JSON from outside, parsed with a nesting limit checked before anything is built: a line of a million `[` would
 * otherwise become a million nested arrays, and every later JSON.stringify of it (an answer, a feed entry) would
 * overflow the stack. Errors say where, never what: a reason must not echo the submitted text.
 */

/** Far deeper than any intake record (the contract nests four levels); unknown fields may nest a little more. */
export const MAX_JSON_DEPTH = 32;

export type BoundedJsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Fewer opening brackets than the limit cannot nest past it: most lines are cleared by two fast indexOf walks. */
function fewBrackets(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      count += 1;
      if (count > limit) return false;
    }
  }
  return true;
}

/** The deepest nesting of `text` (brackets inside strings do not count), stopping once past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) depth -= 1;
  }
  return deepest;
}

/** Where JSON.parse stopped, from its message (which otherwise quotes the text). */
function positionOf(error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (match) return ` at character ${Number(match[1]) + 1}`;
  return /end of JSON input/i.test(error instanceof Error ? error.message : '') ? ': it ends too early' : '';
}

export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): BoundedJsonResult {
  if (!fewBrackets(text, maxDepth) && nestingDepth(text, maxDepth) > maxDepth) {
    return { ok: false, reason: `nested deeper than ${maxDepth} levels; an intake record is never that deep` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `not valid JSON${positionOf(error)}` };
  }
}

/** What stands where a stored value nested too deep to show was. */
export const TOO_DEEP_MARK = `[nested deeper than ${MAX_JSON_DEPTH} levels; not shown]`;

/**
 * A copy of a parsed value whose objects and arrays below `maxDepth` levels are replaced by TOO_DEEP_MARK, built
 * without recursion: a record stored before the nesting limit (or by another program) must still be shown and
 * sent, and a JSON.stringify of it not overflow the stack. Shallow values come back as they are.
 */
export function pruneDeepValues(value: unknown, maxDepth = MAX_JSON_DEPTH): unknown {
  if (value === null || typeof value !== 'object') return value;
  const root: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  const stack: Array<{ from: object; to: Record<string, unknown> | unknown[]; depth: number }> = [{ from: value, to: root, depth: 1 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    for (const [key, child] of Object.entries(from) as Array<[string, unknown]>) {
      let copy: unknown = child;
      if (child !== null && typeof child === 'object') {
        if (depth >= maxDepth) copy = TOO_DEEP_MARK;
        else {
          const container: Record<string, unknown> | unknown[] = Array.isArray(child) ? [] : {};
          stack.push({ from: child, to: container, depth: depth + 1 });
          copy = container;
        }
      }
      (to as Record<string, unknown>)[key] = copy;
    }
  }
  return root;
}
