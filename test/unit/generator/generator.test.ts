import { Writable } from 'node:stream';
import { isValidIBAN } from 'ibantools';
import { runCliCaptured } from '../../support/run-cli';
import { describe, expect, it } from 'vitest';
import { intakeRecordSchema, type IntakeRecord } from '../../../shared/intake/schema';
import { CATEGORIES, REPORT_ID_PATTERN } from '../../../shared/intake/vocabulary';
import { generateCommand } from '../../../src-main/cli/commands/generate';
import { createReportGenerator, generateReports, type GeneratorAnnotation } from '../../../src-generator';
import { compactIban, filed, stream } from './stream';

const SEED = 'puzzelstuk-test';
const N = 4000;
const ndjson = (records: Iterable<IntakeRecord>) => [...records].map((record) => JSON.stringify(record)).join('\n');

describe('generateReports: determinism', () => {
  it('gives byte-identical NDJSON for the same seed, and different output for another seed', () => {
    const a = ndjson(generateReports(300, { seed: SEED }));
    const b = ndjson(generateReports(300, { seed: SEED }));
    const c = ndjson(generateReports(300, { seed: `${SEED}-other` }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    // A numeric seed and its string form are the same seed (the CLI passes strings).
    expect(ndjson(generateReports(50, { seed: 42 }))).toBe(ndjson(generateReports(50, { seed: '42' })));
  });

  it('streams endlessly from next() and agrees with generateReports', () => {
    const generator = createReportGenerator({ seed: SEED });
    const first = Array.from({ length: 120 }, () => generator.next());
    expect(ndjson(first)).toBe(ndjson(generateReports(120, { seed: SEED })));
    expect(generator.stats.records).toBe(120);
  });
});

describe('generated records', () => {
  const records = stream(N, { seed: SEED, annotate: true });

  it('all pass the intake-report/1 schema', () => {
    const failures = records
      .map((record) => ({ id: record.reportId, result: intakeRecordSchema.safeParse(record) }))
      .filter(({ result }) => !result.success)
      .map(({ id, result }) => `${id}: ${JSON.stringify(result.error?.issues[0])}`);
    expect(failures).toEqual([]);
  });

  it('have unique IA-<year>-<7 digits> ids for new reports, and each later version reuses an earlier id', () => {
    const newIds = filed(records).map((record) => record.reportId);
    expect(new Set(newIds).size).toBe(newIds.length);
    for (const id of newIds) expect(id).toMatch(REPORT_ID_PATTERN);
    expect(newIds[0]).toMatch(/^IA-2026-/);
    const seen = new Set<string>();
    for (const record of records) {
      if (record.revision === 1) seen.add(record.reportId);
      else expect(seen.has(record.reportId), `${record.reportId} r${record.revision} without an earlier version`).toBe(true);
    }
  });

  it('have strictly increasing receivedAt in whole seconds, a few per minute by day and fewer at night', () => {
    const times = records.map((record) => Date.parse(record.receivedAt));
    for (const record of records) expect(record.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const gaps = times.slice(1).map((time, index) => time - (times[index] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    const meanGapSeconds = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length / 1000;
    expect(meanGapSeconds).toBeGreaterThan(10);
    expect(meanGapSeconds).toBeLessThan(120);
    // By day (UTC 9–16 is Dutch office time) clearly busier than at night (UTC 1–4).
    const byHour = new Array<number>(24).fill(0);
    for (const time of times) byHour[new Date(time).getUTCHours()]! += 1;
    const day = byHour.slice(9, 17).reduce((a, b) => a + b, 0) / 8;
    const night = byHour.slice(1, 5).reduce((a, b) => a + b, 0) / 4;
    expect(day).toBeGreaterThan(night * 4);
  });

  it('honour startId, year and startAt', () => {
    const [first, second] = [...generateReports(2, { seed: SEED, startId: 500, year: 2031, startAt: new Date('2031-06-01T10:00:00Z') })];
    expect(first?.reportId).toBe('IA-2031-0000500');
    expect(first?.receivedAt).toBe('2031-06-01T10:00:00Z');
    expect(Number(second?.reportId.slice(-7))).toBeGreaterThan(500);
    expect(() => createReportGenerator({ seed: 1, startId: 10_000_000 })).toThrow(RangeError);
  });

  it('have Dutch (and some English) narratives of 200–1,500 characters that differ from each other', () => {
    const narratives = records.filter((record) => record.status === 'filed').map((record) => record.incident?.narrative ?? '');
    for (const text of narratives) {
      expect(text.length).toBeGreaterThanOrEqual(200);
      expect(text.length).toBeLessThanOrEqual(1500);
    }
    const firsts = filed(records).map((record) => record.incident?.narrative ?? '');
    expect(new Set(firsts).size).toBe(firsts.length);
    const english = firsts.filter((text) => /\b(I|my|the)\b/.test(text) && !/\b(ik|het|een)\b/.test(text));
    expect(english.length).toBeGreaterThan(firsts.length * 0.01);
    expect(english.length).toBeLessThan(firsts.length * 0.15);
    for (const record of filed(records)) expect(record.incident?.summary.length).toBeLessThanOrEqual(200);
  });

  it('mix categories realistically: phishing, marketplace and WhatsApp fraud frequent, ransomware rare, some chosen wrongly', () => {
    const reports = filed(records);
    const count = new Map<string, number>();
    for (const record of reports) count.set(record.category, (count.get(record.category) ?? 0) + 1);
    const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]).map(([category]) => category);
    expect(ranked.slice(0, 4)).toEqual(expect.arrayContaining(['phishing', 'marketplace_fraud', 'whatsapp_fraud']));
    expect(new Set(count.keys())).toEqual(new Set(CATEGORIES));
    expect((count.get('ransomware') ?? 0) / reports.length).toBeLessThan(0.02);
    const wrong = reports.filter((record) => (record['x-generator'] as GeneratorAnnotation).scenario !== record.category);
    expect(wrong.length / reports.length).toBeGreaterThan(0.03);
    expect(wrong.length / reports.length).toBeLessThan(0.12);
  });

  it('have persons and organisations as reporters, with Dutch postcodes and police units, region sometimes missing', () => {
    const reports = filed(records);
    const units = new Set(reports.map((record) => record.region).filter(Boolean));
    expect(units).toEqual(
      new Set(['Noord-Nederland', 'Oost-Nederland', 'Midden-Nederland', 'Noord-Holland', 'Amsterdam', 'Den Haag', 'Rotterdam', 'Zeeland-West-Brabant', 'Oost-Brabant', 'Limburg']),
    );
    const missing = reports.filter((record) => record.region === undefined).length;
    expect(missing).toBeGreaterThan(0);
    expect(missing / reports.length).toBeLessThan(0.15);
    const organisations = reports.filter((record) => record.reporter?.type === 'organisation');
    expect(organisations.length).toBeGreaterThan(10);
    for (const record of organisations) expect(record.reporter?.organisation?.kvkNumber).toMatch(/^\d{8}$/);
    for (const record of reports) {
      const postalCode = record.reporter?.address?.postalCode;
      if (postalCode) expect(postalCode).toMatch(/^[1-9]\d{3} ?[A-Za-z]{2}$/);
    }
    for (const record of reports.filter((r) => r.reporter?.type === 'organisation' && r.category === 'ransomware')) {
      expect(record.ransomware?.demand?.currency).toBe('BTC');
    }
  });

  it('have payments as decimal strings, mostly EUR, some BTC, with a long tail of losses', () => {
    const payments = records.flatMap((record) => record.payments ?? []);
    expect(payments.length).toBeGreaterThan(N * 0.3);
    for (const payment of payments) expect(payment.amount).toMatch(/^\d+(\.\d+)?$/);
    const eur = payments.filter((payment) => payment.currency === 'EUR');
    expect(eur.length / payments.length).toBeGreaterThan(0.8);
    expect(payments.some((payment) => payment.currency === 'BTC' && payment.method === 'crypto')).toBe(true);
    const amounts = eur.map((payment) => Number(payment.amount)).sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)] as number;
    expect(median).toBeGreaterThan(50);
    expect(median).toBeLessThan(3000);
    expect(amounts[amounts.length - 1]).toBeGreaterThan(median * 20);
  });

  it('have attachment metadata with file name, media type, size and a 64-hex sha256', () => {
    const attachments = records.flatMap((record) => record.attachments ?? []);
    expect(attachments.length).toBeGreaterThan(N * 0.3);
    for (const attachment of attachments) {
      expect(attachment.fileName).toBeTruthy();
      expect(attachment.mediaType).toMatch(/^[a-z]+\/[\w.+-]+$/);
      expect(attachment.size).toBeGreaterThan(0);
      expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const firstVersions = filed(records).flatMap((record) => record.attachments ?? []);
    expect(new Set(firstVersions.map((attachment) => attachment.sha256)).size).toBe(firstVersions.length);
  });
});

describe('revisions and withdrawals', () => {
  const records = stream(N, { seed: SEED });

  it('revise some reports later in the stream, with higher revision numbers and later receivedAt', () => {
    const history = new Map<string, IntakeRecord[]>();
    for (const record of records) history.set(record.reportId, [...(history.get(record.reportId) ?? []), record]);
    const revised = [...history.values()].filter((versions) => versions.some((version) => version.revision > 1 && version.status === 'filed'));
    // Among the first half of the reports most follow-ups have come due.
    const early = [...history.values()].slice(0, history.size / 2);
    const earlyRevised = early.filter((versions) => versions.some((version) => version.revision > 1 && version.status === 'filed'));
    expect(earlyRevised.length / early.length).toBeGreaterThan(0.03);
    expect(earlyRevised.length / early.length).toBeLessThan(0.15);
    expect(revised.some((versions) => versions.some((version) => version.revision === 3))).toBe(true);
    for (const versions of history.values()) {
      versions.forEach((version, index) => {
        expect(version.revision).toBe(index + 1);
        if (index > 0) expect(Date.parse(version.receivedAt)).toBeGreaterThan(Date.parse((versions[index - 1] as IntakeRecord).receivedAt));
      });
    }
    // A revision amends: its narrative grows, or a suspect indicator is added or corrected.
    for (const versions of revised) {
      const [first, second] = versions as [IntakeRecord, IntakeRecord];
      if (second.status !== 'filed') continue;
      expect(second.incident?.narrative).not.toBe(first.incident?.narrative);
      expect(second.reporter).toEqual(first.reporter);
    }
  });

  it('correct a mistyped IBAN in some revisions, and add indicators in others', () => {
    const byId = new Map(records.filter((record) => record.revision === 1).map((record) => [record.reportId, record]));
    const revisions = records.filter((record) => record.revision === 2 && record.status === 'filed');
    const corrected = revisions.filter((record) => (record.incident?.narrative ?? '').includes('Correctie: het rekeningnummer'));
    expect(corrected.length).toBeGreaterThan(0);
    for (const record of corrected) {
      const before = byId.get(record.reportId)?.suspect?.bankAccounts ?? [];
      const after = record.suspect?.bankAccounts ?? [];
      const fixed = after.filter((entry) => !before.includes(entry));
      expect(fixed.length, record.reportId).toBe(1);
      expect(isValidIBAN(compactIban(fixed[0] as string))).toBe(true);
      expect(before.some((entry) => /^[A-Z]{2}\d\d[A-Z0-9]+$/.test(compactIban(entry)) && !isValidIBAN(compactIban(entry)))).toBe(true);
    }
    const added = revisions.filter((record) => {
      const before = byId.get(record.reportId);
      const count = (r: IntakeRecord | undefined) => Object.values(r?.suspect ?? {}).reduce((sum: number, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
      return count(record) > count(before);
    });
    expect(added.length).toBeGreaterThan(0);
  });

  it('withdraw a small share, keeping only id, revision, status, time and routing fields', () => {
    const withdrawn = records.filter((record) => record.status === 'withdrawn');
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.length / records.length).toBeLessThan(0.05);
    for (const record of withdrawn) {
      expect(Object.keys(record).sort()).toEqual(['category', 'channel', 'kind', 'receivedAt', 'reportId', 'revision', 'schema', 'status']);
      expect(record.revision).toBeGreaterThan(1);
    }
  });

  it('can be switched off, leaving exactly the filed first versions of the full stream', () => {
    const plain = [...generateReports(600, { seed: SEED, revisions: false, withdrawals: false })];
    expect(plain.every((record) => record.revision === 1 && record.status === 'filed')).toBe(true);
    const firstVersions = records.filter((record) => record.revision === 1).slice(0, 600);
    expect(ndjson(plain)).toBe(ndjson(firstVersions));
    const noWithdrawals = [...generateReports(800, { seed: SEED, withdrawals: false })];
    expect(noWithdrawals.some((record) => record.status === 'withdrawn')).toBe(false);
    expect(noWithdrawals.some((record) => record.revision > 1)).toBe(true);
  });
});

const runGenerate = (args: string[]) => runCliCaptured(['generate', ...args]);

describe('puzzelstuk generate', () => {
  it('writes --count NDJSON records, the same as the API for the same seed', async () => {
    const result = await runGenerate(['--count', '80', '--seed', 'demo']);
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(80);
    for (const line of result.lines) expect(intakeRecordSchema.safeParse(line).success).toBe(true);
    const expected = [...generateReports(80, { seed: 'demo' })].map((record) => JSON.stringify(record)).join('\n');
    expect(result.stdout).toBe(`${expected}\n`);
    expect((await runGenerate(['--count', '80', '--seed', 'demo'])).stdout).toBe(result.stdout);
  });

  it('honours --start-id, --no-revisions and --no-withdrawals', async () => {
    const result = await runGenerate(['--count', '400', '--seed', '3', '--start-id', '1200', '--no-revisions', '--no-withdrawals']);
    expect(result.code).toBe(0);
    const records = result.lines as Array<{ reportId: string; revision: number; status: string }>;
    expect(records[0]?.reportId).toBe('IA-2026-0001200');
    expect(records.every((record) => record.revision === 1 && record.status === 'filed')).toBe(true);
  });

  it('rejects missing or malformed options with a usage error', async () => {
    const missing = await runGenerate(['--seed', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--count is required/);
    const bad = await runGenerate(['--count', 'many', '--seed', 'x']);
    expect(bad.code).toBe(2);
    const tooHigh = await runGenerate(['--count', '1', '--seed', 'x', '--start-id', '12345678']);
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stdout).toBe('');
  });

  it('waits for a slow reader instead of buffering the whole output', async () => {
    let maxBuffered = 0;
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        setImmediate(callback);
      },
    });
    const originalWrite = slow.write.bind(slow);
    slow.write = ((chunk: unknown, ...rest: unknown[]) => {
      const ok = (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
      maxBuffered = Math.max(maxBuffered, slow.writableLength);
      return ok;
    }) as typeof slow.write;
    const stderr = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const code = await generateCommand.run(['--count', '1500', '--seed', 'slow'], { stdout: slow, stderr, stderrIsTTY: false, env: {} });
    expect(code).toBe(0);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(bytes).toBeGreaterThan(1_000_000);
    // Never more than about one chunk (64 KiB) waiting, although ~2 MB were written.
    expect(maxBuffered).toBeLessThan(200 * 1024);
  });
});
