// @ts-check
/**
 * ESLint rule: SQL that writes a table (INSERT INTO, REPLACE INTO, UPDATE, DELETE FROM) may stand only in the
 * module listed as that table's writer, and SQL that reads a table listed under `readers` (FROM, JOIN) only in its
 * writer or the modules listed as its readers. A module writing or reading a table it does not own is refused at
 * lint time, before it can restate (and drift from) what the owner does: it calls the owner's functions. SQL
 * keywords are upper case in this code base. A write whose table is not named in the SQL text itself
 * (`INSERT INTO ${table}`) is refused everywhere, since its writer could not be checked.
 */
import { relative } from 'node:path';

const WRITE = /\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+[A-Z]+)?|DELETE\s+FROM)\s+(\S+)/g;
/** FROM and JOIN name the tables a statement reads; a DELETE's FROM is its write, checked above. */
const READ = /(?<!\bDELETE\s+)\b(?:FROM|JOIN)\s+(\S+)/g;
const PLACEHOLDER = '\u0000';
const SEE = 'src-main/README.md, "Who owns which table"';

/** @type {import('eslint').Rule.RuleModule} */
export const tableOwners = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL writes a table only in its writer, and reads a confined table only in its writer and listed readers' },
    schema: [
      {
        type: 'object',
        properties: {
          writers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          readers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['writers'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { writers, readers = {} } = context.options[0];
    const file = relative(context.cwd, context.filename).split('\\').join('/');
    const listed = (path) => path === file || (path.endsWith('/') && file.startsWith(path));
    const tableOf = (target) => target.replace(/[^a-z_].*$/, '');

    /** @param {string} text @param {import('estree').Node} node */
    function check(text, node) {
      for (const [, target] of text.matchAll(WRITE)) {
        if (target.startsWith(PLACEHOLDER)) {
          context.report({ node, message: `This SQL writes a table that it does not name; name the table so its writer can be checked (${SEE}).` });
          continue;
        }
        const table = tableOf(target);
        if (table === '' || table === 'SET') continue;
        const owners = writers[table];
        if (!owners) {
          context.report({ node, message: `Table "${table}" has no writer listed; add it to tableOwnerOptions in eslint.config.js and src-main/README.md.` });
        } else if (!owners.some(listed)) {
          context.report({ node, message: `Only ${owners.join(', ')} write table "${table}"; call the writer instead of writing the table here (${SEE}).` });
        }
      }
      const refused = new Set();
      for (const [, target] of text.matchAll(READ)) {
        const table = tableOf(target);
        const allowed = readers[table];
        const owners = writers[table] ?? [];
        if (!allowed || refused.has(table) || owners.some(listed) || allowed.some(listed)) continue;
        refused.add(table);
        context.report({ node, message: `Only ${[...new Set([...owners, ...allowed])].join(', ')} read table "${table}"; call their read functions instead (${SEE}).` });
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
