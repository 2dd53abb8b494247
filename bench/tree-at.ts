import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A commit's tree in `dir` (sharing this tree's node_modules), for a "before" measured in the same run. */
export function treeAt(commit: string, dir: string, name: string): string {
  const tree = join(dir, name);
  execFileSync('mkdir', ['-p', tree]);
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${commit} | tar -x -C "${tree}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  return tree;
}
