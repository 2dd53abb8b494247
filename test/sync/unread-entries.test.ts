/**
 * An entry a release could not read comes back once a release that may read it runs (src-main/sync/unread-entries.ts).
 * The older release is played by a workstation of reader version 1 whose reader refuses what release 1's refused:
 * the feed it reads has the English request state in a value its schema does not know, as release 1's did not
 * know "awaiting_approval". It logs `sync.entry_skipped` and moves its cursor past it, as release 1 does.
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
import type { CaseStore } from '../../src-main/db/open-store';
import { readCursor } from '../../src-main/db/sync-cursor';
import { signMutation } from '../../src-main/mutations/officer-signing';
import { createHubClient } from '../../src-main/sync/hub-client';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { reportMix } from './support/report-mix';
import { startSyncHub, type SyncHub } from './support/sync-hub';
import { revisionState, workState } from './support/work-state';

const OFFICER = 'j.devries';
const SUPERVISOR = 'r.dekker';

let hub: SyncHub;
let hubDir: string;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-unread-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

const push = (mutations: SignedMutation[]) => createHubClient({ hubUrl: hub.url, token: hub.tokens.workstations[0]! }).push(mutations);
const sign = (officer: string, kind: string, payload: object) =>
  signMutation({ id: randomUUID(), kind, officer, at: '2026-11-02T09:00:00Z', payload }, hub.tokens.keys[officer]!);

/** The feed as a release that cannot read the mutations `unreadable` picks sees it: their payload is not its words. */
function olderReleaseFetch(unreadable: (mutation: SignedMutation) => boolean): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/v1/feed') || !response.ok) return response;
    const page = (await response.json()) as FeedPage;
    const entries = page.entries.map((entry) =>
      entry.type === 'mutation' && unreadable(entry.mutation) ? { ...entry, mutation: { ...entry.mutation, payload: { ...(entry.mutation.payload as object), to: 'unknown to release 1' } } } : entry,
    );
    return new Response(JSON.stringify({ ...page, entries }), { status: response.status, headers: response.headers });
  };
}

function engineOn(store: CaseStore, options: { readerVersion?: number; fetch?: typeof fetch } = {}) {
  return createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[1]!, pageSize: 50, longPollSeconds: 1, ...options });
}

const newStore = () => hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') }));
const count = (store: CaseStore, sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as number;
const skippedCount = (store: CaseStore) => count(store, "SELECT count(*) FROM audit_log WHERE action = 'sync.entry_skipped'");

/** A request made and sent for approval in this release's words. */
async function requestAwaitingApproval() {
  const report = filedRecord();
  await hub.post([report]);
  const actionId = randomUUID();
  const create = sign(OFFICER, 'action.create', {
    actionId, kind: 'bank_block', indicatorType: 'iban', indicatorValue: 'NL91ABNA0417164300', caseId: null, clusterReportId: null,
    title: 'Blokkade', addresseeId: null, reportIds: [report.reportId], includePersonalData: false, legalBasis: 'art. 126nd Sv', body: 'Verzoek.',
  });
  const submit = sign(OFFICER, 'action.transition', { actionId, from: 'draft', to: 'awaiting_approval', reason: null, method: null, occurredAt: null, dueAt: null, reference: null });
  await push([create, submit]);
  return { actionId, submit };
}

describe('feed entries an older release could not read', () => {
  it('come back after the upgrade, applied exactly once, and are not read again at the next start', async () => {
    const { actionId, submit } = await requestAwaitingApproval();
    const store = newStore();
    const requestState = () => store.sqlite.prepare('SELECT state FROM requests WHERE id = ?').pluck().get(actionId);

    // Release 1: the English step is not its words; it passes over it and moves on.
    await engineOn(store, { readerVersion: 1, fetch: olderReleaseFetch((mutation) => mutation.id === submit.id) }).runOnce();
    expect(requestState()).toBe('draft');
    expect(skippedCount(store)).toBe(1);
    const cursorOfRelease1 = readCursor(store.sqlite);

    // The upgrade: the cursor goes back before the entry, and the pull brings it.
    const upgraded = engineOn(store);
    expect(Number(readCursor(store.sqlite))).toBeLessThan(Number(cursorOfRelease1));
    await upgraded.runOnce();
    expect(requestState()).toBe('awaiting_approval');
    expect(count(store, 'SELECT count(*) FROM sync_applied WHERE mutation_id = ?', submit.id)).toBe(1);
    expect(count(store, "SELECT count(*) FROM audit_log WHERE action = 'action.transition' AND json_extract(details, '$.via') = 'hub'")).toBe(1);
    expect(readCursor(store.sqlite)).toBe(cursorOfRelease1);

    // The next start of the same release does not read again.
    engineOn(store);
    expect(readCursor(store.sqlite)).toBe(cursorOfRelease1);
    store.close();
  });

  it('a store that passed over nothing is not read again after the upgrade (the twin)', async () => {
    await requestAwaitingApproval();
    const store = newStore();
    await engineOn(store, { readerVersion: 1 }).runOnce();
    expect(skippedCount(store)).toBe(0);
    const cursor = readCursor(store.sqlite);
    engineOn(store);
    expect(readCursor(store.sqlite)).toBe(cursor);
    store.close();
  });

  it('what is still unreadable after an upgrade is passed over again and comes back at the next one', async () => {
    const { actionId, submit } = await requestAwaitingApproval();
    const store = newStore();
    const unreadable = olderReleaseFetch((mutation) => mutation.id === submit.id);
    await engineOn(store, { readerVersion: 1, fetch: unreadable }).runOnce();
    // Release 2 cannot read it either.
    await engineOn(store, { readerVersion: 2, fetch: unreadable }).runOnce();
    expect(skippedCount(store)).toBe(2);
    await engineOn(store, { readerVersion: 3 }).runOnce();
    expect(store.sqlite.prepare('SELECT state FROM requests WHERE id = ?').pluck().get(actionId)).toBe('awaiting_approval');
    store.close();
  });

  it('reading a mixed stretch again changes nothing already applied: it equals a store that read it once', async () => {
    // First the entry release 1 cannot read, then reports, revisions, withdrawals, notes, cases, requests, link decisions.
    const { submit } = await requestAwaitingApproval();
    const mix = reportMix(24, 13);
    await hub.post(mix);
    const [a, b] = [mix[0]!.reportId, mix[1]!.reportId];
    const caseId = randomUUID();
    await push([
      sign(OFFICER, 'note.add', { noteId: randomUUID(), subjectType: 'report', subjectId: a, body: 'Benadeelde gebeld' }),
      sign(OFFICER, 'link.decide', { reportA: a, reportB: b, decision: 'confirmed', reason: '' }),
      sign(OFFICER, 'case.create', { caseId, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [a] }),
      sign(OFFICER, 'case.addReports', { caseId, reportIds: [b] }),
      sign(SUPERVISOR, 'report.assign', { reportId: b, assignee: OFFICER }),
      sign(OFFICER, 'note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: 'Zaak geopend' }),
    ]);

    const upgraded = newStore();
    await engineOn(upgraded, { readerVersion: 1, fetch: olderReleaseFetch((mutation) => mutation.id === submit.id) }).runOnce();
    const table = (store: CaseStore, sql: string) => store.sqlite.prepare(sql).all();
    const applied = (store: CaseStore) => table(store, 'SELECT mutation_id, seq FROM sync_applied ORDER BY seq') as Array<{ mutation_id: string; seq: number }>;
    const appliedBefore = applied(upgraded);
    const auditBefore = count(upgraded, "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'sync.%'");
    await engineOn(upgraded).runOnce();

    const once = newStore();
    await engineOn(once).runOnce();
    expect(workState(upgraded.sqlite)).toEqual(workState(once.sqlite));
    expect(revisionState(upgraded.sqlite)).toEqual(revisionState(once.sqlite));
    expect(table(upgraded, 'SELECT * FROM requests ORDER BY id')).toEqual(table(once, 'SELECT * FROM requests ORDER BY id'));
    expect(table(upgraded, 'SELECT * FROM field_versions ORDER BY 1, 2, 3')).toEqual(table(once, 'SELECT * FROM field_versions ORDER BY 1, 2, 3'));
    // Only the entry passed over was applied anew; nothing overridden, no entry logged twice.
    const appliedAnew = applied(once).filter((row) => row.mutation_id === submit.id);
    expect(applied(upgraded)).toEqual([...appliedBefore, ...appliedAnew].sort((x, y) => x.seq - y.seq));
    expect(count(upgraded, 'SELECT count(*) FROM sync_conflicts')).toBe(0);
    expect(count(upgraded, "SELECT count(*) FROM audit_log WHERE action NOT LIKE 'sync.%'")).toBe(auditBefore + 1);
    upgraded.close();
    once.close();
  });
});
