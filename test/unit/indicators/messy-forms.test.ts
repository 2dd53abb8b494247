/** Indicators as citizens really type them (issue 17): each class with its real forms and the negative twins. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextWithMap } from '../../../shared/indicators/clean-text';
import { extractIndicators } from '../../../shared/indicators/extract-record';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';
import { normalizeEmail } from '../../../shared/indicators/normalize/email';
import { normalizeIban } from '../../../shared/indicators/normalize/iban';
import { normalizePhone } from '../../../shared/indicators/normalize/phone';
import { normalizeRemoteAccess } from '../../../shared/indicators/normalize/remote-access';
import type { IntakeRecord } from '../../../shared/intake/schema';

function found(text: string): string[] {
  return findIndicatorsInText(text).map((indicator) => `${indicator.type} ${indicator.value}`);
}

const ZWSP = '\u200B';
const ZWJ = '\u200D';
const BOM = '\uFEFF';
const LRM = '\u200E';
const RLM = '\u200F';
const NBSP = '\u00A0';
const NNBSP = '\u202F';
const THIN = '\u2009';

/** Full-width form of ASCII digits (as phones and some keyboards type them). */
const fullWidth = (text: string): string => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));

describe('Unicode look-alikes', () => {
  it.each([
    [`bel ${fullWidth('06-12345678')}`, 'phone +31612345678'],
    [`bel 06${ZWSP}12345678 terug`, 'phone +31612345678'],
    [`nummer 06${NBSP}12${NBSP}34${NBSP}56${NBSP}78`, 'phone +31612345678'],
    [`nummer +31${NNBSP}6${THIN}12345678`, 'phone +31612345678'],
    [`nummer 06\u201112345678`, 'phone +31612345678'], // non-breaking hyphen
    [`nummer 06\u221212345678`, 'phone +31612345678'], // minus sign
    [`${BOM}06-12345678 belde mij`, 'phone +31612345678'],
    [`rekening NL91${ZWSP}ABNA${ZWSP}0417${ZWSP}1643${ZWSP}00`, 'iban NL91ABNA0417164300'],
    [`rekening NL91${NBSP}ABNA${NBSP}0417${NBSP}1643${NBSP}00`, 'iban NL91ABNA0417164300'],
    [`rekening ＮＬ９１ＡＢＮＡ０４１７１６４３００`, 'iban NL91ABNA0417164300'],
    [`rekening ${LRM}NL91ABNA0417164300${RLM}`, 'iban NL91ABNA0417164300'],
    [`mail info${ZWJ}@ing-veilig.nl`, 'email info@ing-veilig.nl'],
    [`mail info＠ing-veilig．nl`, 'email info@ing-veilig.nl'],
    [`site https://ing-veilig${ZWSP}.nl/login`, 'url https://ing-veilig.nl/login'],
    [`AnyDesk ${fullWidth('482 193 557')}`, 'remote_access anydesk:482193557'],
    [`𝟎𝟔-𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖 belde`, 'phone +31612345678'], // mathematical bold digits (a surrogate pair each)
  ])('%j → %s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it.each([
    [`06${ZWSP}1234`, 'too short with or without the zero-width space'],
    [`NL91${ZWSP}ABNA${ZWSP}0417${ZWSP}1643${ZWSP}01`, 'a wrong checksum stays wrong'],
    [`${fullWidth('12-03-2026')} om ${fullWidth('14.30')}`, 'a full-width date is still a date'],
    [`bedrag ${fullWidth('2.450')} euro`, 'a full-width amount is still an amount'],
  ])('%j finds nothing (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('keeps the text as typed in raw, invisible characters and full-width digits included', () => {
    const text = `Hij belde van ${fullWidth('06')}-1234${ZWSP}5678 en gaf NL91${NBSP}ABNA0417164300.`;
    expect(findIndicatorsInText(text).map((indicator) => indicator.raw)).toEqual([`${fullWidth('06')}-1234${ZWSP}5678`, `NL91${NBSP}ABNA0417164300`]);
  });

  it('cleans structured fields too, keeping raw as typed', () => {
    expect(normalizePhone(`${fullWidth('0612345678')}`)?.value).toBe('+31612345678');
    expect(normalizeIban(`NL91${ZWSP}ABNA 0417 1643 00`)?.value).toBe('NL91ABNA0417164300');
    expect(normalizeRemoteAccess(`AnyDesk ${fullWidth('482')}${NBSP}193 557`)?.value).toBe('anydesk:482193557');
    const record = {
      schema: 'intake-report/1',
      reportId: 'IA-2026-0000001',
      revision: 1,
      status: 'filed',
      receivedAt: '2026-03-01T10:00:00Z',
      channel: 'internet',
      kind: 'aangifte',
      category: 'phishing',
      reporter: { type: 'person', name: 'Test Persoon' },
      incident: { summary: 'test', narrative: 'test' },
      suspect: { phoneNumbers: [fullWidth('06-12345678')], bankAccounts: [`NL91${ZWSP}ABNA0417164300`] },
    } as IntakeRecord;
    expect(extractIndicators(record).map((mention) => [mention.type, mention.value, mention.raw])).toEqual([
      ['phone', '+31612345678', fullWidth('06-12345678')],
      ['iban', 'NL91ABNA0417164300', `NL91${ZWSP}ABNA0417164300`],
    ]);
  });

  it('maps every offset of the cleaned text back into the text as typed', () => {
    const typed = `a${ZWSP}b０c${BOM}`;
    const mapped = cleanTextWithMap(typed);
    expect(mapped.text).toBe('ab0c');
    expect(typed.slice(mapped.toOriginalStart(1), mapped.toOriginalEnd(3))).toBe('b０');
    expect(cleanText('plain ASCII stays')).toBe('plain ASCII stays');
  });
});

describe('obfuscated e-mail addresses', () => {
  it.each([
    ['Zijn adres: daniel.walker.navy at outlook.com, daarna niets.', 'email daniel.walker.navy@outlook.com'],
    ['mail naar info at ing-veilig.nl', 'email info@ing-veilig.nl'],
    ['mail naar info [at] ing-veilig [dot] nl', 'email info@ing-veilig.nl'],
    ['mail naar info(at)ing-veilig.nl', 'email info@ing-veilig.nl'],
    ['contact: jan @ gmail.com', 'email jan@gmail.com'],
    ['contact: jan@ gmail.com', 'email jan@gmail.com'],
    ['contact: jan.devries88 @gmail.com', 'email jan.devries88@gmail.com'],
    ['schrijf naar jan at gmail dot com', 'email jan@gmail.com'],
    ['his email was peter at helpdesk-secure dot com', 'email peter@helpdesk-secure.com'],
    ['the address was support AT microsoft-help.net', 'email support@microsoft-help.net'],
    ['van j_smit at hotmail.com kreeg ik', 'email j_smit@hotmail.com'],
    ['ik stuurde alles naar kim.v at protonmail punt com', 'email kim.v@protonmail.com'],
  ])('%j → %s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it('reads an IBAN with a space after the country code, never its digits as a phone number', () => {
    expect(found('Het geld is van de rekening NL 10 INGB 0404 0105 63 afgeschreven.')).toEqual(['iban NL10INGB0404010563']);
  });

  it('never reads the local part of a written-out address as a domain', () => {
    expect(found('Zijn adres: daniel.walker.navy at outlook.com.')).toEqual(['email daniel.walker.navy@outlook.com']);
  });

  it.each([
    ['I looked at booking.com and paid there.'],
    ['we were at marktplaats.nl looking for a bike'],
    ['we met at 10.30 near the station'],
    ['Hij stond at least 10 minuten te wachten'],
    ['jan at gmail'],
  ])('%j is no e-mail address', (text) => {
    expect(found(text).filter((item) => item.startsWith('email'))).toEqual([]);
  });

  it.each([
    ['info at example.com', 'info@example.com'],
    ['jan at gmail dot com', 'jan@gmail.com'],
    ['jan @ gmail.com', 'jan@gmail.com'],
    ['Daniel.Walker.Navy AT Outlook.com', 'daniel.walker.navy@outlook.com'],
  ])('the suspect e-mail field reads %j as %s', (raw, expected) => {
    expect(normalizeEmail(raw)?.value).toBe(expected);
  });
});

describe('remote-access IDs in prose', () => {
  it.each([
    ['ik moest TeamViewer installeren; hij maakte verbinding met ID 123 456 789', 'remote_access teamviewer:123456789'],
    ['Ik moest AnyDesk downloaden. Daarna vroeg hij om de code: 482 193 557.', 'remote_access anydesk:482193557'],
    ['I installed AnyDesk on 12-03-2026. He then asked for the ID 1 234 567 890.', 'remote_access anydesk:1234567890'],
    ['He made me install TeamViewer and read out the number 987-654-321.', 'remote_access teamviewer:987654321'],
    ['Via Rust Desk kwam hij binnen, het ID was 123456789.', 'remote_access rustdesk:123456789'],
    ['Hij liet me UltraViewer installeren. Mijn ID was 312 455 678 en het wachtwoord 4451.', 'remote_access ultraviewer:312455678'],
    ['Ik moest QuickSupport openen, daar stond het nummer 1 405 336 712 op.', 'remote_access quicksupport:1405336712'],
    ['Ze hadden ook AnyDesk op mijn computer gezet. Via TeamViewer kwam hij binnen, het nummer was 586-432-296-3.', 'remote_access teamviewer:5864322963'],
  ])('%j → %s', (text, expected) => {
    expect(found(text)).toContain(expected);
  });

  it.each([
    ['Ik moest AnyDesk installeren. Hij belde vanaf 020 123 4567. Het ID weet ik niet meer.'],
    ['Ik heb AnyDesk geïnstalleerd. Toen ging het mis. Later betaalde ik 1 234 567 euro.'], // beyond the next sentence
    ['AnyDesk vroeg niets; ik belde +44 20 7946 0321 terug.'], // a phone number's digits
    ['Ik heb TeamViewer op 12-03-2026 verwijderd.'], // a date
    ['Ze hadden AnyDesk op mijn computer gezet. Ik ben bereikbaar op 06 - 19057818.'], // a phone number after its trunk prefix
  ])('%j yields no remote-access ID', (text) => {
    expect(found(text).filter((item) => item.startsWith('remote_access'))).toEqual([]);
  });
});

describe('property: invisible characters and digit widths never change what is found', () => {
  const texts = fc.constantFrom(
    'Hij belde van 06-12345678 en ik betaalde naar NL91 ABNA 0417 1643 00.',
    'Ik moest AnyDesk installeren (code 482 193 557) en mailen naar info@ing-veilig.nl.',
    'Link: https://ing-veilig.nl/login?id=4, of bel +44 20 7946 0321. BTC: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    'schrijf naar daniel.walker.navy at outlook.com of bel 0031 6 12 34 56 78',
    'Ik heb betaald vanaf mijn eigen rekening NL91ABNA0417164300 naar NL84 ABNA 5260 1815 90.',
  );
  const invisible = fc.constantFrom(ZWSP, ZWJ, '\u200C', BOM, LRM, RLM, '\u2060', '\u00AD', '\u202A', '\u2066');
  const values = (text: string): string[] => findIndicatorsInText(text).map((item) => `${item.type} ${item.value} ${item.reporterOwn ?? false}`);

  it('inserting invisible format characters anywhere changes no canonical value', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 12 }), (text, inserts) => {
        let messy = text;
        for (const [position, char] of inserts) {
          const at = position % (messy.length + 1);
          messy = messy.slice(0, at) + char + messy.slice(at);
        }
        expect(values(messy)).toEqual(values(text));
      }),
      { numRuns: 300 },
    );
  });

  it('switching any digits to full width changes no canonical value', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }), (text, switches) => {
        let index = 0;
        const messy = text.replace(/[0-9]/g, (digit) => (switches[index++ % switches.length] ? fullWidth(digit) : digit));
        expect(values(messy)).toEqual(values(text));
      }),
      { numRuns: 300 },
    );
  });

  it('Unicode spaces in place of spaces change no canonical value', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.constantFrom(' ', NBSP, NNBSP, THIN, '\u2007', '\u3000'), { minLength: 40, maxLength: 40 }), (text, spaces) => {
        let index = 0;
        const messy = text.replace(/ /g, () => spaces[index++ % spaces.length]!);
        expect(values(messy)).toEqual(values(text));
      }),
      { numRuns: 200 },
    );
  });
});
