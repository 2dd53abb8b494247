/**
 * The table-owners rule of eslint.config.js, tried on planted SQL: a module writing a table it is not the writer
 * of, or reading a confined table it is not listed for, is reported, beside its twin in the table's owner that is
 * not. Linted as text at the path it would have.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths';

const eslint = new ESLint({ cwd: PROJECT_ROOT, overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }] });

async function ownerErrors(filePath: string, sql: string): Promise<string[]> {
  const source = `declare const sqlite: { prepare(sql: string): unknown };\ndeclare const table: string;\nexport const planted = sqlite.prepare(${sql});\n`;
  const [result] = await eslint.lintText(source, { filePath: `${PROJECT_ROOT}/${filePath}` });
  return result!.messages.filter((message) => message.ruleId === 'puzzelstuk/table-owners').map((message) => message.message);
}

type Planted = { what: string; sql: string; forbiddenIn: string; allowedIn: string; says: RegExp };

function refusedBesideItsOwner(cases: Planted[]): void {
  for (const { what, sql, forbiddenIn, allowedIn, says } of cases) {
    it(`reports ${what}, and not the same SQL in its owner`, async () => {
      const errors = await ownerErrors(forbiddenIn, sql);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(says);
      expect(await ownerErrors(allowedIn, sql)).toEqual([]);
    });
  }
}

describe('each table is written only by its writer', () => {
  refusedBesideItsOwner([
    { what: 'a delete of notes outside mutations (as the retention run once did)', sql: `"DELETE FROM notes WHERE id = ?"`, forbiddenIn: 'src-main/retention/planted.ts', allowedIn: 'src-main/mutations/planted.ts', says: /Only src-main\/mutations\/ write table "notes"/ },
    { what: 'an upsert of store_meta outside its owner', sql: `"INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"`, forbiddenIn: 'src-main/overview/planted.ts', allowedIn: 'src-main/db/store-meta.ts', says: /write table "store_meta"/ },
    { what: 'a multi-line update of reports in a template', sql: '`UPDATE\n   reports SET assignee = ? WHERE id = ?`', forbiddenIn: 'src-main/queries/planted.ts', allowedIn: 'src-main/db/reports/writes.ts', says: /write table "reports"/ },
    { what: 'linking setting a report\'s cluster itself (as it once did)', sql: `"UPDATE reports SET cluster_id = ? WHERE id = ?"`, forbiddenIn: 'src-main/linking/planted.ts', allowedIn: 'src-main/db/reports/writes.ts', says: /write table "reports"/ },
    { what: 'the benign list marking mentions itself (as it once did)', sql: `"UPDATE mentions SET benign = ? WHERE indicator_id = ?"`, forbiddenIn: 'src-main/benign/benign-list.ts', allowedIn: 'src-main/db/reports/writes.ts', says: /write table "mentions"/ },
    { what: 'INSERT OR IGNORE into officers', sql: `"INSERT OR IGNORE INTO officers (id) VALUES (?)"`, forbiddenIn: 'src-main/sync/officer-refresh.ts', allowedIn: 'src-main/db/officers.ts', says: /Only src-main\/db\/officers\.ts write table "officers"/ },
    { what: 'a second writer of routing_rules in the sync applier (as it once was)', sql: '`INSERT INTO routing_rules (id, rule) VALUES (?, ?)`', forbiddenIn: 'src-main/mutations/materialize/planted.ts', allowedIn: 'src-main/db/routing-rules.ts', says: /Only src-main\/db\/routing-rules\.ts write table "routing_rules"/ },
    { what: 'a second writer of the benign list beside its owner in the same folder', sql: `"UPDATE benign_values SET reason = ? WHERE type = ? AND value = ?"`, forbiddenIn: 'src-main/benign/benign-list.ts', allowedIn: 'src-main/benign/benign-values.ts', says: /write table "benign_values"/ },
  ]);

  it('reports a write to a table that the SQL does not name, in every module, its would-be owner too', async () => {
    for (const path of ['src-main/routing/planted.ts', 'src-main/db/routing-rules.ts', 'src-main/mutations/materialize/keyed-json-adapter.ts']) {
      expect(await ownerErrors(path, '`DELETE FROM ${table} WHERE id = ?`')).toEqual([expect.stringMatching(/does not name/)]);
    }
  });

  it('reports a write to a table nobody is listed for', async () => {
    expect(await ownerErrors('src-main/mutations/planted.ts', `"INSERT INTO shadow_copy (value) VALUES (?)"`)).toEqual([expect.stringMatching(/"shadow_copy" has no writer listed/)]);
  });
});

describe('a small table is read only by its owner', () => {
  refusedBesideItsOwner([
    { what: 'a stray SELECT … FROM outbox', sql: `"SELECT count(*) FROM outbox WHERE state = 'pending'"`, forbiddenIn: 'src-main/app/planted.ts', allowedIn: 'src-main/mutations/outbox.ts', says: /read table "outbox"/ },
    { what: 'a subquery on the audit log', sql: `"SELECT day FROM report_day_counts d WHERE EXISTS (SELECT 1 FROM audit_log WHERE substr(at, 1, 10) = d.day)"`, forbiddenIn: 'src-main/queries/planted.ts', allowedIn: 'src-main/audit/planted.ts', says: /read table "audit_log"/ },
    { what: 'a read of store_meta outside its owner (an SQL word in a string does not hide it)', sql: `"SELECT value FROM store_meta WHERE key = ? AND note <> 'UPDATE'"`, forbiddenIn: 'src-main/overview/planted.ts', allowedIn: 'src-main/db/store-meta.ts', says: /read table "store_meta"/ },
  ]);

  it('reports a JOIN of officers in a read model that may read the reports it joins, once for two reads', async () => {
    const sql = '`SELECT r.id FROM reports r\n JOIN officers o ON o.id = r.assignee JOIN officers lead ON lead.team = o.team`';
    expect(await ownerErrors('src-main/queries/planted.ts', sql)).toEqual([expect.stringMatching(/Only src-main\/db\/officers\.ts read table "officers"/)]);
    expect(await ownerErrors('src-main/db/officers.ts', `"SELECT o.id FROM officers o JOIN officers lead ON lead.team = o.team"`)).toEqual([]);
  });

  it('reports a delete by another module once, as a write', async () => {
    expect(await ownerErrors('src-main/sync/planted.ts', `"DELETE FROM outbox WHERE mutation_id = ?"`)).toEqual([expect.stringMatching(/write table "outbox"/)]);
  });
});

describe('the big report tables are read only by the read models and their owners', () => {
  refusedBesideItsOwner([
    { what: 'a read of mentions in a service (as requests/ once did)', sql: `"SELECT field, raw FROM mentions WHERE report_id = ? AND indicator_id = ? ORDER BY field"`, forbiddenIn: 'src-main/requests/planted.ts', allowedIn: 'src-main/queries/planted.ts', says: /read table "mentions"/ },
    { what: 'a guard of the services reading a report row', sql: `"SELECT status FROM reports WHERE report_id = ?"`, forbiddenIn: 'src-main/mutations/services/planted.ts', allowedIn: 'src-main/db/reports/lookup.ts', says: /Only src-main\/db\/reports\/, .*src-main\/queries\/, src-main\/search\/, src-main\/overview\/, src-main\/linking\/ read table "reports"/ },
    { what: 'composition counting reports itself', sql: `"SELECT count(*) FROM reports"`, forbiddenIn: 'src-main/app/planted.ts', allowedIn: 'src-main/overview/planted.ts', says: /read table "reports"/ },
    { what: 'a search of the text index outside the read models', sql: `"SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?"`, forbiddenIn: 'src-main/routing/planted.ts', allowedIn: 'src-main/search/planted.ts', says: /read table "reports_fts"/ },
  ]);

  it('lets the owner of the report tables read what it writes, and not the modules that once wrote them', async () => {
    const sql = `"SELECT DISTINCT report_id FROM mentions WHERE indicator_id = ?"`;
    expect(await ownerErrors('src-main/db/reports/writes.ts', sql)).toEqual([]);
    for (const formerWriter of ['src-main/ingest/report-writer.ts', 'src-main/benign/benign-list.ts']) {
      expect(await ownerErrors(formerWriter, sql)).toEqual([expect.stringMatching(/read table "mentions"/)]);
    }
  });

  it('leaves reads of a table not confined alone', async () => {
    expect(await ownerErrors('src-main/api/planted.ts', `"SELECT day, reports FROM report_day_counts WHERE day >= ?"`)).toEqual([]);
  });
});
