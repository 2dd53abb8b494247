// Not a bench row: the report writer's own CPU per record, apart from the preparation (issue 13). Every line is
// prepared on this thread first, unmeasured; then `importNdjson` imports the file as `import` does — its batches,
// its transactions, the writer — handed those prepared lines, so this thread's CPU is the writer's and the import
// loop's, without the prepare worker and without receiving its answers. With --statements, the CPU of every SQL
// statement run meanwhile (COMMIT and the kept counts' settling included), per run and per record, on stderr.
//   node --import tsx bench/writer-cpu.ts <file.ndjson> <fresh store> [--statements]
// Every prepared line is held at once: files of 20k–50k lines. The clock is fixed (as in store-content.ts), so two
// runs write the same rows. Alternate before/after runs on a busy machine: a thread's CPU time grows with the load
// (shared caches), though less than its wall time.
import { createReadStream, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openCaseStore } from '../src-main/app/open-case-store';
import { importNdjson } from '../src-main/ingest/importer';
import { prepareLine, type PreparedLine } from '../src-main/ingest/prepare-line';
import type { LinePreparer } from '../src-main/ingest/prepare-pool';
import { createReportWriter } from '../src-main/ingest/report-writer';
import { IMPORT_ACTOR } from '../src-main/audit/actor';
import { readNdjsonLines } from '../shared/intake/ndjson-lines';
import { fixedClock } from '../shared/platform/clock';
import { threadCpuSeconds } from './child';

interface StatementCost {
  runs: number;
  cpuMicros: number;
}

/**
 * Counts the CPU of every statement run from now on, by its SQL. process.cpuUsage counts all of the process's
 * threads: here only this one is busy (no prepare worker). A statement run inside another (none here) counts once.
 */
function countStatements(): Map<string, StatementCost> {
  const costs = new Map<string, StatementCost>();
  const probe = new Database(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  let running = false;
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = prototype[method]!;
    prototype[method] = function (this: Database.Statement, ...args: unknown[]) {
      if (running) return original.apply(this, args);
      running = true;
      const before = process.cpuUsage();
      try {
        return original.apply(this, args);
      } finally {
        const spent = process.cpuUsage(before);
        running = false;
        // A multi-row INSERT counts as one statement, whatever its number of rows.
        const sql = this.source.replace(/\s+/g, ' ').replace(/\)(, \((\?, )*\?\))+/g, '), …');
        const cost = costs.get(sql) ?? { runs: 0, cpuMicros: 0 };
        cost.runs += 1;
        cost.cpuMicros += spent.user + spent.system;
        costs.set(sql, cost);
      }
    };
  }
  return costs;
}

const [file, path, option] = process.argv.slice(2);
if (!file || !path || (option !== undefined && option !== '--statements')) {
  throw new Error('usage: writer-cpu.ts <file.ndjson> <fresh store> [--statements]');
}
if (existsSync(path)) throw new Error(`${path} exists: give a fresh store`);

const prepared = new Map<number, PreparedLine>();
for await (const line of readNdjsonLines(createReadStream(file))) prepared.set(line.number, prepareLine(line));
const alreadyPrepared: LinePreparer = {
  prepare: (lines) => Promise.resolve(lines.map((line) => prepared.get(line.number)!)),
  preparePage: () => Promise.reject(new Error('writer-cpu imports files only')),
  close: () => Promise.resolve(),
};

const clock = fixedClock(new Date('2026-12-01T08:00:00Z'), 1);
const store = openCaseStore({ clock, path });
const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR });
const statements = option === '--statements' ? countStatements() : null;
const cpuBefore = threadCpuSeconds();
if (cpuBefore === null) throw new Error('writer-cpu needs /proc/thread-self (Linux)');
const summary = await importNdjson(createReadStream(file), writer, { preparer: alreadyPrepared });
const cpuSeconds = threadCpuSeconds()! - cpuBefore;
store.close();

const perRecord = (micros: number) => Math.round((10 * micros) / summary.read) / 10;
if (statements) {
  const rows = [...statements].sort((a, b) => b[1].cpuMicros - a[1].cpuMicros);
  const total = rows.reduce((sum, [, cost]) => sum + cost.cpuMicros, 0);
  console.error(`statements: ${perRecord(total)} µs/record of ${perRecord(cpuSeconds * 1e6)} (with the counting's own cost)`);
  for (const [sql, cost] of rows) {
    console.error(`${String(perRecord(cost.cpuMicros)).padStart(7)} µs/record ${String(cost.runs).padStart(8)} runs ${(cost.cpuMicros / cost.runs).toFixed(1).padStart(8)} µs/run  ${sql.slice(0, 120)}`);
  }
}
console.log(JSON.stringify({ records: summary.read, imported: summary.imported, updated: summary.updated, writerCpuSeconds: cpuSeconds, microsPerRecord: perRecord(cpuSeconds * 1e6) }));
