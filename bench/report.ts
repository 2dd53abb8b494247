import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

/** One measured number beside what it is held against. */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The target the issue sets, if any. */
  target?: { op: '>=' | '<='; value: number };
  /** A limit measured in the same run (e.g. the raw SQLite insert rate), shown as value/limit. */
  limit?: { name: string; value: number };
  note?: string;
}

export interface SuiteResult {
  suite: string;
  title: string;
  ranAt: string;
  machine: string;
  metrics: Metric[];
}

const JSON_PATH = fileURLToPath(new URL('./results.json', import.meta.url));
const MD_PATH = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

export function machineDescription(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)} at start`;
}

function meets(metric: Metric): string {
  if (!metric.target) return '';
  const ok = metric.target.op === '>=' ? metric.value >= metric.target.value : metric.value <= metric.target.value;
  return ok ? 'yes' : '**no**';
}

const format = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));

function renderSuite(result: SuiteResult): string {
  const rows = result.metrics.map((m) => {
    const target = m.target ? `${m.target.op} ${format(m.target.value)} ${m.unit}` : '';
    const ratio = m.limit ? `${((m.value / m.limit.value) * 100).toFixed(1)} % of ${m.limit.name} (${format(m.limit.value)} ${m.unit})` : '';
    return `| ${m.name} | ${format(m.value)} ${m.unit} | ${ratio} | ${target} | ${meets(m)} | ${m.note ?? ''} |`;
  });
  return [
    `## ${result.title}`,
    '',
    `Run ${result.ranAt} on ${result.machine}.`,
    '',
    '| metric | value | against a limit measured in the same run | target | met | note |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** Puts some of a suite's rows in results.json, in place of the rows of the same name, and rewrites RESULTS.md. */
export function saveRows(result: SuiteResult): void {
  const all: Record<string, SuiteResult> = existsSync(JSON_PATH) ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Record<string, SuiteResult>) : {};
  const saved = all[result.suite];
  if (!saved) return saveSuite(result);
  const fresh = new Map(result.metrics.map((metric) => [metric.name, metric]));
  const metrics = saved.metrics.map((metric) => fresh.get(metric.name) ?? metric);
  for (const metric of result.metrics) if (!saved.metrics.some((old) => old.name === metric.name)) metrics.push(metric);
  saveSuite({ ...saved, metrics });
}

/** Merges a suite's results into results.json and rewrites RESULTS.md from it. */
export function saveSuite(result: SuiteResult): void {
  const all: Record<string, SuiteResult> = existsSync(JSON_PATH) ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as Record<string, SuiteResult>) : {};
  all[result.suite] = result;
  writeFileSync(JSON_PATH, `${JSON.stringify(all, null, 2)}\n`);
  const sections = Object.values(all).map(renderSuite);
  writeFileSync(
    MD_PATH,
    `# Benchmark results\n\nWritten by \`npm run bench\` (see bench/README.md). Speeds are held against limits measured in the same run on the same machine, so a slower machine moves both.\n\n${sections.join('\n')}`,
  );
}

/** What a retention run's child reports, on the workstation and on the hub alike. */
export interface RetentionResult {
  seconds: number;
  purged: number;
  kept: number;
  rate: number;
  peakRssMiB: number;
}
