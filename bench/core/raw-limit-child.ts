// Child: the ceiling for writing the same rows — a bare prepared better-sqlite3 INSERT in one transaction,
// no validation, no extraction, no indexes but the primary key. Parsing is outside the timed part.
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import type { IntakeRecord } from '../../shared/intake/schema';
import { readNdjsonLines } from '../../shared/intake/ndjson-lines';

const [file, dbPath] = process.argv.slice(2) as [string, string];
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE raw_reports (id INTEGER PRIMARY KEY, report_id TEXT, revision INTEGER, status TEXT, received_at TEXT,
  channel TEXT, kind TEXT, category TEXT, region TEXT, summary TEXT, narrative TEXT, raw TEXT)`);
const insert = db.prepare('INSERT INTO raw_reports (report_id, revision, status, received_at, channel, kind, category, region, summary, narrative, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?)');

type Row = [string, number, string, string, string, string, string, string | null, string | null, string | null, string];
let rows: Row[] = [];
let insertMs = 0;
let count = 0;
const flush = () => {
  const started = performance.now();
  for (const row of rows) insert.run(...row);
  insertMs += performance.now() - started;
  count += rows.length;
  rows = [];
};
db.exec('BEGIN');
for await (const line of readNdjsonLines(createReadStream(file))) {
  if (line.text === '') continue;
  const r = JSON.parse(line.text) as IntakeRecord;
  rows.push([r.reportId, r.revision, r.status, r.receivedAt, r.channel, r.kind, r.category, r.region ?? null, r.incident?.summary ?? null, r.incident?.narrative ?? null, line.text]);
  if (rows.length >= 10_000) flush();
}
flush();
const commitStarted = performance.now();
db.exec('COMMIT');
insertMs += performance.now() - commitStarted;
db.close();
console.log(JSON.stringify({ records: count, seconds: insertMs / 1000, rate: count / (insertMs / 1000) }));
