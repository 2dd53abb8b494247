import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { IndicatorType } from '../../../shared/indicators/types';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { fixedClock } from '../../../shared/platform/clock';
import { dutchDay } from '../../../shared/platform/dutch-days';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { verifyChain } from '../../../src-main/audit/audit-chain';
import { openStore, type CaseStore } from '../../../src-main/db/open-store';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { shapeOf } from '../../../src-main/overview/rising-shapes';
import { runRetention } from '../../../src-main/retention/retention-run';
import { openApiHarness, SUPERVISOR } from '../../api/support/api-harness';
import { migrationsBefore } from '../../support/older-migrations';
import { filedRecord, IBANS, withdrawal } from '../../support/records';
import { runCliCaptured } from '../../support/run-cli';
import { fromScratch, kept } from './kept-recount';
import { tempDir } from '../../support/temp-store';

const TEAMS = ['Team Fraude', 'Team Cybercrime'] as const;
const ACCOUNTS = [IBANS.muleA, IBANS.muleB, IBANS.muleC] as const;
// Two numbers in one range and two domains under .nl: a report naming both counts once for that shape.
const PHONES = ['06-12345678', '06-12999999', '020-7654321'] as const;
const SITES = ['https://ing-veilig.nl/login', 'https://rabo-check.nl', 'https://bol-retour.com'] as const;
const DAY_MS = 86_400_000;
/** Reports received from here on, over about 500 days; the retention run as of 2026-11-01 purges the oldest. */
const FIRST_DAY = Date.parse('2025-06-01T00:00:00Z');

/** At any hour (UTC): late in the evening is the next Dutch day, in summer from 22:00, in winter from 23:00. */
const received = (day: number, hour: number) => new Date(FIRST_DAY + day * DAY_MS + hour * 3_600_000).toISOString().replace('.000', '');
const shape = fc.record({
  day: fc.integer({ min: 0, max: 500 }),
  hour: fc.integer({ min: 0, max: 23 }),
  euros: fc.integer({ min: 0, max: 900 }),
  accounts: fc.subarray([...ACCOUNTS]),
  // The same account as the payment's beneficiary too: one report names it in two fields and still counts once.
  paidTo: fc.option(fc.constantFrom(...ACCOUNTS), { nil: undefined }),
  phones: fc.subarray([...PHONES]),
  sites: fc.subarray([...SITES]),
  summary: fc.constantFrom('Betaald, niets ontvangen', 'Gebeld door de bank'),
});
type Shape = ReturnType<typeof shape.generate>['value'];

const operation = fc.oneof(
  fc.record({ kind: fc.constant('revise' as const), report: fc.nat(), shape }),
  fc.record({ kind: fc.constant('withdraw' as const), report: fc.nat() }),
  fc.record({ kind: fc.constant('route' as const), report: fc.nat(), team: fc.option(fc.constantFrom(...TEAMS), { nil: null }) }),
  fc.record({ kind: fc.constant('benign' as const), indicator: fc.nat(), benign: fc.boolean() }),
  fc.record({ kind: fc.constant('purge' as const) }),
);

function recordOf(base: IntakeRecord, revision: number, { day, hour, euros, accounts, paidTo, phones, sites, summary }: Shape): IntakeRecord {
  return {
    ...base,
    revision,
    receivedAt: received(day, hour),
    payments: euros === 0 ? [] : [{ amount: `${euros}.25`, currency: 'EUR', ...(paidTo === undefined ? {} : { beneficiaryAccount: paidTo }) }],
    suspect: { bankAccounts: accounts, phoneNumbers: phones, websites: sites },
    incident: { summary, narrative: 'Ik heb betaald maar niets ontvangen.' },
  };
}

describe('the overview’s per-day counts of indicators, shapes, clusters and summaries', () => {
  it('equal a count from scratch after imports, revisions, withdrawals, re-routing, benign marks and purges, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shape, { minLength: 2, maxLength: 8 }), fc.array(operation, { maxLength: 12 }), async (shapes, operations) => {
        const bases = shapes.map((first) => recordOf(filedRecord(), 1, first));
        const api = await openApiHarness({ records: bases });
        const supervisor = api.as(SUPERVISOR);
        const sqlite = api.store.sqlite;
        const revisions = bases.map(() => 1);
        expect(kept(sqlite)).toEqual(fromScratch(sqlite));
        for (const step of operations) {
          if (step.kind === 'purge') runRetention(sqlite, { asOf: '2026-11-01', at: '2026-11-01T12:00:00.000Z', actor: SUPERVISOR });
          else if (step.kind === 'benign') {
            const indicators = sqlite.prepare<[], { type: IndicatorType; value: string }>('SELECT type, value FROM indicators ORDER BY id').all();
            const indicator = indicators[step.indicator % Math.max(indicators.length, 1)];
            if (indicator && step.benign) await supervisor.call('benign.add', { ...indicator, reason: 'Test' });
            else if (indicator) await supervisor.call('benign.remove', indicator);
          } else {
            const index = step.report % bases.length;
            const reportIds = [bases[index]!.reportId];
            const exists = sqlite.prepare('SELECT 1 FROM reports WHERE report_id = ?').get(reportIds[0]) !== undefined;
            if (step.kind === 'revise' || step.kind === 'withdraw') {
              revisions[index]! += 1;
              const next = step.kind === 'revise' ? recordOf(bases[index]!, revisions[index]!, step.shape) : withdrawal(bases[index]!, revisions[index]!);
              await api.importRecords([next]);
            } else if (exists) await supervisor.value('report.reroute', { reportIds, team: step.team, priority: 'normal', assignee: null, reason: 'Test' });
          }
          expect(kept(sqlite)).toEqual(fromScratch(sqlite));
        }
        const counts = kept(sqlite);
        expect([...counts.indicators, ...counts.clusters, ...counts.summaries].every((row) => (row as number[])[3]! > 0) && counts.shapes.every((row) => (row as number[])[4]! > 0)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('are recounted from the reports by `overview --rebuild` when they were lost or wrong', async () => {
    const records = [
      filedRecord({ suspect: { bankAccounts: [IBANS.muleA] }, payments: [{ amount: '100.00', currency: 'EUR', beneficiaryAccount: IBANS.muleA }] }),
      filedRecord({ receivedAt: '2026-04-02T08:00:00Z', suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } }),
    ];
    const api = await openApiHarness({ records });
    const sqlite = api.store.sqlite;
    const before = kept(sqlite);
    expect(before).toEqual(fromScratch(sqlite));
    expect(before.indicators.length).toBeGreaterThanOrEqual(3);
    expect(before.shapes.length).toBeGreaterThanOrEqual(2);
    expect(before.clusters).toHaveLength(2);
    expect(before.summaries).toHaveLength(2);
    for (const table of ['indicator_day_counts', 'shape_day_counts', 'cluster_day_counts', 'summary_day_counts']) {
      sqlite.prepare(`UPDATE ${table} SET reports = 7`).run();
      sqlite.prepare(`DELETE FROM ${table} WHERE day = '2026-04-02'`).run();
    }
    sqlite.prepare("UPDATE indicator_totals SET reports = 3, loss_cents = 0, first_day = '2020-01-01', domain = 1").run();
    expect(kept(sqlite).totals).not.toEqual(before.totals);
    const cli = await runCliCaptured(['overview', '--db', api.path, '--as-of', '2026-04-30', '--rebuild']);
    expect(cli.code).toBe(0);
    expect(kept(sqlite)).toEqual(before);
  });

  it('an import batch counts the reports it adds at its end, with revisions, withdrawals and links inside the batch, on Dutch days', async () => {
    // 23:30 UTC on 28 March 2026 is 29 March in the Netherlands (winter time, UTC+1).
    const older = filedRecord({ receivedAt: '2026-03-28T23:30:00Z', category: 'phishing', suspect: { bankAccounts: [IBANS.muleA] } });
    const api = await openApiHarness({ records: [older] });
    const sqlite = api.store.sqlite;
    // One batch: a new report revised to 22:30 UTC on 29 March (30 March, summer time since 01:00 UTC, UTC+2) and
    // linked to the older one; a new report withdrawn again; a new report linking both accounts; the older report
    // revised to 22:30 UTC on 24 October (25 October: summer time ends at 01:00 UTC that day).
    const fresh = filedRecord({ receivedAt: '2026-03-29T00:30:00Z', suspect: { bankAccounts: [IBANS.muleB] } });
    const gone = filedRecord({ receivedAt: '2026-10-25T00:30:00Z', suspect: { bankAccounts: [IBANS.muleB] } });
    const bridge = filedRecord({ receivedAt: '2026-10-25T01:30:00Z', incident: { summary: 'Gebeld door de bank', narrative: 'Iemand van de bank belde.' }, suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } });
    await api.importRecords([
      fresh,
      gone,
      { ...fresh, revision: 2, receivedAt: '2026-03-29T22:30:00Z', suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } },
      withdrawal(gone, 2),
      bridge,
      { ...older, revision: 2, receivedAt: '2026-10-24T22:30:00Z' },
    ]);
    expect(sqlite.prepare('SELECT count(*) FROM kept_counts_deferral').pluck().get()).toBe(0);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    const reportsByDay = sqlite.prepare('SELECT day, sum(reports) FROM report_day_counts GROUP BY day ORDER BY day').raw().all();
    expect(reportsByDay).toEqual([
      ['2026-03-30', 1],
      ['2026-10-25', 2],
    ]);
    const filedByDay = new Map<string, number>();
    for (const row of sqlite.prepare<[], { receivedAt: string }>("SELECT received_at AS receivedAt FROM reports WHERE status = 'filed'").all()) {
      filedByDay.set(dutchDay(row.receivedAt), (filedByDay.get(dutchDay(row.receivedAt)) ?? 0) + 1);
    }
    expect(reportsByDay).toEqual([...filedByDay].sort());
    // All three in one cluster, counted on their Dutch days.
    expect((kept(sqlite).clusters as Array<[string, number, string, number]>).map(([day, , , reports]) => [day, reports])).toEqual([
      ['2026-03-30', 1],
      ['2026-10-25', 2],
    ]);
  });

  it('reports and revisions applied one by one in the caller’s transaction, as sync applies the feed, are counted and leave nothing pending', async () => {
    const older = filedRecord({ receivedAt: '2026-03-02T09:00:00Z', suspect: { bankAccounts: [IBANS.muleA] } });
    const api = await openApiHarness({ records: [older] });
    const sqlite = api.store.sqlite;
    const writer = createReportWriter(api.store, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
    const fresh = filedRecord({ receivedAt: '2026-03-03T22:30:00Z', suspect: { bankAccounts: [IBANS.muleB], phoneNumbers: [PHONES[0]] } });
    // A new report; the older one revised with new mentions (an account it names in two fields, a site); the new
    // one revised with a second number in the same range (its shape counts once) and the older report's account.
    const records: IntakeRecord[] = [
      fresh,
      { ...older, revision: 2, payments: [{ amount: '80.00', currency: 'EUR', beneficiaryAccount: IBANS.muleC }], suspect: { bankAccounts: [IBANS.muleA, IBANS.muleC], websites: [SITES[0]] } },
      { ...fresh, revision: 2, suspect: { bankAccounts: [IBANS.muleB, IBANS.muleA], phoneNumbers: [PHONES[0], PHONES[1]] } },
    ];
    sqlite.transaction(() => records.forEach((record) => writer.apply({ record, raw: JSON.stringify(record) })))();
    expect(sqlite.prepare('SELECT (SELECT count(*) FROM kept_counts_deferral) + (SELECT count(*) FROM kept_counts_mentions_added)').pluck().get()).toBe(0);
    // The audit chain's head moved with each entry: no deferral was held while one was appended (migration 0029).
    expect(verifyChain(sqlite)).toMatchObject({ ok: true });
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    const dayGroups = sqlite.prepare('SELECT day, category, reports, loss_cents FROM report_day_counts ORDER BY 1, 2').raw().all();
    const filed = sqlite.prepare<[], { receivedAt: string; category: string; loss: number }>("SELECT received_at AS receivedAt, category, loss_cents AS loss FROM reports WHERE status = 'filed' ORDER BY id").all();
    expect(dayGroups).toEqual(filed.map(({ receivedAt, category, loss }) => [dutchDay(receivedAt), category, 1, loss]).sort());
    // Both reports name the older report's account; the two numbers of one range are one shape of the new report.
    const muleA = sqlite.prepare("SELECT id FROM indicators WHERE type = 'iban' AND value = ?").pluck().get(IBANS.muleA);
    expect(kept(sqlite).indicators.filter((row) => (row as unknown[])[1] === muleA).map((row) => (row as number[])[3])).toEqual([1, 1]);
  });

  it('a report deleted with its mentions in place leaves no count behind', async () => {
    const api = await openApiHarness({ records: [filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }), filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } })] });
    const sqlite = api.store.sqlite;
    expect(kept(sqlite)).toMatchObject({ indicators: [[expect.any(String), expect.any(Number), '', 2, 0]], shapes: [[expect.any(String), 'iban-bank', 'NL ABNA', '', 2]], clusters: [[expect.any(String), expect.any(Number), '', 2]] });
    sqlite.prepare('DELETE FROM report_revisions').run();
    sqlite.prepare('DELETE FROM reports').run();
    expect(sqlite.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(0);
    expect(kept(sqlite)).toEqual({ indicators: [], shapes: [], clusters: [], summaries: [], totals: [] });
  });
});

const KEPT_TABLES = ['report_day_counts', 'indicator_day_counts', 'indicator_totals', 'shape_day_counts', 'cluster_day_counts', 'summary_day_counts'] as const;

/** Rows written to the kept tables from here on, counted by temporary triggers of the test's own beside the store's. */
function countKeptWrites(sqlite: Database.Database): () => number {
  sqlite.exec('CREATE TEMP TABLE kept_writes (kept_table text NOT NULL)');
  for (const table of KEPT_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(`CREATE TEMP TRIGGER kept_writes_${table}_${event} AFTER ${event} ON main.${table} BEGIN INSERT INTO kept_writes VALUES ('${table}'); END`);
    }
  }
  return () => sqlite.prepare('DELETE FROM kept_writes').run().changes;
}

async function importInto(store: CaseStore, records: readonly IntakeRecord[]): Promise<void> {
  const writer = createReportWriter(store, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
  await importNdjson(Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]), writer);
}

describe('a revision moves the kept counts only when its Dutch day changes', () => {
  it('writes no kept row for a later time on the same Dutch day, across UTC midnight and the end of summer time; moves them for another Dutch day', async () => {
    const winter = filedRecord({
      receivedAt: '2026-01-14T09:00:00Z',
      payments: [{ amount: '120.00', currency: 'EUR', beneficiaryAccount: IBANS.muleA }],
      suspect: { bankAccounts: [IBANS.muleA], phoneNumbers: [PHONES[0]], websites: [SITES[0]] },
    });
    const summer = filedRecord({ receivedAt: '2026-07-14T12:00:00Z', suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB], websites: [SITES[2]] } });
    const api = await openApiHarness({ records: [winter, summer] });
    const sqlite = api.store.sqlite;
    await api.as(SUPERVISOR).value('report.reroute', { reportIds: [winter.reportId], team: TEAMS[0], priority: 'normal', assignee: null, reason: 'Test' });
    const keptWrites = countKeptWrites(sqlite);
    const revised = { [winter.reportId]: 1, [summer.reportId]: 1 };
    // Each step: the report, its new receipt time (UTC), and whether the Dutch day changed.
    const steps: Array<[IntakeRecord, string, boolean]> = [
      [winter, '2026-01-14T22:30:00Z', false], // 23:30 in the Netherlands (winter, UTC+1): still the 14th
      [winter, '2026-01-14T23:10:00Z', true], // 00:10 on the 15th: the same UTC date, the next Dutch day
      [winter, '2026-01-15T08:00:00Z', false], // another UTC date, the same Dutch day (the 15th)
      [summer, '2026-07-14T21:30:00Z', false], // 23:30 in summer time (UTC+2): still the 14th
      [summer, '2026-07-14T22:10:00Z', true], // 00:10 on the 15th
      [summer, '2026-10-24T22:30:00Z', true], // 00:30 on 25 October, summer time still
      [summer, '2026-10-25T22:30:00Z', false], // 23:30 on 25 October, winter time since 01:00 UTC: the same Dutch day
    ];
    for (const [base, receivedAt, otherDay] of steps) {
      revised[base.reportId]! += 1;
      await api.importRecords([{ ...base, revision: revised[base.reportId]!, receivedAt }]);
      expect(sqlite.prepare('SELECT received_at FROM reports WHERE report_id = ?').pluck().get(base.reportId)).toBe(new Date(receivedAt).toISOString());
      expect(kept(sqlite)).toEqual(fromScratch(sqlite));
      const writes = keptWrites();
      if (otherDay) expect(writes, receivedAt).toBeGreaterThan(0);
      else expect(writes, receivedAt).toBe(0);
    }
    // A change beside the time on the same day still moves what it changes.
    revised[winter.reportId]! += 1;
    await api.importRecords([{ ...winter, revision: revised[winter.reportId]!, receivedAt: '2026-01-15T09:00:00Z', payments: [{ amount: '80.00', currency: 'EUR', beneficiaryAccount: IBANS.muleA }] }]);
    expect(keptWrites()).toBeGreaterThan(0);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    expect(sqlite.prepare('SELECT sum(loss_cents) FROM report_day_counts').pluck().get()).toBe(8000);
  });
});

describe('a revision naming the same indicators in other fields', () => {
  const mentionRows = (sqlite: Database.Database, reportId: string) =>
    sqlite
      .prepare<[string], { rowid: number; indicatorId: number; field: string }>(
        'SELECT m.rowid, m.indicator_id AS indicatorId, m.field FROM mentions m JOIN reports r ON r.id = m.report_id WHERE r.report_id = ? ORDER BY m.rowid',
      )
      .all(reportId);

  it('writes no kept row: the new mentions come before the replaced ones go; a revision naming another indicator moves its counts', async () => {
    // Account A as the suspect's, a payment to account C; then the other way round: the same indicators, other fields.
    const first = filedRecord({
      receivedAt: '2026-02-03T10:00:00Z',
      payments: [{ amount: '50.00', currency: 'EUR', beneficiaryAccount: IBANS.muleC }],
      suspect: { bankAccounts: [IBANS.muleA] },
    });
    const api = await openApiHarness({ records: [first, filedRecord({ receivedAt: '2026-02-03T11:00:00Z', suspect: { bankAccounts: [IBANS.muleA] } })] });
    const sqlite = api.store.sqlite;
    const before = mentionRows(sqlite, first.reportId);
    const keptWrites = countKeptWrites(sqlite);

    await api.importRecords([{ ...first, revision: 2, payments: [{ amount: '50.00', currency: 'EUR', beneficiaryAccount: IBANS.muleA }], suspect: { bankAccounts: [IBANS.muleC] } }]);
    const after = mentionRows(sqlite, first.reportId);
    // The mentions were replaced (other fields, other rows), the indicators named are the same.
    expect(after.map((row) => `${row.indicatorId} ${row.field}`).sort()).not.toEqual(before.map((row) => `${row.indicatorId} ${row.field}`).sort());
    expect(new Set(after.map((row) => row.indicatorId))).toEqual(new Set(before.map((row) => row.indicatorId)));
    expect(after.some((row) => before.some((old) => old.rowid === row.rowid))).toBe(false);
    expect(keptWrites()).toBe(0);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));

    // The honest twin: account C dropped for account D, on the same day: C's counts go, D's come.
    await api.importRecords([{ ...first, revision: 3, payments: [{ amount: '50.00', currency: 'EUR', beneficiaryAccount: IBANS.muleA }], suspect: { bankAccounts: [IBANS.muleD] } }]);
    expect(keptWrites()).toBeGreaterThan(0);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    const named = (value: string) => kept(sqlite).indicators.filter((row) => (row as unknown[])[1] === sqlite.prepare("SELECT id FROM indicators WHERE type = 'iban' AND value = ?").pluck().get(value));
    expect(named(IBANS.muleC)).toEqual([]);
    expect(named(IBANS.muleD).map((row) => (row as number[])[3])).toEqual([1]);
  });
});

describe('each indicator’s shape, stored once when the indicator is', () => {
  it('is filled for the indicators of a store from before, reads from its index, and keeps the counts equal to a count from scratch', async () => {
    const path = join(tempDir(), 'old.db');
    const records = [
      filedRecord({ receivedAt: '2026-03-10T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB], phoneNumbers: [PHONES[0], PHONES[1]], websites: [SITES[0], SITES[1]] } }),
      filedRecord({ receivedAt: '2026-03-10T23:30:00Z', suspect: { bankAccounts: [IBANS.muleC], phoneNumbers: [PHONES[2]], websites: [SITES[2]], emailAddresses: ['oplichter@example.org'] } }),
    ];
    const old = openStore({ path, migrationsFolder: migrationsBefore('_kept_counts_stored_shapes') });
    await importInto(old, records);
    expect(old.sqlite.prepare("SELECT count(*) FROM pragma_table_xinfo('indicators') WHERE name IN ('shape_kind', 'shape')").pluck().get()).toBe(0);
    old.close();

    const store = openStore({ path });
    try {
      const { sqlite } = store;
      const shapesOf = () =>
        sqlite
          .prepare<[], { type: string; value: string; shapeKind: string | null; shape: string | null }>('SELECT type, value, shape_kind AS shapeKind, shape FROM indicators ORDER BY id')
          .all();
      const stored = shapesOf();
      expect(stored.filter((row) => row.shape !== null).length).toBeGreaterThanOrEqual(8);
      expect(stored.some((row) => row.shape === null)).toBe(true);
      for (const row of stored) {
        const expected = shapeOf(row.type, row.value);
        expect([row.shapeKind, row.shape], `${row.type} ${row.value}`).toEqual(expected ? [expected.kind, expected.shape] : [null, null]);
      }
      // The shapes are read from the index that stores them, not worked out again from each indicator's value.
      const plan = sqlite.prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT kind, shape FROM indicator_shapes WHERE id = 1').all();
      expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING (COVERING )?INDEX indicators_shape/);
      expect(kept(sqlite)).toEqual(fromScratch(sqlite));

      // On the upgraded store: a new report with new indicators, and revisions adding and dropping mentions.
      const [first, second] = records as [IntakeRecord, IntakeRecord];
      await importInto(store, [
        filedRecord({ receivedAt: '2026-03-11T08:00:00Z', suspect: { bankAccounts: [IBANS.muleA], websites: ['https://nieuw-domein.org'] } }),
        { ...first, revision: 2, suspect: { bankAccounts: [IBANS.muleB], phoneNumbers: [PHONES[1], '+4915112345678'], websites: [SITES[1]] } },
        { ...second, revision: 2, receivedAt: '2026-03-11T09:00:00Z' },
      ]);
      for (const row of shapesOf()) {
        const expected = shapeOf(row.type, row.value);
        expect([row.shapeKind, row.shape], `${row.type} ${row.value}`).toEqual(expected ? [expected.kind, expected.shape] : [null, null]);
      }
      expect(kept(sqlite)).toEqual(fromScratch(sqlite));
      expect(kept(sqlite).shapes.map((row) => (row as string[])[2])).toEqual(expect.arrayContaining(['.org', '+49151']));
    } finally {
      store.close();
    }
  });
});

describe('a cluster merge moves the cluster’s kept counts in one go', () => {
  // Two clusters: one through muleA (four reports on four days), one through muleB (three reports on one Dutch day,
  // one of them rerouted), whose members move into the bigger one's.
  const bigger = [1, 2, 3, 4].map((day) => filedRecord({ receivedAt: `2026-02-0${day}T10:00:00Z`, suspect: { bankAccounts: [IBANS.muleA] } }));
  const smaller = [0, 1, 2].map((hour) => filedRecord({ receivedAt: `2026-02-10T0${hour}:00:00Z`, suspect: { bankAccounts: [IBANS.muleB] } }));
  const bridge = () => filedRecord({ receivedAt: '2026-02-11T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] } });
  const clusterWrites = (sqlite: Database.Database) => {
    sqlite.exec('CREATE TEMP TABLE cluster_writes (n integer)');
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(`CREATE TEMP TRIGGER cluster_writes_${event} AFTER ${event} ON main.cluster_day_counts BEGIN INSERT INTO cluster_writes VALUES (1); END`);
    }
    return () => sqlite.prepare('DELETE FROM cluster_writes').run().changes;
  };
  const clusterCount = (sqlite: Database.Database) => sqlite.prepare('SELECT count(DISTINCT cluster_id) FROM reports WHERE cluster_id IS NOT NULL').pluck().get();

  async function twoClusters() {
    const api = await openApiHarness({ records: [...bigger, ...smaller] });
    await api.as(SUPERVISOR).value('report.reroute', { reportIds: [smaller[0]!.reportId], team: TEAMS[0], priority: 'normal', assignee: null, reason: 'Test' });
    expect(clusterCount(api.store.sqlite)).toBe(2);
    return api;
  }

  it('in an import batch: the smaller cluster’s day rows move, not each member, and the counts equal a count from scratch', async () => {
    const api = await twoClusters();
    const sqlite = api.store.sqlite;
    const writes = clusterWrites(sqlite);
    await api.importRecords([bridge()]);
    expect(clusterCount(sqlite)).toBe(1);
    expect(sqlite.prepare('SELECT count(*) FROM kept_counts_cluster_moves').pluck().get()).toBe(0);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    // The smaller cluster's two day rows (two teams) added to the bigger one's and deleted, and the bridge's own row;
    // one member at a time was three writes for each of its three members.
    expect(writes()).toBe(2 * 2 + 1);
  });

  it('applied one by one in the caller’s transaction, as sync does; a move not announced is counted member by member', async () => {
    const api = await twoClusters();
    const sqlite = api.store.sqlite;
    const writes = clusterWrites(sqlite);
    const writer = createReportWriter(api.store, { clock: fixedClock(new Date('2026-11-01T09:00:00Z')), actor: IMPORT_ACTOR });
    const record = bridge();
    sqlite.transaction(() => writer.apply({ record, raw: JSON.stringify(record) }))();
    expect(clusterCount(sqlite)).toBe(1);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    expect(writes()).toBe(2 * 2 + 1);
    // The same move not announced (the statement alone) is still counted member by member (a count out, a count in, and the emptied rows deleted).
    const renumbered = Number(sqlite.prepare('INSERT INTO clusters (size) VALUES (8)').run().lastInsertRowid);
    sqlite.prepare('UPDATE reports SET cluster_id = ? WHERE cluster_id IS NOT NULL').run(renumbered);
    expect(kept(sqlite)).toEqual(fromScratch(sqlite));
    expect(writes()).toBeGreaterThan(2 * 8);
  });
});
