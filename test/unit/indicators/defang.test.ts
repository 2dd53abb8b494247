import { describe, expect, it } from 'vitest';
import { refang, refangWithMap } from '../../../shared/indicators/defang';

describe('refang', () => {
  it.each([
    ['hxxps://ing-verificatie[.]nl/login', 'https://ing-verificatie.nl/login'],
    ['hxxp://ing-verificatie[.]nl', 'http://ing-verificatie.nl'],
    ['hXXps://x(.)nl', 'https://x.nl'],
    ['HXXPS://x{.}nl', 'https://x.nl'],
    ['h**ps://x[dot]nl', 'https://x.nl'],
    ['h**p://x(dot)nl', 'http://x.nl'],
    ['hxxps[:]//x[.]nl', 'https://x.nl'],
    ['https[://]x[.]nl[/]login', 'https://x.nl/login'],
    ['x[punt]nl', 'x.nl'],
    ['x [ . ] nl', 'x.nl'],
    ['info[at]example[dot]com', 'info@example.com'],
    ['info (at) example (dot) com', 'info@example.com'],
    ['info [at] example [dot] com', 'info@example.com'],
    ['info[@]example[.]com', 'info@example.com'],
    ['info(@)example(.)com', 'info@example.com'],
    ['info{at}example{dot}com', 'info@example.com'],
  ])('%s → %s', (text, expected) => {
    expect(refang(text)).toBe(expected);
  });

  it.each([
    ['Ik ben (na veel twijfel) gebeld.'],
    ['Zie bijlage [1] en (2).'],
    ['Het was 3 uur (ongeveer). Daarna...'],
    ['Hij zei: "what (...) are you doing"'],
    ['the hxxp word alone'],
    ['shhxxps:// inside a word'],
  ])('leaves ordinary text alone: %j', (text) => {
    expect(refang(text)).toBe(text);
  });

  it('maps offsets in the refanged text back to the original', () => {
    const original = 'Mail info [at] shop [dot] nl of ga naar hxxps://shop[.]nl/x nu.';
    const mapped = refangWithMap(original);
    expect(mapped.text).toBe('Mail info@shop.nl of ga naar https://shop.nl/x nu.');
    const email = mapped.text.indexOf('info@shop.nl');
    expect(original.slice(mapped.toOriginalStart(email), mapped.toOriginalEnd(email + 'info@shop.nl'.length))).toBe(
      'info [at] shop [dot] nl',
    );
    const url = mapped.text.indexOf('https://shop.nl/x');
    expect(original.slice(mapped.toOriginalStart(url), mapped.toOriginalEnd(url + 'https://shop.nl/x'.length))).toBe(
      'hxxps://shop[.]nl/x',
    );
    const tail = mapped.text.indexOf('nu.');
    expect(original.slice(mapped.toOriginalStart(tail))).toBe('nu.');
  });

  it('is the identity map for text without defanging', () => {
    const mapped = refangWithMap('plain text, 06-12345678');
    expect(mapped.text).toBe('plain text, 06-12345678');
    expect(mapped.toOriginalStart(5)).toBe(5);
    expect(mapped.toOriginalEnd(9)).toBe(9);
  });
});
