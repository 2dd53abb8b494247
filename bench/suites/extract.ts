import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReports, MESSY_FORMS } from '../../src-generator';
import { runChild } from '../child';
import { treeAt } from '../tree-at';
import { dataset } from '../dataset';
import { machineDescription, type Metric, type SuiteResult } from '../report';

/** The commit before issue 17's extraction changes: the "before" of every comparison in this suite. */
export const EXTRACTION_BASELINE = 'd08591f';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MESSY_RECORDS = 20_000;
const MESSY_SHARE = 0.5;
const IMPORT_ROUNDS = 3;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
interface Quality {
  records: number;
  byType: Record<string, Counts>;
  byForm: Record<string, Counts>;
  ownNamed: number;
  ownTaken: number;
  seconds: number;
}
interface ImportResult {
  rate: number;
  seconds: number;
}

const precision = (c: Counts | undefined) => (c && c.tp + c.fp > 0 ? (100 * c.tp) / (c.tp + c.fp) : 100);
const recall = (c: Counts | undefined) => (c && c.tp + c.fn > 0 ? (100 * c.tp) / (c.tp + c.fn) : 100);

/**
 * This commit's tree with the baseline's extractor in place of its own: everything else of the import (the store,
 * the writer, the audit, what other work changed since) is today's, so the two imports differ by the extractor only.
 */
function todayWithOldExtractor(dir: string, baselineModule: string): string {
  const tree = treeAt('HEAD', dir, 'old-extractor');
  writeFileSync(
    join(tree, 'shared/indicators/extract-record.ts'),
    [
      `import type { IntakeRecord } from '../intake/schema';`,
      `import type { ExtractedMention } from './types';`,
      `import { extractIndicators as before } from ${JSON.stringify(baselineModule)};`,
      `export const extractIndicators = (record: IntakeRecord): ExtractedMention[] => before(record);`,
      `export const extractRecord = (record: IntakeRecord) => ({ mentions: before(record), reporterOwn: [] as ExtractedMention[] });`,
      '',
    ].join('\n'),
  );
  return tree;
}

function writeSet(path: string, messy: number): void {
  const lines: string[] = [];
  for (const record of generateReports(MESSY_RECORDS, { seed: 'messy-2026', revisions: false, withdrawals: false, annotate: messy > 0, messy })) {
    lines.push(JSON.stringify(record));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function qualityMetrics(label: string, before: Counts | undefined, after: Counts | undefined): Metric[] {
  const counts = after ? `${after.tp + after.fn} true values; after: ${after.tp} found, ${after.fp} wrong, ${after.fn} missed` : '';
  return [
    { name: `extraction precision, ${label}`, value: precision(after), unit: '%', note: `before: ${precision(before).toFixed(1)} %` },
    { name: `extraction recall, ${label}`, value: recall(after), unit: '%', note: `before: ${recall(before).toFixed(1)} %; ${counts}` },
  ];
}

/**
 * Issue 17: precision and recall of extraction per indicator type and per messy form on a generated messy set
 * with known truth, before (the baseline commit's extractor, in the same run) and after; and the import rate
 * against today's import with the baseline commit's extractor swapped in, same file, same run (≥ 95 %).
 */
export async function extractSuite(importSize: number): Promise<SuiteResult> {
  const machine = machineDescription();
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-extract-'));
  try {
    process.stderr.write(`extract: generating ${MESSY_RECORDS} reports, clean and messy…\n`);
    const cleanFile = join(dir, 'clean.ndjson');
    const messyFile = join(dir, 'messy.ndjson');
    writeSet(cleanFile, 0);
    writeSet(messyFile, MESSY_SHARE);
    process.stderr.write(`extract: the baseline tree at ${EXTRACTION_BASELINE}…\n`);
    const tree = treeAt(EXTRACTION_BASELINE, dir, 'baseline');
    const baselineModule = ['shared/indicators/extract-record.ts', 'src-main/indicators/extract-record.ts'].map((path) => join(tree, path)).find(existsSync);
    if (!baselineModule) throw new Error(`no extract-record.ts at ${EXTRACTION_BASELINE}`);
    process.stderr.write('extract: quality before and after…\n');
    const before = await runChild<Quality>('./extract/quality-child.ts', [baselineModule, cleanFile, messyFile]);
    const after = await runChild<Quality>('./extract/quality-child.ts', [join(ROOT, 'shared/indicators/extract-record.ts'), cleanFile, messyFile]);

    const label = importSize >= 1_000_000 ? `${importSize / 1_000_000}M` : `${importSize / 1000}k`;
    const file = await dataset(importSize);
    const oldExtractorTree = todayWithOldExtractor(dir, baselineModule);
    let baselineRate = 0;
    let currentRate = 0;
    for (let round = 1; round <= IMPORT_ROUNDS; round++) {
      process.stderr.write(`extract: import ${label}, round ${round} of ${IMPORT_ROUNDS}, before and after…\n`);
      const old = await runChild<ImportResult>(join(oldExtractorTree, 'bench/core/import-child.ts'), [file, join(dir, `before-${round}.db`)]);
      const now = await runChild<ImportResult>('./core/import-child.ts', [file, join(dir, `after-${round}.db`)]);
      baselineRate = Math.max(baselineRate, old.rate);
      currentRate = Math.max(currentRate, now.rate);
      rmSync(join(dir, `before-${round}.db`), { force: true });
      rmSync(join(dir, `after-${round}.db`), { force: true });
    }

    const types = [...new Set([...Object.keys(before.byType), ...Object.keys(after.byType)])].sort();
    const total = (quality: Quality): Counts =>
      Object.values(quality.byType).reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
    const metrics: Metric[] = [
      ...qualityMetrics('all types', total(before), total(after)),
      ...types.flatMap((type) => qualityMetrics(type, before.byType[type], after.byType[type])),
      ...MESSY_FORMS.flatMap((form) => qualityMetrics(`reports typed with "${form}"`, before.byForm[form], after.byForm[form])),
      {
        name: "the reporter's own values taken as suspect indicators",
        value: after.ownTaken,
        unit: 'values',
        target: { op: '<=', value: 0 },
        note: `of ${after.ownNamed} named as the reporter's own in the narrative; before: ${before.ownTaken}`,
      },
      {
        name: 'extraction time per messy record',
        value: (after.seconds / after.records) * 1e6,
        unit: 'µs',
        limit: { name: 'the extractor before', value: (before.seconds / before.records) * 1e6 },
      },
      {
        name: `import rate, ${label} records, against the same import with the extractor before issue 17`,
        value: currentRate,
        unit: 'records/s',
        limit: { name: `today's import with the extractor of ${EXTRACTION_BASELINE}`, value: baselineRate },
        note: `best of ${IMPORT_ROUNDS} alternating rounds each, the same file, the same run; only the extractor differs`,
      },
      {
        name: `import rate ÷ import rate with the extractor before issue 17, ${label}`,
        value: (100 * currentRate) / baselineRate,
        unit: '%',
        target: { op: '>=', value: 95 },
      },
    ];
    return {
      suite: 'extract',
      title: `Extraction quality (issue 17): ${MESSY_RECORDS.toLocaleString('en')} generated reports, ${MESSY_SHARE * 100} % typed messily; "before" is ${EXTRACTION_BASELINE}, measured in the same run`,
      ranAt: new Date().toISOString(),
      machine,
      metrics,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
