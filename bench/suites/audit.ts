import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from '../child';
import { dataset } from '../dataset';
import { machineDescription, type Metric, type SuiteResult } from '../report';
import { treeAt } from '../tree-at';

const IMPORT_ROUNDS = 3;

interface ImportResult {
  rate: number;
}
interface VerifyResult {
  entries: number;
  seconds: number;
  rate: number;
  readRate: number;
  writeRate: number;
  peakRssMiB: number;
}

const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

/**
 * This commit's tree with the audit log's writer as it was before the chain (a bare INSERT without a hash): only
 * the chain differs between the two imports.
 */
function todayWithUnchainedLog(dir: string): string {
  const tree = treeAt('HEAD', dir, 'unchained');
  const path = join(tree, 'src-main/audit/audit-log.ts');
  const chained = readFileSync(path, 'utf8');
  // No hash: the writer then keeps no copy of the head at a batch's end either (it writes one only for a hash).
  const unchainedWriter = chained.replace(/^import .*'\.\/audit-chain';\n/m, '').replace(/entryHash\([^;]*content\)/, 'null');
  if (unchainedWriter.includes('entryHash(')) throw new Error('audit-log.ts changed: teach the audit suite to unchain it');
  writeFileSync(path, unchainedWriter);
  return tree;
}

/**
 * Issue 15 §1: `audit verify` over a chain of the largest size (entries written through the log's writer), held
 * against reading the same rows without hashing; and the import rate of the smallest size against today's import
 * with the unchained writer swapped in, same file, same run (≥ 95 %).
 */
export async function auditSuite(sizes: number[]): Promise<SuiteResult> {
  const machine = machineDescription();
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-audit-'));
  try {
    const verifySize = Math.max(...sizes);
    process.stderr.write(`audit: writing ${label(verifySize)} chained entries, then audit verify…\n`);
    const verify = await runChild<VerifyResult>('./audit/verify-child.ts', [join(dir, 'verify.db'), String(verifySize)]);
    rmSync(join(dir, 'verify.db'), { force: true });

    const importSize = Math.min(...sizes);
    const file = await dataset(importSize);
    const unchained = todayWithUnchainedLog(dir);
    let baselineRate = 0;
    let chainedRate = 0;
    for (let round = 1; round <= IMPORT_ROUNDS; round++) {
      process.stderr.write(`audit: import ${label(importSize)}, round ${round} of ${IMPORT_ROUNDS}, unchained and chained…\n`);
      const before = await runChild<ImportResult>(join(unchained, 'bench/core/import-child.ts'), [file, join(dir, `unchained-${round}.db`)]);
      const now = await runChild<ImportResult>('./core/import-child.ts', [file, join(dir, `chained-${round}.db`)]);
      baselineRate = Math.max(baselineRate, before.rate);
      chainedRate = Math.max(chainedRate, now.rate);
      rmSync(join(dir, `unchained-${round}.db`), { force: true });
      rmSync(join(dir, `chained-${round}.db`), { force: true });
    }

    const metrics: Metric[] = [
      {
        name: `audit verify, ${label(verify.entries)} entries`,
        value: verify.seconds,
        unit: 's',
        note: `${Math.round(verify.rate).toLocaleString('en')} entries/s, peak RSS ${verify.peakRssMiB} MiB; written through the log's writer at ${Math.round(verify.writeRate).toLocaleString('en')} entries/s`,
      },
      {
        name: `audit verify rate, ${label(verify.entries)} entries`,
        value: verify.rate,
        unit: 'entries/s',
        limit: { name: 'reading the same rows without hashing', value: verify.readRate },
      },
      {
        name: `import rate, ${label(importSize)} records, chained audit log`,
        value: chainedRate,
        unit: 'records/s',
        limit: { name: "today's import with the audit writer before the chain", value: baselineRate },
        note: `best of ${IMPORT_ROUNDS} alternating rounds each, the same file, the same run; only the audit writer differs`,
      },
      {
        name: `import rate ÷ import rate without the chain, ${label(importSize)}`,
        value: (100 * chainedRate) / baselineRate,
        unit: '%',
        target: { op: '>=', value: 95 },
      },
    ];
    return { suite: 'audit', title: 'The chained audit log (issue 15 §1)', ranAt: new Date().toISOString(), machine, metrics };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
