// Child: the floor under any import into this schema. The rows a finished import holds (reports, revisions, text
// index, indicators, mentions, audit, clusters) are written again into a fresh store with bare prepared statements,
// in batches of 2,500 reports, with no parsing, validation, extraction or linking. Reading them from the finished
// store is outside the timed part. An import also rewrites rows for revisions and withdrawals, so it writes more.
//   write-floor-child.ts <finished store> <fresh store path>
import Database from 'better-sqlite3';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { threadCpuSeconds } from '../child';

type Row = unknown[];
const BATCH_REPORTS = 2500;

const [sourcePath, targetPath] = process.argv.slice(2) as [string, string];
const source = new Database(sourcePath, { readonly: true });
const target = openCaseStore({ clock: systemClock, path: targetPath }).sqlite;

const reportColumns = source.prepare('SELECT * FROM reports LIMIT 0').columns().map((column) => column.name);
const read = {
  reports: source.prepare<[number, number], Row>('SELECT * FROM reports WHERE id BETWEEN ? AND ? ORDER BY id').raw(),
  revisions: source.prepare<[number, number], Row>('SELECT * FROM report_revisions WHERE report_id BETWEEN ? AND ? ORDER BY report_id, revision').raw(),
  mentions: source.prepare<[number, number], Row>('SELECT report_id, indicator_id, field, raw, benign FROM mentions WHERE report_id BETWEEN ? AND ? ORDER BY report_id').raw(),
  indicator: source.prepare<[number], Row>('SELECT id, type, value, enrichment, benign_reason FROM indicators WHERE id = ?').raw(),
  audit: source.prepare<[number, number], Row>('SELECT at, actor, action, subject_type, subject_id, details, entry_hash FROM audit_log WHERE id > ? AND id <= ? ORDER BY id').raw(),
  clusters: source.prepare<[], Row>('SELECT id, size FROM clusters').raw(),
};
const write = {
  report: target.prepare(`INSERT INTO reports (${reportColumns.join(', ')}) VALUES (${reportColumns.map(() => '?').join(', ')})`),
  revision: target.prepare('INSERT INTO report_revisions (report_id, revision, status, received_at, raw, packed, narrative_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  indicator: target.prepare('INSERT INTO indicators (id, type, value, enrichment, benign_reason) VALUES (?, ?, ?, ?, ?)'),
  mention: target.prepare('INSERT INTO mentions (report_id, indicator_id, field, raw, benign) VALUES (?, ?, ?, ?, ?)'),
  text: target.prepare('INSERT INTO reports_fts (rowid, summary, narrative) VALUES (?, ?, ?)'),
  audit: target.prepare('INSERT INTO audit_log (at, actor, action, subject_type, subject_id, details, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  cluster: target.prepare('INSERT INTO clusters (id, size) VALUES (?, ?)'),
};
const [idAt, statusAt, summaryAt, narrativeAt] = ['id', 'status', 'summary', 'narrative'].map((name) => reportColumns.indexOf(name)) as [number, number, number, number];

const maxReportId = source.prepare('SELECT coalesce(max(id), 0) FROM reports').pluck().get() as number;
const maxAuditId = source.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
// Every intake record the import applied left one revision row, so the floor's rate is per record like the import's.
const records = source.prepare('SELECT count(*) FROM report_revisions').pluck().get() as number;
const indicatorWritten = new Uint8Array((source.prepare('SELECT coalesce(max(id), 0) FROM indicators').pluck().get() as number) + 1);

/** Groups rows by their first column (a report id), which they are ordered by. */
function byReport(rows: Row[]): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const id = row[0] as number;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

let timedMs = 0;
/** CPU seconds of the timed parts (null where the thread's CPU time cannot be read). */
let timedCpu: number | null = 0;
const timeCpu = (before: number | null) => {
  const after = threadCpuSeconds();
  timedCpu = timedCpu === null || before === null || after === null ? null : timedCpu + after - before;
};
let auditDone = 0;
for (let low = 1; low <= maxReportId; low += BATCH_REPORTS) {
  const high = low + BATCH_REPORTS - 1;
  const reports = read.reports.all(low, high);
  const revisions = byReport(read.revisions.all(low, high));
  const mentions = byReport(read.mentions.all(low, high));
  const newIndicators = new Map<number, Row>();
  for (const group of mentions.values())
    for (const mention of group) {
      const indicatorId = mention[1] as number;
      if (!indicatorWritten[indicatorId] && !newIndicators.has(indicatorId)) newIndicators.set(indicatorId, read.indicator.get(indicatorId)!);
    }
  // The import appends an audit entry per record it applies; spread them over the batch's reports as it does.
  const auditUpTo = Math.round((Math.min(high, maxReportId) / maxReportId) * maxAuditId);
  const audits = read.audit.all(auditDone, auditUpTo);
  auditDone = auditUpTo;

  const started = performance.now();
  const cpuBefore = threadCpuSeconds();
  target.exec('BEGIN');
  let auditIndex = 0;
  reports.forEach((report, index) => {
    const id = report[idAt] as number;
    write.report.run(...report);
    for (const revision of revisions.get(id) ?? []) write.revision.run(...revision);
    for (const mention of mentions.get(id) ?? []) {
      const indicatorId = mention[1] as number;
      if (!indicatorWritten[indicatorId]) {
        write.indicator.run(...newIndicators.get(indicatorId)!);
        indicatorWritten[indicatorId] = 1;
      }
      write.mention.run(...mention);
    }
    const auditEnd = Math.round(((index + 1) / reports.length) * audits.length);
    for (; auditIndex < auditEnd; auditIndex++) write.audit.run(...audits[auditIndex]!);
  });
  for (const report of reports) if (report[statusAt] === 'filed') write.text.run(report[idAt], report[summaryAt], report[narrativeAt]);
  target.exec('COMMIT');
  timedMs += performance.now() - started;
  timeCpu(cpuBefore);
}
const clusters = read.clusters.all();
const started = performance.now();
const cpuBefore = threadCpuSeconds();
target.transaction(() => {
  for (const cluster of clusters) write.cluster.run(...cluster);
})();
timedMs += performance.now() - started;
timeCpu(cpuBefore);
target.close();
source.close();
console.log(JSON.stringify({ records, seconds: timedMs / 1000, rate: records / (timedMs / 1000), cpuSeconds: timedCpu }));
