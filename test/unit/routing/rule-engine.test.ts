import { describe, expect, it } from 'vitest';
import type { RoutingConditions, RoutingRuleView } from '../../../shared/routing/rules';
import { routingRuleSchema } from '../../../shared/routing/rules';
import defaultRules from '../../../src-main/routing/default-rules.json';
import type { RouteFacts } from '../../../src-main/queries/route-facts';
import { leastLoaded, matchConditions, routeByRules, UNROUTED, type OfficerLoad, type TeamLoads } from '../../../src-main/routing/rule-engine';

const DEFAULTS: RoutingRuleView[] = defaultRules.map(({ id, ...rule }) => ({ id, ...routingRuleSchema.parse(rule), updatedBy: 'system:defaults', updatedAt: '2026-11-01T09:00:00Z' }));

/** An ordinary report: a person, no loss, linked to nothing. */
function facts(overrides: Partial<RouteFacts> = {}): RouteFacts {
  return {
    live: true,
    category: 'marketplace_fraud',
    region: 'Midden-Nederland',
    reporterType: 'person',
    lossCents: 0,
    clusterSize: 1,
    indicatorTypes: [],
    clusterOwner: null,
    ...overrides,
  };
}

const TEAMS: Record<string, OfficerLoad[]> = {
  'Team Online Intake': [
    { id: 'o.intake2', open: 3 },
    { id: 'o.intake1', open: 2 },
  ],
  'Team Fraude': [{ id: 'f.fraude', open: 7 }],
  'Team Cybercrime': [{ id: 'c.cyber', open: 0 }],
};
const teamLoads: TeamLoads = (team) => TEAMS[team] ?? [];

function rule(id: string, conditions: RoutingConditions, extra: Partial<RoutingRuleView> = {}): RoutingRuleView {
  return { id, name: `Regel ${id}`, position: 0, enabled: true, conditions, team: 'Team X', priority: 'low', assign: 'none', updatedBy: 'l.vermeer', updatedAt: '2026-11-01T09:00:00Z', ...extra };
}

describe('the default rules, rule by rule', () => {
  it('parse as valid rules, in the documented order', () => {
    expect(DEFAULTS.map((r) => r.id)).toEqual(['cluster-eigenaar', 'ransomware-organisatie', 'hacking-organisatie', 'hoge-schade', 'bankhelpdeskfraude', 'grote-cluster', 'online-intake']);
  });

  it('a report joining a cluster with an owner goes to that owner and their team', () => {
    const route = routeByRules(DEFAULTS, facts({ clusterSize: 3, clusterOwner: { id: 'f.fraude', team: 'Team Fraude' }, category: 'ransomware', reporterType: 'organisation' }), teamLoads);
    expect(route).toEqual({
      team: 'Team Fraude',
      priority: 'normal',
      assignee: 'f.fraude',
      ruleId: 'cluster-eigenaar',
      ruleName: 'Hoort bij een cluster met een eigenaar: naar die eigenaar',
      matched: ['cluster heeft al een eigenaar: f.fraude'],
      manual: null,
    });
  });

  it('ransomware at an organisation goes to the cyber team with high priority', () => {
    const route = routeByRules(DEFAULTS, facts({ category: 'ransomware', reporterType: 'organisation', lossCents: 5_000_000 }), teamLoads);
    expect(route).toMatchObject({ ruleId: 'ransomware-organisatie', team: 'Team Cybercrime', priority: 'high', assignee: 'c.cyber' });
    expect(route.matched).toEqual(['categorie is ransomware', 'melder is een organisatie']);
  });

  it('ransomware at a person is not the cyber team’s: it falls through to the next rules', () => {
    expect(routeByRules(DEFAULTS, facts({ category: 'ransomware' }), teamLoads).ruleId).toBe('online-intake');
  });

  it('hacking at an organisation goes to the cyber team', () => {
    expect(routeByRules(DEFAULTS, facts({ category: 'hacking', reporterType: 'organisation' }), teamLoads)).toMatchObject({
      ruleId: 'hacking-organisatie',
      team: 'Team Cybercrime',
      priority: 'normal',
    });
  });

  it('a loss of € 10.000 or more goes to the fraud team with high priority; € 9.999,99 does not', () => {
    const high = routeByRules(DEFAULTS, facts({ lossCents: 1_000_000 }), teamLoads);
    expect(high).toMatchObject({ ruleId: 'hoge-schade', team: 'Team Fraude', priority: 'high', assignee: 'f.fraude' });
    expect(high.matched).toEqual(['schade € 10.000,00 is minstens € 10.000,00']);
    expect(routeByRules(DEFAULTS, facts({ lossCents: 999_999 }), teamLoads).ruleId).toBe('online-intake');
  });

  it('bank helpdesk fraud goes to the fraud team', () => {
    expect(routeByRules(DEFAULTS, facts({ category: 'bank_helpdesk_fraud' }), teamLoads)).toMatchObject({ ruleId: 'bankhelpdeskfraude', team: 'Team Fraude', priority: 'normal' });
  });

  it('a cluster of five or more goes to the fraud team; of four it does not', () => {
    const large = routeByRules(DEFAULTS, facts({ clusterSize: 5 }), teamLoads);
    expect(large).toMatchObject({ ruleId: 'grote-cluster', team: 'Team Fraude' });
    expect(large.matched).toEqual(['cluster telt 5 meldingen, minstens 5']);
    expect(routeByRules(DEFAULTS, facts({ clusterSize: 4 }), teamLoads).ruleId).toBe('online-intake');
  });

  it('everything else goes to online intake, balanced', () => {
    expect(routeByRules(DEFAULTS, facts(), teamLoads)).toEqual({
      team: 'Team Online Intake',
      priority: 'normal',
      assignee: 'o.intake1',
      ruleId: 'online-intake',
      ruleName: 'Alle overige meldingen',
      matched: ['geen voorwaarden: geldt voor elke melding'],
      manual: null,
    });
  });
});

describe('rule order and switching rules off', () => {
  it('the first matching rule by position decides, whatever order the rules are given in', () => {
    const early = rule('vroeg', { categories: ['phishing'] }, { position: 1, team: 'Team Vroeg' });
    const late = rule('laat', {}, { position: 2, team: 'Team Laat' });
    expect(routeByRules([late, early], facts({ category: 'phishing' }), teamLoads).ruleId).toBe('vroeg');
    expect(routeByRules([late, early], facts({ category: 'hacking' }), teamLoads).ruleId).toBe('laat');
  });

  it('rules at the same position are tried by id', () => {
    const b = rule('b', {}, { position: 5 });
    const a = rule('a', {}, { position: 5 });
    expect(routeByRules([b, a], facts(), teamLoads).ruleId).toBe('a');
  });

  it('a disabled rule is passed over', () => {
    const rules = DEFAULTS.map((r) => (r.id === 'hoge-schade' ? { ...r, enabled: false } : r));
    expect(routeByRules(rules, facts({ lossCents: 2_000_000 }), teamLoads).ruleId).toBe('online-intake');
  });

  it('no matching rule leaves the report unrouted', () => {
    expect(routeByRules([rule('alleen-phishing', { categories: ['phishing'] })], facts(), teamLoads)).toEqual(UNROUTED);
    expect(routeByRules([], facts(), teamLoads)).toEqual(UNROUTED);
  });
});

describe('each condition', () => {
  const cases: Array<{ name: string; conditions: RoutingConditions; holds: Partial<RouteFacts>; fails: Partial<RouteFacts>; fact: string }> = [
    { name: 'categories', conditions: { categories: ['phishing', 'hacking'] }, holds: { category: 'hacking' }, fails: { category: 'sextortion' }, fact: 'categorie is hacking' },
    { name: 'regions (any case)', conditions: { regions: ['oost-brabant', 'Limburg'] }, holds: { region: 'Oost-Brabant' }, fails: { region: null }, fact: 'regio is Oost-Brabant' },
    { name: 'reporter types', conditions: { reporterTypes: ['organisation'] }, holds: { reporterType: 'organisation' }, fails: { reporterType: null }, fact: 'melder is een organisatie' },
    { name: 'minimum loss', conditions: { minLossCents: 50_000 }, holds: { lossCents: 12_345_678 }, fails: { lossCents: 49_999 }, fact: 'schade € 123.456,78 is minstens € 500,00' },
    { name: 'maximum loss', conditions: { maxLossCents: 10_000 }, holds: { lossCents: 5_050 }, fails: { lossCents: 10_001 }, fact: 'schade € 50,50 is hoogstens € 100,00' },
    { name: 'minimum cluster size', conditions: { minClusterSize: 3 }, holds: { clusterSize: 12 }, fails: { clusterSize: 2 }, fact: 'cluster telt 12 meldingen, minstens 3' },
    {
      name: 'indicator types',
      conditions: { indicatorTypes: ['iban', 'crypto', 'phone'] },
      holds: { indicatorTypes: ['email', 'iban', 'phone'] },
      fails: { indicatorTypes: ['email', 'url'] },
      fact: 'bevat indicatoren van type IBAN, telefoonnummer',
    },
    { name: 'cluster has an owner', conditions: { clusterHasOwner: true }, holds: { clusterOwner: { id: 's.bakker', team: null } }, fails: { clusterOwner: null }, fact: 'cluster heeft al een eigenaar: s.bakker' },
    { name: 'cluster has no owner', conditions: { clusterHasOwner: false }, holds: { clusterOwner: null }, fails: { clusterOwner: { id: 's.bakker', team: null } }, fact: 'cluster heeft nog geen eigenaar' },
  ];

  for (const { name, conditions, holds, fails, fact } of cases) {
    it(`${name}: holds with its fact told, or fails`, () => {
      expect(matchConditions(conditions, facts(holds))).toEqual([fact]);
      expect(matchConditions(conditions, facts(fails))).toBeNull();
    });
  }

  it('all conditions of a rule must hold, and every one is told, in a fixed order', () => {
    const conditions: RoutingConditions = { indicatorTypes: ['iban'], minLossCents: 100, categories: ['phishing'] };
    expect(matchConditions(conditions, facts({ category: 'phishing', lossCents: 100, indicatorTypes: ['iban'] }))).toEqual([
      'categorie is phishing',
      'schade € 1,00 is minstens € 1,00',
      'bevat indicatoren van type IBAN',
    ]);
    expect(matchConditions(conditions, facts({ category: 'phishing', lossCents: 99, indicatorTypes: ['iban'] }))).toBeNull();
  });
});

describe('assignment', () => {
  it('balance: the member with the fewest open reports; equal loads go to the lowest id', () => {
    expect(leastLoaded([{ id: 'b', open: 2 }, { id: 'a', open: 3 }])).toBe('b');
    expect(leastLoaded([{ id: 'c', open: 1 }, { id: 'b', open: 1 }, { id: 'd', open: 1 }])).toBe('b');
    expect(leastLoaded([])).toBeNull();
  });

  it('balance in a team with nobody leaves the report in the team queue', () => {
    const route = routeByRules([rule('leeg', {}, { team: 'Team Leeg', assign: 'balance' })], facts(), teamLoads);
    expect(route).toMatchObject({ team: 'Team Leeg', assignee: null, ruleId: 'leeg' });
  });

  it('cluster owner without an owner keeps the rule’s team and assigns nobody', () => {
    const route = routeByRules([rule('eigenaar', {}, { team: 'Team Fraude', assign: 'cluster_owner' })], facts(), teamLoads);
    expect(route).toMatchObject({ team: 'Team Fraude', assignee: null });
  });

  it('cluster owner of no known team keeps the rule’s team', () => {
    const route = routeByRules([rule('eigenaar', {}, { team: 'Team Fraude', assign: 'cluster_owner' })], facts({ clusterOwner: { id: 'x.onbekend', team: null } }), teamLoads);
    expect(route).toMatchObject({ team: 'Team Fraude', assignee: 'x.onbekend' });
  });

  it('none: the team only', () => {
    expect(routeByRules([rule('team', {}, { team: 'Team Cybercrime' })], facts(), teamLoads)).toMatchObject({ team: 'Team Cybercrime', assignee: null, priority: 'low' });
  });
});
