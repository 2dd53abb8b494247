/**
 * The cluster maintainer remembers, within an import, which cluster holds each indicator, so that a new report's shared
 * indicators are not looked up again (src-main/linking/cluster-maintainer.ts). Merges, splits, withdrawals and
 * revisions in the same import must leave what it remembers true: the clusters equal a full rebuild's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { listClusters } from '../../../src-main/linking/queries';
import { rebuildClusters } from '../../../src-main/linking/rebuild-clusters';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const PHONES = Array.from({ length: 8 }, (_, index) => `06-${String(30_000_000 + index * 7_919)}`);

/** Imports the records as one import (batches of three) and answers its clusters, then a rebuild's. */
async function clustersAndRebuilt(records: readonly IntakeRecord[]) {
  const { store, importRecords } = openTempStore();
  await importRecords(records);
  const incremental = listClusters(store.sqlite);
  rebuildClusters(store.sqlite);
  return { incremental, rebuilt: listClusters(store.sqlite) };
}

describe('the clusters an import remembers for indicators', () => {
  it('forgets an indicator whose only holder dropped it: a later report naming it stays alone', async () => {
    const b = filedRecord({ suspect: { phoneNumbers: [PHONES[1]!] } });
    // a joins b through PHONES[1]: PHONES[0], new with a, is remembered in their cluster; then a drops it.
    const a = filedRecord({ suspect: { phoneNumbers: [PHONES[0]!, PHONES[1]!] } });
    const aWithout = { ...a, revision: 2, suspect: { phoneNumbers: [PHONES[1]!] } };
    const d = filedRecord({ suspect: { phoneNumbers: [PHONES[0]!] } });
    const { incremental, rebuilt } = await clustersAndRebuilt([b, a, aWithout, d]);
    expect(incremental).toEqual(rebuilt);
    expect(incremental.flatMap(({ cluster }) => cluster)).not.toContain(d.reportId);
  });

  it('after any mix of new reports, revisions and withdrawals in one import, equal a full rebuild', async () => {
    const step = fc.record({
      revise: fc.option(fc.nat(), { nil: undefined }),
      phones: fc.option(fc.subarray(PHONES, { minLength: 0, maxLength: 3 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const latest: IntakeRecord[] = [];
        const records: IntakeRecord[] = [];
        for (const { revise, phones } of steps) {
          const current = revise === undefined || latest.length === 0 ? undefined : latest[revise % latest.length]!;
          if (current === undefined) {
            const record = filedRecord({ suspect: { phoneNumbers: phones ?? [] } });
            latest.push(record);
            records.push(record);
          } else if (current.status === 'filed') {
            const next: IntakeRecord = phones === undefined ? withdrawal(current, current.revision + 1) : { ...current, revision: current.revision + 1, suspect: { phoneNumbers: phones } };
            latest[latest.indexOf(current)] = next;
            records.push(next);
          }
        }
        const { incremental, rebuilt } = await clustersAndRebuilt(records);
        expect(incremental).toEqual(rebuilt);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
