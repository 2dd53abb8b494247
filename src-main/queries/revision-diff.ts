/** Envelope fields every revision changes; the revision list shows them as columns already. */
const ENVELOPE_FIELDS = new Set(['revision', 'receivedAt', 'status']);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function collect(before: unknown, after: unknown, path: string, changed: string[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      const itemPath = `${path}[${index}]`;
      if (index >= before.length || index >= after.length) changed.push(itemPath);
      else collect(before[index], after[index], itemPath, changed);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) collect(before[key], after[key], path === '' ? key : `${path}.${key}`, changed);
    return;
  }
  if (before !== after) changed.push(path);
}

/**
 * Dotted paths (`reporter.phone`, `suspect.bankAccounts[1]`) where two revisions of a record differ. Only the
 * paths: a revision list must not show what a reporter changed their personal data from or to.
 */
export function changedFieldPaths(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changed: string[] = [];
  collect(before, after, '', changed);
  return changed.filter((path) => !ENVELOPE_FIELDS.has(path));
}
