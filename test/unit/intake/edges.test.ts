/**
 * Hostile input at the edges (issue 15 §5), the shared pieces up close: the nesting pre-scan's boundaries, reasons for
 * every field of the contract (nested ones too), the line reader's decoder across chunks — and no line ever lost
 * (test/security/hostile-input.test.ts tries the same through a real store and hub).
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../support/fast-check-seed';
import { MAX_JSON_DEPTH, parseBoundedJson, pruneDeepValues, TOO_DEEP_MARK } from '../../../shared/intake/bounded-json';
import { readNdjsonLines } from '../../../shared/intake/ndjson-lines';
import { MAX_REASON_LENGTH, parseIntakeLine } from '../../../shared/intake/parse';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { ingestNdjson } from '../../../src-hub/intake/ingest';
import { importNdjson } from '../../../src-main/ingest/importer';
import type { IntakeInput } from '../../../src-hub/intake/apply';
import { exampleRecords, filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

/** Values a reason must never repeat: a name, an IBAN, markup. */
const HOSTILE = ['Jan Jansen-de Vries', 'NL48INGB8301661318', '<script>alert(1)</script>'];

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

async function linesOf(chunks: Uint8Array[]) {
  const lines = [];
  for await (const line of readNdjsonLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe('the nesting limit', () => {
  it('parses a value exactly at the limit, and refuses one level more with a reason', () => {
    expect(parseBoundedJson(nested(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    const refused = parseBoundedJson(nested(MAX_JSON_DEPTH + 1));
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/nested deeper than 32 levels/) as string });
  });

  it('refuses a million opening brackets without building them', () => {
    const result = parseIntakeLine('['.repeat(1_000_000));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/nested deeper/) as string });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ narrative: `${'['.repeat(100)}\\"${'{'.repeat(100)}` });
    expect(parseBoundedJson(text)).toMatchObject({ ok: true });
    const sneaky = `{"a":"\\"", "b": ${nested(MAX_JSON_DEPTH + 5)}}`;
    expect(parseBoundedJson(sneaky)).toMatchObject({ ok: false });
  });

  it('agrees with JSON.parse on any value within the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        const result = parseBoundedJson(text);
        expect(result).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
      { numRuns: 300 },
    );
  });

  it('prunes a stored value past the limit without recursion, and leaves shallow ones as they are', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 200_000; level++) deep = [deep];
    const pruned = pruneDeepValues({ reportId: 'IA-2026-0000001', extra: deep }) as { extra: unknown };
    const text = JSON.stringify(pruned);
    expect(text).toContain(TOO_DEEP_MARK);
    expect(text.length).toBeLessThan(200);
    const shallow = { a: [1, { b: 'c' }], d: null };
    expect(pruneDeepValues(shallow)).toEqual(shallow);
  });
});

/** A record with `value` put at `path`, every other field valid. */
function withValueAt(path: readonly string[], value: unknown): Record<string, unknown> {
  const record = structuredClone(filedRecord()) as unknown as Record<string, unknown>;
  let at: Record<string, unknown> = record;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
  return record;
}

/** Every field of the contract whose value can be wrong. */
const FIELDS = [
  ['schema'],
  ['reportId'],
  ['revision'],
  ['receivedAt'],
  ['status'],
  ['region'],
  ['category'],
  ['reporter', 'type'],
  ['reporter', 'birthDate'],
  ['reporter', 'email'],
  ['reporter', 'phone'],
  ['reporter', 'address', 'postalCode'],
  ['incident', 'startedAt'],
  ['incident', 'narrative'],
  ['incident', 'payments'],
  ['suspect', 'bankAccounts'],
  ['suspect', 'phoneNumbers'],
  ['attachments'],
];

describe('a rejection reason', () => {
  it('never repeats a submitted value, in any field, whatever its type', () => {
    for (const path of FIELDS) {
      for (const hostile of HOSTILE) {
        for (const value of [hostile, [hostile], { [hostile]: hostile }, hostile.repeat(3000), [{ amount: hostile, at: hostile }]]) {
          const result = parseIntakeLine(JSON.stringify(withValueAt(path, value)));
          if (result.ok) continue;
          expect(result.reason, `${path.join('.')} = ${JSON.stringify(value).slice(0, 40)}`).not.toContain(hostile.slice(0, 8));
          expect(result.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
        }
      }
    }
  });

  it('names the field, so a person can still fix it', () => {
    const result = parseIntakeLine(JSON.stringify(withValueAt(['status'], '<script>alert(1)</script>')));
    expect(result).toEqual({ ok: false, reason: 'status must be one of "filed", "withdrawn"' });
  });

  it('never quotes the text of a line that is not JSON', () => {
    for (const hostile of HOSTILE) {
      const result = parseIntakeLine(`{"reporter": {"name": "${hostile}"`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toContain(hostile.slice(0, 8));
      const garbage = parseIntakeLine(`${hostile} ${hostile}`);
      expect(garbage).toMatchObject({ ok: false, reason: expect.stringMatching(/^not valid JSON/) as string });
      expect(JSON.stringify(garbage)).not.toContain(hostile.slice(0, 8));
    }
  });

  it('stays short when everything is wrong', () => {
    const result = parseIntakeLine(JSON.stringify(Object.fromEntries(FIELDS.map((path) => [path[0], 'x'.repeat(50_000)]))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
  });
});

describe('invalid UTF-8', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

  it('rejects the line that holds it, by number, and reads the lines around it', async () => {
    const bytes = join(encode('eerste\n'), Uint8Array.of(0x4a, 0xe9, 0x6e, 0x0a), encode('derde\n'));
    const lines = await linesOf([bytes]);
    expect(lines.map((line) => [line.number, line.text, line.invalidUtf8 ?? false])).toEqual([
      [1, 'eerste', false],
      [2, '', true],
      [3, 'derde', false],
    ]);
  });

  it('is not fooled by a character split across chunks, and catches a bad byte at the very end', async () => {
    const euro = encode('€');
    const lines = await linesOf([join(encode('a'), euro.subarray(0, 1)), join(euro.subarray(1), encode('\nb')), Uint8Array.of(0xff)]);
    expect(lines.map((line) => [line.text, line.invalidUtf8 ?? false])).toEqual([
      ['a€', false],
      ['', true],
    ]);
  });
});

/** Lines as a hostile or broken portal might send them. */
const mutatedRecord = fc
  .tuple(fc.constantFrom(...exampleRecords()), fc.constantFrom(...FIELDS), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)))
  .map(([record, path, value]) => {
    const copy = structuredClone(record) as unknown as Record<string, unknown>;
    let at: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
      at = at[key] as Record<string, unknown>;
    }
    at[path.at(-1)!] = value;
    return JSON.stringify(copy);
  });
const anyLine = fc.oneof(
  mutatedRecord,
  fc.constantFrom(...exampleRecords()).map((record) => JSON.stringify(record)),
  fc.jsonValue({ maxDepth: 40 }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(nested(MAX_JSON_DEPTH + 1), '{'.repeat(5000), '"\\', ''),
);
/** Arbitrary bytes, or lines of the kinds above, joined into one body. */
const anyBody = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.array(anyLine, { maxLength: 6 }).map((lines) => Buffer.from(lines.map((line) => line.replace(/\n/g, ' ')).join('\n'))),
);

const countedLines = async (body: Buffer) => (await linesOf([body])).filter((line) => line.text.trim() !== '' || line.invalidUtf8).length;

describe('every line is imported or rejected with a reason, and nothing throws', () => {
  it('the workstation import', async () => {
    const { writer } = openTempStore();
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const summary = await importNdjson(Readable.from([body]), writer, { batchSize: 3 });
        expect(summary.read).toBe(await countedLines(body));
        expect(summary.imported + summary.updated + summary.ignored + summary.rejected.length).toBe(summary.read);
        for (const rejected of summary.rejected) {
          expect(rejected.reason.length).toBeGreaterThan(0);
          expect(rejected.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the hub intake (its parsing and rejection; the records it accepts handed to the store as they are)', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const applied: IntakeInput[] = [];
        const summary = await ingestNdjson(
          Readable.from([body]),
          (inputs) => {
            applied.push(...inputs);
            return Promise.resolve(inputs.map(() => 'imported' as const));
          },
          2,
        );
        expect(summary.read).toBe(await countedLines(body));
        expect(applied.length + summary.rejected.length).toBe(summary.read);
        for (const input of applied) expect(JSON.parse(input.raw) as IntakeRecord).toMatchObject({ reportId: input.record.reportId });
        for (const rejected of summary.rejected) expect(rejected.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
      }),
      { numRuns: 300 },
    );
  });
});
