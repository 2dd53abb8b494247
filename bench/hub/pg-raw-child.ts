// Child: the ceiling for writing the same rows into PostgreSQL — a bare multi-row INSERT (unnest of arrays,
// one statement per batch) into a table with only a primary key, from `posters` connections at once, no
// validation, no feed, no revision rules. Parsing is outside the timed part.
//   pg-raw-child.ts <database-url> <file> <records> <batch> <connections>
import pg from 'pg';
import type { IntakeRecord } from '../../shared/intake/schema';
import { readLines } from './lines';

const [url, file, countArg, batchArg, connectionsArg] = process.argv.slice(2) as [string, string, string, string, string];
const lines = await readLines(file, 0, Number(countArg));
type Columns = [string[], number[], string[], string[], string[], string[], string[], (string | null)[], (string | null)[], (string | null)[], string[]];
const batchSize = Number(batchArg);
const batches: Columns[] = [];
for (let i = 0; i < lines.length; i += batchSize) {
  const columns: Columns = [[], [], [], [], [], [], [], [], [], [], []];
  for (const text of lines.slice(i, i + batchSize)) {
    const r = JSON.parse(text) as IntakeRecord;
    const row = [r.reportId, r.revision, r.status, r.receivedAt, r.channel, r.kind, r.category, r.region ?? null, r.incident?.summary ?? null, r.incident?.narrative ?? null, text];
    row.forEach((value, column) => (columns[column] as unknown[]).push(value));
  }
  batches.push(columns);
}

const pool = new pg.Pool({ connectionString: url, max: Number(connectionsArg) });
await pool.query(`CREATE TABLE raw_reports (id bigserial PRIMARY KEY, report_id text, revision integer, status text, received_at text,
  channel text, kind text, category text, region text, summary text, narrative text, raw text)`);
const insert = `INSERT INTO raw_reports (report_id, revision, status, received_at, channel, kind, category, region, summary, narrative, raw)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(connectionsArg) }, async () => {
    while (next < batches.length) await pool.query(insert, batches[next++]);
  }),
);
const seconds = (performance.now() - started) / 1000;
await pool.end();
console.log(JSON.stringify({ records: lines.length, seconds, rate: lines.length / seconds }));
