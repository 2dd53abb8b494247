import type { z } from 'zod';
import { intakeRecordSchema, type IntakeRecord } from './schema';

export type IntakeParseResult = { ok: true; record: IntakeRecord } | { ok: false; reason: string };

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the record';
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

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
      if (issue.values.length === 1) return `${where} must be ${JSON.stringify(issue.values[0])} (got ${JSON.stringify(got)})`;
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(got)})`;
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
  const result = intakeRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  const reasons = result.error.issues.slice(0, 3).map((issue) => describeIssue(issue, value));
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more problems)` : '';
  return { ok: false, reason: reasons.join('; ') + more };
}

/** Parses one NDJSON line of the intake contract. */
export function parseIntakeLine(line: string): IntakeParseResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  return validateIntakeRecord(value);
}
