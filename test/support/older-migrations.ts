import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PROJECT_ROOT } from './paths';
import { tempDir } from './temp-store';

/** The workstation's migrations as the release before a change shipped them: all before the one whose tag ends in `tag`. */
export function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), 'migrations');
  cpSync(join(PROJECT_ROOT, 'migrations'), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const index = journal.entries.findIndex((entry) => entry.tag.endsWith(tag));
  expect(index, `migration ${tag}`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
