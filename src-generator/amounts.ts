/** Money: realistic amounts (log-normal, long tail), decimal strings for the record, and how victims write them. */
import type { Rng } from './random';

/**
 * A euro amount around `median` with a long tail, clamped to [min, max]. People pay round
 * amounts more often than not ("500 euro"), so most are rounded.
 */
export function euroAmount(rng: Rng, median: number, sigma: number, min: number, max: number): number {
  let amount = rng.logNormal(median, sigma);
  if (amount < min) amount = min + rng.float() * min;
  if (amount > max) amount = max - rng.float() * max * 0.1;
  const r = rng.float();
  if (amount >= 200 && r < 0.55) return Math.round(amount / 50) * 50;
  if (amount >= 20 && r < 0.75) return Math.round(amount / 5) * 5;
  return Math.round(amount * 100) / 100;
}

/** `"450.00"`: the record's decimal string (always two decimals for euros). */
export function decimal2(amount: number): string {
  return amount.toFixed(2);
}

/** A crypto amount with 2–6 significant decimals, e.g. `"0.0415"`. */
export function cryptoAmount(rng: Rng, min: number, max: number): string {
  const value = min * Math.pow(max / min, rng.float());
  const decimals = value >= 1 ? rng.int(1, 3) : rng.int(3, 5);
  return value.toFixed(decimals).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** 1234567 → "1.234.567" (or with another separator). */
function thousands(whole: number, separator: string): string {
  const digits = String(whole);
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

function dutchThousands(whole: number): string {
  return thousands(whole, '.');
}

function englishThousands(whole: number): string {
  return thousands(whole, ',');
}

/** As written in a narrative: "2.450 euro", "€ 2.450,00", "€450,-", "1250 EUR" — or "€2,450", "2450 euros". */
export function euroText(rng: Rng, amount: number, lang: 'nl' | 'en'): string {
  const whole = Math.floor(amount);
  const cents = Math.round((amount - whole) * 100);
  const r = rng.float();
  if (lang === 'en') {
    if (r < 0.4) return `€${englishThousands(whole)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
    if (r < 0.7) return `${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''} euros`;
    return `EUR ${englishThousands(whole)}.${String(cents).padStart(2, '0')}`;
  }
  const dutchCents = `,${String(cents).padStart(2, '0')}`;
  if (r < 0.35) return `${dutchThousands(whole)}${cents ? dutchCents : ''} euro`;
  if (r < 0.6) return `€ ${dutchThousands(whole)}${dutchCents}`;
  if (r < 0.72) return `€${whole}${cents ? dutchCents : ',-'}`;
  if (r < 0.84) return `${whole}${cents ? dutchCents : ''} euro`;
  if (r < 0.92) return `${dutchThousands(whole)}${cents ? dutchCents : ''} EUR`;
  return `€ ${dutchThousands(whole)}${cents ? dutchCents : ''}`;
}
