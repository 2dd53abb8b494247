/**
 * Workstations' audit logs on the hub, tried as an attacker would: a push that forks the chain the hub holds, one
 * that leaves a gap, an entry that does not match its hash, entries out of order — each refused (409, nothing
 * stored) and listed for supervisors; then the hub's own copy tampered with, its append-only trigger dropped
 * (edited, deleted, inserted, reordered, cut short) — `hub audit verify` names the first bad entry of that chain.
 * Beside each: the honest twin that is accepted and verifies. On PGlite and PostgreSQL.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainEntry } from '../../shared/audit/chain';
import type { AuditChainHead, AuditPushResponse, AuditRefusalsResponse, HubErrorBody, SessionResponse } from '../../shared/hub/protocol';
import { chainHash } from '../../src-hub/audit/chain-hash';
import { verifyHubChains, type HubChainVerdict } from '../../src-hub/audit/verify';
import { connect } from '../../src-hub/db/connect';
import { migrateHub } from '../../src-hub/db/migrate';
import { createToken } from '../../src-hub/auth/tokens';
import { addOfficer } from '../../src-hub/officers/registry';
import { runCliCaptured } from '../support/run-cli';
import { chainOf, signedPush } from '../support/audit-push';
import { BACKENDS, freshDatabase, hubClock, startTestHub, type TestHub } from './harness';

/** A workstation's real log: `count` consultations through the store's own writer, read back as the hub receives them. */
const workstationLog = (count: number): ChainEntry[] =>
  chainOf(
    Array.from({ length: count }, (_, offset) => {
      const index = offset + 1;
      return { at: `2026-11-02T08:${String(index % 60).padStart(2, '0')}:00.000Z`, actor: index % 2 ? 'k.devries' : 'l.vermeer', action: 'report.viewed', subjectType: 'report', subjectId: `IA-2026-00000${index % 7}`, details: { purpose: 'Onderzoek in een zaak' } };
    }),
  );

/** The log rewritten from entry `from` on, every hash recomputed so the rewritten part is a chain of its own. */
function rewrittenFrom(entries: readonly ChainEntry[], from: number): ChainEntry[] {
  const rewritten: ChainEntry[] = entries.slice(0, from - 1);
  for (const entry of entries.slice(from - 1)) {
    const content = entry.id === from ? { ...entry, actor: 'someone.else' } : entry;
    rewritten.push({ ...content, hash: chainHash(rewritten.at(-1)?.hash ?? null, content) });
  }
  return rewritten;
}

describe.each(BACKENDS)('audit chains on the hub (%s)', (backend) => {
  let hub: TestHub;
  let supervisor: string;
  let officer: string;
  let otherStation: string;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    supervisor = (await addOfficer(hub.database.db, hubClock(), { id: 'sup.vermeer', displayName: 'Inspecteur V. Vermeer', role: 'supervisor', team: null })).credential;
    officer = (await addOfficer(hub.database.db, hubClock(), { id: 'agent.bakker', displayName: 'Agent B. Bakker', role: 'officer', team: null })).credential;
    otherStation = (await createToken(hub.database.db, hubClock(), { role: 'workstation', name: 'station-elsewhere' })).token;
  });
  afterAll(() => hub?.close());

  const pushAs = (token: string, workstationId: string, entries: readonly ChainEntry[], key?: KeyObject) =>
    hub.request<AuditPushResponse & HubErrorBody>('/v1/audit', { token, contentType: 'application/json', body: JSON.stringify(signedPush(workstationId, entries, key)) });
  const push = (workstationId: string, entries: readonly ChainEntry[]) => pushAs(hub.workstationToken, workstationId, entries);
  const head = async (workstationId: string) => (await hub.request<AuditChainHead>(`/v1/audit/head?workstation=${workstationId}`, { token: hub.workstationToken })).body;
  const refusals = async () => (await hub.request<AuditRefusalsResponse>('/v1/audit/refusals', { token: supervisor })).body.refusals;
  const verdictOf = async (workstation: string): Promise<HubChainVerdict | undefined> => {
    for await (const verdict of verifyHubChains(hub.database.db)) if (verdict.workstation === workstation) return verdict;
    return undefined;
  };

  it('accepts a workstation log in batches, and the same entries again after a lost answer (the honest twin)', async () => {
    const workstation = randomUUID();
    const log = workstationLog(20);
    expect(await head(workstation)).toEqual({ seq: 0, hash: null });
    const first = await push(workstation, log.slice(0, 10));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: 10, head: { seq: 10, hash: log[9]!.hash } });
    expect((await push(workstation, log.slice(10))).body).toEqual({ accepted: 10, head: { seq: 20, hash: log[19]!.hash } });
    expect((await push(workstation, log.slice(4))).body).toEqual({ accepted: 0, head: { seq: 20, hash: log[19]!.hash } });
    expect(await head(workstation)).toEqual({ seq: 20, hash: log[19]!.hash });
    expect(await verdictOf(workstation)).toEqual({ workstation, entries: 20, ok: true });
  });

  it('refuses a forked chain, a gap, an entry that does not match its hash and entries out of order — nothing stored, supervisors told', async () => {
    const workstation = randomUUID();
    const log = workstationLog(15);
    expect((await push(workstation, log.slice(0, 10))).status).toBe(200);
    const before = (await refusals()).length;

    const forked = await push(workstation, rewrittenFrom(log, 8).slice(7, 12));
    expect(forked.status).toBe(409);
    expect(forked.body.error.message).toMatch(/entry 8: the hub holds another entry 8 of this workstation's log: the chain was forked/);
    const gap = await push(workstation, log.slice(12, 15));
    expect(gap.status).toBe(409);
    expect(gap.body.error.message).toMatch(/entry 13: entries 11–12 are missing \(the hub holds entries up to 10\)/);
    const edited = await push(workstation, [{ ...log[10]!, subjectId: 'IA-2026-0000999' }]);
    expect(edited.body.error.message).toMatch(/entry 11: the entry does not match its hash/);
    const swapped = await push(workstation, [log[11]!, log[10]!]);
    expect(swapped.body.error.message).toMatch(/entry 12: entries 11–11 are missing/);

    expect(await head(workstation)).toEqual({ seq: 10, hash: log[9]!.hash });
    expect(await verdictOf(workstation)).toEqual({ workstation, entries: 10, ok: true });
    const listed = (await refusals()).slice(0, (await refusals()).length - before);
    expect(listed.map((refusal) => [refusal.workstationId, refusal.firstBad, refusal.pushedBy])).toEqual([
      [workstation, 12, 'workstation-all'],
      [workstation, 11, 'workstation-all'],
      [workstation, 13, 'workstation-all'],
      [workstation, 8, 'workstation-all'],
    ]);
    // Only supervisors see them.
    expect((await hub.request('/v1/audit/refusals', { token: officer })).status).toBe(403);
    expect((await hub.request('/v1/audit/refusals', { token: hub.workstationToken })).status).toBe(403);
    // The honest continuation is still accepted.
    expect((await push(workstation, log.slice(10))).body.accepted).toBe(5);
  });

  it('keeps a log under the key of its first push: another workstation cannot continue or fork it, whatever its token; the workstation itself can under any token', async () => {
    const workstation = randomUUID();
    const log = workstationLog(12);
    expect((await push(workstation, log.slice(0, 6))).status).toBe(200);
    const before = (await refusals()).length;

    // Another workstation's key — the honest continuation, a fabricated one — under its own token or this one's.
    const stranger = generateKeyPairSync('ed25519').privateKey;
    for (const token of [otherStation, hub.workstationToken]) {
      for (const attempt of [log.slice(6, 8), rewrittenFrom(log, 7).slice(6, 8)]) {
        const refused = await pushAs(token, workstation, attempt, stranger);
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toMatch(/kept under another workstation’s key/);
      }
    }
    // The right key's signature moved onto other entries (a captured push, edited): refused.
    const captured = signedPush(workstation, log.slice(6, 8));
    const edited = { ...captured, entries: rewrittenFrom(log, 7).slice(6, 8) };
    const tampered = await hub.request<HubErrorBody>('/v1/audit', { token: otherStation, contentType: 'application/json', body: JSON.stringify(edited) });
    expect(tampered.status).toBe(403);
    expect(tampered.body.error.message).toMatch(/signature does not match its entries/);
    // Unsigned: refused as malformed.
    const unsigned = await hub.request<HubErrorBody>('/v1/audit', { token: otherStation, contentType: 'application/json', body: JSON.stringify({ workstationId: workstation, entries: log.slice(6, 8) }) });
    expect(unsigned.status).toBe(400);

    // Nothing stored, no fork listed. The workstation itself continues under any token: a station's, an officer's
    // credential or session (the honest twins).
    expect(await head(workstation)).toEqual({ seq: 6, hash: log[5]!.hash });
    expect((await refusals()).length).toBe(before);
    const session = (await hub.request<SessionResponse>('/v1/sessions', { contentType: 'application/json', body: JSON.stringify({ credential: officer }) })).body.session;
    expect((await pushAs(otherStation, workstation, log.slice(6, 8))).body.accepted).toBe(2);
    expect((await pushAs(officer, workstation, log.slice(8, 10))).body.accepted).toBe(2);
    expect((await pushAs(session, workstation, log.slice(10))).body.accepted).toBe(2);
  });

  it('refuses a malformed push with a short reason', async () => {
    const bad = await push('not-a-uuid', workstationLog(1));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('workstationId: a workstation id is a UUID');
    const badHash = await push(randomUUID(), [{ ...workstationLog(1)[0]!, hash: 'XYZ' }]);
    expect(badHash.body.error.message).toBe('entries.0.hash: a hash is SHA-256 in lower-case hex');
  });

  it('the append-only trigger refuses to change an accepted entry', async () => {
    const workstation = randomUUID();
    await push(workstation, workstationLog(3));
    await expect(hub.database.db.execute(sql`UPDATE audit_entries SET actor = 'x' WHERE workstation_id = ${workstation}`)).rejects.toThrow();
    await expect(hub.database.db.execute(sql`DELETE FROM audit_entries WHERE workstation_id = ${workstation}`)).rejects.toThrow();
  });

  describe('hub audit verify names the first bad entry of a tampered chain', () => {
    const tampered: Record<string, string> = {};
    const log = () => workstationLog(20);
    beforeAll(async () => {
      for (const name of ['honest', 'edited', 'deleted', 'inserted', 'appended', 'reordered', 'cut']) {
        tampered[name] = randomUUID();
        expect((await push(tampered[name], log())).status).toBe(200);
      }
      const { db } = hub.database;
      await db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`);
      await db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_chain_head`);
      await db.execute(sql`UPDATE audit_entries SET actor = 'someone.else' WHERE workstation_id = ${tampered.edited} AND seq = 5`);
      await db.execute(sql`DELETE FROM audit_entries WHERE workstation_id = ${tampered.deleted} AND seq = 4`);
      // An entry slipped in at 6, the rest moved up one.
      await db.execute(sql`UPDATE audit_entries SET seq = seq + 100 WHERE workstation_id = ${tampered.inserted} AND seq >= 6`);
      await db.execute(sql`UPDATE audit_entries SET seq = seq - 99 WHERE workstation_id = ${tampered.inserted} AND seq > 100`);
      await db.execute(
        sql`INSERT INTO audit_entries (workstation_id, seq, at, actor, action, subject_type, subject_id, details, entry_hash, received_at)
            SELECT workstation_id, 6, at, actor, action, subject_type, subject_id, details, entry_hash, received_at FROM audit_entries WHERE workstation_id = ${tampered.inserted} AND seq = 5`,
      );
      // An entry after the last one, hashed to continue the chain, but not accepted through the hub.
      const last = log()[19]!;
      const extra = { ...last, id: 21, subjectId: 'IA-2026-0000042' };
      await db.execute(
        sql`INSERT INTO audit_entries (workstation_id, seq, at, actor, action, subject_type, subject_id, details, entry_hash, received_at)
            VALUES (${tampered.appended}, 21, ${extra.at}, ${extra.actor}, ${extra.action}, ${extra.subjectType}, ${extra.subjectId}, ${extra.details}, ${chainHash(last.hash, extra)}, now())`,
      );
      await db.execute(sql`UPDATE audit_entries SET seq = CASE seq WHEN 6 THEN 1007 ELSE 1006 END WHERE workstation_id = ${tampered.reordered} AND seq IN (6, 7)`);
      await db.execute(sql`UPDATE audit_entries SET seq = seq - 1000 WHERE workstation_id = ${tampered.reordered} AND seq > 1000`);
      await db.execute(sql`DELETE FROM audit_entries WHERE workstation_id = ${tampered.cut} AND seq > 15`);
      await db.execute(sql`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only`);
      await db.execute(sql`ALTER TABLE audit_entries ENABLE TRIGGER audit_chain_head`);
    });

    it.each([
      ['honest', { entries: 20, ok: true }],
      ['edited', { entries: 20, ok: false, firstBad: 5, reason: expect.stringMatching(/does not match its hash/) as unknown }],
      ['deleted', { entries: 19, ok: false, firstBad: 5, reason: 'entries 4–4 are missing' }],
      ['inserted', { entries: 21, ok: false, firstBad: 6, reason: expect.stringMatching(/does not match its hash/) as unknown }],
      ['appended', { entries: 21, ok: false, firstBad: 21, reason: "entries after 20 were added outside the hub's acceptance" }],
      ['reordered', { entries: 20, ok: false, firstBad: 6, reason: expect.stringMatching(/does not match its hash/) as unknown }],
      ['cut', { entries: 15, ok: false, firstBad: 16, reason: 'the chain was cut short: it ends at entry 15, but entry 20 was accepted' }],
    ])('%s', async (name, expected) => {
      expect(await verdictOf(tampered[name]!)).toEqual({ workstation: tampered[name], ...expected });
    });
  });
});

describe.each(BACKENDS)('hub audit verify on the command line (%s)', (backend) => {
  it('prints a verdict per workstation, and exits 1 when one is broken', async () => {
    const testDatabase = await freshDatabase(backend);
    const where = 'dataDir' in testDatabase.options ? ['--data', testDatabase.options.dataDir] : ['--database-url', testDatabase.options.databaseUrl];
    try {
      const { acceptAuditEntries } = await import('../../src-hub/audit/accept');
      const [good, bad] = [randomUUID(), randomUUID()].sort();
      const fill = async () => {
        const database = await connect(testDatabase.options);
        await migrateHub(database.db);
        const station = (await createToken(database.db, hubClock(), { role: 'workstation', name: 'station-verify' })).id;
        for (const workstation of [good!, bad!]) {
          await acceptAuditEntries(database.db, signedPush(workstation, workstationLog(5)), { tokenId: station, pushedBy: 'station-verify', now: hubClock().now().toISOString() });
        }
        await database.close();
      };
      await fill();
      const honest = await runCliCaptured(['hub', 'audit', 'verify', ...where]);
      expect(honest).toMatchObject({ code: 0, lines: [{ workstation: good, entries: 5, ok: true }, { workstation: bad, entries: 5, ok: true }] });

      const database = await connect(testDatabase.options);
      await database.db.execute(sql`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only`);
      await database.db.execute(sql`UPDATE audit_entries SET details = '{"purpose":"anders"}' WHERE workstation_id = ${bad} AND seq = 3`);
      await database.close();
      const broken = await runCliCaptured(['hub', 'audit', 'verify', ...where]);
      expect(broken.code).toBe(1);
      expect(broken.lines).toEqual([
        { workstation: good, entries: 5, ok: true },
        { workstation: bad, entries: 5, ok: false, firstBad: 3, reason: expect.stringMatching(/does not match its hash/) as unknown },
      ]);
      expect((await runCliCaptured(['hub', 'audit', 'check', ...where])).code).toBe(2);
    } finally {
      await testDatabase.dispose();
    }
  });

  it('forgets the key a log is kept under (audit rebind): a restored store’s new key continues the chain, the old key no longer may', async () => {
    const testDatabase = await freshDatabase(backend);
    const where = 'dataDir' in testDatabase.options ? ['--data', testDatabase.options.dataDir] : ['--database-url', testDatabase.options.databaseUrl];
    try {
      const { acceptAuditEntries } = await import('../../src-hub/audit/accept');
      const { AuditChainForeign } = await import('../../src-hub/audit/owner');
      const workstation = randomUUID();
      const log = workstationLog(6);
      const [oldKey, newKey] = [generateKeyPairSync('ed25519').privateKey, generateKeyPairSync('ed25519').privateKey];
      const pushWith = async (key: KeyObject, entries: ChainEntry[]) => {
        const database = await connect(testDatabase.options);
        try {
          await migrateHub(database.db);
          return await acceptAuditEntries(database.db, signedPush(workstation, entries, key), { tokenId: null, pushedBy: 'test', now: hubClock().now().toISOString() });
        } finally {
          await database.close();
        }
      };
      await pushWith(oldKey, log.slice(0, 3));
      await expect(pushWith(newKey, log.slice(3))).rejects.toBeInstanceOf(AuditChainForeign);

      expect(await runCliCaptured(['hub', 'audit', 'rebind', '--workstation', workstation, ...where])).toMatchObject({ code: 0, lines: [{ workstation, key: 'forgotten' }] });
      expect((await pushWith(newKey, log.slice(3))).accepted).toBe(3);
      await expect(pushWith(oldKey, log.slice(3))).rejects.toBeInstanceOf(AuditChainForeign);
      // A workstation the hub keeps no key of: a clear error.
      expect(await runCliCaptured(['hub', 'audit', 'rebind', '--workstation', randomUUID(), ...where])).toMatchObject({ code: 1, stderr: expect.stringMatching(/keeps no audit key for workstation/) as unknown });
    } finally {
      await testDatabase.dispose();
    }
  });
});
