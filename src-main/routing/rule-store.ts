import type Database from 'better-sqlite3';
import { routingRuleSchema, type RoutingRuleView } from '../../shared/routing/rules';

interface RuleRow {
  id: string;
  rule: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * The routing rules in the order they are tried: by position, then id, so two rules at one position still
 * decide the same way on every workstation. A stored rule this version cannot read is left out, not guessed at.
 */
export function listRoutingRules(sqlite: Database.Database): RoutingRuleView[] {
  const rows = sqlite
    .prepare<[], RuleRow>('SELECT id, rule, updated_by AS updatedBy, updated_at AS updatedAt FROM routing_rules ORDER BY position, id')
    .all();
  return rows.flatMap((row) => {
    const parsed = routingRuleSchema.safeParse(JSON.parse(row.rule));
    return parsed.success ? [{ id: row.id, ...parsed.data, updatedBy: row.updatedBy, updatedAt: row.updatedAt }] : [];
  });
}

export function routingRuleExists(sqlite: Database.Database, ruleId: string): boolean {
  return sqlite.prepare('SELECT 1 FROM routing_rules WHERE id = ?').get(ruleId) !== undefined;
}

export function routingRuleName(sqlite: Database.Database, ruleId: string): string | null {
  const json = sqlite.prepare<[string], string>('SELECT rule FROM routing_rules WHERE id = ?').pluck().get(ruleId);
  if (json === undefined) return null;
  const parsed = routingRuleSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data.name : null;
}
