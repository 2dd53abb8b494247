import { describe, expect, it, vi } from 'vitest';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';

/**
 * Hostile but valid citizen text must not make the phone scan ask libphonenumber for every other character: a
 * 400 KB "(0" + digit item took ~33 s, past the prepare worker's watchdog. Counted, not timed: every call to the
 * real normalizePhone is counted.
 */
const tries = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/indicators/normalize/phone', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/indicators/normalize/phone')>();
  return {
    ...real,
    normalizePhone: (raw: string) => {
      tries.count++;
      return real.normalizePhone(raw);
    },
  };
});

const KB = 1024;
/** The longest run a candidate can read (its first character + 28). */
const RUN = 29;
/** At most this many tries per RUN characters of text. */
const TRIES_PER_RUN = 4;

function triesFor(text: string): number {
  tries.count = 0;
  findIndicatorsInText(text);
  return tries.count;
}

/** Digits from a fixed sequence (deterministic, not repeating within a KB): every candidate is a new key. */
function digit(i: number): string {
  return String((i * 7919 + Math.floor(i / 10)) % 10);
}

const fill = (size: number, unit: (i: number) => string): string => {
  let text = '';
  for (let i = 0; text.length < size; i++) text += unit(i);
  return text.slice(0, size);
};

const shapes: Record<string, (i: number) => string> = {
  '"(0" over and over': () => '(0',
  '"(0" and a digit': (i) => `(0${digit(i)}`,
  '"0ddd " groups': (i) => `0${digit(i)}${digit(i + 1)}${digit(i + 2)} `,
};

describe('the phone scan asks libphonenumber a bounded number of times per character', () => {
  for (const [shape, unit] of Object.entries(shapes)) {
    it(`${shape}: at most ${TRIES_PER_RUN} tries per ${RUN} characters`, () => {
      const text = fill(64 * KB, unit);
      expect(triesFor(text)).toBeLessThanOrEqual((text.length / RUN) * TRIES_PER_RUN);
    });
  }

  it('its honest twin: rejected candidates that words keep apart are each still tried, and exceed that rate', () => {
    // Every candidate (099: not a Dutch range) ends at a comma, 3 tries each (11, 10 and 9 digits): no chain.
    const text = fill(64 * KB, (i) => `099 ${digit(i)}${digit(i + 1)} 34 56 7 8, `);
    expect(triesFor(text)).toBeGreaterThan((text.length / RUN) * TRIES_PER_RUN);
  });

  it('a list of real numbers is found whole, each with one try', () => {
    const numbers = Array.from({ length: 200 }, (_, i) => `06${String(12_000_000 + i * 37).padStart(8, '0')}`);
    tries.count = 0;
    const found = findIndicatorsInText(numbers.join(' ')).filter((item) => item.type === 'phone');
    expect(found).toHaveLength(200);
    expect(tries.count).toBe(200);
  });

  it('finds a number that a word or punctuation sets apart from the junk before it', () => {
    for (const junk of ['(0'.repeat(5_000), fill(10 * KB, shapes['"(0" and a digit']!), fill(10 * KB, shapes['"0ddd " groups']!)]) {
      for (const joint of [' bel ', ', ', ': ', '\nbel: ']) {
        const values = findIndicatorsInText(`${junk}${joint}06-12345678 of +44 20 7946 0321`)
          .filter((item) => item.type === 'phone')
          .map((item) => item.value);
        expect(values).toEqual(expect.arrayContaining(['+31612345678', '+442079460321']));
      }
    }
  });

  it('finds a number joined to the junk by a blank only, wherever the junk ends', () => {
    for (let pairs = 100; pairs < 130; pairs++) {
      for (const number of ['0612345678', '06 12 34 56 78', '(020) 123 4567', '+31 6 12345678']) {
        const values = findIndicatorsInText(`${'(0'.repeat(pairs)} ${number}`).map((item) => item.value);
        expect(values, `${pairs} × "(0", then ${number}`).toEqual([number.startsWith('(020') ? '+31201234567' : '+31612345678']);
      }
    }
  });

  it('gives up, inside a chain of rejected runs, a number followed within its run by a blank and a "0"', () => {
    // Here the scan jumps from a rejected run that holds both blanks to the last one, past the number's start.
    // Accepted: the number sits inside junk with nothing but separators around it; a word or a comma saves it.
    const junk = '(0'.repeat(100);
    expect(findIndicatorsInText(`${junk} 0612345678 0`)).toEqual([]);
    expect(findIndicatorsInText(`${junk} 0612345678, 0`).map((item) => item.value)).toEqual(['+31612345678']);
    expect(findIndicatorsInText(`${junk} 0612345678`).map((item) => item.value)).toEqual(['+31612345678']);
  });
});
