import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../shared/platform/clock';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { listRoutingRules } from '../../../src-main/routing/rule-store';
import { seedDefaultRoutingRules } from '../../../src-main/routing/seed-default-rules';
import { openTempStore } from '../../support/temp-store';

describe('routing rules in the store', () => {
  it('are seeded once per store: a rule removed stays removed when the store opens again', () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    expect(listRoutingRules(sqlite)).toHaveLength(7);
    sqlite.prepare("DELETE FROM routing_rules WHERE id = 'grote-cluster'").run();
    seedDefaultRoutingRules(sqlite, '2026-11-03T09:00:00Z');
    temp.store.close();
    const reopened = openCaseStore({ clock: systemClock, path: temp.path });
    try {
      expect(listRoutingRules(reopened.sqlite).map((rule) => rule.id)).not.toContain('grote-cluster');
      expect(listRoutingRules(reopened.sqlite)).toHaveLength(6);
    } finally {
      reopened.close();
    }
  });

  it('are listed by position, then id; a stored rule this version cannot read is left out', () => {
    const { store } = openTempStore();
    const { sqlite } = store;
    const insert = sqlite.prepare("INSERT INTO routing_rules (id, position, rule, updated_by, updated_at) VALUES (?, ?, ?, 'l.vermeer', '2026-11-02T09:00:00Z')");
    const rule = { name: 'Extra', position: 20, enabled: true, conditions: {}, team: 'Team X', priority: 'low', assign: 'none' };
    insert.run('aa-extra', 20, JSON.stringify(rule));
    insert.run('toekomst', 25, JSON.stringify({ ...rule, conditions: { moonPhase: 'vol' } }));
    const ids = listRoutingRules(sqlite).map((view) => view.id);
    expect(ids.slice(0, 3)).toEqual(['cluster-eigenaar', 'aa-extra', 'ransomware-organisatie']);
    expect(ids).not.toContain('toekomst');
  });
});
