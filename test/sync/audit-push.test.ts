/**
 * The workstation's audit log reaches the hub through sync, which holds each workstation's chain. A log rewritten
 * after it was sent is never pushed over the hub's copy, and a copy of a store that goes its own way (a fork) is
 * refused by the hub and listed for supervisors — while the rest of sync goes on.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditChainHead, AuditRefusalsResponse } from '../../shared/hub/protocol';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { entryHash } from '../../src-main/audit/audit-chain';
import { workstationId } from '../../src-main/audit/chain-entries';
import { logConsultation } from '../../src-main/audit/consultation';
import { createAuditAppender } from '../../src-main/audit/audit-log';
import { createIntakeLog } from '../../src-main/audit/intake-entries';
import { INTAKE_ENTRY_MAX_REPORTS } from '../../shared/audit/intake-batch';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { AUDIT_DETAILS_MAX_CHARS, HUB_BODY_LIMITS } from '../../shared/hub/protocol';
import { silentLogger } from '../../shared/platform/logger';
import type { CaseStore } from '../../src-main/db/open-store';
import { createSyncEngine } from '../../src-main/sync/sync-engine';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hub: SyncHub;
let hubDir: string;
beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-audit-'));
  hub = await startSyncHub(hubDir);
  expect((await hub.post([filedRecord()])).rejected).toEqual([]);
});
afterAll(async () => {
  await hub?.close();
  rmSync(hubDir, { recursive: true, force: true });
});

const sync = (store: CaseStore) => createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, longPollSeconds: 1 });
const consult = (store: CaseStore, count: number, actor = 'j.devries') => {
  for (let index = 0; index < count; index++) {
    logConsultation(store.sqlite, systemClock.now().toISOString(), { actor, action: 'report.viewed', subjectType: 'report', subjectId: 'IA-2026-0000001', purpose: 'Onderzoek in een zaak' });
  }
};
const lastEntry = (store: CaseStore) => store.sqlite.prepare<[], { id: number; hash: Buffer }>('SELECT id, entry_hash AS hash FROM audit_log ORDER BY id DESC LIMIT 1').get()!;
const hubHead = async (store: CaseStore) =>
  (await (await fetch(`${hub.url}/v1/audit/head?workstation=${workstationId(store.sqlite)}`, { headers: { authorization: `Bearer ${hub.tokens.workstations[0]}` } })).json()) as AuditChainHead;
const refusals = async () =>
  ((await (await fetch(`${hub.url}/v1/audit/refusals`, { headers: { authorization: `Bearer ${hub.tokens.credentials['r.dekker']}` } })).json()) as AuditRefusalsResponse).refusals;

describe('the audit log through sync', () => {
  it('sends every entry to the hub, in batches, and goes on from where the hub’s copy ends (the honest twin)', async () => {
    const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
    await sync(store).runOnce();
    consult(store, 1200);
    const engine = sync(store);
    await engine.runOnce();
    expect(engine.getState().auditRefused).toBeNull();
    expect(await hubHead(store)).toEqual({ seq: lastEntry(store).id, hash: lastEntry(store).hash.toString('hex') });
    consult(store, 3);
    await sync(store).runOnce();
    expect((await hubHead(store)).seq).toBe(lastEntry(store).id);
    store.close();
  });

  it('sends an import’s batch entries, more than one request of the hub’s size may carry, in requests it takes', async () => {
    const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
    // A large import's log: entries of the most reports one may list, more bytes together than one push may hold.
    const intake = createIntakeLog(createAuditAppender(store.sqlite), IMPORT_ACTOR);
    store.sqlite.transaction(() => {
      for (let report = 0; report < 600 * INTAKE_ENTRY_MAX_REPORTS; report++) {
        intake.note('2026-12-01T08:00:00.000Z', { kind: 'revised', reportId: `IA-2026-${String(1_000_000 + report)}`, revision: 12, previous: 11 });
        if ((report + 1) % INTAKE_ENTRY_MAX_REPORTS === 0) intake.flush();
      }
    })();
    const logged = store.sqlite.prepare<[], number>('SELECT sum(length(details)) FROM audit_log').pluck().get()!;
    expect(logged).toBeGreaterThan(HUB_BODY_LIMITS.mutationsBytes);
    const engine = sync(store);
    await engine.runOnce();
    expect(engine.getState().auditRefused).toBeNull();
    expect(await hubHead(store)).toEqual({ seq: lastEntry(store).id, hash: lastEntry(store).hash.toString('hex') });
    store.close();
  });

  it('an entry the hub refuses as too big does not wedge sync: the refusal is kept in the state, logged, and not resent', async () => {
    const store = openCaseStore({ clock: systemClock, path: join(tempDir(), 'ws.db') });
    consult(store, 2);
    createAuditAppender(store.sqlite)(systemClock.now().toISOString(), { actor: 'j.devries', action: 'report.viewed', subjectType: 'report', subjectId: 'IA-2026-0000001', details: { note: 'x'.repeat(AUDIT_DETAILS_MAX_CHARS) } });
    const logged: string[] = [];
    const logger = { ...silentLogger, error: (event: string) => void logged.push(event) };
    const engine = createSyncEngine(store, { hubUrl: hub.url, token: hub.tokens.workstations[0]!, longPollSeconds: 1, logger });
    await engine.runOnce();
    expect(engine.getState().auditRefused).toMatch(/details: Too big/);
    expect(engine.getState().online).toBe(true);
    expect(logged).toEqual(['sync.audit_refused']);
    // The next round does not resend it (the chain cannot skip it: an administrator must act) and does not fail.
    await engine.runOnce();
    expect(logged).toEqual(['sync.audit_refused']);
    store.close();
  });

  it('never pushes over the hub’s copy a log rewritten after it was sent; the state says why', async () => {
    const path = join(tempDir(), 'ws.db');
    const store = openCaseStore({ clock: systemClock, path });
    consult(store, 10);
    await sync(store).runOnce();
    store.close();
    // Someone holding the key rewrites entry 4 and re-hashes every entry after it, the triggers dropped.
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_head_on_chain;');
    const rows = raw.prepare<[], { id: number; at: string; actor: string; action: string; subjectType: string; subjectId: string; details: string | null }>(
      'SELECT id, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log ORDER BY id',
    ).all();
    let previous: Buffer | null = null;
    for (const row of rows) {
      const content = row.id === 4 ? { ...row, actor: 'someone.else' } : row;
      const hash = entryHash(previous, content);
      raw.prepare('UPDATE audit_log SET actor = ?, entry_hash = ? WHERE id = ?').run(content.actor, hash, row.id);
      previous = hash;
    }
    raw.close();
    const rewritten = openCaseStore({ clock: systemClock, path });
    const engine = sync(rewritten);
    const round = await engine.runOnce();
    expect(round.cursor).not.toBe('0');
    expect(engine.getState().auditRefused).toMatch(/entry \d+ of this workstation's audit log is not the one the hub holds: the log was rewritten/);
    rewritten.close();
  });

  it('a copy of a store that goes its own way is refused by the hub as a fork and listed for supervisors', async () => {
    const path = join(tempDir(), 'ws.db');
    const original = openCaseStore({ clock: systemClock, path });
    consult(original, 5);
    await sync(original).runOnce();
    original.close();
    const copyPath = join(tempDir(), 'copy.db');
    copyFileSync(path, copyPath);
    const first = openCaseStore({ clock: systemClock, path });
    const copy = openCaseStore({ clock: systemClock, path: copyPath });
    expect(workstationId(copy.sqlite)).toBe(workstationId(first.sqlite));
    const refusedBefore = (await refusals()).length;
    const copyEngine = sync(copy);
    await copyEngine.runOnce();
    consult(first, 2, 'j.devries');
    consult(copy, 2, 'r.dekker');
    await sync(first).runOnce();
    await copyEngine.runOnce();
    expect(copyEngine.getState().auditRefused).toMatch(/the hub holds another entry \d+ of this workstation's log: the chain was forked/);
    const listed = await refusals();
    expect(listed.length).toBe(refusedBefore + 1);
    expect(listed[0]).toMatchObject({ workstationId: workstationId(copy.sqlite), pushedBy: 'ws-1' });
    // Refused once, not at every turn: the engine stops sending that log.
    await copyEngine.runOnce();
    expect((await refusals()).length).toBe(refusedBefore + 1);
    first.close();
    copy.close();
  });
});
