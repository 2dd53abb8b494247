import { afterEach, describe, expect, it } from 'vitest';
import { prepareLine } from '../../../src-main/ingest/prepare-line';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';
import { filedRecord } from '../../support/records';

/**
 * Extraction must cost the same per character however long a report is: a citizen's 400 KB `suspect.other` item
 * must not hang the prepare worker (and with it the import or the sync, on every workstation). Counted, not timed:
 * every regex search is counted by the characters it can have looked at — from where it starts to where it
 * matched, or to the end of its text when it found nothing (a sticky one only tries where it starts).
 */
let searched = 0;
const exec = Reflect.get(RegExp.prototype, 'exec');
afterEach(() => {
  RegExp.prototype.exec = exec;
});

function countSearches(): void {
  // Replaced by hand, not spied on: a spy keeps every call (millions here).
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    // A sticky regex tries one position only: a miss searched nothing past it.
    const stop = match ? match.index : this.sticky ? from : String(input).length;
    searched += Math.max(0, stop - from);
    return match;
  };
}

/** Characters searched to prepare one record whose `suspect.other` item is `text`. */
function searchedToPrepare(text: string): number {
  const line = JSON.stringify(filedRecord({ suspect: { other: [text] } }));
  searched = 0;
  const prepared = prepareLine({ number: 1, text: line } as Parameters<typeof prepareLine>[0]);
  expect(prepared.ok).toBe(true);
  return searched;
}

const KB = 1024;
const shapes: Record<string, string> = {
  'a tool name in every sentence with no sentence end': 'anydesk ',
  'tool names, then a long text without one': 'teamviewer ',
  '"(0" over and over': '(0',
  'a long run of digits': '1',
  'digits and blanks': '1 ',
  'plus-zero groups': '+0 ',
  'dots': '.',
  'at-signs': '@',
  'slashes': '/',
  'url-ish': 'http://a',
  'www over and over': 'www.',
  'iban-ish': 'NL12 ',
  'spelled-out e-mail': 'a at b dot ',
  'host-ish': 'a.b',
};

describe('extraction is linear in the length of the text', () => {
  for (const [shape, unit] of Object.entries(shapes)) {
    it(`${shape}: 400 KB costs twice 200 KB`, () => {
      countSearches();
      const make = (size: number): string =>
        shape.startsWith('tool names, then') ? `${unit.repeat(200)}${'x '.repeat(size / 2)}` : unit.repeat(Math.round(size / unit.length));
      const half = searchedToPrepare(make(200 * KB));
      const whole = searchedToPrepare(make(400 * KB));
      expect(whole / half).toBeLessThan(2.2);
    }, 180_000);
  }

  it('its honest twin: the counter sees a search that is quadratic', () => {
    countSearches();
    const quadratic = (size: number): number => {
      searched = 0;
      const text = 'x'.repeat(size);
      // From every position to the end: what windowEnd did from every tool name.
      for (let at = 0; at < size; at += 64) {
        const re = /\n/g;
        re.lastIndex = at;
        re.exec(text);
      }
      return searched;
    };
    expect(quadratic(64 * KB) / quadratic(32 * KB)).toBeGreaterThan(3.5);
  });

  it('keeps what it finds: a remote-access ID after its tool name, even in a long text of them', () => {
    const text = `${'anydesk '.repeat(5_000)}Ik moest AnyDesk installeren. Hij vroeg de code: 482 193 557. ${'x '.repeat(5_000)}`;
    expect(findIndicatorsInText(text).map((found) => `${found.type} ${found.value}`)).toEqual(['remote_access anydesk:482193557']);
  });
});
