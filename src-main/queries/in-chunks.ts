/** SQLite limits bound parameters per statement; long IN lists are asked in chunks of this size. */
const CHUNK = 500;

/** Runs `query` once per chunk of `values` with the matching `?, ?, …` placeholder list, and joins the rows. */
export function queryInChunks<V, R>(values: readonly V[], query: (chunk: V[], placeholders: string) => R[]): R[] {
  const rows: R[] = [];
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    rows.push(...query(chunk, chunk.map(() => '?').join(', ')));
  }
  return rows;
}
