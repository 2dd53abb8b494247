import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../shared/errors';
import { CASE_STATUSES, LINK_DECISIONS, WORK_STATUSES } from '../../shared/mutations/kinds';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import type { CaseStore } from '../../src-main/db/open-store';
import {
  addBenignValue,
  addNote,
  addReportsToCase,
  assignReport,
  createCase,
  decideLink,
  removeBenignValue,
  removeReportsFromCase,
  setWorkStatus,
  updateCase,
  type ServiceDeps,
} from '../../src-main/mutations/services';
import { createSyncEngine, type SyncEngine } from '../../src-main/sync/sync-engine';
import { IBANS } from '../support/records';
import { reportMix } from './support/report-mix';
import { serviceDeps } from './support/mutation-fixtures';
import { startSyncHub, type SyncHub } from './support/sync-hub';
import { workState } from './support/work-state';

let hub: SyncHub;
let hubDir: string;
let workDir: string;
let stores = 0;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-converge-'));
  workDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-converge-ws-'));
  hub = await startSyncHub(hubDir);
  await hub.post(reportMix(8, 41));
}, 120_000);
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

interface Workstation {
  store: CaseStore;
  engine: SyncEngine;
  deps: ServiceDeps;
  officer: string;
}

let idPrefix = 100;
function workstation(index: number): Workstation {
  stores += 1;
  idPrefix += 1;
  const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(workDir, `ws-${stores}.db`) }));
  const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[index]!, pageSize: 200 });
  return { store, engine, deps: serviceDeps(`2026-11-0${index + 1}T09:00:00Z`, idPrefix), officer: `agent.${index}` };
}

const ws = fc.constantFrom(0, 1);
/** Few choices, so that the two officers often change the same things. */
const pick = fc.nat(2);
const action = fc.oneof(
  fc.record({ type: fc.constant('sync' as const), ws }),
  fc.record({ type: fc.constant('pull' as const), ws }),
  fc.record({ type: fc.constant('push' as const), ws }),
  fc.record({ type: fc.constant('status' as const), ws, report: pick, status: fc.constantFrom(...WORK_STATUSES) }),
  fc.record({ type: fc.constant('assign' as const), ws, report: pick, assignee: fc.constantFrom('agent.a', 'agent.b', null) }),
  fc.record({ type: fc.constant('decide' as const), ws, report: pick, other: pick, decision: fc.constantFrom(...LINK_DECISIONS) }),
  fc.record({ type: fc.constant('note' as const), ws, report: pick }),
  fc.record({ type: fc.constant('createCase' as const), ws, report: pick }),
  fc.record({ type: fc.constant('updateCase' as const), ws, case: pick, status: fc.constantFrom(...CASE_STATUSES), title: fc.constantFrom('Zaak A', 'Zaak B') }),
  fc.record({ type: fc.constant('member' as const), ws, case: pick, report: pick, add: fc.boolean() }),
  fc.record({ type: fc.constant('benign' as const), ws, iban: fc.constantFrom(...Object.values(IBANS)), add: fc.boolean() }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const nth = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);

/** Does what the officer at that workstation asked; a change its guards refuse is simply not made. */
function perform(station: Workstation, step: Exclude<Action, { type: 'sync' | 'pull' | 'push' }>): void {
  const { store, deps, officer } = station;
  const reports = store.sqlite.prepare("SELECT report_id FROM reports WHERE status = 'filed' ORDER BY report_id").pluck().all() as string[];
  const cases = store.sqlite.prepare('SELECT id FROM cases ORDER BY created_at, id').pluck().all() as string[];
  const report = 'report' in step ? nth(reports, step.report) : undefined;
  const caseId = 'case' in step ? nth(cases, step.case) : undefined;
  try {
    switch (step.type) {
      case 'status':
        if (report) setWorkStatus(store, deps, { officer, reportId: report, status: step.status });
        break;
      case 'assign':
        if (report) assignReport(store, deps, { officer, reportId: report, assignee: step.assignee });
        break;
      case 'decide': {
        const other = nth(reports, step.other);
        if (report && other) decideLink(store, deps, { officer, reportA: report, reportB: other, decision: step.decision, reason: 'onderzocht' });
        break;
      }
      case 'note':
        if (report) addNote(store, deps, { officer, subjectType: 'report', subjectId: report, body: `notitie van ${officer}` });
        break;
      case 'createCase':
        createCase(store, deps, { officer, title: 'Nieuwe zaak', reportIds: report ? [report] : [] });
        break;
      case 'updateCase':
        if (caseId) updateCase(store, deps, { officer, caseId, title: step.title, status: step.status, ...(step.status === 'closed' ? { closeReason: 'klaar' } : {}) });
        break;
      case 'member':
        if (caseId && report) (step.add ? addReportsToCase : removeReportsFromCase)(store, deps, { officer, caseId, reportIds: [report] });
        break;
      case 'benign':
        if (step.add) addBenignValue(store, deps, { officer, type: 'iban', value: step.iban, reason: `door ${officer}` });
        else removeBenignValue(store, deps, { officer, type: 'iban', value: step.iban });
        break;
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
}

describe('two workstations working offline, then reconnecting', () => {
  it('converge to the same state for any interleaving of changes and sync rounds (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 30 }), async (steps) => {
        const stations = [workstation(0), workstation(1)];
        try {
          for (const station of stations) await station.engine.runOnce();
          for (const step of steps) {
            const { engine } = stations[step.ws]!;
            if (step.type === 'sync') await engine.runOnce();
            else if (step.type === 'pull') await engine.pullOnce();
            else if (step.type === 'push') await engine.pushOnce();
            else perform(stations[step.ws]!, step);
          }
          // Reconnect: each pushes, then each pulls what the other pushed.
          for (const station of [...stations, ...stations]) await station.engine.runOnce();
          const [a, b] = stations.map((station) => workState(station.store.sqlite));
          expect(b).toEqual(a);
          for (const station of stations) expect(station.engine.getState()).toMatchObject({ pendingOutbox: 0, online: true });
          // And a workstation that only ever pulled sees the same.
          const observer = workstation(2);
          await observer.engine.runOnce();
          expect(workState(observer.store.sqlite)).toEqual(a);
          observer.store.close();
        } finally {
          for (const station of stations) station.store.close();
        }
      }),
      {
        numRuns: 8,
        examples: [
          // Both set the same report's status offline; B's reaches the hub first, A pushes before it pulls.
          [
            [
              { type: 'status', ws: 0, report: 0, status: 'closed' },
              { type: 'status', ws: 1, report: 0, status: 'in_progress' },
              { type: 'pull', ws: 0 },
              { type: 'push', ws: 1 },
              { type: 'push', ws: 0 },
            ],
          ],
        ],
      },
    );
  });
});
