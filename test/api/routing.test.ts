import { describe, expect, it } from 'vitest';
import type { MutationPayloads } from '../../shared/mutations/kinds';
import type { RoutingRule } from '../../shared/routing/rules';
import type { IntakeRecord } from '../../shared/intake/schema';
import { dispatch } from '../../src-main/api/dispatch';
import type { CaseStore } from '../../src-main/db/open-store';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR, type ApiHarness } from './support/api-harness';

const INTAKE = 'Team Online Intake';

/** Synthetic teams of its own, so the demo officers' teams do not decide the balance. */
function staffTeams(store: CaseStore): void {
  const { sqlite } = store;
  sqlite.prepare('UPDATE officers SET team = NULL').run();
  const insert = sqlite.prepare("INSERT INTO officers (id, display_name, role, team, active) VALUES (?, ?, 'officer', ?, ?)");
  insert.run('o.een', 'Agent Een', INTAKE, 1);
  insert.run('o.twee', 'Agent Twee', INTAKE, 1);
  insert.run('o.oud', 'Agent Oud', INTAKE, 0);
  insert.run('f.fraude', 'Agent Fraude', 'Team Fraude', 1);
}

async function harness(records: readonly IntakeRecord[] = []): Promise<ApiHarness> {
  const api = await openApiHarness({ records });
  staffTeams(api.store);
  return api;
}

const pendingRoutes = (store: CaseStore) =>
  store.sqlite
    .prepare<[], { officer: string; payload: string }>("SELECT officer, payload FROM outbox WHERE kind = 'report.route' AND state = 'pending' ORDER BY position, created_at")
    .all()
    .map((row) => ({ officer: row.officer, ...(JSON.parse(row.payload) as MutationPayloads['report.route']) }));

const ransomwareRule: RoutingRule = {
  name: 'Ransomware naar cyber',
  position: 5,
  enabled: true,
  conditions: { categories: ['ransomware'] },
  team: 'Team Cybercrime',
  priority: 'high',
  assign: 'none',
};

describe('routing rules', () => {
  it('start as the Dutch defaults, in order', async () => {
    const api = await harness();
    const rules = await api.value('routing.rules', {});
    expect(rules.map((rule) => rule.id)).toEqual(['cluster-eigenaar', 'ransomware-organisatie', 'hacking-organisatie', 'hoge-schade', 'bankhelpdeskfraude', 'grote-cluster', 'online-intake']);
    expect(rules.at(-1)).toMatchObject({ team: INTAKE, priority: 'normal', assign: 'balance', conditions: {}, updatedBy: 'system:defaults' });
  });

  it('a supervisor adds, changes and removes a rule; each is a synced mutation and announced', async () => {
    const api = await harness();
    const added = await api.value('routing.putRule', { rule: ransomwareRule });
    expect(added).toMatchObject({ ...ransomwareRule, updatedBy: SUPERVISOR });
    expect((await api.value('routing.rules', {})).map((rule) => rule.id).slice(0, 2)).toEqual([added.id, 'cluster-eigenaar']);
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['routing'] } });

    await api.value('routing.putRule', { ruleId: 'hoge-schade', rule: { ...ransomwareRule, name: 'Zeer hoge schade', conditions: { minLossCents: 5_000_000 }, position: 40 } });
    expect((await api.value('routing.rules', {})).find((rule) => rule.id === 'hoge-schade')).toMatchObject({ name: 'Zeer hoge schade', conditions: { minLossCents: 5_000_000 } });

    await api.value('routing.removeRule', { ruleId: added.id });
    expect((await api.value('routing.rules', {})).map((rule) => rule.id)).not.toContain(added.id);
    const kinds = api.store.sqlite.prepare<[], string>("SELECT kind FROM outbox WHERE state = 'pending' ORDER BY position").pluck().all();
    expect(kinds).toEqual(['routing.put', 'routing.put', 'routing.remove']);
  });

  it('refuses an unknown rule id, and a rule that would balance over no team', async () => {
    const api = await harness();
    expect(await api.call('routing.removeRule', { ruleId: 'bestaat-niet' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('routing.putRule', { ruleId: 'bestaat-niet', rule: ransomwareRule })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('routing.putRule', { rule: { ...ransomwareRule, team: null, assign: 'balance' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('only supervisors change rules, by the role in the officers table rather than the caller’s claim', async () => {
    const api = await harness();
    const officer = api.as(OFFICER);
    expect(await officer.call('routing.putRule', { rule: ransomwareRule })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officer.call('routing.removeRule', { ruleId: 'online-intake' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const claimed = { ...officer.context, officer: { ...officer.context.officer, role: 'supervisor' as const } };
    expect(await dispatch('routing.putRule', { rule: ransomwareRule }, claimed)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await officer.value('routing.rules', {})).toHaveLength(7);
    expect(pendingRoutes(api.store)).toEqual([]);
    expect(api.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});

describe('routing.apply', () => {
  it('routes the given reports by the rules, balancing the team over the batch, and is idempotent', async () => {
    const reports = [filedRecord(), filedRecord(), filedRecord()];
    const api = await harness(reports);
    const ids = reports.map((report) => report.reportId);
    expect(await api.value('routing.apply', { reportIds: ids })).toEqual({ changed: 3 });
    expect(pendingRoutes(api.store)).toEqual([
      { officer: SUPERVISOR, reportId: ids[0], team: INTAKE, priority: 'normal', assignee: 'o.een', ruleId: 'online-intake', reason: 'geen voorwaarden: geldt voor elke melding', automatic: false },
      { officer: SUPERVISOR, reportId: ids[1], team: INTAKE, priority: 'normal', assignee: 'o.twee', ruleId: 'online-intake', reason: 'geen voorwaarden: geldt voor elke melding', automatic: false },
      { officer: SUPERVISOR, reportId: ids[2], team: INTAKE, priority: 'normal', assignee: 'o.een', ruleId: 'online-intake', reason: 'geen voorwaarden: geldt voor elke melding', automatic: false },
    ]);
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['report'] } });
    expect(await api.value('routing.apply', { reportIds: ids })).toEqual({ changed: 0 });
  });

  it('moves a report when the rules changed, and passes over withdrawn reports', async () => {
    const ransomware = filedRecord({ category: 'ransomware' });
    const gone = filedRecord();
    const api = await harness([ransomware, gone, withdrawal(gone, 2)]);
    await api.value('routing.apply', { reportIds: [ransomware.reportId, gone.reportId] });
    expect(pendingRoutes(api.store).map((route) => route.reportId)).toEqual([ransomware.reportId]);
    await api.value('routing.putRule', { rule: ransomwareRule });
    expect(await api.value('routing.apply', { reportIds: [ransomware.reportId] })).toEqual({ changed: 1 });
    expect((await api.value('report.get', { reportId: ransomware.reportId, purpose: 'Beoordelen van de melding' })).route).toMatchObject({ team: 'Team Cybercrime', priority: 'high', assignee: null, ruleName: 'Ransomware naar cyber' });
  });

  it('is for supervisors only and needs reports that exist', async () => {
    const report = filedRecord();
    const api = await harness([report]);
    expect(await api.as(OFFICER).call('routing.apply', { reportIds: [report.reportId] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call('routing.apply', { reportIds: ['IA-2026-0999999'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(pendingRoutes(api.store)).toEqual([]);
  });

  it('balances by open work: closed reports do not weigh, inactive members get nothing', async () => {
    const busy = [filedRecord(), filedRecord()];
    const next = filedRecord();
    const api = await harness([...busy, next]);
    await api.value('report.assign', { reportIds: [busy[0]!.reportId], assignee: 'o.een' });
    await api.value('report.assign', { reportIds: [busy[1]!.reportId], assignee: 'o.twee' });
    await api.value('report.setWorkStatus', { reportIds: [busy[1]!.reportId], status: 'closed' });
    await api.value('routing.apply', { reportIds: [next.reportId] });
    expect(pendingRoutes(api.store)).toMatchObject([{ reportId: next.reportId, assignee: 'o.twee' }]);
  });
});

describe('report.reroute', () => {
  it('lets a supervisor put reports in a team by hand, with the reason shown as a manual route', async () => {
    const reports = [filedRecord(), filedRecord()];
    const api = await harness(reports);
    const ids = reports.map((report) => report.reportId);
    const params = { reportIds: ids, team: 'Team Fraude', priority: 'high' as const, assignee: 'f.fraude', reason: 'Hoort bij lopend onderzoek' };
    expect(await api.value('report.reroute', params)).toEqual({ changed: 2 });
    expect(pendingRoutes(api.store)).toEqual(ids.map((reportId) => ({ officer: SUPERVISOR, reportId, team: 'Team Fraude', priority: 'high', assignee: 'f.fraude', ruleId: null, reason: 'Hoort bij lopend onderzoek', automatic: false })));
    const detail = await api.value('report.get', { reportId: ids[0]!, purpose: 'Beoordelen van de melding' });
    expect(detail.assignee).toBe('f.fraude');
    expect(detail.route).toEqual({
      team: 'Team Fraude',
      priority: 'high',
      assignee: 'f.fraude',
      ruleId: null,
      ruleName: null,
      matched: [],
      manual: { by: SUPERVISOR, at: expect.any(String) as string, reason: 'Hoort bij lopend onderzoek' },
    });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['report'] } });
    expect(await api.value('report.reroute', params)).toEqual({ changed: 0 });
    expect(await api.value('report.reroute', { ...params, assignee: null })).toEqual({ changed: 2 });
  });

  it('refuses officers, unknown assignees and a missing reason', async () => {
    const report = filedRecord();
    const api = await harness([report]);
    const params = { reportIds: [report.reportId], team: INTAKE, priority: 'low' as const, assignee: null, reason: 'Werkverdeling' };
    expect(await api.as(OFFICER).call('report.reroute', params)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call('report.reroute', { ...params, assignee: 'o.oud' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.call('report.reroute', { ...params, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(pendingRoutes(api.store)).toEqual([]);
  });
});

describe('routing.explain and where the route shows', () => {
  it('tells where the rules put a report now, and why it is where it is', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] }, payments: [{ amount: '12500.00', currency: 'EUR' }] });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const api = await harness([a, b]);
    const before = await api.value('routing.explain', { reportId: a.reportId });
    expect(before.current).toBeNull();
    expect(before.byRules).toEqual({
      team: 'Team Fraude',
      priority: 'high',
      assignee: 'f.fraude',
      ruleId: 'hoge-schade',
      ruleName: 'Hoge schade (€ 10.000 of meer)',
      matched: ['schade € 12.500,00 is minstens € 10.000,00'],
      manual: null,
    });

    await api.value('routing.apply', { reportIds: [a.reportId] });
    expect((await api.value('routing.explain', { reportId: a.reportId })).current).toEqual(before.byRules);
    // b joins a cluster that now has an owner.
    expect((await api.value('routing.explain', { reportId: b.reportId })).byRules).toMatchObject({
      ruleId: 'cluster-eigenaar',
      team: 'Team Fraude',
      assignee: 'f.fraude',
      matched: ['cluster heeft al een eigenaar: f.fraude'],
    });
    const [row] = (await api.value('queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'asc' }, offset: 0, limit: 10 })).rows;
    expect(row).toMatchObject({ reportId: a.reportId, routeTeam: 'Team Fraude', routePriority: 'high' });
    expect(await api.call('routing.explain', { reportId: 'IA-2026-0999999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
