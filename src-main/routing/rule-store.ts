import type Database from 'better-sqlite3';
import { routingRuleSchema, type RoutingRuleView } from '../../shared/routing/rules';
import { findRoutingRuleRow, listRoutingRuleRows } from '../db/routing-rules';

/**
 * The routing rules in the order they are tried: by position, then id, so two rules at one position still
 * decide the same way on every workstation. A stored rule this version cannot read is left out, not guessed at.
 */
export function listRoutingRules(sqlite: Database.Database): RoutingRuleView[] {
  return listRoutingRuleRows(sqlite).flatMap((row) => {
    const parsed = routingRuleSchema.safeParse(JSON.parse(row.json));
    return parsed.success ? [{ id: row.id, ...parsed.data, updatedBy: row.updatedBy, updatedAt: row.updatedAt }] : [];
  });
}

export function routingRuleExists(sqlite: Database.Database, ruleId: string): boolean {
  return findRoutingRuleRow(sqlite, ruleId) !== undefined;
}

export function routingRuleName(sqlite: Database.Database, ruleId: string): string | null {
  const row = findRoutingRuleRow(sqlite, ruleId);
  if (row === undefined) return null;
  const parsed = routingRuleSchema.safeParse(JSON.parse(row.json));
  return parsed.success ? parsed.data.name : null;
}
