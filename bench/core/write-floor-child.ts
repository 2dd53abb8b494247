// Child: the floor under any import into this schema. Every row a finished import holds — reports, revisions, text
// index, indicators (also those no report mentions any more), mentions, audit, clusters, the overview's kept counts,
// the withdrawals' purged holders — is written again, once, into a fresh store with bare prepared statements, in
// batches of 2,500 reports, with no parsing, validation, extraction or linking, and with the store's triggers dropped:
// the floor writes each of their rows itself, and the audit chain's head once a batch, as the import keeps it.
// Reading them from the finished store is outside the timed part. An import also rewrites rows for revisions and
// withdrawals and adds up its counts, so it writes more.
//   write-floor-child.ts <finished store> <fresh store path>
import Database from 'better-sqlite3';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { threadCpuSeconds } from '../child';

type Row = unknown[];
const BATCH_REPORTS = 2500;
/**
 * Tables an import fills whose rows belong to no one report: the overview's kept counts (added up per batch by the
 * import), the withdrawals' purged holders and the index from reports to their intake batch entries. Written in key order, spread evenly over the batches.
 */
const SPREAD_TABLES = ['report_day_counts', 'indicator_day_counts', 'indicator_totals', 'shape_day_counts', 'cluster_day_counts', 'summary_day_counts', 'open_report_counts', 'removal_holders', 'report_intake_entries'];

const [sourcePath, targetPath] = process.argv.slice(2) as [string, string];
const source = new Database(sourcePath, { readonly: true });
const target = openCaseStore({ clock: systemClock, path: targetPath }).sqlite;
for (const name of target.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()) target.exec(`DROP TRIGGER "${name}"`);

const columnsOf = (table: string) => source.prepare(`SELECT * FROM "${table}" LIMIT 0`).columns().map((column) => column.name);
const insertInto = (table: string, columns: string[]) => target.prepare(`INSERT INTO "${table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
const reportColumns = columnsOf('reports');
const read = {
  reports: source.prepare<[number, number], Row>('SELECT * FROM reports WHERE id BETWEEN ? AND ? ORDER BY id').raw(),
  revisions: source.prepare<[number, number], Row>('SELECT * FROM report_revisions WHERE report_id BETWEEN ? AND ? ORDER BY report_id, revision').raw(),
  mentions: source.prepare<[number, number], Row>('SELECT report_id, indicator_id, field, raw, benign FROM mentions WHERE report_id BETWEEN ? AND ? ORDER BY report_id').raw(),
  indicators: source.prepare<[number, number], Row>('SELECT id, type, value, enrichment, benign_reason FROM indicators WHERE id > ? AND id <= ? ORDER BY id').raw(),
  audit: source.prepare<[number, number], Row>('SELECT id, at, actor, action, subject_type, subject_id, details, entry_hash FROM audit_log WHERE id > ? AND id <= ? ORDER BY id').raw(),
  clusters: source.prepare<[], Row>('SELECT id, size FROM clusters').raw(),
};
const write = {
  report: insertInto('reports', reportColumns),
  revision: target.prepare('INSERT INTO report_revisions (report_id, revision, status, received_at, raw, packed, narrative_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  indicator: target.prepare('INSERT INTO indicators (id, type, value, enrichment, benign_reason) VALUES (?, ?, ?, ?, ?)'),
  mention: target.prepare('INSERT INTO mentions (report_id, indicator_id, field, raw, benign) VALUES (?, ?, ?, ?, ?)'),
  text: target.prepare('INSERT INTO reports_fts (rowid, summary, narrative) VALUES (?, ?, ?)'),
  audit: target.prepare('INSERT INTO audit_log (id, at, actor, action, subject_type, subject_id, details, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  auditHead: target.prepare("INSERT INTO store_meta (key, value) VALUES ('audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
  cluster: target.prepare('INSERT INTO clusters (id, size) VALUES (?, ?)'),
};
const spread = SPREAD_TABLES.map((table) => {
  const columns = columnsOf(table);
  return { rows: source.prepare<[], Row>(`SELECT ${columns.join(', ')} FROM "${table}"`).raw().all(), insert: insertInto(table, columns), done: 0 };
});
const [idAt, summaryAt, narrativeAt] = ['id', 'summary', 'narrative'].map((name) => reportColumns.indexOf(name)) as [number, number, number];

const maxReportId = source.prepare('SELECT coalesce(max(id), 0) FROM reports').pluck().get() as number;
const maxAuditId = source.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
const maxIndicatorId = source.prepare('SELECT coalesce(max(id), 0) FROM indicators').pluck().get() as number;
// Every intake record the import applied left one revision row, so the floor's rate is per record like the import's.
const records = source.prepare('SELECT count(*) FROM report_revisions').pluck().get() as number;

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
let indicatorsDone = 0;
for (let low = 1; low <= maxReportId; low += BATCH_REPORTS) {
  const high = low + BATCH_REPORTS - 1;
  const share = Math.min(high, maxReportId) / maxReportId;
  const reports = read.reports.all(low, high);
  const revisions = byReport(read.revisions.all(low, high));
  const mentionRows = read.mentions.all(low, high);
  const mentions = byReport(mentionRows);
  // Indicator ids rise as the import first meets them: those up to the highest the batch mentions are written before
  // its reports (with the ones between that no report mentions any more); the last batch writes the rest.
  let indicatorsUpTo = high >= maxReportId ? maxIndicatorId : indicatorsDone;
  for (const mention of mentionRows) indicatorsUpTo = Math.max(indicatorsUpTo, mention[1] as number);
  const indicators = read.indicators.all(indicatorsDone, indicatorsUpTo);
  indicatorsDone = indicatorsUpTo;
  // The import appends an audit entry per record it applies; spread them over the batch's reports as it does.
  const auditUpTo = Math.round(share * maxAuditId);
  const audits = read.audit.all(auditDone, auditUpTo);
  auditDone = auditUpTo;
  const spreadRows = spread.map((table) => {
    const upTo = Math.round(share * table.rows.length);
    const rows = table.rows.slice(table.done, upTo);
    table.done = upTo;
    return rows;
  });

  const started = performance.now();
  const cpuBefore = threadCpuSeconds();
  target.exec('BEGIN');
  for (const indicator of indicators) write.indicator.run(...indicator);
  let auditIndex = 0;
  reports.forEach((report, index) => {
    const id = report[idAt] as number;
    write.report.run(...report);
    for (const revision of revisions.get(id) ?? []) write.revision.run(...revision);
    for (const mention of mentions.get(id) ?? []) write.mention.run(...mention);
    const auditEnd = Math.round(((index + 1) / reports.length) * audits.length);
    for (; auditIndex < auditEnd; auditIndex++) write.audit.run(...audits[auditIndex]!);
  });
  const lastAudit = audits.at(-1);
  if (lastAudit) write.auditHead.run(`${lastAudit[0] as number}:${(lastAudit[7] as Buffer).toString('hex')}`);
  // Every report the import adds is indexed, a withdrawn one with no text.
  for (const report of reports) write.text.run(report[idAt], report[summaryAt], report[narrativeAt]);
  spread.forEach((table, at) => {
    for (const row of spreadRows[at]!) table.insert.run(...row);
  });
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
