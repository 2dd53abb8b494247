import type Database from 'better-sqlite3';
import type { RoutingRule } from '../../shared/routing/rules';
import defaults from './default-rules.json';
import { insertDefaultRoutingRules } from '../db/routing-rules';
import { readMeta, writeMeta } from '../db/store-meta';
import { writeTransaction } from '../db/write-transaction';

type DefaultRule = RoutingRule & { id: string };

const SEEDED_KEY = 'routing_defaults_seeded';

/** Puts the shipped Dutch routing rules into a new store once; after that the rules are the supervisors'. */
export function seedDefaultRoutingRules(sqlite: Database.Database, at: string): void {
  if (readMeta(sqlite, SEEDED_KEY) !== undefined) return;
  writeTransaction(sqlite, () => {
    insertDefaultRoutingRules(sqlite, (defaults as DefaultRule[]).map(({ id, ...rule }) => ({ id, position: rule.position, rule })), at);
    writeMeta(sqlite, SEEDED_KEY, at);
  })();
}
