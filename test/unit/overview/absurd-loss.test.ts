/**
 * An amount no real loss can reach (review H2): the intake contract lets any number of digits through, and a report is
 * never refused for it. Such a report is kept, imported or synced, with its loss not counted (src-main/db/money.ts), so
 * the overview's sums of losses stay inside SQLite's integers: two reports of "50000000000000000" EUR naming the same
 * account made `sum(loss_cents)` fail with "integer overflow". A large but real amount counts.
 */
import { Readable } from 'node:stream';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RawFeedPage } from '../../../shared/hub/feed-page';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { fixedClock } from '../../../shared/platform/clock';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { IMPORT_ACTOR } from '../../../src-main/audit/actor';
import { eurLossCents, MAX_COUNTED_LOSS_CENTS } from '../../../src-main/db/money';
import { openStore } from '../../../src-main/db/open-store';
import { createFeedPageApplier } from '../../../src-main/ingest/apply-feed-page';
import { importNdjson } from '../../../src-main/ingest/importer';
import { createReportWriter } from '../../../src-main/ingest/report-writer';
import { createMutationApplier } from '../../../src-main/mutations/applier';
import { computeOverview } from '../../../src-main/overview/compute-overview';
import { migrationsBefore } from '../../support/older-migrations';
import { filedRecord, IBANS } from '../../support/records';
import { tempDir } from '../../support/temp-store';

const clock = fixedClock(new Date('2026-11-01T09:00:00Z'), 1000);
const ABSURD = '50000000000000000';
const REAL = '2500000.00';

const paidTo = (day: string, ...amounts: string[]): IntakeRecord =>
  filedRecord({
    receivedAt: `${day}T10:00:00Z`,
    payments: amounts.map((amount) => ({ amount, currency: 'EUR', beneficiaryAccount: IBANS.muleA })),
    suspect: { bankAccounts: [IBANS.muleA] },
  });

/** Two absurd reports on two days and one real one, all naming the same account. */
const records = () => [paidTo('2026-10-29', ABSURD), paidTo('2026-10-30', ABSURD), paidTo('2026-10-30', REAL)];

function openWorkstation() {
  return openCaseStore({ path: join(tempDir(), 'ws.db'), clock });
}

async function imported(records: readonly IntakeRecord[]) {
  const store = openWorkstation();
  const writer = createReportWriter(store, { clock, actor: IMPORT_ACTOR });
  await importNdjson(Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]), writer);
  return store;
}

async function synced(records: readonly IntakeRecord[]) {
  const store = openWorkstation();
  const pages = createFeedPageApplier(store, { clock, applier: createMutationApplier(store.sqlite, { clock }), sliceMs: 0 });
  const page: RawFeedPage = {
    entries: records.map((record, index) => ({ seq: String(index + 1), type: 'report' as const, reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) })),
    cursor: String(records.length),
    hasMore: false,
  };
  await pages.apply(await pages.prepare(JSON.stringify(page)));
  return store;
}

/** The account's kept total beside a recount from its reports' own losses. */
function accountLoss(sqlite: Database.Database) {
  const id = sqlite.prepare("SELECT id FROM indicators WHERE type = 'iban' AND value = ?").pluck().get(IBANS.muleA) as number;
  const kept = sqlite.prepare('SELECT reports, loss_cents AS loss FROM indicator_totals WHERE indicator_id = ?').get(id);
  const losses = sqlite
    .prepare("SELECT r.loss_cents FROM reports r WHERE r.status = 'filed' AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = ? AND benign = 0)")
    .pluck()
    .all(id) as number[];
  return { kept, recount: { reports: losses.length, loss: losses.reduce((sum, loss) => sum + loss, 0) } };
}

describe('an amount too large to be a real loss', () => {
  it('is not counted, nor a report whose payments add up beyond the bound; a large real amount and the bound itself are', () => {
    const eur = (...amounts: string[]) => eurLossCents(amounts.map((amount) => ({ amount, currency: 'EUR' })));
    expect(eur(ABSURD)).toBe(0);
    expect(eur('9'.repeat(400))).toBe(0); // Infinity as a number
    expect(eur(ABSURD, '120.50')).toBe(12_050);
    expect(eur('600000000', '600000000')).toBe(0);
    expect(eur(REAL)).toBe(250_000_000);
    expect(eur('1000000000.00')).toBe(MAX_COUNTED_LOSS_CENTS);
    expect(eur('1000000000.01')).toBe(0);
  });

  for (const [how, arrive] of [
    ['imported', imported],
    ['synced', synced],
  ] as const) {
    it(`${how}: keeps the reports, counts only the real loss, and the overview computes with totals equal to a recount`, async () => {
      const store = await arrive(records());
      const sqlite = store.sqlite;
      expect(sqlite.prepare("SELECT loss_cents FROM reports WHERE status = 'filed' ORDER BY received_at, id").pluck().all()).toEqual([0, 0, 250_000_000]);
      const { kept, recount } = accountLoss(sqlite);
      expect(kept).toEqual({ reports: 3, loss: 250_000_000 });
      expect(kept).toEqual(recount);
      const overview = computeOverview(sqlite, { asOf: '2026-10-31', team: null });
      const harm = overview.harm.find((entry) => entry.value === IBANS.muleA);
      expect(harm).toMatchObject({ victims: 3, loss: 250_000_000 });
      store.close();
    });
  }

  it('imported, the honest twin: two real reports count both losses in the overview', async () => {
    const store = await imported([paidTo('2026-10-29', REAL), paidTo('2026-10-30', REAL)]);
    const { kept, recount } = accountLoss(store.sqlite);
    expect(kept).toEqual({ reports: 2, loss: 500_000_000 });
    expect(kept).toEqual(recount);
    const harm = computeOverview(store.sqlite, { asOf: '2026-10-31', team: null }).harm.find((entry) => entry.value === IBANS.muleA);
    expect(harm).toMatchObject({ victims: 2, loss: 500_000_000 });
    store.close();
  });
});

describe('a store from before migration 0037 holding losses taken before the bound', () => {
  /** Made by the release before 0037, whose money.ts stored any amount: the losses set as it stored them. */
  async function olderStore(losses: readonly number[]) {
    const path = join(tempDir(), 'old.db');
    const old = openStore({ path, migrationsFolder: migrationsBefore('_indicator_totals') });
    const writer = createReportWriter(old, { clock, actor: IMPORT_ACTOR });
    const records = [paidTo('2026-10-29', '1.00'), paidTo('2026-10-30', '1.00'), paidTo('2026-10-30', REAL)];
    await importNdjson(Readable.from([Buffer.from(records.map((record) => JSON.stringify(record)).join('\n') + '\n')]), writer);
    const setLoss = old.sqlite.prepare('UPDATE reports SET loss_cents = ? WHERE report_id = ?');
    records.forEach((record, index) => setLoss.run(losses[index], record.reportId));
    expect(old.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'indicator_totals'").pluck().get()).toBe(0);
    old.close();
    return path;
  }

  it('opens today with those losses not counted, the totals equal to a recount, and the overview computes', async () => {
    const store = openStore({ path: await olderStore([5e18, 5e18, 250_000_000]) });
    const { kept, recount } = accountLoss(store.sqlite);
    expect(kept).toEqual({ reports: 3, loss: 250_000_000 });
    expect(kept).toEqual(recount);
    expect(computeOverview(store.sqlite, { asOf: '2026-10-31', team: null }).harm.find((entry) => entry.value === IBANS.muleA)).toMatchObject({ victims: 3, loss: 250_000_000 });
    store.close();
  });

  it('the honest twin: real losses, the bound itself among them, are kept as they were', async () => {
    const store = openStore({ path: await olderStore([100, MAX_COUNTED_LOSS_CENTS, 250_000_000]) });
    const { kept, recount } = accountLoss(store.sqlite);
    expect(kept).toEqual({ reports: 3, loss: 100 + MAX_COUNTED_LOSS_CENTS + 250_000_000 });
    expect(kept).toEqual(recount);
    store.close();
  });
});
