/**
 * The feed's writer reads the benign list once, and again only after it may have changed — not at every slice — and
 * a change made between slices (by this officer, or through another connection) still decides how the next
 * reports link (src-main/ingest/report-writer.ts, followBenignList).
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { upsertBenignValue } from '../../src-main/benign/benign-values';
import { addBenignValue } from '../../src-main/mutations/services';
import { feedWorkstation } from '../support/feed-workstation';
import { filedRecord, IBANS } from '../support/records';
import { serviceDeps } from './support/mutation-fixtures';

/** How often the benign list was read into a matcher: the real function, counted. */
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src-main/benign/benign-matcher', async (load) => {
  const actual = await load<typeof import('../../src-main/benign/benign-matcher')>();
  return {
    ...actual,
    loadBenignMatcher: (sqlite: Database.Database) => {
      reads.count += 1;
      return actual.loadBenignMatcher(sqlite);
    },
  };
});

function workstation() {
  const station = feedWorkstation();
  const benignReason = (iban: string) => station.store.sqlite.prepare("SELECT benign_reason FROM indicators WHERE type = 'iban' AND value = ?").pluck().get(iban);
  return { ...station, benignReason };
}

const withAccount = (iban: string) => filedRecord({ suspect: { bankAccounts: [iban] } });

describe('the benign list while the feed is applied', () => {
  it('is read once for a page of many slices, not before each', async () => {
    const { store, apply } = workstation();
    reads.count = 0;
    expect((await apply([IBANS.muleA, IBANS.muleB, IBANS.muleC, IBANS.muleA, IBANS.muleB, IBANS.muleC].map(withAccount))).reports).toBe(6);
    expect(reads.count).toBe(0);
    store.close();
  });

  it('is read again after the officer puts an account on it between pages, and the next reports do not link through it', async () => {
    const { store, apply, clusterOf } = workstation();
    const [first, second] = [withAccount(IBANS.muleA), withAccount(IBANS.muleA)];
    await apply([first, second]);
    expect(clusterOf(first)).not.toBeNull();
    expect(clusterOf(first)).toBe(clusterOf(second));

    addBenignValue(store, serviceDeps(), { officer: 'agent.jansen', type: 'iban', value: IBANS.muleA, reason: 'rekening van de bank zelf' });
    reads.count = 0;
    const third = withAccount(IBANS.muleA);
    await apply([third, withAccount(IBANS.muleB)]);
    expect(reads.count).toBe(1);
    expect(clusterOf(third)).toBeNull();
    store.close();
  });

  it('is read again after another connection changed it', async () => {
    const { store, path, apply, benignReason } = workstation();
    await apply([withAccount(IBANS.muleB)]);
    const other = new Database(path);
    try {
      upsertBenignValue(other, { type: 'iban', value: IBANS.muleC, reason: 'rekening van de politie' }, 'agent.jansen', '2026-11-02T10:00:00Z');
    } finally {
      other.close();
    }
    reads.count = 0;
    await apply([withAccount(IBANS.muleC)]);
    expect(reads.count).toBe(1);
    expect(benignReason(IBANS.muleC)).toBe('rekening van de politie');
    store.close();
  });
});
