import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_BODY_LIMITS, type FeedEntry, type HubErrorBody, type PushResponse } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { validateMutation } from '../../shared/mutations/schema';
import { queryRows } from '../../src-hub/db/database';
import { registerOfficers } from '../../src-hub/officers/registry';
import { BACKENDS, hubClock, startTestHub, type TestHub } from './harness';

/** Benign-list changes are a supervisor's (the hub checks its registry). */
const SUPERVISOR = 'sup.vermeer';

const at = '2026-11-02T08:30:00+01:00';
const caseId = randomUUID();

/** One mutation of each kind that has been there from the start (issue 5's kinds: ./authority.test.ts). */
function everyKind(): AnyMutation[] {
  const base = { officer: 'agent.bakker', at };
  return [
    { ...base, id: randomUUID(), kind: 'report.setWorkStatus', payload: { reportId: 'IA-2026-0000001', status: 'in_progress' } },
    { ...base, id: randomUUID(), kind: 'report.assign', payload: { reportId: 'IA-2026-0000001', assignee: null } },
    { ...base, id: randomUUID(), kind: 'link.decide', payload: { reportA: 'IA-2026-0000001', reportB: 'IA-2026-0000002', decision: 'confirmed', reason: 'zelfde IBAN' } },
    { ...base, id: randomUUID(), kind: 'note.add', payload: { noteId: randomUUID(), subjectType: 'report', subjectId: 'IA-2026-0000001', body: 'Gebeld met melder.' } },
    { ...base, id: randomUUID(), kind: 'case.create', payload: { caseId, title: 'Marktplaats-fraude Utrecht', owner: 'agent.bakker', team: null, reportIds: ['IA-2026-0000001'] } },
    { ...base, id: randomUUID(), kind: 'case.update', payload: { caseId, status: 'closed', closeReason: 'Verdachte aangehouden' } },
    { ...base, id: randomUUID(), kind: 'case.addReports', payload: { caseId, reportIds: ['IA-2026-0000002'] } },
    { ...base, id: randomUUID(), kind: 'case.removeReports', payload: { caseId, reportIds: ['IA-2026-0000002'] } },
    { ...base, officer: SUPERVISOR, id: randomUUID(), kind: 'benign.add', payload: { type: 'phone', value: '+31889898000', reason: 'echt nummer van de bank' } },
    { ...base, officer: SUPERVISOR, id: randomUUID(), kind: 'benign.remove', payload: { type: 'phone', value: '+31889898000' } },
  ];
}

describe.each(BACKENDS)('hub mutations (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    await registerOfficers(hub.database.db, hubClock(), [{ id: SUPERVISOR, displayName: 'Inspecteur V. Vermeer', role: 'supervisor', team: null }]);
  });
  afterAll(() => hub?.close());

  /** Signs the valid mutations of a body by their officers, as their workstations would; malformed ones go as they are. */
  const signed = async (body: unknown) => {
    const list = (body as { mutations?: unknown } | null)?.mutations;
    if (!Array.isArray(list)) return body;
    const mutations = await Promise.all(list.map(async (item: unknown) => (validateMutation(item).ok ? (await hub.sign([item as AnyMutation]))[0] : item)));
    return { ...(body as object), mutations };
  };
  const push = async (body: unknown, token = hub.workstationToken) =>
    hub.request<PushResponse & HubErrorBody>('/v1/mutations', { token, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(await signed(body)) });
  const mutationEntries = async () => (await hub.readAll({ limit: 1000 })).filter((entry): entry is Extract<FeedEntry, { type: 'mutation' }> => entry.type === 'mutation');

  it('stores mutations of every kind, acknowledges them in order and puts them in the feed as pushed', async () => {
    const mutations = everyKind();
    const result = await push({ mutations });
    expect(result.status).toBe(200);
    expect(result.body.acks.map((ack) => ack.id)).toEqual(mutations.map((mutation) => mutation.id));
    expect(result.body.acks.every((ack) => !ack.duplicate)).toBe(true);
    const seqs = result.body.acks.map((ack) => BigInt(ack.seq));
    expect(seqs.every((seq, index) => index === 0 || seq > seqs[index - 1]!)).toBe(true);

    const entries = await mutationEntries();
    expect(entries.map((entry) => entry.mutation)).toEqual(mutations);
    expect(entries.map((entry) => entry.seq)).toEqual(result.body.acks.map((ack) => ack.seq));
  });

  it('carries each mutation’s basis (what its workstation had pulled) to the feed, and refuses one that is no cursor', async () => {
    const [seen, unseen] = everyKind().slice(0, 2).map((mutation) => ({ ...mutation, id: randomUUID() }));
    const result = await push({ mutations: [{ ...seen!, basis: '7' }, unseen] });
    expect(result.status).toBe(200);
    const delivered = (await mutationEntries()).filter((entry) => entry.mutation.id === seen!.id || entry.mutation.id === unseen!.id);
    expect(delivered.map((entry) => entry.mutation)).toEqual([{ ...seen!, basis: '7' }, unseen]);
    expect('basis' in delivered[1]!.mutation).toBe(false);

    const bad = await push({ mutations: [{ ...everyKind()[0]!, id: randomUUID(), basis: 'seven' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/mutations\[0\]\.basis must be a feed cursor/);
  });

  it('applies a retried push once: duplicates are acknowledged with their original seq', async () => {
    const mutations = everyKind().slice(0, 3);
    const first = await push({ mutations });
    const before = (await mutationEntries()).length;
    const retry = await push({ mutations: [...mutations, mutations[0]!] });
    expect(retry.status).toBe(200);
    expect(retry.body.acks).toEqual([...first.body.acks, first.body.acks[0]!].map((ack) => ({ ...ack, duplicate: true })));
    expect((await mutationEntries()).length).toBe(before);

    // A push that repeats one mutation and adds another stores only the new one.
    const fresh = everyKind()[3]!;
    const mixed = await push({ mutations: [mutations[1]!, fresh, fresh] });
    expect(mixed.body.acks.map((ack) => ack.duplicate)).toEqual([true, false, true]);
    expect(mixed.body.acks[2]!.seq).toBe(mixed.body.acks[1]!.seq);
    expect((await mutationEntries()).length).toBe(before + 1);
  });

  it('refuses an id pushed again with other content (409) and writes nothing of that push', async () => {
    const [original, other] = everyKind();
    await push({ mutations: [original] });
    const before = (await mutationEntries()).length;
    const changed = { ...original!, officer: 'someone.else' };
    const result = await push({ mutations: [other, changed] });
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe('CONFLICT');
    expect((await mutationEntries()).length).toBe(before);
  });

  it('records the officer and the token that pushed each mutation', async () => {
    const token = await hub.token('workstation', 'laptop-utrecht-7');
    const [mutation] = everyKind();
    await push({ mutations: [mutation] }, token);
    const [row] = await queryRows<{ officer: string; name: string }>(
      hub.database.db,
      sql`SELECT m.officer, t.name FROM mutations m JOIN hub_tokens t ON t.id = m.token_id WHERE m.id = ${mutation!.id}::uuid`,
    );
    expect(row?.officer).toBe('agent.bakker');
    expect(row?.name).toMatch(/^laptop-utrecht-7/);
  });

  const valid = () => everyKind()[0]!;
  const malformed: Array<[string, unknown, RegExp]> = [
    ['a body that is not JSON', '{"mutations": [', /JSON/],
    ['a list instead of an object', '[]', /must be an object/],
    ['no mutations field', {}, /mutations is missing/],
    ['mutations that is no list', { mutations: 'all' }, /mutations must be a list/],
    ['an unknown top-level field', { mutations: [], extra: 1 }, /unknown field "extra"/],
    ['a mutation that is no object', { mutations: [valid(), 42] }, /mutations\[\d\] must be an object/],
    ['an id that is no UUID', { mutations: [{ ...valid(), id: 'abc' }] }, /mutations\[\d\]\.id must be a UUID/],
    ['an unknown kind', { mutations: [{ ...valid(), kind: 'report.delete' }] }, /mutations\[\d\]\.kind must be one of/],
    ['no officer', { mutations: [{ ...valid(), officer: '' }] }, /mutations\[\d\]\.officer must not be empty/],
    ['a bad timestamp', { mutations: [{ ...valid(), at: 'yesterday' }] }, /mutations\[\d\]\.at must be an RFC 3339 timestamp/],
    ['an unknown envelope field', { mutations: [{ ...valid(), device: 'x' }] }, /unknown field "device"/],
    ['no payload', { mutations: [{ ...valid(), payload: undefined }] }, /mutations\[\d\]\.payload is missing/],
    ['a bad report id', { mutations: [{ ...valid(), payload: { reportId: 'IA-1', status: 'new' } }] }, /payload\.reportId must look like IA-2026-0000123/],
    ['a bad enum value', { mutations: [{ ...valid(), payload: { reportId: 'IA-2026-0000001', status: 'done' } }] }, /payload\.status must be one of/],
    ['an unknown payload field', { mutations: [{ ...valid(), payload: { reportId: 'IA-2026-0000001', status: 'new', x: 1 } }] }, /payload has unknown field "x"/],
    [
      'closing a case without reason',
      { mutations: [{ ...valid(), kind: 'case.update', payload: { caseId: randomUUID(), status: 'closed' } }] },
      /payload\.closeReason is required/,
    ],
    [
      'a link of a report with itself',
      { mutations: [{ ...valid(), kind: 'link.decide', payload: { reportA: 'IA-2026-0000001', reportB: 'IA-2026-0000001', decision: 'confirmed', reason: '' } }] },
      /payload\.reportB must differ from reportA/,
    ],
    [
      'a note on a case with a report id',
      { mutations: [{ ...valid(), kind: 'note.add', payload: { noteId: randomUUID(), subjectType: 'case', subjectId: 'IA-2026-0000001', body: 'x' } }] },
      /payload\.subjectId must be a UUID/,
    ],
  ];

  it.each(malformed)('refuses %s with 400 and a reason, writing nothing of the push', async (_name, body, reason) => {
    const before = (await mutationEntries()).length;
    const withValidFirst =
      typeof body === 'object' && body !== null && Array.isArray((body as { mutations?: unknown }).mutations) && (body as { mutations: unknown[] }).mutations.length > 0
        ? { ...body, mutations: [valid(), ...(body as { mutations: unknown[] }).mutations] }
        : body;
    const result = await push(withValidFirst);
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('BAD_INPUT');
    expect(result.body.error.message).toMatch(reason);
    expect((await mutationEntries()).length).toBe(before);
  });

  it('refuses a push over 4 MB with 413', async () => {
    const note = { ...valid(), kind: 'note.add', payload: { noteId: randomUUID(), subjectType: 'report', subjectId: 'IA-2026-0000001', body: 'x'.repeat(90_000) } };
    const mutations = Array.from({ length: Math.ceil(HUB_BODY_LIMITS.mutationsBytes / 90_000) + 1 }, () => ({ ...note, id: randomUUID() }));
    const result = await push({ mutations });
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('BAD_INPUT');
  });

  it('validates with the same shared schema workstations use', () => {
    for (const mutation of everyKind()) expect(validateMutation(mutation)).toEqual({ ok: true, mutation, signed: mutation });
  });
});
