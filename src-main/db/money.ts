import type { Payment } from '../../shared/intake/schema';

/** Decimal string → cents without floating point drift ("2450.5" → 245050). */
export function decimalToCents(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}

/** Reported loss in EUR cents. Other currencies are not converted: no exchange rates offline. */
export function eurLossCents(payments: readonly Payment[] | undefined): number {
  let total = 0;
  for (const payment of payments ?? []) {
    if (payment.amount === undefined) continue;
    if ((payment.currency ?? 'EUR').toUpperCase() !== 'EUR') continue;
    const cents = decimalToCents(payment.amount);
    if (cents > 0) total += cents;
  }
  return total;
}
