import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../shared/platform/clock';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { EXAMPLES_NDJSON, PROJECT_ROOT } from '../../support/paths';
import { runCliCaptured } from '../../support/run-cli';
import { tempDir } from '../../support/temp-store';

describe('the puzzelstuk CLI', () => {
  it('imports the examples and answers indicators, related and clusters in the documented shapes', async () => {
    const db = join(tempDir(), 'cli.db');
    const imported = await runCliCaptured(['import', EXAMPLES_NDJSON, '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.lines).toEqual([{ read: 6, imported: 6, updated: 0, ignored: 0, rejected: [] }]);

    const related = await runCliCaptured(['related', 'IA-2026-0000104', '--db', db, '--purpose', 'Onderzoek in een zaak']);
    expect(related.lines).toEqual([{ reportId: 'IA-2026-0000102', shared: [{ type: 'iban', value: 'NL48INGB8301661318' }] }]);

    const clusters = await runCliCaptured(['clusters', '--db', db, '--purpose', 'Onderzoek in een zaak']);
    expect(clusters.lines).toEqual([
      {
        cluster: ['IA-2026-0000102', 'IA-2026-0000104', 'IA-2026-0000105'],
        via: [
          { type: 'domain', value: 'ing-beveiliging.com' },
          { type: 'iban', value: 'NL48INGB8301661318' },
        ],
      },
    ]);

    // A rebuild from scratch repairs clusters that were lost, and is audited.
    const damaged = openCaseStore({ clock: systemClock, path: db });
    damaged.sqlite.exec('UPDATE reports SET cluster_id = NULL; DELETE FROM clusters;');
    damaged.close();
    const rebuilt = await runCliCaptured(['clusters', '--db', db, '--rebuild', '--purpose', 'Onderzoek in een zaak']);
    expect(rebuilt.lines).toEqual(clusters.lines);
    expect(rebuilt.stderr).toContain('rebuilt 1 clusters of 3 reports');
    const audited = openCaseStore({ clock: systemClock, path: db });
    expect(audited.sqlite.prepare("SELECT actor, details FROM audit_log WHERE action = 'clusters.rebuilt'").all()).toEqual([
      { actor: 'cli:unknown', details: JSON.stringify({ clusters: 1, clusteredReports: 3 }) },
    ]);
    audited.close();

    const indicators = await runCliCaptured(['indicators', '--db', db, '--report', 'IA-2026-0000101', '--purpose', 'Onderzoek in een zaak']);
    expect(indicators.lines).toEqual(
      expect.arrayContaining([
        { reportId: 'IA-2026-0000101', type: 'iban', value: 'NL84ABNA5260181590', benign: false },
        { reportId: 'IA-2026-0000101', type: 'remote_access', value: 'anydesk:482193557', benign: false },
        { reportId: 'IA-2026-0000101', type: 'phone', value: '+442079460321', benign: false },
      ]),
    );
    const all = await runCliCaptured(['indicators', '--db', db, '--purpose', 'Onderzoek in een zaak']);
    expect(new Set(all.lines.map((line) => (line as { reportId: string }).reportId))).not.toContain('IA-2026-0000099');

    const search = await runCliCaptured(['search', 'kluisrekening', '--db', db, '--category', 'bank_helpdesk_fraud', '--purpose', 'Onderzoek in een zaak']);
    expect(search.lines).toEqual([{ reportId: 'IA-2026-0000102', score: expect.any(Number) as unknown, snippet: expect.stringContaining('[kluisrekening]') as unknown }]);
  });

  it('logs every read of personal data with its purpose, and refuses a read without one', async () => {
    const db = join(tempDir(), 'purpose.db');
    await runCliCaptured(['import', EXAMPLES_NDJSON, '--db', db]);
    const reads = [
      ['related', 'IA-2026-0000104', '--db', db],
      ['indicators', '--db', db, '--report', 'IA-2026-0000101'],
      ['search', 'kluisrekening', '--db', db],
      ['clusters', '--db', db],
    ];
    for (const read of reads) {
      const refused = await runCliCaptured(read);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('--purpose is required: this command shows personal data');
      const blank = await runCliCaptured([...read, '--purpose', '   ']);
      expect(blank.code).toBe(2);
      expect(blank.stderr).toContain('--purpose: A purpose is required');
    }
    const audit = () => openCaseStore({ clock: systemClock, path: db });
    const before = audit();
    expect(before.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'cli.%'").pluck().get()).toBe(0);
    before.close();

    for (const read of reads) expect((await runCliCaptured([...read, '--purpose', ' Verzoek  van de betrokkene '], { USER: 'j.bakker' })).code).toBe(0);
    const after = audit();
    const entries = after.sqlite.prepare("SELECT actor, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log WHERE action LIKE 'cli.%' ORDER BY id").all() as Array<{ details: string }>;
    after.close();
    expect(entries.map((entry) => ({ ...entry, details: JSON.parse(entry.details) as unknown }))).toEqual([
      { actor: 'cli:j.bakker', action: 'cli.related', subjectType: 'report', subjectId: 'IA-2026-0000104', details: { purpose: 'Verzoek van de betrokkene', command: ['related', ...reads[0]!.slice(1), '--purpose', ' Verzoek  van de betrokkene '] } },
      { actor: 'cli:j.bakker', action: 'cli.indicators', subjectType: 'report', subjectId: 'IA-2026-0000101', details: { purpose: 'Verzoek van de betrokkene', command: ['indicators', ...reads[1]!.slice(1), '--purpose', ' Verzoek  van de betrokkene '] } },
      { actor: 'cli:j.bakker', action: 'cli.search', subjectType: 'search', subjectId: 'kluisrekening', details: { purpose: 'Verzoek van de betrokkene', command: ['search', ...reads[2]!.slice(1), '--purpose', ' Verzoek  van de betrokkene '], results: 1 } },
      { actor: 'cli:j.bakker', action: 'cli.clusters', subjectType: 'store', subjectId: 'clusters', details: { purpose: 'Verzoek van de betrokkene', command: ['clusters', ...reads[3]!.slice(1), '--purpose', ' Verzoek  van de betrokkene '] } },
    ]);
    expect((await runCliCaptured(['audit', 'verify', '--db', db])).lines).toEqual([{ entries: expect.any(Number) as unknown, ok: true }]);
  });

  it("audit list --report shows only that report's part of an intake batch entry; --whole the entry as stored (twin)", async () => {
    const db = join(tempDir(), 'cli.db');
    expect((await runCliCaptured(['import', EXAMPLES_NDJSON, '--db', db])).code).toBe(0);
    const asked = 'IA-2026-0000104';
    const narrowed = (await runCliCaptured(['audit', 'list', '--db', db, '--report', asked])).lines as Array<Record<string, unknown>>;
    expect(narrowed).toEqual([expect.objectContaining({ action: 'report.received', subjectType: 'report', subjectId: asked, details: { revision: 1 } })]);
    expect(JSON.stringify(narrowed)).not.toContain('IA-2026-0000102');
    const whole = (await runCliCaptured(['audit', 'list', '--db', db, '--report', asked, '--whole'])).lines as Array<{ action: string; details: { received: string[][] } }>;
    expect(whole).toHaveLength(1);
    expect(whole[0]!.action).toBe('reports.received');
    expect(whole[0]!.details.received.map(([id]) => id)).toEqual(expect.arrayContaining([asked, 'IA-2026-0000102']));
  });

  it('reports rejected lines and still exits 0', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, 'not json\n{"schema":"intake-report/1"}\n');
    const result = await runCliCaptured(['import', file, '--db', join(dir, 'x.db')]);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      {
        read: 2,
        imported: 0,
        updated: 0,
        ignored: 0,
        rejected: [
          { line: 1, reason: expect.stringMatching(/^not valid JSON/) as unknown },
          { line: 2, reason: expect.stringContaining('reportId is missing') as unknown },
        ],
      },
    ]);
  });

  it('fails with a clear message when the file or the store cannot be opened', async () => {
    const dir = tempDir();
    const missing = await runCliCaptured(['import', join(dir, 'nope.ndjson'), '--db', join(dir, 'x.db')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read .*nope\.ndjson: no such file/);

    const notAStore = join(dir, 'text.db');
    writeFileSync(notAStore, 'plain text, not a database '.repeat(100));
    const broken = await runCliCaptured(['import', EXAMPLES_NDJSON, '--db', notAStore]);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/not a Puzzelstuk store/);
    expect(broken.stdout).toBe('');

    const noDir = await runCliCaptured(['import', EXAMPLES_NDJSON, '--db', join(dir, 'missing-dir', 'x.db')]);
    expect(noDir.code).not.toBe(0);
    expect(noDir.stderr).toMatch(/could not be opened/);
  });

  it('edits the benign list with values typed in any form, and relinks', async () => {
    const db = join(tempDir(), 'benign.db');
    await runCliCaptured(['import', EXAMPLES_NDJSON, '--db', db]);
    const added = await runCliCaptured(['benign', 'add', '--db', db, '--type', 'iban', '--value', 'nl48 ingb 8301 6613 18', '--reason', 'Testrekening']);
    expect(added.lines).toEqual([{ type: 'iban', value: 'NL48INGB8301661318', reason: 'Testrekening' }]);
    const clusters = await runCliCaptured(['clusters', '--db', db, '--purpose', 'Onderzoek in een zaak']);
    expect(clusters.lines).toEqual([{ cluster: ['IA-2026-0000102', 'IA-2026-0000105'], via: [{ type: 'domain', value: 'ing-beveiliging.com' }] }]);
    // The edit is an officer's change like any other: audited and waiting in the outbox for the hub.
    const store = openCaseStore({ clock: systemClock, path: db });
    expect(store.sqlite.prepare("SELECT kind, officer, state FROM outbox").all()).toEqual([{ kind: 'benign.add', officer: 'cli:unknown', state: 'pending' }]);
    store.close();
    const list = await runCliCaptured(['benign', 'list', '--db', db]);
    expect(list.lines).toContainEqual(expect.objectContaining({ type: 'iban', value: 'NL48INGB8301661318', reason: 'Testrekening' }));
    await runCliCaptured(['benign', 'remove', '--db', db, '--type', 'iban', '--value', 'NL48INGB8301661318']);
    const again = await runCliCaptured(['clusters', '--db', db, '--purpose', 'Onderzoek in een zaak']);
    expect((again.lines[0] as { cluster: string[] }).cluster).toEqual(['IA-2026-0000102', 'IA-2026-0000104', 'IA-2026-0000105']);
    const bad = await runCliCaptured(['benign', 'add', '--db', db, '--type', 'iban', '--value', 'NL00 FOUT', '--reason', 'x']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"NL00 FOUT" is not a valid iban indicator.');
  });

  it('runs as `npm run --silent cli` with JSON on stdout only', () => {
    const db = join(tempDir(), 'npm.db');
    const stdout = execFileSync('npm', ['run', '--silent', 'cli', '--', 'import', EXAMPLES_NDJSON, '--db', db], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout)).toMatchObject({ read: 6, imported: 6 });
  });
});
