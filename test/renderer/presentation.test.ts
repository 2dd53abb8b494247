import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { segmentNarrative } from '../../src-renderer/features/report/narrative-segments';
import en from '../../src-renderer/i18n/en.json';
import nl from '../../src-renderer/i18n/nl.json';
import { defang, defangFreeText } from '../../src-renderer/ui/defang';
import { ageOf, formatDate, formatDateTime, formatDay, formatDecimalAmount, formatMoney, formatTime } from '../../src-renderer/ui/format';

const keysOf = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('defanging evidence', () => {
  it('defangs URLs in the host only, domains and e-mail addresses', () => {
    expect(defang('url', 'https://ing-verificatie.nl/login?a=b.c')).toBe('hxxps://ing-verificatie[.]nl/login?a=b.c');
    expect(defang('domain', 'example.com')).toBe('example[.]com');
    expect(defang('email', 'info@bank-hulp.nl')).toBe('info[@]bank-hulp[.]nl');
    expect(defang('iban', 'NL91ABNA0417164300')).toBe('NL91ABNA0417164300');
  });

  it('leaves already defanged text alone', () => {
    expect(defang('url', 'hxxps://example[.]com')).toBe('hxxps://example[.]com');
    expect(defangFreeText('zie hxxp://evil[.]nl')).toBe('zie hxxp://evil[.]nl');
  });

  it('defangs links inside free text but not ordinary sentences', () => {
    expect(defangFreeText('Ga naar https://evil.example.nl/x. Daarna bellen.')).toBe('Ga naar hxxps://evil[.]example[.]nl/x. Daarna bellen.');
    expect(defangFreeText('Het kostte € 1.250,00 i.v.m. de bank.')).toBe('Het kostte € 1.250,00 i.v.m. de bank.');
  });
});

describe('narrative segments', () => {
  it('cover the text exactly, skipping overlapping and out-of-range highlights', () => {
    const text = 'bel 0612345678 nu';
    const segments = segmentNarrative(text, [
      { start: 4, end: 14, type: 'phone', value: '+31612345678', benign: false },
      { start: 6, end: 9, type: 'phone', value: 'x', benign: false },
      { start: 10, end: 99, type: 'url', value: 'y', benign: false },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.highlight).map((segment) => segment.text)).toEqual(['0612345678']);
  });
});

describe('Dutch formatting', () => {
  it('formats money and report amounts as nl-NL', () => {
    expect(formatMoney(125_050).replace(/\s/g, ' ')).toBe('€ 1.250,50');
    expect(formatDecimalAmount('0.5', 'BTC')).toBe('0,5 BTC');
  });

  afterEach(() => vi.unstubAllEnvs());

  it('writes dates and times exactly as Intl does in nl-NL, in the workstation\'s time zone, across summer time', () => {
    vi.stubEnv('TZ', 'Europe/Amsterdam');
    const dutchDate = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' });
    const dutchTime = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
    // From 1970 to 2100, and around the night clocks went back in 2026 (Europe/Amsterdam).
    const instants = fc.oneof(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.integer({ min: Date.UTC(2026, 9, 24, 20), max: Date.UTC(2026, 9, 25, 4) }));
    fc.assert(
      fc.property(instants, (ms) => {
        const at = new Date(ms);
        const iso = at.toISOString();
        expect(formatDateTime(iso)).toBe(`${dutchDate.format(at)} ${dutchTime.format(at)}`);
        expect(formatDate(iso)).toBe(dutchDate.format(at));
        expect(formatTime(iso)).toBe(dutchTime.format(at));
        expect(formatDay(iso.slice(0, 10))).toBe(dutchDate.format(new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())));
      }),
      { numRuns: 2000 },
    );
    expect(formatDateTime('2026-11-29T06:45:00Z')).toBe(`${dutchDate.format(new Date('2026-11-29T06:45:00Z'))} ${dutchTime.format(new Date('2026-11-29T06:45:00Z'))}`);
    expect([formatDateTime(null), formatDate('no date'), formatTime('no date'), formatDay('29-11-2026')]).toEqual(['—', '—', '—', '—']);
  });

  it('gives the age in the largest whole unit', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(ageOf('2026-03-10T11:30:00Z', now)).toEqual({ unit: 'minutes', count: 30 });
    expect(ageOf('2026-03-10T07:00:00Z', now)).toEqual({ unit: 'hours', count: 5 });
    expect(ageOf('2026-03-01T12:00:00Z', now)).toEqual({ unit: 'days', count: 9 });
  });
});

describe('translations', () => {
  it('English has exactly the Dutch keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });
});
