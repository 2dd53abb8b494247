// The lines [from, to) of an NDJSON file, as strings (the bench data sets are a few hundred MB at most).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function readLines(file: string, from: number, to: number): Promise<string[]> {
  const lines: string[] = [];
  let index = 0;
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of reader) {
    if (line === '') continue;
    if (index >= to) break;
    if (index >= from) lines.push(line);
    index += 1;
  }
  reader.close();
  return lines;
}
