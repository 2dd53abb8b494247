/**
 * A store of a release that kept the wire's Dutch values (shared/mutations/upcast.ts) opened by this one: its
 * migration puts the values this store derived into this version's words, and leaves what it may not rewrite as it
 * was — the outbox's signed changes and the chained audit log — which are read through the upcast instead.
 */
import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { signedContent, type SignedMutation } from '../../../shared/mutations/proof';
import { verifyChain } from '../../../src-main/audit/audit-chain';
import { createAuditAppender } from '../../../src-main/audit/audit-log';
import { openStore } from '../../../src-main/db/open-store';
import { createOutbox } from '../../../src-main/mutations/outbox';
import { generateSigningKey, signMutation } from '../../../src-main/mutations/officer-signing';
import { listCases } from '../../../src-main/queries/cases';
import { logbook } from '../../../src-main/queries/logbook';
import { currentRoute } from '../../../src-main/routing/current-route';
import { migrationsBefore } from '../../support/older-migrations';
import { tempDir } from '../../support/temp-store';

const REPORT = 'IA-2025-0000001';
const SUPERVISOR = 'r.dekker';

const route = (priority: string) => JSON.stringify({ team: 'Team Fraude', priority, ruleId: null, reason: 'Hoort bij lopend onderzoek' });

describe('upgrading a store of wire version 1', () => {
  it('puts its route priorities in English, keeps its signed outbox and chained log as they were and reads them in English', () => {
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('_english_route_priorities') });
    old
      .prepare(`INSERT INTO reports (report_id, revision, status, received_at, first_received_at, channel, kind, category, updated_at, route_team, route_priority, route_reason, routed_by, routed_at)
                VALUES (?, 1, 'filed', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'internet', 'melding', 'phishing', '2025-01-01T00:00:00Z', 'Team Fraude', 'hoog', 'Hoort bij lopend onderzoek', ?, '2025-01-02T00:00:00Z')`)
      .run(REPORT, SUPERVISOR);
    const rule = { name: 'Hoge schade', position: 10, enabled: true, conditions: { minLossCents: 1_000_000 }, team: 'Team Fraude', priority: 'normaal', assign: 'balance' };
    old.prepare("INSERT INTO routing_rules (id, position, rule, updated_by, updated_at) VALUES ('hoge-schade', 10, ?, ?, '2025-01-01T00:00:00Z')").run(JSON.stringify(rule), SUPERVISOR);
    old.prepare("INSERT INTO field_versions (entity, entity_id, field, seq, mutation_id, officer, at, value) VALUES ('report', ?, 'route', 3, NULL, ?, '2025-01-02T00:00:00Z', ?)").run(REPORT, SUPERVISOR, route('hoog'));
    old
      .prepare(`INSERT INTO sync_conflicts (mutation_id, entity, entity_id, field, my_value, winning_value, winning_mutation_id, winning_officer, winning_at, detected_at)
                VALUES ('00000000-0000-4000-8000-000000000001', 'report', ?, 'route', ?, ?, '00000000-0000-4000-8000-000000000002', ?, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z')`)
      .run(REPORT, route('laag'), route('hoog'), SUPERVISOR);
    // A change the supervisor made offline on the old release: signed as made, not yet pushed.
    const key = generateSigningKey();
    const pending: SignedMutation = signMutation(
      { id: '00000000-0000-4000-8000-000000000003', kind: 'report.route', officer: SUPERVISOR, at: '2025-01-03T00:00:00Z', payload: { reportId: REPORT, team: 'Team Fraude', priority: 'laag', assignee: null, ruleId: null, reason: 'Toch niet dringend', automatic: false } },
      key,
    );
    old
      .prepare("INSERT INTO outbox (mutation_id, created_at, officer, kind, payload, proof, state, position) VALUES (?, ?, ?, ?, ?, ?, 'pending', 1)")
      .run(pending.id, pending.at, pending.officer, pending.kind, JSON.stringify(pending.payload), JSON.stringify(pending.proof));
    createAuditAppender(old)('2025-01-02T00:00:00Z', { actor: SUPERVISOR, action: 'report.route', subjectType: 'report', subjectId: REPORT, details: { mutationId: '00000000-0000-4000-8000-000000000002', team: 'Team Fraude', priority: 'hoog' } });
    old.close();

    const store = openStore({ path });
    const { sqlite } = store;
    expect(currentRoute(sqlite, REPORT)).toMatchObject({ team: 'Team Fraude', priority: 'high' });
    expect(JSON.parse(sqlite.prepare<[], string>("SELECT rule FROM routing_rules WHERE id = 'hoge-schade'").pluck().get()!)).toEqual({ ...rule, priority: 'normal' });
    expect(JSON.parse(sqlite.prepare<[], string>("SELECT value FROM field_versions WHERE field = 'route'").pluck().get()!)).toMatchObject({ priority: 'high' });
    expect(sqlite.prepare('SELECT my_value AS mine, winning_value AS winner FROM sync_conflicts').get()).toEqual({ mine: route('low'), winner: route('high') });

    // The outbox keeps the change as signed, and its signature still holds; it is shown in English.
    const [change] = createOutbox(sqlite).pendingChanges(10);
    expect(change!.signed).toEqual(pending);
    const publicKey = createPublicKey({ key: { ...key.publicKey }, format: 'jwk' });
    expect(verify(null, Buffer.from(signedContent(change!.signed)), publicKey, Buffer.from(pending.proof!.signature, 'base64url'))).toBe(true);
    expect(change!.mutation.payload).toMatchObject({ priority: 'low' });

    // The log is not rewritten (its chain holds), and the Logboek shows it in English.
    expect(sqlite.prepare<[], string>("SELECT details FROM audit_log WHERE action = 'report.route'").pluck().get()).toContain('"priority":"hoog"');
    expect(verifyChain(sqlite)).toMatchObject({ ok: true });
    const shown = logbook(sqlite, {}).entries.find((entry) => entry.action === 'report.route');
    expect(shown?.details).toMatchObject({ priority: 'high' });
    store.close();
  });

  it('puts its case statuses in English, keeping every case’s reports, and reads its signed outbox and chained log in English', () => {
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('_english_case_statuses') });
    const CASE = '00000000-0000-4000-8000-0000000000c1';
    old.prepare("INSERT INTO cases (id, title, owner, team, status, close_reason, created_by, created_at, updated_at) VALUES (?, 'Fietsfraude', NULL, NULL, 'afgerond', 'Overgedragen', ?, '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z')").run(CASE, SUPERVISOR);
    old.prepare("INSERT INTO case_reports (case_id, report_id, added_by, added_at) VALUES (?, 'IA-2025-0000001', ?, '2025-01-01T00:00:00Z'), (?, 'IA-2025-0000002', ?, '2025-01-01T00:00:00Z')").run(CASE, SUPERVISOR, CASE, SUPERVISOR);
    old.prepare("INSERT INTO field_versions (entity, entity_id, field, seq, mutation_id, officer, at, value) VALUES ('case', ?, 'status', 4, NULL, ?, '2025-01-02T00:00:00Z', '\"afgerond\"')").run(CASE, SUPERVISOR);
    old
      .prepare(`INSERT INTO sync_conflicts (mutation_id, entity, entity_id, field, my_value, winning_value, winning_mutation_id, winning_officer, winning_at, detected_at)
                VALUES ('00000000-0000-4000-8000-000000000001', 'case', ?, 'status', '"actie_uitgezet"', '"afgerond"', '00000000-0000-4000-8000-000000000002', ?, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z')`)
      .run(CASE, SUPERVISOR);
    const key = generateSigningKey();
    const pending: SignedMutation = signMutation(
      { id: '00000000-0000-4000-8000-000000000003', kind: 'case.update', officer: SUPERVISOR, at: '2025-01-03T00:00:00Z', payload: { caseId: CASE, status: 'in_behandeling' } },
      key,
    );
    old
      .prepare("INSERT INTO outbox (mutation_id, created_at, officer, kind, payload, proof, state, position) VALUES (?, ?, ?, ?, ?, ?, 'pending', 1)")
      .run(pending.id, pending.at, pending.officer, pending.kind, JSON.stringify(pending.payload), JSON.stringify(pending.proof));
    createAuditAppender(old)('2025-01-02T00:00:00Z', { actor: SUPERVISOR, action: 'case.update', subjectType: 'case', subjectId: CASE, details: { mutationId: '00000000-0000-4000-8000-000000000002', fields: ['closeReason'], status: 'afgerond' } });
    old.close();

    const store = openStore({ path });
    const { sqlite } = store;
    expect(listCases(sqlite, ['closed'])).toMatchObject([{ caseId: CASE, status: 'closed', reportCount: 2 }]);
    expect(sqlite.prepare("SELECT value FROM field_versions WHERE entity = 'case'").pluck().get()).toBe('"closed"');
    expect(sqlite.prepare('SELECT my_value AS mine, winning_value AS winner FROM sync_conflicts').get()).toEqual({ mine: '"action_taken"', winner: '"closed"' });
    const [change] = createOutbox(sqlite).pendingChanges(10);
    expect(change!.signed).toEqual(pending);
    expect(change!.mutation.payload).toEqual({ caseId: CASE, status: 'in_progress' });
    expect(sqlite.prepare<[], string>("SELECT details FROM audit_log WHERE action = 'case.update'").pluck().get()).toContain('"status":"afgerond"');
    expect(verifyChain(sqlite)).toMatchObject({ ok: true });
    expect(logbook(sqlite, {}).entries.find((entry) => entry.action === 'case.update')?.details).toMatchObject({ status: 'closed' });
    store.close();
  });

  it('puts its request states in English — each request’s state, its steps and where each came from — and reads its signed outbox and chained log in English', () => {
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('_english_request_states') });
    const REQUEST = '00000000-0000-4000-8000-0000000000a1';
    const step = (from: string, extra: object = {}) => ({ from, reason: null, method: null, occurredAt: null, dueAt: null, reference: null, by: SUPERVISOR, at: '2025-01-02T00:00:00Z', ...extra });
    const sent = step('goedgekeurd', { method: 'email', occurredAt: '2025-01-03', dueAt: '2025-01-17' });
    const { by: _by, at: _at, ...register } = sent;
    const payload = { reportIds: [], includePersonalData: false, legalBasis: '', body: 'Verzoek.', clusterReportId: null, steps: { ter_goedkeuring: step('concept'), goedgekeurd: step('ter_goedkeuring'), verzonden: sent } };
    old
      .prepare(`INSERT INTO actions (id, kind, indicator_type, indicator_value, case_id, state, payload, created_by, created_at, updated_at, title, sent_at, due_at)
                VALUES (?, 'bank_block', 'iban', 'NL91ABNA0417164300', NULL, 'verzonden', ?, ?, '2025-01-01T00:00:00Z', '2025-01-03T00:00:00Z', 'Blokkade', '2025-01-03', '2025-01-17')`)
      .run(REQUEST, JSON.stringify(payload), SUPERVISOR);
    old.prepare("INSERT INTO field_versions (entity, entity_id, field, seq, mutation_id, officer, at, value) VALUES ('action', ?, 'state', 5, NULL, ?, '2025-01-03T00:00:00Z', '\"verzonden\"'), ('action', ?, 'step:verzonden', 5, NULL, ?, '2025-01-03T00:00:00Z', ?)").run(REQUEST, SUPERVISOR, REQUEST, SUPERVISOR, JSON.stringify(register));
    old
      .prepare(`INSERT INTO sync_conflicts (mutation_id, entity, entity_id, field, my_value, winning_value, winning_mutation_id, winning_officer, winning_at, detected_at)
                VALUES ('00000000-0000-4000-8000-000000000001', 'action', ?, 'state', '"bevestigd"', '"verlopen"', '00000000-0000-4000-8000-000000000002', ?, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z'),
                       ('00000000-0000-4000-8000-000000000001', 'action', ?, 'step:verzonden', ?, ?, '00000000-0000-4000-8000-000000000002', ?, '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z')`)
      .run(REQUEST, SUPERVISOR, REQUEST, JSON.stringify({ ...register, reference: 'mijn' }), JSON.stringify(register), SUPERVISOR);
    const key = generateSigningKey();
    const transition = { actionId: REQUEST, from: 'verzonden', to: 'bevestigd', reason: null, method: null, occurredAt: '2025-01-04', dueAt: null, reference: 'ING-1' };
    const pending: SignedMutation = signMutation({ id: '00000000-0000-4000-8000-000000000003', kind: 'action.transition', officer: SUPERVISOR, at: '2025-01-04T00:00:00Z', payload: transition }, key);
    old
      .prepare("INSERT INTO outbox (mutation_id, created_at, officer, kind, payload, proof, state, position) VALUES (?, ?, ?, ?, ?, ?, 'pending', 1)")
      .run(pending.id, pending.at, pending.officer, pending.kind, JSON.stringify(pending.payload), JSON.stringify(pending.proof));
    createAuditAppender(old)('2025-01-03T00:00:00Z', { actor: SUPERVISOR, action: 'action.transition', subjectType: 'action', subjectId: REQUEST, details: { mutationId: '00000000-0000-4000-8000-000000000002', from: 'goedgekeurd', to: 'verzonden' } });
    old.close();

    const store = openStore({ path });
    const { sqlite } = store;
    const row = sqlite.prepare<[], { state: string; payload: string }>('SELECT state, payload FROM requests').get()!;
    expect(row.state).toBe('sent');
    expect(JSON.parse(row.payload)).toEqual({ ...payload, steps: { awaiting_approval: step('draft'), approved: step('awaiting_approval'), sent: { ...sent, from: 'approved' } } });
    expect(sqlite.prepare("SELECT field, value FROM field_versions WHERE entity = 'action' ORDER BY field").all()).toEqual([
      { field: 'state', value: '"sent"' },
      { field: 'step:sent', value: JSON.stringify({ ...register, from: 'approved' }) },
    ]);
    expect(sqlite.prepare('SELECT field, my_value AS mine, winning_value AS winner FROM sync_conflicts ORDER BY id').all()).toEqual([
      { field: 'state', mine: '"acknowledged"', winner: '"expired"' },
      { field: 'step:sent', mine: JSON.stringify({ ...register, reference: 'mijn', from: 'approved' }), winner: JSON.stringify({ ...register, from: 'approved' }) },
    ]);
    const [change] = createOutbox(sqlite).pendingChanges(10);
    expect(change!.signed).toEqual(pending);
    expect(change!.mutation.payload).toEqual({ ...transition, from: 'sent', to: 'acknowledged' });
    expect(verifyChain(sqlite)).toMatchObject({ ok: true });
    expect(logbook(sqlite, {}).entries.find((entry) => entry.action === 'action.transition')?.details).toMatchObject({ from: 'approved', to: 'sent' });
    store.close();
  });
});
