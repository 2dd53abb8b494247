import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateReports } from '../src-generator';

export const DATA_DIR = fileURLToPath(new URL('./data', import.meta.url));

/** A generated NDJSON file of `count` records, cached between runs (same seed → same bytes). */
export async function dataset(count: number, seed = 2026): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `reports-${count}-seed${seed}.ndjson`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  for (const record of generateReports(count, { seed })) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, path);
  return path;
}
