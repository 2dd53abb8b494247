/**
 * The `puzzelstuk` bin (`npm run cli`) runs the CLI from its kept bundle, not under tsx: it says nothing about falling
 * back, and the bundle it ran is named by a manifest built from the CLI's own sources.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_BUNDLE_DIR } from '../../../scripts/kept-bundle.mjs';
import { PROJECT_ROOT } from '../../support/paths';

const ENTRY = join(PROJECT_ROOT, 'src-main/cli/entry.ts');

describe('the puzzelstuk bin', () => {
  it('runs the CLI from its kept bundle, built from the CLI’s sources', () => {
    // Gone before the run, so that only this run can have written it (another start meanwhile just builds it again).
    const manifestPath = join(KEPT_BUNDLE_DIR, `entry-${createHash('sha256').update(ENTRY).digest('hex').slice(0, 8)}.json`);
    rmSync(manifestPath, { force: true });
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/puzzelstuk.mjs'), 'generate', '--count', '2', '--seed', '7'], {
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    // The warning the bin gives when it falls back to tsx.
    expect(run.stderr).not.toContain('running the CLI under tsx instead');
    const stdout = run.stdout;
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { schema: string });
    expect(records.map((record) => record.schema)).toEqual(['intake-report/1', 'intake-report/1']);

    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bundle: string; inputs: Record<string, string> };
    expect(existsSync(join(KEPT_BUNDLE_DIR, manifest.bundle))).toBe(true);
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining([ENTRY, join(PROJECT_ROOT, 'src-main/cli/main.ts')]));
  }, 60_000);
});
