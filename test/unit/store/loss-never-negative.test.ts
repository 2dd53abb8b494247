/**
 * A report's loss (reports.loss_cents) is never below zero: the overview's harm ranking bounds a median by the sum
 * of the losses (src-main/overview/harm.ts), which holds only when none is negative. The row's loss comes from
 * recordRow alone (money.ts: the EUR payments above zero, up to its bound); these properties pin that for every payment the intake
 * schema lets through, signed and odd amounts included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intakeRecordSchema, type IntakeRecord } from '../../../shared/intake/schema';
import { MAX_COUNTED_LOSS_CENTS } from '../../../src-main/db/money';
import { recordRow } from '../../../src-main/db/report-row';
import { filedRecord } from '../../support/records';

const amount = (maxWholeDigits: number) =>
  fc
    .tuple(fc.constantFrom('', '-'), fc.stringMatching(new RegExp(`^\\d{1,${maxWholeDigits}}$`)), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
    .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

const payments = (maxWholeDigits: number) =>
  fc.array(
    fc.record(
      { amount: fc.option(amount(maxWholeDigits), { nil: undefined }), currency: fc.option(fc.constantFrom('EUR', 'eur', 'Eur', 'USD', 'BTC'), { nil: undefined }) },
      { requiredKeys: [] },
    ),
    { maxLength: 6 },
  );

/** The record as intake accepts it, or null when the schema refuses it (then nothing is stored). */
function accepted(record: IntakeRecord): IntakeRecord | null {
  const parsed = intakeRecordSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/** Exact cents of a decimal string, worked out apart from money.ts (BigInt, no floating point). */
function exactCents(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace('-', '').split('.');
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}

describe('a report’s loss', () => {
  it('is the sum of its EUR payments above zero (within the counted bound), negative and zero ones left out (the honest twin: losses do count)', () => {
    fc.assert(
      fc.property(payments(10), (paid) => {
        const record = accepted(filedRecord({ payments: paid }));
        expect(record).not.toBeNull();
        const expected = paid
          .filter((payment) => payment.amount !== undefined && (payment.currency ?? 'EUR').toUpperCase() === 'EUR')
          .map((payment) => exactCents(payment.amount!))
          .filter((cents) => cents > 0n && cents <= BigInt(MAX_COUNTED_LOSS_CENTS))
          .reduce((sum, cents) => sum + cents, 0n);
        expect(recordRow(record!).lossCents).toBe(expected <= BigInt(MAX_COUNTED_LOSS_CENTS) ? Number(expected) : 0);
      }),
      { numRuns: 500 },
    );
    expect(recordRow(filedRecord({ payments: [{ amount: '-250.00', currency: 'EUR' }, { amount: '100.5', currency: 'EUR' }] })).lossCents).toBe(10_050);
  });

  it('is never below zero, whatever the amounts intake accepts', () => {
    fc.assert(
      fc.property(payments(30), (paid) => {
        const record = accepted(filedRecord({ payments: paid }));
        if (record === null) return;
        expect(recordRow(record).lossCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
