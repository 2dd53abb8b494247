/**
 * A compiled fast path for the intake contract (issue 13): zod's validation of a record cost the prepare worker
 * ~33 µs, plus the garbage of the copy its object parser builds. This validator is compiled once, from the same zod
 * schema (z.toJSONSchema → ajv), so the two cannot drift. It decides only "surely valid": a record it accepts is
 * the record (the schema transforms nothing, and zod's output deep-equals its input). Anything it rejects goes to
 * zod as before, so every reason a person reads is zod's. It must never accept what zod rejects:
 * test/unit/intake/fast-validate.test.ts attacks it with mutated records. Its values are JSON.parse's (as
 * validateIntakeRecord's are): a list with named keys, say, is not one of them.
 */
import { _, Ajv, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { intakeRecordSchema } from './schema';

type JsonSchemaNode = Record<string, unknown>;

/** Every schema node below `node`, `node` included. */
function schemaNodes(node: unknown, found: JsonSchemaNode[] = []): JsonSchemaNode[] {
  if (node === null || typeof node !== 'object') return found;
  if (Array.isArray(node)) {
    for (const child of node) schemaNodes(child, found);
    return found;
  }
  found.push(node as JsonSchemaNode);
  for (const child of Object.values(node)) schemaNodes(child, found);
  return found;
}

/**
 * The contract as a JSON schema, with what the conversion cannot express added by hand:
 * - the superRefine: a filed report needs its reporter and incident (`if`/`then`);
 * - zod leaves an own `__proto__` key out of an object it parses (its output would not be the input): such an
 *   object is left to zod (`noOwnProto`, a keyword of this validator);
 * - a timestamp's or date's `format` is dropped: zod writes its own regular expression beside it as the `pattern`,
 *   and that regular expression is all zod checks. A format without a pattern is a conversion this file does not
 *   know, and throws (the fast path is then never taken).
 */
export function intakeJsonSchema(): JsonSchemaNode {
  const schema = z.toJSONSchema(intakeRecordSchema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' }) as JsonSchemaNode;
  for (const node of schemaNodes(schema)) {
    if (node.type === 'object') node.noOwnProto = true;
    if ('format' in node) {
      if (typeof node.pattern !== 'string') throw new Error(`the intake fast path cannot check the format ${String(node.format)}`);
      delete node.format;
    }
  }
  schema.if = { properties: { status: { const: 'filed' } }, required: ['status'] };
  schema.then = { required: ['reporter', 'incident'] };
  return schema;
}

export function compileIntakeValidator(): ValidateFunction {
  const ajv = new Ajv({
    strict: true,
    strictRequired: false, // the filed report's `then` names reporter and incident without their schemas
    // String lengths count code points (a surrogate pair is one), as zod's do; the attack test holds them together.
    unicodeRegExp: false, // the patterns are zod's regular expressions, built without flags as zod's are
    messages: false,
    // The generated schema is not checked against the JSON Schema meta-schema here, which would take two thirds of
    // the compile (strict mode still refuses a keyword it does not know); fast-validate.test.ts checks it.
    validateSchema: false,
  });
  ajv.addKeyword({
    keyword: 'noOwnProto',
    type: 'object',
    schemaType: 'boolean',
    code: (cxt) => cxt.fail(_`Object.prototype.hasOwnProperty.call(${cxt.data}, "__proto__")`),
  });
  return ajv.compile(intakeJsonSchema());
}

let compiled: ((value: unknown) => boolean) | undefined;

/**
 * Compiles the fast path now, if not yet (tens of milliseconds, more on a loaded machine): the prepare worker does so
 * before it says it is ready, so that its first record is not slow. Otherwise it is compiled on first use.
 */
export function compileIntakeFastPath(): (value: unknown) => boolean {
  if (!compiled) {
    try {
      const validate = compileIntakeValidator();
      compiled = (candidate) => validate(candidate);
    } catch (error) {
      // Never a reason to refuse a record: zod alone decides, as before the fast path (its test fails loudly).
      console.error('intake fast path unavailable:', error);
      compiled = () => false;
    }
  }
  return compiled;
}

/** Whether `value` surely satisfies the contract. False means only "ask zod". */
export function surelyValidIntakeRecord(value: unknown): boolean {
  return (compiled ?? compileIntakeFastPath())(value);
}
