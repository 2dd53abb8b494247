/**
 * The table-writers rule of eslint.config.js, tried on planted SQL: a module writing a table it is not listed for
 * is reported, beside its twin in the table's listed writer that is not. Linted as text at the path it would have.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths';

const eslint = new ESLint({ cwd: PROJECT_ROOT, overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }] });

async function writerErrors(filePath: string, sql: string): Promise<string[]> {
  const source = `declare const sqlite: { prepare(sql: string): unknown };\ndeclare const table: string;\nexport const planted = sqlite.prepare(${sql});\n`;
  const [result] = await eslint.lintText(source, { filePath: `${PROJECT_ROOT}/${filePath}` });
  return result!.messages.filter((message) => message.ruleId === 'puzzelstuk/table-writers').map((message) => message.message);
}

describe('each table is written only by its listed writers', () => {
  const cases: Array<{ what: string; sql: string; forbiddenIn: string; allowedIn: string; says: RegExp }> = [
    { what: 'a delete of notes outside mutations (as the retention run once did)', sql: `"DELETE FROM notes WHERE id = ?"`, forbiddenIn: 'src-main/retention/planted.ts', allowedIn: 'src-main/mutations/planted.ts', says: /Only src-main\/mutations\/ write table "notes"/ },
    { what: 'an upsert of store_meta outside its owner', sql: `"INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"`, forbiddenIn: 'src-main/overview/planted.ts', allowedIn: 'src-main/db/store-meta.ts', says: /write table "store_meta"/ },
    { what: 'a multi-line update of reports in a template', sql: '`UPDATE\n   reports SET assignee = ? WHERE id = ?`', forbiddenIn: 'src-main/queries/planted.ts', allowedIn: 'src-main/ingest/report-writer.ts', says: /write table "reports"/ },
    { what: 'INSERT OR IGNORE into officers', sql: `"INSERT OR IGNORE INTO officers (id) VALUES (?)"`, forbiddenIn: 'src-main/app/planted.ts', allowedIn: 'src-main/sync/officer-refresh.ts', says: /write table "officers"/ },
    { what: 'a write to a table named by a parameter', sql: '`DELETE FROM ${table} WHERE id = ?`', forbiddenIn: 'src-main/routing/planted.ts', allowedIn: 'src-main/mutations/materialize/keyed-json-adapter.ts', says: /does not name/ },
  ];

  for (const { what, sql, forbiddenIn, allowedIn, says } of cases) {
    it(`reports ${what}, and not the same SQL in its writer`, async () => {
      const errors = await writerErrors(forbiddenIn, sql);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(says);
      expect(await writerErrors(allowedIn, sql)).toEqual([]);
    });
  }

  it('reports a write to a table nobody is listed for, and leaves reads alone', async () => {
    expect(await writerErrors('src-main/mutations/planted.ts', `"INSERT INTO shadow_copy (value) VALUES (?)"`)).toEqual([expect.stringMatching(/"shadow_copy" has no writers listed/)]);
    expect(await writerErrors('src-main/overview/planted.ts', `"SELECT value FROM store_meta WHERE key = ? AND note <> 'UPDATE'"`)).toEqual([]);
  });
});
