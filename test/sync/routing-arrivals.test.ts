import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import type { LogFields } from '../../shared/platform/logger';
import { createArrivalRouter } from '../../src-main/routing/arrival-routing';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { FakeHub } from './support/fake-hub';
import { foreignMutation, serviceDeps } from './support/mutation-fixtures';

/** The workstation's clock when the pages arrive. */
const NOW = '2026-11-02T09:00:00Z';
const fresh = (overrides: Partial<IntakeRecord> = {}) => filedRecord({ receivedAt: '2026-11-01T10:00:00Z', ...overrides });
const backlog = (overrides: Partial<IntakeRecord> = {}) => filedRecord({ receivedAt: '2026-11-01T09:00:00Z', ...overrides });

function setup() {
  const hub = new FakeHub();
  const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
  store.sqlite.prepare("INSERT INTO officers (id, display_name, role, team) VALUES ('o.een', 'Agent Een', 'officer', 'Team Online Intake')").run();
  const session = { officer: 'l.vermeer' };
  const warnings: Array<{ event: string; fields: LogFields | undefined }> = [];
  const logger = { info: () => undefined, error: () => undefined, warn: (event: string, fields?: LogFields) => warnings.push({ event, fields }) };
  const onReportsArrived = createArrivalRouter(store, { services: serviceDeps(NOW), officer: () => session.officer, logger });
  const engine = createSyncEngine(store, { hubUrl: 'http://127.0.0.1:1', token: 'pzh_test', fetch: hub.fetch, pageSize: 2, onReportsArrived });
  const routes = () =>
    store.sqlite
      .prepare<[], { officer: string; payload: string }>("SELECT officer, payload FROM outbox WHERE kind = 'report.route' ORDER BY position, created_at")
      .all()
      .map((row) => ({ officer: row.officer, ...(JSON.parse(row.payload) as { reportId: string; ruleId: string | null; assignee: string | null; reason: string }) }));
  return { hub, store, engine, session, warnings, routes };
}

describe('routing reports as they arrive through sync', () => {
  it('routes fresh new reports by the rules in the signed-in officer’s name, audited as automatic, and pushes the routes', async () => {
    const { hub, store, engine, routes } = setup();
    const report = fresh({ category: 'bank_helpdesk_fraud' });
    hub.addReport(report);
    hub.addReport(fresh());
    await engine.runOnce();
    expect(routes()).toEqual([
      { officer: 'l.vermeer', reportId: report.reportId, team: 'Team Fraude', priority: 'normal', assignee: null, ruleId: 'bankhelpdeskfraude', reason: 'categorie is bankhelpdeskfraude', automatic: true },
      expect.objectContaining({ officer: 'l.vermeer', team: 'Team Online Intake', assignee: 'o.een', ruleId: 'online-intake' }),
    ]);
    const audit = store.sqlite
      .prepare<[string], { actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'report.route' AND subject_id = ?")
      .all(report.reportId)
      .map((row) => ({ actor: row.actor, details: JSON.parse(row.details) as Record<string, unknown> }));
    expect(audit).toEqual([{ actor: 'l.vermeer', details: expect.objectContaining({ ruleId: 'bankhelpdeskfraude', automatic: true }) as object }]);
    expect(hub.entries.filter((entry) => entry.type === 'mutation')).toHaveLength(2);
    expect(store.sqlite.prepare("SELECT route_team AS team, route_rule AS rule FROM reports WHERE report_id = ?").get(report.reportId)).toEqual({ team: 'Team Fraude', rule: 'bankhelpdeskfraude' });
  });

  it('leaves the backlog (received 24 h or more before now) for a supervisor to apply the rules to', async () => {
    const { hub, engine, routes } = setup();
    hub.addReport(backlog());
    hub.addReport(backlog({ receivedAt: '2026-06-01T09:00:00Z' }));
    await engine.runOnce();
    expect(routes()).toEqual([]);
  });

  it('routes a report once: not again for a later revision, nor when a colleague routed it first, nor a withdrawn one', async () => {
    const { hub, engine, routes } = setup();
    const report = fresh();
    hub.addReport(report);
    await engine.runOnce();
    hub.addReport({ ...report, revision: 2, receivedAt: '2026-11-02T08:00:00Z' });
    await engine.runOnce();
    expect(routes().map((route) => route.reportId)).toEqual([report.reportId]);

    const routedElsewhere = fresh();
    hub.addMutation(
      foreignMutation('report.route', { reportId: routedElsewhere.reportId, team: 'Team Fraude', priority: 'high', assignee: null, ruleId: 'hoge-schade', reason: 'elders gerouteerd', automatic: true }),
    );
    hub.addReport(routedElsewhere);
    const withdrawn = fresh();
    hub.addReport({ schema: 'intake-report/1', reportId: withdrawn.reportId, revision: 2, status: 'withdrawn', receivedAt: '2026-11-02T08:00:00Z', channel: 'internet', kind: 'aangifte', category: 'phishing' });
    await engine.runOnce();
    expect(routes().map((route) => route.reportId)).toEqual([report.reportId]);
  });

  it('routes in the name of whoever is signed in when the page arrives', async () => {
    const { hub, engine, session, routes } = setup();
    hub.addReport(fresh());
    await engine.runOnce();
    session.officer = 's.bakker';
    hub.addReport(fresh());
    await engine.runOnce();
    expect(routes().map((route) => route.officer)).toEqual(['l.vermeer', 's.bakker']);
  });

  it('a routing failure is logged and never stops sync', async () => {
    const { hub, engine, session, warnings, routes, store } = setup();
    session.officer = ' ';
    const report = fresh();
    hub.addReport(report);
    await engine.runOnce();
    expect(routes()).toEqual([]);
    expect(warnings).toEqual([{ event: 'routing.arrivals_failed', fields: { reports: 1, error: 'BAD_INPUT' } }]);
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 1 });
    expect(engine.getState()).toMatchObject({ online: true, lastError: null });
  });
});
