/**
 * Hostile input at the edges (issue 15 §5), tried on the workstation's import and the hub's intake alike: JSON nested
 * past the limit, bytes that are not UTF-8, values that must never come back in a rejection reason, a stored record
 * that must still be shown — and fast-check over arbitrary lines: each is imported or rejected with a short reason,
 * and nothing throws. Beside each attack its honest twin.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSummary } from '../../shared/hub/protocol';
import { MAX_JSON_DEPTH, TOO_DEEP_MARK } from '../../shared/intake/bounded-json';
import { MAX_REASON_LENGTH } from '../../shared/intake/parse';
import type { IntakeRecord } from '../../shared/intake/schema';
import { coreInThisThread } from '../../src-main/api/core-link';
import { startHttpTransport } from '../../src-main/api/http-transport';
import { importNdjson } from '../../src-main/ingest/importer';
import { prepareLine } from '../../src-main/ingest/prepare-line';
import { openApiHarness } from '../api/support/api-harness';
import { startTestHub, type TestHub } from '../hub/harness';
import { filedRecord } from '../support/records';
import { openTempStore, tempDir } from '../support/temp-store';
import { storedRevisions } from '../support/stored-revisions';

/** A value that must never come back in a reason: a name, an IBAN, markup. */
const HOSTILE = 'Zeldzaamnaam<script>NL91ABNA0417164300';

/** `depth` levels of nested objects under an unknown field of a valid record. */
function nested(depth: number): IntakeRecord {
  let value: unknown = 'bodem';
  for (let level = 0; level < depth; level++) value = { level: value };
  return { ...filedRecord(), extra: value };
}

/** Records each wrong in one field, every wrong value carrying HOSTILE. */
function hostileRecords(): Array<[string, string]> {
  const valid = () => filedRecord() as unknown as Record<string, unknown>;
  const line = (record: Record<string, unknown>) => JSON.stringify(record);
  return [
    ['reportId', line({ ...valid(), reportId: HOSTILE })],
    ['schema', line({ ...valid(), schema: HOSTILE })],
    ['category', line({ ...valid(), category: HOSTILE })],
    ['status', line({ ...valid(), status: HOSTILE })],
    ['revision', line({ ...valid(), revision: HOSTILE })],
    ['receivedAt', line({ ...valid(), receivedAt: HOSTILE })],
    ['reporter.type', line({ ...valid(), reporter: { type: HOSTILE, name: HOSTILE } })],
    ['payments', line({ ...valid(), payments: [{ amount: HOSTILE, iban: HOSTILE }] })],
    ['broken JSON after the value', `{"reportId": "${HOSTILE}", "schema": `],
    ['broken JSON inside the value', `{"reportId": "${HOSTILE}\\x", "schema": 1}`],
    ['too deep', `{"a": "${HOSTILE}", "b": ${'['.repeat(100)}${']'.repeat(100)}}`],
  ];
}

const NOT_UTF8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]); // {"a":"<C3 28 FF>"}

function threeLines(middle: Buffer): { bytes: Buffer; first: IntakeRecord; last: IntakeRecord } {
  const first = filedRecord();
  const last = filedRecord();
  return { bytes: Buffer.concat([Buffer.from(`${JSON.stringify(first)}\n`), middle, Buffer.from(`\n${JSON.stringify(last)}\n`)]), first, last };
}

/** The import of raw bytes, as a file on disk would be read. */
function importBytes(temp: ReturnType<typeof openTempStore>, bytes: Buffer) {
  return importNdjson(Readable.from([bytes]), temp.writer, { batchSize: 3 });
}

describe('the workstation’s import at its edges', () => {
  it(`refuses a record nested deeper than ${MAX_JSON_DEPTH} levels, and a line of a million brackets, with a reason — a record nested a little still imports`, async () => {
    const { importText } = openTempStore();
    const summary = await importText([JSON.stringify(nested(MAX_JSON_DEPTH + 5)), '['.repeat(1_000_000), JSON.stringify(nested(10))].join('\n') + '\n');
    expect(summary.imported).toBe(1);
    expect(summary.rejected).toEqual([
      { line: 1, reason: `nested deeper than ${MAX_JSON_DEPTH} levels; an intake record is never that deep` },
      { line: 2, reason: `nested deeper than ${MAX_JSON_DEPTH} levels; an intake record is never that deep` },
    ]);
  });

  it('refuses a line that is not UTF-8 by its number, never repairing it, and imports the lines around it', async () => {
    const temp = openTempStore();
    const { store } = temp;
    const { bytes, first, last } = threeLines(NOT_UTF8);
    const summary = await importBytes(temp, bytes);
    expect(summary).toMatchObject({ read: 3, imported: 2, rejected: [{ line: 2, reason: 'the line is not valid UTF-8 text (it holds bytes of another encoding)' }] });
    const ids = store.sqlite.prepare('SELECT report_id FROM reports ORDER BY report_id').pluck().all();
    expect(ids).toEqual([first.reportId, last.reportId].sort());
    const stored = storedRevisions(store.sqlite);
    expect(stored).toHaveLength(2);
    for (const revision of stored) expect(revision.raw).not.toContain('\ufffd');
  });

  it.each(hostileRecords())('gives a short reason that never repeats the submitted value (%s)', (_field, line) => {
    const prepared = prepareLine({ number: 7, text: line, tooLong: false, bytes: line.length });
    expect(prepared.ok).toBe(false);
    const reason = (prepared as { reason: string }).reason;
    expect(reason.length).toBeGreaterThan(5);
    expect(reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    for (const part of [HOSTILE, 'Zeldzaamnaam', '<script>', 'NL91ABNA']) expect(reason).not.toContain(part);
  });

  it('the honest twin: a valid record is imported, and a wrong one still says which field and what is expected', () => {
    const good = JSON.stringify(filedRecord());
    expect(prepareLine({ number: 1, text: good, tooLong: false, bytes: good.length }).ok).toBe(true);
    const wrong = JSON.stringify({ ...filedRecord(), category: HOSTILE });
    expect(prepareLine({ number: 1, text: wrong, tooLong: false, bytes: wrong.length })).toMatchObject({ ok: false, reason: expect.stringMatching(/^category must be one of "/) as unknown });
  });
});

describe('fast-check over the import: every line is imported or rejected with a short reason, and nothing throws', () => {
  const checkLine = (text: string) => {
    const prepared = prepareLine({ number: 1, text, tooLong: false, bytes: text.length });
    if (prepared.ok === false) {
      expect(prepared.reason.length).toBeGreaterThan(0);
      expect(prepared.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    }
  };

  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), checkLine), { numRuns: 500 });
  });

  it('arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 40 }), (value) => checkLine(JSON.stringify(value))), { numRuns: 500 });
  });

  it('valid records with one field replaced by anything', () => {
    const fields = Object.keys(filedRecord());
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 6 }), (field, value) => checkLine(JSON.stringify({ ...filedRecord(), [field]: value }))),
      { numRuns: 500 },
    );
  });

  it('arbitrary bytes into a real store: read = imported + updated + ignored + rejected', async () => {
    const temp = openTempStore();
    const validLine = fc.constant(null).map(() => JSON.stringify(filedRecord()));
    const line = fc.oneof(validLine, fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(line, fc.uint8Array({ maxLength: 300 })), { maxLength: 12 }), async (lines) => {
        const bytes = Buffer.concat(lines.map((item) => Buffer.concat([typeof item === 'string' ? Buffer.from(item) : Buffer.from(item), Buffer.from('\n')])));
        const summary = await importBytes(temp, bytes);
        expect(summary.read).toBe(summary.imported + summary.updated + summary.ignored + summary.rejected.length);
        for (const rejected of summary.rejected) expect(rejected.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a stored record that cannot be shown as it is', () => {
  it('still answers report.get (values past the limit marked), also over HTTP; a normal report is shown whole', async () => {
    const normal = filedRecord();
    const deep = filedRecord();
    const api = await openApiHarness({ records: [normal, deep] });
    // An older version stored it before the limit: a value nested 50,000 deep.
    const raw = `{${JSON.stringify(deep).slice(1, -1)},"extra":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    api.store.sqlite.prepare('UPDATE report_revisions SET raw = ?, packed = NULL, narrative_at = NULL WHERE report_id = (SELECT id FROM reports WHERE report_id = ?)').run(raw, deep.reportId);

    const shown = await api.value('report.get', { reportId: deep.reportId, purpose: 'Beoordelen van de melding' });
    expect(JSON.stringify(shown)).toContain(TOO_DEEP_MARK);
    expect((await api.value('report.get', { reportId: normal.reportId, purpose: 'Beoordelen van de melding' })).record).toMatchObject({ reportId: normal.reportId, incident: normal.incident });

    const server = await startHttpTransport({ core: coreInThisThread(api.context), rendererDir: tempDir() });
    try {
      const reply = await fetch(`${server.origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, origin: server.origin },
        body: JSON.stringify({ method: 'report.get', params: { reportId: deep.reportId, purpose: 'Beoordelen van de melding' } }),
      });
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers a whole error, never a cut connection, when an answer cannot be serialized', async () => {
    const unsendable = { call: () => Promise.resolve({ ok: true as const, value: 10n }), subscribe: () => () => undefined };
    const server = await startHttpTransport({ core: unsendable, rendererDir: tempDir() });
    try {
      const reply = await fetch(`${server.origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, origin: server.origin },
        body: JSON.stringify({ method: 'queue.list', params: {} }),
      });
      expect(reply.status).toBe(500);
      expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      await server.close();
    }
  });
});

describe('the hub’s intake at its edges', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  });
  afterAll(() => hub?.close());

  const post = async (body: Buffer | string, contentType: string) =>
    hub.request<IntakeSummary & { error?: { message: string } }>('/v1/intake', { token: hub.intakeToken, contentType, body });

  it('refuses a line that is not UTF-8 by its number, a record nested too deep, and never repeats a value; the lines around them are taken', async () => {
    const { bytes } = threeLines(NOT_UTF8);
    const lines = Buffer.concat([bytes, Buffer.from(`${JSON.stringify(nested(MAX_JSON_DEPTH + 5))}\n`), ...hostileRecords().map(([, line]) => Buffer.from(`${line}\n`))]);
    const answer = await post(lines, 'application/x-ndjson');
    expect(answer.status).toBe(200);
    expect(answer.body.imported).toBe(2);
    expect(answer.body.rejected[0]).toEqual({ line: 2, reason: 'the line is not valid UTF-8 text (it holds bytes of another encoding)' });
    expect(answer.body.rejected[1]).toEqual({ line: 4, reason: `nested deeper than ${MAX_JSON_DEPTH} levels; an intake record is never that deep` });
    expect(answer.body.rejected).toHaveLength(2 + hostileRecords().length);
    expect(JSON.stringify(answer.body)).not.toContain('Zeldzaamnaam');
  });

  it('refuses a single JSON record that is not UTF-8 or nested too deep with a reason; a valid one is taken (its twin)', async () => {
    const notUtf8 = await post(NOT_UTF8, 'application/json');
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error?.message).toMatch(/line 1: the body is not valid UTF-8/);
    const deep = await post(JSON.stringify(nested(MAX_JSON_DEPTH + 5)), 'application/json');
    expect(deep.status).toBe(400);
    expect(deep.body.error?.message).toMatch(/nested deeper than/);
    const honest = await post(JSON.stringify(filedRecord()), 'application/json');
    expect(honest.status).toBe(200);
    expect(honest.body.imported).toBe(1);
  });

  it('fast-check: arbitrary NDJSON bodies are read line by line, each taken or rejected, and the hub never fails', async () => {
    const line = fc.oneof(
      fc.constant(null).map(() => JSON.stringify(filedRecord())),
      fc.string({ maxLength: 120 }),
      fc.jsonValue({ maxDepth: 8 }).map((value) => JSON.stringify(value)),
      fc.uint8Array({ maxLength: 120 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 10 }), async (lines) => {
        const answer = await post(Buffer.from(lines.join('\n') + '\n', 'latin1'), 'application/x-ndjson');
        expect(answer.status).toBe(200);
        const summary = answer.body;
        expect(summary.read).toBe(summary.imported + summary.updated + summary.ignored + summary.rejected.length);
        for (const rejected of summary.rejected) expect(rejected.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
      }),
      { numRuns: 25 },
    );
  });
});
