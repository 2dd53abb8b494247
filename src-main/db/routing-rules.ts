import type Database from 'better-sqlite3';
import { prepareKeyedJsonTable, type KeyedJsonRow, type KeyedJsonTable } from './keyed-json-table';

/**
 * The `routing_rules` table: every read and write of it stands here (src-main/README.md, "Who owns which table").
 * What a rule means is routing/'s; the sync applier writes supervisors' changes through `routingRulesTable`.
 */
const COLUMNS = 'id, rule AS json, updated_by AS updatedBy, updated_at AS updatedAt';

/** Every stored rule in the order they are tried: by position, then id. */
export function listRoutingRuleRows(sqlite: Database.Database): KeyedJsonRow[] {
  return sqlite.prepare<[], KeyedJsonRow>(`SELECT ${COLUMNS} FROM routing_rules ORDER BY position, id`).all();
}

export function findRoutingRuleRow(sqlite: Database.Database, id: string): KeyedJsonRow | undefined {
  return sqlite.prepare<[string], KeyedJsonRow>(`SELECT ${COLUMNS} FROM routing_rules WHERE id = ?`).get(id);
}

/** The shipped rules, added where absent (a rule the supervisors changed stays theirs). */
export function insertDefaultRoutingRules(sqlite: Database.Database, rules: ReadonlyArray<{ id: string; position: number; rule: unknown }>, at: string): void {
  const insert = sqlite.prepare("INSERT OR IGNORE INTO routing_rules (id, position, rule, updated_by, updated_at) VALUES (?, ?, ?, 'system:defaults', ?)");
  for (const { id, position, rule } of rules) insert.run(id, position, JSON.stringify(rule), at);
}

export function routingRulesTable(sqlite: Database.Database): KeyedJsonTable {
  return prepareKeyedJsonTable(
    sqlite,
    {
      select: `SELECT ${COLUMNS} FROM routing_rules WHERE id = ?`,
      upsert: `INSERT INTO routing_rules (id, rule, updated_by, updated_at, position) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET rule = excluded.rule, updated_by = excluded.updated_by, updated_at = excluded.updated_at, position = excluded.position`,
      remove: 'DELETE FROM routing_rules WHERE id = ?',
    },
    (rule) => [Number(rule.position)],
  );
}
