/** The generator's messy mode (issue 17): the forms real reports contain, with the truth an extractor is held to. */
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../../shared/indicators/extract-record';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { generateReports, MESSY_FORMS, type MessyTruth } from '../../../src-generator';

const options = { seed: 'messy-test', revisions: false, withdrawals: false } as const;
const list = (messy: number, annotate = false): IntakeRecord[] => [...generateReports(600, { ...options, messy, annotate })];
const truthOf = (record: IntakeRecord): MessyTruth | undefined => (record['x-generator'] as { messy?: MessyTruth } | undefined)?.messy;
const values = (record: IntakeRecord): string[] => [...new Set(extractIndicators(record).map((mention) => `${mention.type} ${mention.value}`))].sort();

describe('messy typing', () => {
  it('is off by default, and leaves the reports it does not touch byte-identical', () => {
    const clean = list(0);
    expect(clean.map((record) => JSON.stringify(record))).toEqual([...generateReports(600, options)].map((record) => JSON.stringify(record)));
    const messy = list(0.5);
    const touched = messy.filter((record, index) => JSON.stringify(record) !== JSON.stringify(clean[index]));
    expect(touched.length).toBeGreaterThan(200);
    expect(touched.length).toBeLessThan(400);
  });

  it('is deterministic and uses every form', () => {
    const once = list(1, true);
    expect(list(1, true).map((record) => JSON.stringify(record))).toEqual(once.map((record) => JSON.stringify(record)));
    const forms = new Set(once.flatMap((record) => truthOf(record)?.forms ?? []));
    expect([...forms].sort()).toEqual([...MESSY_FORMS].sort());
  });

  it('re-types without changing what the record holds: the extractor finds its clean twin\'s values, plus what was added, minus the own', () => {
    const clean = list(0);
    const messy = list(1, true);
    let checked = 0;
    messy.forEach((record, index) => {
      const truth = truthOf(record)!;
      const expected = new Set(values(clean[index]!));
      for (const added of truth.added) expected.add(`${added.type} ${added.value}`);
      for (const own of truth.own) expected.delete(`${own.type} ${own.value}`);
      const found = values(record);
      for (const own of truth.own) expect(found).not.toContain(`${own.type} ${own.value}`);
      if (!truth.forms.includes('email')) {
        expect(found).toEqual([...expected].sort());
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(300);
  });

  it('writes e-mail addresses out in the ways people do', () => {
    const text = list(1, true)
      .filter((record) => truthOf(record)!.forms.includes('email'))
      .map((record) => JSON.stringify(record.suspect ?? {}) + (record.incident?.narrative ?? ''))
      .join('\n');
    for (const form of [' at ', ' [at] ', '(at)', ' @ ']) expect(text).toContain(form);
  });
});
