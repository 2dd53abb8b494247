import type { z } from 'zod';
import { parseBoundedJson } from './bounded-json';
import { surelyValidIntakeRecord } from './fast-validate';
import { intakeRecordSchema, type IntakeRecord } from './schema';

export type IntakeParseResult = { ok: true; record: IntakeRecord } | { ok: false; reason: string };

/** A key of the contract reads as itself; any other (a submitted one) is not repeated. */
const nameOf = (part: PropertyKey) => (typeof part === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(part) ? part : '<key>');

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the record';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? nameOf(part) : `.${nameOf(part)}`))
    .join('');
}

/** Reasons stay short: a person reads them in a list of rejected lines. */
export const MAX_REASON_LENGTH = 300;
const shorten = (reason: string) => (reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Turns a zod issue into a sentence a person understands, e.g. `reportId must look like IA-2026-0000123`. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = describePath(issue.path);
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (got === undefined) return `${where} is missing`;
      return `${where} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${typeName(got)}`;
    case 'invalid_value':
      if (got === undefined) return `${where} is missing`;
      // The contract's own values only: a reason never repeats what was submitted.
      if (issue.values.length === 1) return `${where} must be ${JSON.stringify(issue.values[0])}`;
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
    case 'invalid_key':
      // zod would quote the keys, which were submitted: not repeated.
      return `${where} has a key the contract does not allow`;
    default:
      return `${where} ${issue.message}`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Validates an already JSON-parsed value against the contract. */
export function validateIntakeRecord(value: unknown): IntakeParseResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `a record must be a JSON object, not ${typeName(value)}` };
  }
  // The compiled fast path takes what is surely valid, as it is (zod's output would be a deep-equal copy); the
  // rest goes to zod, whose issues are the reasons.
  if (surelyValidIntakeRecord(value)) return { ok: true, record: value as IntakeRecord };
  const result = intakeRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  const reasons = result.error.issues.slice(0, 3).map((issue) => describeIssue(issue, value));
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more problems)` : '';
  return { ok: false, reason: shorten(reasons.join('; ') + more) };
}

/** Parses one NDJSON line of the intake contract (nesting bounded, see bounded-json.ts). */
export function parseIntakeLine(line: string): IntakeParseResult {
  const parsed = parseBoundedJson(line);
  return parsed.ok ? validateIntakeRecord(parsed.value) : parsed;
}
