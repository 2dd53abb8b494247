import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the store's file or its WAL holds `text` byte for byte (as UTF-8), anywhere: live rows, free pages, old frames. */
export function storeFilesHold(storePath: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [storePath, `${storePath}-wal`].some((path) => existsSync(path) && readFileSync(path).includes(needle));
}

/** Whether any file under `dir` (recursively) holds `text` byte for byte. */
export function folderHolds(dir: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory() ? folderHolds(path, text) : readFileSync(path).includes(needle)) return true;
  }
  return false;
}
