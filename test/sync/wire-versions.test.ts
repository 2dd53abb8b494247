/**
 * Version-1 mutations (Dutch route priorities, case statuses and request states, shared/mutations/upcast.ts) against a real hub: signed by their
 * officer as made, they are accepted, kept and served as signed, and a workstation of this version reads them in
 * this version's words — from the feed, and from its own outbox of before the upgrade.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage } from '../../shared/hub/protocol';
import type { SignedMutation } from '../../shared/mutations/proof';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { signMutation } from '../../src-main/mutations/officer-signing';
import { listCases } from '../../src-main/queries/cases';
import { currentRoute } from '../../src-main/routing/current-route';
import { createHubClient } from '../../src-main/sync/hub-client';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { startSyncHub, type SyncHub } from './support/sync-hub';

const SUPERVISOR = 'r.dekker';
const OFFICER = 'j.devries';

let hub: SyncHub;
let hubDir: string;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-wire-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

/** A supervisor's re-route as a workstation of version 1 made and signed it. */
function versionOneRoute(reportId: string, priority: string): SignedMutation {
  const payload = { reportId, team: 'Team Fraude', priority, assignee: null, ruleId: null, reason: 'Hoort bij lopend onderzoek', automatic: false };
  return signMutation({ id: randomUUID(), kind: 'report.route', officer: SUPERVISOR, at: '2026-11-02T09:00:00Z', payload }, hub.tokens.keys[SUPERVISOR]!);
}

async function storedPayloadOf(mutationId: string): Promise<unknown> {
  const response = await fetch(`${hub.url}/v1/feed?after=0&limit=1000&scope=*`, { headers: { authorization: `Bearer ${hub.tokens.workstations[0]}` } });
  const page = (await response.json()) as FeedPage;
  const entry = page.entries.find((item) => item.type === 'mutation' && item.mutation.id === mutationId);
  return entry?.type === 'mutation' ? entry.mutation.payload : undefined;
}

function workstation() {
  const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
  return { store, engine: createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, pageSize: 50, longPollSeconds: 1 }) };
}

describe('mutations of wire version 1', () => {
  const client = () => createHubClient({ hubUrl: hub.url, token: hub.tokens.workstations[0]! });

  it('are accepted from a workstation not yet upgraded with their signature checked, kept as signed, and read in this version’s words from cursor 0', async () => {
    const report = filedRecord();
    await hub.post([report]);
    const old = versionOneRoute(report.reportId, 'hoog');

    // Attack: the same change with its value put in this version's words after signing: the signature no longer holds.
    const restated = { ...old, payload: { ...(old.payload as object), priority: 'high' } };
    await expect(client().push([restated])).rejects.toThrow(/its signature does not match its content/);
    // Honest twin: as signed.
    const [ack] = await client().push([old]);
    expect(ack).toMatchObject({ id: old.id, duplicate: false });
    expect(await storedPayloadOf(old.id)).toMatchObject({ priority: 'hoog' });

    const { store, engine } = workstation();
    await engine.runOnce();
    expect(currentRoute(store.sqlite, report.reportId)).toMatchObject({ team: 'Team Fraude', priority: 'high', ruleId: null });
    store.close();
  });

  it('in the outbox from before the upgrade are pushed as signed and shown in this version’s words', async () => {
    const report = filedRecord();
    await hub.post([report]);
    const { store, engine } = workstation();
    await engine.runOnce();
    // What a version-1 workstation recorded and signed before it was upgraded, still pending.
    const old = versionOneRoute(report.reportId, 'laag');
    store.sqlite
      .prepare("INSERT INTO outbox (mutation_id, created_at, officer, kind, payload, proof, state, position) VALUES (?, ?, ?, ?, ?, ?, 'pending', 1)")
      .run(old.id, old.at, old.officer, old.kind, JSON.stringify(old.payload), JSON.stringify(old.proof));

    const round = await engine.runOnce();
    expect(round.pushed).toBe(1);
    expect(store.sqlite.prepare('SELECT state FROM outbox WHERE mutation_id = ?').pluck().get(old.id)).toBe('acked');
    expect(currentRoute(store.sqlite, report.reportId)).toMatchObject({ team: 'Team Fraude', priority: 'low' });
    expect(await storedPayloadOf(old.id)).toMatchObject({ priority: 'laag' });
    store.close();
  });

  it('close a case on a workstation of this version when their status says so in Dutch', async () => {
    const report = filedRecord();
    await hub.post([report]);
    const caseId = randomUUID();
    const sign = (kind: string, payload: object) => signMutation({ id: randomUUID(), kind, officer: OFFICER, at: '2026-11-02T09:00:00Z', payload }, hub.tokens.keys[OFFICER]!);
    const create = sign('case.create', { caseId, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [report.reportId] });
    const close = sign('case.update', { caseId, status: 'afgerond', closeReason: 'Overgedragen aan het OM' });
    await client().push([create, close]);

    const { store, engine } = workstation();
    await engine.runOnce();
    expect(listCases(store.sqlite, ['closed'])).toMatchObject([{ caseId, status: 'closed', reportCount: 1 }]);
    store.close();
  });

  it('take a request through the hub’s lifecycle guard in this version’s words, mixed with changes of this version', async () => {
    const report = filedRecord();
    await hub.post([report]);
    const actionId = randomUUID();
    const sign = (officer: string, kind: string, payload: object) => signMutation({ id: randomUUID(), kind, officer, at: '2026-11-02T09:00:00Z', payload }, hub.tokens.keys[officer]!);
    const step = (from: string, to: string) => ({ actionId, from, to, reason: null, method: null, occurredAt: null, dueAt: null, reference: null });
    const create = sign(OFFICER, 'action.create', {
      actionId, kind: 'bank_block', indicatorType: 'iban', indicatorValue: 'NL91ABNA0417164300', caseId: null, clusterReportId: null,
      title: 'Blokkade', addresseeId: null, reportIds: [report.reportId], includePersonalData: false, legalBasis: 'art. 126nd Sv', body: 'Verzoek.',
    });
    await client().push([create, sign(OFFICER, 'action.transition', step('concept', 'ter_goedkeuring'))]);
    // The hub keeps the state the version-1 step reached in this version's words, so this version's approval follows it…
    await client().push([sign(SUPERVISOR, 'action.transition', step('awaiting_approval', 'approved'))]);
    // …and a version-1 step made on a view from before it is stale, said in this version's words.
    await expect(client().push([sign(SUPERVISOR, 'action.transition', step('ter_goedkeuring', 'goedgekeurd'))])).rejects.toThrow(
      /the request is "approved" now, not "awaiting_approval"/,
    );

    const { store, engine } = workstation();
    await engine.runOnce();
    expect(store.sqlite.prepare('SELECT state FROM requests WHERE id = ?').pluck().get(actionId)).toBe('approved');
    store.close();
  });

  it('refuse a value neither version knows, saying which values there are', async () => {
    const report = filedRecord();
    await hub.post([report]);
    await expect(client().push([versionOneRoute(report.reportId, 'dringend')])).rejects.toThrow(
      /mutations\[0\]\.payload\.priority must be one of "high", "normal", "low" \(got "dringend"\)/,
    );
  });
});
