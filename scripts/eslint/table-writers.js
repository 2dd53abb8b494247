// @ts-check
/**
 * ESLint rule: SQL that writes a table (INSERT INTO, REPLACE INTO, UPDATE, DELETE FROM) may stand only in the
 * modules listed as that table's writers. A new module writing a table it does not own is refused at lint time,
 * before it can restate (and drift from) what the owner does. SQL keywords are upper case in this code base; a
 * write whose table is not named in the SQL text itself (`INSERT INTO ${table}`) is allowed only in the modules
 * listed as `byParameter`, which are listed among the writers of each table they are used for.
 */
import { relative } from 'node:path';

const WRITE = /\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+[A-Z]+)?|DELETE\s+FROM)\s+(\S+)/g;
const PLACEHOLDER = '\u0000';

/** @type {import('eslint').Rule.RuleModule} */
export const tableWriters = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL writes a table only in the modules listed as its writers' },
    schema: [
      {
        type: 'object',
        properties: {
          writers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          byParameter: { type: 'array', items: { type: 'string' } },
        },
        required: ['writers'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { writers, byParameter = [] } = context.options[0];
    const file = relative(context.cwd, context.filename).split('\\').join('/');
    const listed = (path) => path === file || (path.endsWith('/') && file.startsWith(path));

    /** @param {string} text @param {import('estree').Node} node */
    function check(text, node) {
      for (const [, target] of text.matchAll(WRITE)) {
        if (target.startsWith(PLACEHOLDER)) {
          if (!byParameter.some(listed)) context.report({ node, message: 'This SQL writes a table that it does not name; name the table so its writers can be checked (see src-main/README.md, "Who writes which table").' });
          continue;
        }
        const table = target.replace(/[^a-z_].*$/, '');
        if (table === '' || table === 'SET') continue;
        const owners = writers[table];
        if (!owners) {
          context.report({ node, message: `Table "${table}" has no writers listed; add it to tableWriters in eslint.config.js and src-main/README.md.` });
        } else if (!owners.some(listed)) {
          context.report({ node, message: `Only ${owners.join(', ')} write table "${table}"; call them instead of writing it here (src-main/README.md, "Who writes which table").` });
        }
      }
    }

    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node.value, node);
      },
      TemplateLiteral(node) {
        check(node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(PLACEHOLDER), node);
      },
    };
  },
};
