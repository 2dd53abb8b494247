import type Database from 'better-sqlite3';
import type { RoutingRule } from '../../shared/routing/rules';
import defaults from './default-rules.json';
import { readMeta, writeMeta } from '../db/store-meta';

type DefaultRule = RoutingRule & { id: string };

const SEEDED_KEY = 'routing_defaults_seeded';

/** Puts the shipped Dutch routing rules into a new store once; after that the rules are the supervisors'. */
export function seedDefaultRoutingRules(sqlite: Database.Database, at: string): void {
  if (readMeta(sqlite, SEEDED_KEY) !== undefined) return;
  const insert = sqlite.prepare("INSERT OR IGNORE INTO routing_rules (id, position, rule, updated_by, updated_at) VALUES (?, ?, ?, 'system:defaults', ?)");
  sqlite.transaction(() => {
    for (const { id, ...rule } of defaults as DefaultRule[]) insert.run(id, rule.position, JSON.stringify(rule), at);
    writeMeta(sqlite, SEEDED_KEY, at);
  })();
}
