import type Database from 'better-sqlite3';
import type { RoutingRule } from '../../shared/routing/rules';
import defaults from './default-rules.json';

type DefaultRule = RoutingRule & { id: string };

/** Puts the shipped Dutch routing rules into a new store once; after that the rules are the supervisors'. */
export function seedDefaultRoutingRules(sqlite: Database.Database, at: string): void {
  if (sqlite.prepare("SELECT 1 FROM store_meta WHERE key = 'routing_defaults_seeded'").get()) return;
  const insert = sqlite.prepare("INSERT OR IGNORE INTO routing_rules (id, position, rule, updated_by, updated_at) VALUES (?, ?, ?, 'system:defaults', ?)");
  sqlite.transaction(() => {
    for (const { id, ...rule } of defaults as DefaultRule[]) insert.run(id, rule.position, JSON.stringify(rule), at);
    sqlite.prepare("INSERT INTO store_meta (key, value) VALUES ('routing_defaults_seeded', ?)").run(at);
  })();
}
