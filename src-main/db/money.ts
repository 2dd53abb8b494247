import type { Payment } from '../../shared/intake/schema';

/**
 * The most one report can count as lost: €1,000,000,000 in cents. The intake contract lets a citizen type any number of
 * digits (and a report is never refused for it), so a bound is ours to set: a billion euros is far above the largest
 * frauds on record (tens of millions), and it keeps every sum of losses the store makes exact and inside SQLite's
 * 64-bit integers: over reports, per indicator and per day it takes 92 million reports at this bound to overflow
 * (9.2e18), where "50000000000000000" EUR alone was 5e18 cents and two of them made `sum(loss_cents)` fail.
 */
export const MAX_COUNTED_LOSS_CENTS = 100_000_000_000;

/** Decimal string → cents without floating point drift ("2450.5" → 245050). */
export function decimalToCents(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}

/**
 * Reported loss in EUR cents. Other currencies are not converted: no exchange rates offline. Like a payment with no
 * amount, a payment above the bound is not counted, and a report whose counted payments add up beyond it counts no
 * loss at all: it cannot be a real loss. The report itself is kept; its payments show as the citizen wrote them. Never
 * below zero (only payments above zero count): the harm ranking bounds on it (test/unit/store/loss-never-negative.test.ts).
 */
export function eurLossCents(payments: readonly Payment[] | undefined): number {
  let total = 0;
  for (const payment of payments ?? []) {
    if (payment.amount === undefined) continue;
    if ((payment.currency ?? 'EUR').toUpperCase() !== 'EUR') continue;
    const cents = decimalToCents(payment.amount);
    if (cents > 0 && cents <= MAX_COUNTED_LOSS_CENTS) total += cents;
  }
  return total <= MAX_COUNTED_LOSS_CENTS ? total : 0;
}
