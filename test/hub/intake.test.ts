import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_BODY_LIMITS, type FeedEntry, type HubErrorBody, type IntakeSummary } from '../../shared/hub/protocol';
import type { IntakeRecord } from '../../shared/intake/schema';
import { queryRows } from '../../src-hub/db/database';
import { importNdjson } from '../../src-main/ingest/importer';
import { filedRecord, withdrawal } from '../support/records';
import { openTempStore } from '../support/temp-store';
import { BACKENDS, ndjson, reportKeys, startTestHub, type TestHub } from './harness';

const revised = (record: IntakeRecord, revision: number, changes: Partial<IntakeRecord> = {}): IntakeRecord => ({
  ...record,
  revision,
  receivedAt: `2026-04-0${revision}T10:00:00Z`,
  ...changes,
});

/** The record of the latest feed entry of a report revision, parsed. */
function recordIn(entries: readonly FeedEntry[], reportId: string, revision: number): Record<string, unknown> {
  const entry = entries.findLast((candidate) => candidate.type === 'report' && candidate.reportId === reportId && candidate.revision === revision);
  if (!entry || entry.type !== 'report') throw new Error(`no feed entry for ${reportId}@${revision}`);
  return JSON.parse(entry.record) as Record<string, unknown>;
}

describe.each(BACKENDS)('hub intake (%s)', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  });
  afterAll(() => hub?.close());

  const feedSize = async () => (await hub.readAll({ limit: 1000 })).length;

  it('applies good lines, rejects bad ones with their line numbers, and answers the import summary', async () => {
    const a = filedRecord();
    const b = filedRecord({ region: 'Oost-Nederland' });
    const body = [
      JSON.stringify(a),
      '',
      '{"schema": "intake-report/1", "reportId": "IA-2026-',
      JSON.stringify({ ...filedRecord(), reportId: 'X-1' }),
      JSON.stringify(b) + '\r',
      '[1, 2]',
      JSON.stringify({ ...filedRecord(), status: 'filed', reporter: undefined }),
    ].join('\n');
    const result = await hub.request<IntakeSummary>('/v1/intake', { token: hub.intakeToken, contentType: 'application/x-ndjson; charset=utf-8', body });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ read: 6, imported: 2, updated: 0, ignored: 0 });
    expect(result.body.rejected.map((rejected) => rejected.line)).toEqual([3, 4, 6, 7]);
    expect(result.body.rejected[0]!.reason).toMatch(/not valid JSON/);
    expect(result.body.rejected[1]!.reason).toMatch(/reportId must look like IA-2026-0000123/);
    expect(result.body.rejected[2]!.reason).toMatch(/must be a JSON object/);
    expect(result.body.rejected[3]!.reason).toMatch(/reporter is required/);
    const keys = reportKeys(await hub.readAll());
    expect(keys).toEqual([`${a.reportId}@1`, `${b.reportId}@1`]);
  });

  it('accepts one application/json record and keeps unknown fields as received', async () => {
    const record = { ...filedRecord(), portalTrace: { hop: 3, note: 'kept' } };
    const body = JSON.stringify(record, null, 2);
    const result = await hub.request<IntakeSummary>('/v1/intake', { token: hub.intakeToken, contentType: 'application/json', body });
    expect(result.body).toEqual({ read: 1, imported: 1, updated: 0, ignored: 0, rejected: [] });
    const stored = recordIn(await hub.readAll(), record.reportId, 1);
    expect(stored.portalTrace).toEqual({ hop: 3, note: 'kept' });

    const invalid = await hub.request<IntakeSummary>('/v1/intake', {
      token: hub.intakeToken,
      contentType: 'application/json',
      body: JSON.stringify({ ...filedRecord(), revision: 0 }),
    });
    expect(invalid.status).toBe(200);
    expect(invalid.body).toMatchObject({ read: 1, imported: 0, rejected: [{ line: 1, reason: 'revision must be 1 or higher' }] });
  });

  it('refuses malformed and unsupported bodies with 4xx and writes nothing', async () => {
    const before = await feedSize();
    const cases: Array<[string, { contentType?: string; body?: string }, number]> = [
      ['broken JSON', { contentType: 'application/json', body: '{"schema": ' }, 400],
      ['an empty JSON body', { contentType: 'application/json', body: '' }, 400],
      ['JSON with a __proto__ key', { contentType: 'application/json', body: '{"__proto__": {"x": 1}}' }, 200],
      ['text/plain', { contentType: 'text/plain', body: JSON.stringify(filedRecord()) }, 415],
      ['XML', { contentType: 'application/xml', body: '<report/>' }, 415],
      ['no body at all', {}, 400],
    ];
    for (const [name, options, status] of cases) {
      const result = await hub.request<HubErrorBody | IntakeSummary>('/v1/intake', { token: hub.intakeToken, method: 'POST', ...options });
      expect(result.status, name).toBe(status);
      if (status !== 200) expect((result.body as HubErrorBody).error.code, name).toBe('BAD_INPUT');
      else expect((result.body as IntakeSummary).rejected).toHaveLength(1);
    }
    expect(await feedSize()).toBe(before);
  });

  it('refuses a body over 32 MB with 413 before writing anything', async () => {
    const before = await feedSize();
    const line = `${JSON.stringify(filedRecord())}\n`;
    const megabyte = line.repeat(Math.ceil((1024 * 1024) / line.length));
    const chunks = Array.from({ length: Math.ceil(HUB_BODY_LIMITS.intakeBytes / megabyte.length) + 1 }, () => megabyte);
    const result = await hub.request<HubErrorBody>('/v1/intake', { token: hub.intakeToken, contentType: 'application/x-ndjson', body: chunks.join('') });
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('BAD_INPUT');
    expect(result.body.error.message).toMatch(/too large.*32 MB/);
    // Also when the size is not announced up front (chunked upload).
    const chunked = await fetch(`${hub.url}/v1/intake`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.intakeToken}`, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(Readable.from(chunks.map((chunk) => Buffer.from(chunk)))) as ReadableStream,
      duplex: 'half',
    });
    expect(chunked.status).toBe(413);
    expect(await feedSize()).toBe(before);
  });

  it('is idempotent: the same batch again changes nothing and adds no feed entries', async () => {
    const records = [filedRecord(), filedRecord()];
    const first = await hub.postNdjson(records);
    expect(first).toMatchObject({ read: 2, imported: 2 });
    const size = await feedSize();
    const second = await hub.postNdjson(records);
    expect(second).toEqual({ read: 2, imported: 0, updated: 0, ignored: 2, rejected: [] });
    expect(await feedSize()).toBe(size);
  });

  it('applies revisions in any order like the local import: the highest is current, every revision kept once', async () => {
    const orders = [
      [1, 2, 3],
      [3, 2, 1],
      [2, 3, 1],
      [3, 1, 3, 2, 2],
    ];
    for (const order of orders) {
      const base = filedRecord();
      const records = order.map((revision) => revised(base, revision, { incident: { summary: `revision ${revision}` } }));
      const hubSummary = await hub.postNdjson(records);
      const local = openTempStore();
      const localSummary = await importNdjson(Readable.from([Buffer.from(ndjson(records))]), local.writer);
      expect(hubSummary, `order ${order.join(',')}`).toEqual(localSummary);

      const entries = (await hub.readAll({ limit: 1000 })).filter((entry) => entry.type === 'report' && entry.reportId === base.reportId);
      expect(reportKeys(entries).sort()).toEqual([`${base.reportId}@1`, `${base.reportId}@2`, `${base.reportId}@3`]);
      const [current] = await queryRows<{ revision: number }>(hub.database.db, sql`SELECT revision FROM reports WHERE report_id = ${base.reportId}`);
      expect(current?.revision).toBe(3);
      expect((recordIn(entries, base.reportId, 3).incident as { summary: string }).summary).toBe('revision 3');
    }
  });

  it('drops personal data of every revision up to a withdrawal, also in feed entries appended before it', async () => {
    const record = filedRecord({ reporter: { type: 'person', name: 'Jan Jansen', email: 'jan@example.org' } });
    await hub.postNdjson([record, revised(record, 2)]);
    const before = await hub.readAll({ limit: 1000 });
    expect(JSON.stringify(recordIn(before, record.reportId, 1))).toContain('Jan Jansen');

    const summary = await hub.postNdjson([withdrawal(record, 3)]);
    expect(summary).toMatchObject({ updated: 1 });
    const after = await hub.readAll({ limit: 1000 });
    expect(after.length).toBe(before.length + 1);
    for (const revision of [1, 2, 3]) {
      const stored = recordIn(after, record.reportId, revision);
      expect(stored.reporter, `revision ${revision}`).toBeUndefined();
      expect(stored.incident).toBeUndefined();
      expect(stored).toMatchObject({ reportId: record.reportId, revision, category: record.category });
    }
    expect(JSON.stringify(after)).not.toContain('Jan Jansen');
    expect(JSON.stringify(after)).not.toContain('jan@example.org');
    expect(recordIn(after, record.reportId, 3).status).toBe('withdrawn');

    // A revision up to the withdrawal that arrives later is stored without personal data; a later one keeps it.
    const late = await hub.postNdjson([revised(record, 2), { ...revised(record, 4), reporter: { type: 'person', name: 'Jan Jansen' } }]);
    expect(late).toMatchObject({ ignored: 1, updated: 1 });
    const refiled = await hub.readAll({ limit: 1000 });
    expect((recordIn(refiled, record.reportId, 4).reporter as { name: string }).name).toBe('Jan Jansen');
    const other = filedRecord({ reporter: { type: 'person', name: 'Piet Pieters' } });
    await hub.postNdjson([withdrawal(other, 5), revised(other, 1)]);
    const rows = await queryRows<{ raw: string }>(hub.database.db, sql`SELECT raw FROM report_revisions WHERE report_id = ${other.reportId}`);
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain('Piet Pieters');
  });

  it('records which intake token delivered each revision', async () => {
    const token = await hub.token('intake', 'second-portal');
    const record = filedRecord();
    await hub.postNdjson([record], token);
    const [row] = await queryRows<{ name: string }>(
      hub.database.db,
      sql`SELECT t.name FROM report_revisions r JOIN hub_tokens t ON t.id = r.token_id WHERE r.report_id = ${record.reportId}`,
    );
    expect(row?.name).toMatch(/^second-portal/);
  });

  it('applies a large batch in several transactions and still answers one summary', async () => {
    const records = Array.from({ length: 1200 }, () => filedRecord());
    const summary = await hub.postNdjson(records);
    expect(summary).toEqual({ read: 1200, imported: 1200, updated: 0, ignored: 0, rejected: [] });
  });
});
