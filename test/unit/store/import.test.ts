import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseIntakeLine } from '../../../shared/intake/parse';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { decodeMentionField } from '../../../src-main/db/reports/mention-field';
import { mentionRawSql } from '../../../src-main/db/reports/mention-raw';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createWorkerPreparer } from '../../../src-main/ingest/prepare-pool';
import { listClusters, listReportIndicators, relatedReports } from '../../../src-main/linking/queries';
import { openTempStore } from '../../support/temp-store';
import { storedRevisions } from '../../support/stored-revisions';
import { examplesText, filedRecord, IBANS, withdrawal } from '../../support/records';

describe('importing the contract examples', () => {
  it('yields exactly one cluster: IA-2026-0000102, -0104 and -0105', async () => {
    const { store, importText } = openTempStore();
    const summary = await importText(examplesText());
    expect(summary).toMatchObject({ read: 6, imported: 6, updated: 0, ignored: 0, rejected: [] });
    const clusters = listClusters(store.sqlite);
    expect(clusters.map((c) => c.cluster)).toEqual([['IA-2026-0000102', 'IA-2026-0000104', 'IA-2026-0000105']]);
    expect(clusters[0]!.via).toEqual([
      { type: 'domain', value: 'ing-beveiliging.com' },
      { type: 'iban', value: 'NL48INGB8301661318' },
    ]);
  });

  it('never lists the reporter’s own phone or e-mail as an indicator', async () => {
    const { store, importText } = openTempStore();
    await importText(examplesText());
    const values = [...listReportIndicators(store.sqlite, 'IA-2026-0000102')].map((row) => row.value);
    expect(values).not.toContain('+31623456789');
    expect(values).not.toContain('anneke.bakker@gmail.com');
    expect(values).toContain('NL48INGB8301661318');
  });

  it('records the spoofed ING number as benign and never links through it', async () => {
    const { store, importText } = openTempStore();
    await importText(examplesText());
    const ing = [...listReportIndicators(store.sqlite, 'IA-2026-0000102')].find((row) => row.value === '+31202288800');
    expect(ing).toMatchObject({ type: 'phone', benign: true });
  });

  it('explains each link with the shared indicators and the fields they came from', async () => {
    const { store, importText } = openTempStore();
    await importText(examplesText());
    const related = relatedReports(store.sqlite, 'IA-2026-0000102');
    expect(related.map((r) => r.reportId)).toEqual(['IA-2026-0000104', 'IA-2026-0000105']);
    const viaIban = related[0]!.shared[0]!;
    expect(viaIban).toMatchObject({ type: 'iban', value: 'NL48INGB8301661318' });
    expect(viaIban.fields).toEqual(expect.arrayContaining(['suspect.bankAccounts[0]', 'incident.narrative']));
    expect(viaIban.theirFields).toEqual(expect.arrayContaining(['suspect.bankAccounts[0]']));
  });

  it('is idempotent: importing the same file twice changes nothing', async () => {
    const { store, importText } = openTempStore();
    await importText(examplesText());
    const before = snapshot(store.sqlite);
    const second = await importText(examplesText());
    expect(second).toMatchObject({ read: 6, imported: 0, updated: 0, ignored: 6 });
    expect(snapshot(store.sqlite)).toEqual(before);
  });
});

describe('the worker-thread preparer', () => {
  it('imports exactly what the in-thread path imports', async () => {
    const records = [
      filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }),
      filedRecord({ suspect: { bankAccounts: [IBANS.muleA], phoneNumbers: ['06-12345678'] } }),
      filedRecord({ suspect: { phoneNumbers: ['+31 (0)6 1234 5678'] } }),
    ];
    const [first, second, third] = records as [IntakeRecord, IntakeRecord, IntakeRecord];
    // The rows the worker derives for revisions, a withdrawal, and an older revision arriving after one (redacted
    // from its record, which the calling thread parses from the line only then).
    records.push(
      {
        ...first,
        revision: 2,
        receivedAt: '2026-04-03T08:15:00+02:00',
        incident: { summary: 'Nog meer betaald', narrative: 'Daarna nog eens betaald.', firstContactAt: '2026-03-30T21:05:00+02:00' },
        payments: [{ at: '2026-04-01T10:00:00Z', amount: '1250.50', currency: 'EUR', method: 'bank_transfer', beneficiaryAccount: IBANS.muleA }],
      },
      withdrawal(second, 2),
      withdrawal(third, 3),
      { ...third, revision: 2 },
    );
    const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\nnot json\n`;
    const inThread = openTempStore();
    const expected = await inThread.importText(text);
    expect(expected).toMatchObject({ read: 8, imported: 3, updated: 3, ignored: 1, rejected: [{ line: 8 }] });
    const viaWorker = openTempStore();
    const preparer = createWorkerPreparer();
    try {
      const summary = await importNdjson(Readable.from([Buffer.from(text)]), viaWorker.writer, { preparer, batchSize: 2 });
      expect(summary).toEqual(expected);
    } finally {
      await preparer.close();
    }
    expect(listClusters(viaWorker.store.sqlite)).toEqual(listClusters(inThread.store.sqlite));
    expect([...listReportIndicators(viaWorker.store.sqlite)]).toEqual([...listReportIndicators(inThread.store.sqlite)]);
    const rows = (sqlite: typeof inThread.store.sqlite) => ({
      reports: sqlite.prepare('SELECT * FROM reports ORDER BY id').all(),
      revisions: sqlite.prepare('SELECT * FROM report_revisions ORDER BY report_id, revision').all(),
    });
    expect(rows(viaWorker.store.sqlite)).toEqual(rows(inThread.store.sqlite));
  });

  it('may re-read a record from its line: the intake schema changes no value it validates', () => {
    // The worker sends back the row and the mentions; the calling thread parses the line it kept when it must redact (prepared-wire.ts).
    const lines = [...examplesText().split('\n'), JSON.stringify(filedRecord({ payments: [{ amount: '12.50' }] }))];
    for (const line of lines.filter((text) => text.trim() !== '')) {
      const parsed = parseIntakeLine(line);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(JSON.parse(line)).toEqual(parsed.record);
    }
  });
});

describe('benign domains and their URLs', () => {
  it('keeps a bank site’s URLs benign but lets a platform URL that names the offender link reports', async () => {
    const bankPage = 'https://www.ing.nl/particulier/inloggen';
    const scammerChannel = 'https://t.me/snelgeld_nl';
    const reports = [
      filedRecord({ suspect: { websites: [bankPage, scammerChannel] } }),
      filedRecord({ suspect: { websites: [bankPage, scammerChannel] } }),
      filedRecord({ suspect: { websites: [bankPage] } }),
    ];
    const { store, importRecords } = openTempStore();
    await importRecords(reports);
    const rows = [...listReportIndicators(store.sqlite, reports[0]!.reportId)];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'url', value: bankPage, benign: true }),
        expect.objectContaining({ type: 'domain', value: 't.me', benign: true }),
        expect.objectContaining({ type: 'url', value: scammerChannel, benign: false }),
      ]),
    );
    expect(listClusters(store.sqlite)).toEqual([
      { cluster: [reports[0]!.reportId, reports[1]!.reportId].sort(), via: [{ type: 'url', value: scammerChannel }] },
    ]);
  });
});

describe('revisions', () => {
  it('lets the highest revision win in any arrival order', async () => {
    const first = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const second = { ...first, revision: 2, receivedAt: '2026-04-02T10:00:00Z', suspect: { bankAccounts: [IBANS.muleB] } };
    const partner = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });

    const inOrder = openTempStore();
    expect(await inOrder.importRecords([first, second, partner])).toMatchObject({ imported: 2, updated: 1, ignored: 0 });
    const reversed = openTempStore();
    expect(await reversed.importRecords([partner, second, first])).toMatchObject({ imported: 2, updated: 0, ignored: 1 });

    for (const { store } of [inOrder, reversed]) {
      expect(listClusters(store.sqlite).map((c) => c.cluster)).toEqual([[first.reportId, partner.reportId].sort()]);
      const row = store.sqlite.prepare('SELECT revision, first_received_at FROM reports WHERE report_id = ?').get(first.reportId);
      expect(row).toEqual({ revision: 2, first_received_at: '2026-04-01T10:00:00.000Z' });
      expect(store.sqlite.prepare('SELECT count(*) FROM report_revisions').pluck().get()).toBe(3);
    }
  });

  it('keeps unknown fields of every revision as received', async () => {
    const { store, importText } = openTempStore();
    const record = { ...filedRecord(), portalExtension: { score: 7 } };
    await importText(JSON.stringify(record));
    const [stored] = storedRevisions(store.sqlite);
    expect(stored!.raw).toBe(JSON.stringify(record));
    expect((JSON.parse(stored!.raw) as { portalExtension: unknown }).portalExtension).toEqual({ score: 7 });
  });
});

describe('mentions', () => {
  it('holds each indicator once per field, however often the text names it, also after a revision', async () => {
    const record = filedRecord({
      incident: { summary: 'Tweemaal gebeld', narrative: 'Gebeld door 06-12345678, en daarna weer door 06-12345678 (+31 6 12345678).' },
      suspect: { phoneNumbers: ['06-12345678'] },
    });
    const { store, importRecords } = openTempStore();
    await importRecords([record]);
    const query = store.sqlite.prepare<[], { field: string; count: number; rowid: number }>(
      'SELECT field, count(*) AS count, min(rowid) AS rowid FROM mentions GROUP BY indicator_id, field ORDER BY field',
    );
    const rows = { all: () => query.all().map(({ rowid, ...row }) => ({ ...row, field: decodeMentionField(row.field, rowid) })) };
    const once = [
      { field: 'incident.narrative', count: 1 },
      { field: 'suspect.phoneNumbers[0]', count: 1 },
    ];
    expect(rows.all()).toEqual(once);
    await importRecords([{ ...record, revision: 2, receivedAt: '2026-04-02T10:00:00Z' }]);
    expect(rows.all()).toEqual(once);
  });

  it('are after a revision exactly what it names: the repeated rows kept, the dropped gone, the new and retyped written', async () => {
    const record = filedRecord({
      incident: { summary: 'Betaald', narrative: 'Overgemaakt naar NL91 ABNA 0417 1643 00, gebeld door 06-12345678.' },
      suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] },
    });
    const { store, importRecords } = openTempStore();
    await importRecords([record]);
    const query = store.sqlite.prepare<[], { rowid: number; field: string; raw: string; value: string }>(
      `SELECT m.rowid, m.field, ${mentionRawSql('m.raw', 'i.value')} AS raw, i.value FROM mentions m JOIN indicators i ON i.id = m.indicator_id ORDER BY i.value`,
    );
    const mentions = {
      all: () =>
        query
          .all()
          .map((row) => ({ ...row, field: decodeMentionField(row.field, row.rowid) }))
          .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
    };
    const before = mentions.all();
    const revised = {
      ...record,
      revision: 2,
      receivedAt: '2026-04-02T10:00:00Z',
      // The narrative's IBAN typed without spaces now, its phone number gone; one listed account swapped.
      incident: { summary: 'Betaald', narrative: 'Overgemaakt naar NL91ABNA0417164300.' },
      suspect: { bankAccounts: [IBANS.muleA, IBANS.muleC] },
    };
    await importRecords([revised]);
    const after = mentions.all();
    expect(after.map(({ field, raw, value }) => ({ field, raw, value }))).toEqual([
      { field: 'incident.narrative', raw: 'NL91ABNA0417164300', value: IBANS.muleA },
      { field: 'suspect.bankAccounts[0]', raw: IBANS.muleA, value: IBANS.muleA },
      { field: 'suspect.bankAccounts[1]', raw: IBANS.muleC, value: IBANS.muleC },
    ]);
    // The one row the revision repeats as it was is the same row.
    const repeated = (rows: typeof before) => rows.find((row) => row.field === 'suspect.bankAccounts[0]')!.rowid;
    expect(repeated(after)).toBe(repeated(before));
  });

  it('name the stored indicator row, and link through it, when a new writer meets an indicator stored before', async () => {
    const first = openTempStore();
    await first.importRecords([filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } })]);
    // Another writer on the store knows none of its indicators yet: it tries to insert muleA, and finds it stored.
    const { writer, store } = openTempStore({ path: first.path });
    const second = filedRecord({ suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } });
    await importNdjson(Readable.from([Buffer.from(JSON.stringify(second) + '\n')]), writer);
    const indicators = store.sqlite.prepare<[], { value: string; rows: number }>('SELECT value, count(*) AS rows FROM indicators GROUP BY value ORDER BY min(id)');
    expect(indicators.all()).toEqual([
      { value: IBANS.muleA, rows: 1 },
      { value: IBANS.muleB, rows: 1 },
    ]);
    expect(relatedReports(store.sqlite, second.reportId)).toHaveLength(1);
  });

  it('are all written, in the order the record names them, also past one statement’s rows', async () => {
    // 37 rows: two full statements of 16 and one of 5 (src-main/db/reports/writes.ts).
    const phones = Array.from({ length: 37 }, (_, index) => `06-${20_000_000 + index}`);
    const record = filedRecord({ suspect: { phoneNumbers: phones } });
    const { store, importRecords } = openTempStore();
    await importRecords([record, filedRecord({ suspect: { phoneNumbers: [phones[36]!] } })]);
    const fields = store.sqlite
      .prepare<[string], string>('SELECT m.field FROM mentions m JOIN reports r ON r.id = m.report_id WHERE r.report_id = ? ORDER BY m.rowid')
      .pluck()
      .all(record.reportId);
    expect(fields.map(decodeMentionField)).toEqual(phones.map((_, index) => `suspect.phoneNumbers[${index}]`));
    // The last row written links the report to the one that names only that number.
    expect(relatedReports(store.sqlite, record.reportId)).toHaveLength(1);
  });
});

describe('withdrawals', () => {
  it('drops personal data and links, keeps the id, splits the cluster it bridged, and audits it', async () => {
    // a —IBAN A— bridge —IBAN B— c : withdrawing the bridge leaves a and c unrelated.
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } });
    const bridge = filedRecord({ suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } });
    const c = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });
    const { store, importRecords } = openTempStore();
    await importRecords([a, bridge, c]);
    expect(listClusters(store.sqlite).map((cl) => cl.cluster)).toEqual([[a.reportId, bridge.reportId, c.reportId].sort()]);

    await importRecords([withdrawal(bridge, 2)]);
    expect(listClusters(store.sqlite)).toEqual([]);
    const row = store.sqlite
      .prepare('SELECT status, summary, narrative, reporter_type, cluster_id FROM reports WHERE report_id = ?')
      .get(bridge.reportId);
    expect(row).toEqual({ status: 'withdrawn', summary: null, narrative: null, reporter_type: null, cluster_id: null });
    const raws = storedRevisions(store.sqlite)
      .filter((revision) => revision.reportId === bridge.reportId)
      .map((revision) => revision.raw);
    expect(raws).toHaveLength(2);
    for (const raw of raws) expect(raw).not.toMatch(/Testpersoon|06-11111111|narrative|reporter/);
    expect(store.sqlite.prepare("SELECT count(*) FROM mentions m JOIN reports r ON r.id = m.report_id WHERE r.report_id = ?").pluck().get(bridge.reportId)).toBe(0);
    // The withdrawal's batch entry names it (audit/intake-entries.ts).
    const audit = store.sqlite.prepare('SELECT actor, action, subject_type, details FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audit).toEqual({ actor: 'system:import', action: 'reports.received', subject_type: 'reports', details: JSON.stringify({ withdrawn: [[bridge.reportId, 2]] }) });
  });

  it('redacts a late-arriving older revision of a withdrawn report', async () => {
    const record = filedRecord();
    const { store, importRecords } = openTempStore();
    await importRecords([withdrawal(record, 3), record]);
    const raws = storedRevisions(store.sqlite).map((revision) => revision.raw);
    expect(raws).toHaveLength(2);
    for (const raw of raws) expect(raw).not.toContain('Testpersoon');
  });

  it('keeps only the larger part of a split under the old cluster and counts sizes right', async () => {
    const reports = [
      filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }),
      filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }),
      filedRecord({ suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } }),
      filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } }),
      filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } }),
      filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } }),
    ];
    const { store, importRecords } = openTempStore();
    await importRecords(reports);
    await importRecords([withdrawal(reports[2]!, 2)]);
    const sizes = store.sqlite.prepare('SELECT c.size, count(r.id) AS members FROM clusters c JOIN reports r ON r.cluster_id = c.id GROUP BY c.id ORDER BY c.size').all();
    expect(sizes).toEqual([
      { size: 2, members: 2 },
      { size: 3, members: 3 },
    ]);
  });
});

describe('bad input', () => {
  it('rejects each bad line with its 1-based number and a readable reason, and imports the rest', async () => {
    const good = filedRecord();
    const lines = [
      JSON.stringify(good),
      '{"schema": "intake-report/1", ',
      JSON.stringify({ ...filedRecord(), schema: 'intake-report/2' }),
      JSON.stringify({ ...filedRecord(), reportId: 'XX-1' }),
      '',
      JSON.stringify({ ...filedRecord(), revision: 0 }),
      JSON.stringify({ ...filedRecord(), category: 'burglary' }),
      JSON.stringify({ ...filedRecord(), reporter: undefined }),
      JSON.stringify({ ...filedRecord(), receivedAt: 'yesterday' }),
      '[1, 2, 3]',
      JSON.stringify({ ...filedRecord(), suspect: { phoneNumbers: '0612345678' } }),
      JSON.stringify(filedRecord()),
    ];
    const { importText } = openTempStore();
    const summary = await importText(lines.join('\n'));
    expect(summary.imported).toBe(2);
    expect(summary.read).toBe(11);
    expect(summary.rejected.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11]);
    const reasons = Object.fromEntries(summary.rejected.map((r) => [r.line, r.reason]));
    expect(reasons[2]).toMatch(/^not valid JSON/);
    // The contract's value, never the submitted one (test/security/hostile-input.test.ts).
    expect(reasons[3]).toBe('schema must be "intake-report/1"');
    expect(reasons[4]).toBe('reportId must look like IA-2026-0000123');
    expect(reasons[6]).toBe('revision must be 1 or higher');
    expect(reasons[7]).toMatch(/^category must be one of "ransomware", .*"$/);
    expect(reasons[7]).not.toContain('burglary');
    expect(reasons[8]).toBe('reporter is required for a filed report');
    expect(reasons[9]).toMatch(/^receivedAt must be an RFC 3339 timestamp/);
    expect(reasons[10]).toBe('a record must be a JSON object, not a list');
    expect(reasons[11]).toBe('suspect.phoneNumbers must be a list, not a string');
  });

  it('rejects an overlong line without holding it, and goes on', async () => {
    const { importText } = openTempStore();
    const huge = `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}`;
    const summary = await importText(`${huge}\n${JSON.stringify(filedRecord())}\n`);
    expect(summary.imported).toBe(1);
    expect(summary.rejected).toEqual([{ line: 1, reason: 'the line is longer than 4 MB; a record is never that large' }]);
  });
});

function snapshot(sqlite: import('better-sqlite3').Database) {
  return {
    reports: sqlite.prepare('SELECT report_id, revision, status, summary, cluster_id IS NOT NULL AS clustered FROM reports ORDER BY report_id').all(),
    revisions: sqlite.prepare('SELECT count(*) FROM report_revisions').pluck().get(),
    mentions: sqlite.prepare('SELECT count(*) FROM mentions').pluck().get(),
    indicators: sqlite.prepare('SELECT count(*) FROM indicators').pluck().get(),
  };
}
