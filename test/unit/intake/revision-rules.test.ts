/**
 * The intake rules live once (shared/intake/revision-rules.ts); the workstation's report writer and the hub's
 * intake plan both follow them. This test drives both with the same arrival sequences and asserts they agree on
 * every outcome and on what each stored revision keeps, so they cannot drift apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRevision, redactRecord, storedRevisionText, withdrawnUpTo } from '../../../shared/intake/revision-rules';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { planIntake } from '../../../src-hub/intake/plan';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { storedRevisions } from '../../support/stored-revisions';

describe('the intake rules', () => {
  it('decide what one revision does to its report', () => {
    const stored = (revision: number, revisions: number[]) => ({ revision, hasRevision: (r: number) => revisions.includes(r) });
    expect(decideRevision(null, 3)).toEqual({ outcome: 'imported', becomesCurrent: true, storesRevision: true });
    expect(decideRevision(stored(2, [1, 2]), 3)).toEqual({ outcome: 'updated', becomesCurrent: true, storesRevision: true });
    expect(decideRevision(stored(3, [3]), 1)).toEqual({ outcome: 'ignored', becomesCurrent: false, storesRevision: true });
    expect(decideRevision(stored(3, [1, 3]), 1)).toEqual({ outcome: 'ignored', becomesCurrent: false, storesRevision: false });
    expect(decideRevision(stored(3, [3]), 3)).toEqual({ outcome: 'ignored', becomesCurrent: false, storesRevision: false });
  });

  it('drop personal data from every revision up to a withdrawal, and keep it after', () => {
    const filed = filedRecord({ revision: 2 });
    const raw = JSON.stringify(filed);
    expect(storedRevisionText(filed, raw, 0)).toBe(raw);
    expect(storedRevisionText(filed, raw, 2)).toBe(redactRecord(filed));
    expect(storedRevisionText(filed, raw, 1)).toBe(raw);
    expect(storedRevisionText(withdrawal(filed, 3), '{}', 0)).toBe(redactRecord(withdrawal(filed, 3)));
    expect(redactRecord(filed)).not.toContain('Testpersoon');
    expect(withdrawnUpTo(4, withdrawal(filed, 3))).toBe(4);
    expect(withdrawnUpTo(0, withdrawal(filed, 3))).toBe(3);
    expect(withdrawnUpTo(2, filed)).toBe(2);
  });

  it('are followed alike by the report writer and the hub intake, in any arrival order', () => {
    const base = [filedRecord(), filedRecord()];
    const arrival = fc.array(
      fc.record({ report: fc.integer({ min: 0, max: 1 }), revision: fc.integer({ min: 1, max: 4 }), withdrawn: fc.boolean() }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arrival, (steps) => {
        const records: IntakeRecord[] = steps.map(({ report, revision, withdrawn }) => {
          const record = { ...base[report]!, revision };
          return withdrawn ? withdrawal(record, revision) : record;
        });
        const inputs = records.map((record) => ({ record, raw: JSON.stringify(record) }));

        const plan = planIntake(new Map(), inputs);
        const temp = openTempStore();
        const outcomes = temp.writer.applyBatch(inputs);
        expect(outcomes).toEqual(plan.outcomes);

        const stored = storedRevisions(temp.store.sqlite).map(({ reportId, revision, raw }) => ({ reportId, revision, raw }));
        // The plan stores each revision with the text the batch's final withdrawal allows, as the writer ends up with.
        const planned = plan.newRevisions
          .map(({ reportId, revision, raw }) => ({ reportId, revision, raw }))
          .sort((a, b) => a.reportId.localeCompare(b.reportId) || a.revision - b.revision);
        expect(stored).toEqual(planned);
        temp.store.close();
      }),
      { numRuns: 60 },
    );
  });
});
