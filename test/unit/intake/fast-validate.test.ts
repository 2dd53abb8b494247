/**
 * The intake contract's compiled fast path (shared/intake/fast-validate.ts, issue 13) is a security control: it
 * must never accept what zod rejects. Valid contract records (the contract's examples, the generator's records)
 * are mutated every way the contract forbids — wrong types, out-of-range numbers, bad timestamps and dates, bad
 * enums, too-long texts, bad sizes and hashes, missing fields, filed without reporter or incident, prototype keys —
 * and the fast path is held to zod on each: what it accepts, zod accepts, as the same value. Its honest twin: it
 * accepts what zod accepts (so it is actually used), except an object with an own `__proto__` key, which zod copies
 * without it and which is therefore left to zod.
 */
import { isDeepStrictEqual } from 'node:util';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../support/fast-check-seed';
import { compileIntakeValidator, intakeJsonSchema, surelyValidIntakeRecord } from '../../../shared/intake/fast-validate';
import { validateIntakeRecord } from '../../../shared/intake/parse';
import { intakeRecordSchema } from '../../../shared/intake/schema';
import { generateReports } from '../../../src-generator';
import { exampleRecords } from '../../support/records';

type Json = Record<string, unknown>;

const generated = [
  ...generateReports(200, { seed: 'fast-validate' }),
  ...generateReports(100, { seed: 'fast-validate-messy', messy: 0.5, annotate: true }),
] as unknown as Json[];
const examples = exampleRecords() as unknown as Json[];
const valid = [...examples, ...generated];

/** Every path in a value (objects' keys, arrays' indexes), the root's fields and below. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return found;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    found.push(path);
    pathsOf(child, path, found);
  }
  return found;
}

/** The contract's fields, present in a record or not (an array's items at index 0). */
function schemaPaths(node: unknown, prefix: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  const schema = node as { properties?: Record<string, unknown>; items?: unknown };
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    found.push([...prefix, key]);
    schemaPaths(child, [...prefix, key], found);
  }
  if (schema.items) {
    found.push([...prefix, 0]);
    schemaPaths(schema.items, [...prefix, 0], found);
  }
  return found;
}
const CONTRACT_PATHS = schemaPaths(intakeJsonSchema());

const LONG = (units: number) => 'x'.repeat(units);
const WIDE = (codePoints: number) => '😀'.repeat(codePoints); // one code point, two UTF-16 code units

/** Values the contract forbids somewhere (and some it allows), put at any path. */
const HOSTILE_VALUES: unknown[] = [
  // wrong types
  null, true, false, 0, 1, '', 'x', [], {}, ['x'], [1], [null], { a: 1 }, [{}],
  // numbers: out of range, not whole, not finite, not safe
  -1, -0, 0.5, 1.5, 2, -1.5, 1e21, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', '12',
  // timestamps and dates
  '2026-03-02T08:14:09Z', '2026-03-02T08:14:09+01:00', '2026-03-02T08:14:09.123456Z', '2026-02-29T08:14:09Z', '2024-02-29T08:14:09Z',
  '2026-02-30T08:14:09Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-03-02T24:00:00Z', '2026-03-02T23:59:60Z',
  '2016-12-31T23:59:60Z', '2026-03-02t08:14:09Z', '2026-03-02T08:14:09z', '2026-03-02 08:14:09Z', '2026-03-02T08:14:09',
  '2026-03-02T08:14Z', '2026-03-02T08:14:09+0100', '2026-03-02T08:14:09+01', '2026-03-02T08:14:09+24:00', '2026-03-02T08:14:09-00:00',
  '2026-03-02T08:14:09.Z', '+2026-03-02T08:14:09Z', '2026-03-02T08:14:09Z\n', ' 2026-03-02T08:14:09Z', '２０２６-03-02T08:14:09Z',
  '1948-05-17', '2026-02-30', '2026-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-4-01', '26-04-01',
  '2026-04-01T00:00:00Z', '2026-04-01\n', '٢٠٢٦-04-01',
  // enums
  'filed', 'withdrawn', 'Filed', 'FILED', 'filed ', 'person', 'organisation', 'Person', 'phishing', 'other', 'Other', 'AnyDesk',
  'anydesk', 'bank_transfer', 'phone_call', 'internet', 'aangifte', 'melding', 'intake-report/1', 'intake-report/2', 'toString', '__proto__',
  // identifiers and formats
  'IA-2026-0000101', 'IA-2026-000010', 'IA-2026-00001011', 'ia-2026-0000101', 'IA-2026-0000101\n', 'IA-٢٠٢٦-0000101',
  '450.00', '-450', '450.', '.5', '4,50', '1e3', '١٢', 'EUR', 'E', 'BTC', 'EURO-12345', 'EUR ',
  'a'.repeat(64), 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), 'g'.repeat(64), `${'a'.repeat(64)}\n`,
  // lengths: zod counts code points (a surrogate pair is one, a lone surrogate one too)
  LONG(199), LONG(200), LONG(201), WIDE(100), WIDE(101), WIDE(200), WIDE(201), `${LONG(199)}😀`, `${LONG(200)}😀`,
  LONG(20_000), LONG(20_001), WIDE(10_001), WIDE(20_000), WIDE(20_001), '\ud800', '\ud800'.repeat(200), '\ud800'.repeat(201),
  '\udc00'.repeat(201), '\udc00\ud800'.repeat(100), '\udc00\ud800'.repeat(101), `${LONG(199)}\ud800`, `${LONG(200)}\ud800`,
];

const copyOf = (value: object): Record<string | number, unknown> => (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<string | number, unknown>;

/**
 * `record` with `value` at `path` (parents made objects or lists as needed); `undefined` deletes the key. Only the
 * objects along the path are copied (own `__proto__` keys included): the rest is shared, never changed.
 */
function withValue(record: Json, path: readonly (string | number)[], value: unknown): Json {
  const copy = copyOf(record);
  let at = copy;
  for (const [index, key] of path.slice(0, -1).entries()) {
    const child = at[key];
    const next = typeof child === 'object' && child !== null ? copyOf(child) : typeof path[index + 1] === 'number' ? [] : {};
    at[key] = next;
    at = next as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  // Only what JSON.parse can make: a list has no named keys (an index into an object is a key like any).
  if (Array.isArray(at) && typeof last === 'string') return copy;
  if (value === undefined) delete at[last];
  // An own key, as JSON.parse makes it (an assignment would set the prototype).
  else if (last === '__proto__') Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
  else at[last] = value;
  return copy;
}

/** Whether some object in `value` has an own `__proto__` key (zod leaves it out of its copy). */
function hasOwnProto(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some(hasOwnProto);
}

/** The fast path held to zod on one value; returns whether it was accepted. */
function holdToZod(value: unknown, label: () => string): boolean {
  const fast = surelyValidIntakeRecord(value);
  const zod = intakeRecordSchema.safeParse(value);
  if (fast) {
    // Never accepts what zod rejects, and what it accepts is zod's output as it is.
    expect(zod.success, `fast path accepted what zod rejects: ${label()}`).toBe(true);
    expect(isDeepStrictEqual(zod.data, value), `zod's output is not the input: ${label()}`).toBe(true);
  } else if (zod.success && !hasOwnProto(value)) {
    expect.fail(`fast path refused what zod accepts: ${label()}`);
  }
  return fast;
}

describe('the fast path on valid contract records', () => {
  it('accepts every example and generated record, and zod returns each as it is, unknown keys included', () => {
    expect(generated.some((record) => Object.keys(record).some((key) => key.startsWith('x-')))).toBe(true);
    for (const record of valid) {
      const zod = intakeRecordSchema.safeParse(record);
      expect(zod.success).toBe(true);
      expect(zod.data).toStrictEqual(record);
      expect(surelyValidIntakeRecord(record)).toBe(true);
      // validateIntakeRecord takes the fast path: the record itself comes back, not a copy.
      expect(validateIntakeRecord(record)).toEqual({ ok: true, record });
      expect((validateIntakeRecord(record) as { record: unknown }).record).toBe(record);
    }
  });

  it('is compiled from the zod schema (nothing it cannot express is dropped silently)', () => {
    const schema = intakeJsonSchema();
    // A JSON schema by the meta-schema (the fast path's compile leaves this check out), besides its own keyword.
    const meta = new Ajv({ strict: true, strictRequired: false });
    meta.addKeyword({ keyword: 'noOwnProto', schemaType: 'boolean' });
    expect(meta.validateSchema(schema), JSON.stringify(meta.errors)).toBe(true);
    expect(JSON.stringify(schema)).not.toContain('"format"');
    expect(schema.then).toEqual({ required: ['reporter', 'incident'] });
    expect(typeof compileIntakeValidator()).toBe('function');
  });
});

describe('the fast path never accepts what zod rejects', () => {
  it('every contract field of every example set to every hostile value, or removed', () => {
    let accepted = 0;
    let checked = 0;
    for (const [index, record] of examples.entries()) {
      for (const path of CONTRACT_PATHS) {
        for (const value of [...HOSTILE_VALUES, undefined]) {
          const mutated = withValue(record, path, value);
          checked += 1;
          if (holdToZod(mutated, () => `example ${index}, ${path.join('.')} = ${String(JSON.stringify(value)).slice(0, 40)}`)) accepted += 1;
        }
      }
    }
    // Both ways happen: most mutations are refused, some (a valid value put elsewhere valid) accepted.
    expect(accepted).toBeGreaterThan(checked / 20);
    expect(accepted).toBeLessThan(checked / 2);
  });

  it('filed without reporter or incident; withdrawn without them', () => {
    for (const record of valid) {
      for (const missing of [['reporter'], ['incident'], ['reporter', 'incident']]) {
        let mutated = withValue(record, ['status'], 'filed');
        for (const key of missing) mutated = withValue(mutated, [key], undefined);
        expect(surelyValidIntakeRecord(mutated)).toBe(false);
        expect(intakeRecordSchema.safeParse(mutated).success).toBe(false);
        const withdrawn = withValue(mutated, ['status'], 'withdrawn');
        holdToZod(withdrawn, () => `withdrawn without ${missing.join(', ')}`);
      }
    }
  });

  it('prototype keys: an own __proto__ is left to zod anywhere it copies; constructor and toString are keys like any', () => {
    const record = examples[0]!;
    for (const path of [[], ['reporter'], ['reporter', 'address'], ['incident'], ['payments', 0], ['suspect'], ['attachments', 0]]) {
      for (const value of [{ polluted: true }, null, 1, 'x', []]) {
        const mutated = withValue(record, [...path, '__proto__'], value);
        expect(Object.getPrototypeOf(mutated)).toBe(Object.prototype);
        expect(surelyValidIntakeRecord(mutated), path.join('.')).toBe(false);
        holdToZod(mutated, () => `__proto__ at ${path.join('.')}`);
      }
      for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
        holdToZod(withValue(record, [...path, key], { polluted: true }), () => `${key} at ${path.join('.')}`);
      }
    }
    // Parsed from text, as an import reads it.
    const text = JSON.stringify(record).replace('"reporter":{', '"reporter":{"__proto__":{"polluted":true},');
    expect(surelyValidIntakeRecord(JSON.parse(text))).toBe(false);
    expect(validateIntakeRecord(JSON.parse(text)).ok).toBe(true); // zod's answer, as before
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('counts lengths in code points, as zod does', () => {
    const record = examples[0]!;
    for (const [path, limit] of [[['incident', 'summary'], 200], [['incident', 'narrative'], 20_000]] as const) {
      expect(surelyValidIntakeRecord(withValue(record, path, WIDE(limit)))).toBe(true);
      expect(intakeRecordSchema.safeParse(withValue(record, path, WIDE(limit))).success).toBe(true);
      expect(surelyValidIntakeRecord(withValue(record, path, WIDE(limit + 1)))).toBe(false);
      expect(surelyValidIntakeRecord(withValue(record, path, `${LONG(limit)}\ud800`))).toBe(false);
    }
  });

  it('random mutations of example and generated records, one to four at a time (property)', () => {
    const mutation = fc.tuple(
      fc.oneof(fc.constantFrom(...CONTRACT_PATHS), fc.constantFrom(...CONTRACT_PATHS).map((path) => [...path, '__proto__'])),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES, undefined) },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1, -1)) },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 4 }), (record, mutations) => {
        let mutated = record;
        for (const [path, value] of mutations) mutated = withValue(mutated, path, value);
        holdToZod(mutated, () => JSON.stringify(mutations).slice(0, 300));
      }),
      { numRuns: 3000 },
    );
  });

  it('random mutations at any path present in a generated record (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...generated).chain((record) => fc.tuple(fc.constant(record), fc.constantFrom(...pathsOf(record)), fc.constantFrom(...HOSTILE_VALUES, undefined))),
        ([record, path, value]) => {
          holdToZod(withValue(record, path, value), () => `${path.join('.')} = ${String(JSON.stringify(value)).slice(0, 40)}`);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
