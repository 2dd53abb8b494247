/** Issue 15 §4 / issue 17: what the narrative names as the reporter's own is the reporter's data, never the suspect's. */
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../../../shared/indicators/extract-record';
import { findIndicatorsInText } from '../../../shared/indicators/extract-text';
import type { IntakeRecord } from '../../../shared/intake/schema';

const OWN_IBAN = 'NL91ABNA0417164300';
const SUSPECT_IBAN = 'NL84ABNA5260181590';

/** The values the text names as the writer's own, and the others. */
function split(text: string): { own: string[]; suspect: string[] } {
  const found = findIndicatorsInText(text);
  return {
    own: found.filter((item) => item.reporterOwn).map((item) => item.value),
    suspect: found.filter((item) => !item.reporterOwn).map((item) => item.value),
  };
}

describe('the own-account rule', () => {
  it.each([
    'Ik heb betaald vanaf mijn eigen rekening NL91ABNA0417164300.',
    'Ik heb betaald vanaf mijn rekening NL91 ABNA 0417 1643 00.',
    'Het geld is van mijn rekening NL91ABNA0417164300 afgeschreven.',
    'Mijn rekeningnummer is NL91ABNA0417164300.',
    'Mijn IBAN: NL91ABNA0417164300',
    'mijn bankrekening nl91abna0417164300 is nu geblokkeerd',
    'Van m\'n spaarrekening NL91ABNA0417164300 is alles weg.',
    'Vanaf onze zakelijke rekening NL91ABNA0417164300 is betaald.',
    'Mijn rekening bij de ABN AMRO, NL91ABNA0417164300, is leeggehaald.',
    'Ik betaalde met NL91ABNA0417164300 (mijn eigen rekening).',
    'NL91ABNA0417164300, dat is mijn eigen rekening, werd gebruikt.',
    'I paid from my own account NL91ABNA0417164300.',
    'My account number is NL91ABNA0417164300.',
    'The money left my bank account NL91ABNA0417164300 yesterday.',
    'My IBAN: NL91ABNA0417164300',
    'I used NL91ABNA0417164300 (own account) to pay.',
    'NL91ABNA0417164300 is my own account.',
  ])('%j: the IBAN is the reporter\'s', (text) => {
    expect(split(text)).toEqual({ own: [OWN_IBAN], suspect: [] });
  });

  it.each([
    ['Mijn nummer is 06-12345678.', '+31612345678'],
    ['Mijn telefoonnummer: 06 12 34 56 78', '+31612345678'],
    ['Hij belde naar mijn mobiele nummer 06-12345678.', '+31612345678'],
    ['Ik ben bereikbaar op 06-12345678.', '+31612345678'],
    ['Bel mij gerust op 0612345678.', '+31612345678'],
    ['My phone number is +31 6 12345678.', '+31612345678'],
    ['You can reach me on 06-12345678.', '+31612345678'],
    ['Mijn e-mailadres is jan.devries@gmail.com.', 'jan.devries@gmail.com'],
    ['My email address: jan.devries@gmail.com', 'jan.devries@gmail.com'],
    ['Mijn bitcoin wallet 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa is leeg.', 'btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
  ])('%j: %s is the reporter\'s', (text, value) => {
    expect(split(text).own).toEqual([value]);
  });

  it.each([
    ['Ik maakte over naar NL84ABNA5260181590.'],
    ['Ik maakte 500 euro over naar rekening NL84ABNA5260181590.'],
    ['Van mijn rekening is 500 euro overgemaakt naar NL84ABNA5260181590.'],
    ['Ik moest mijn geld naar mijn nieuwe veilige rekening NL84ABNA5260181590 overmaken.'],
    ['Hij zei dat NL84ABNA5260181590 mijn nieuwe rekening was.'],
    ['I transferred the money to account NL84ABNA5260181590.'],
    ['Money was taken from my account to NL84ABNA5260181590.'],
    ['He asked me to move my savings to a safe account NL84ABNA5260181590.'],
    ['Zijn rekening: NL84ABNA5260181590'],
    ['His account number is NL84ABNA5260181590.'],
  ])('%j: the IBAN stays the suspect\'s', (text) => {
    expect(split(text)).toEqual({ own: [], suspect: [SUSPECT_IBAN] });
  });

  it.each([
    ['Hij belde vanaf 06-87654321.'],
    ["'Hoi mam, dit is mijn nieuwe nummer 06-87654321'"],
    ['Zijn nummer is 06-87654321.'],
    ['The scammer called me from 06-87654321.'],
  ])('%j: the number stays the suspect\'s', (text) => {
    expect(split(text)).toEqual({ own: [], suspect: ['+31687654321'] });
  });

  it('tells both apart in one sentence', () => {
    expect(split('Ik heb vanaf mijn eigen rekening NL91ABNA0417164300 overgemaakt naar NL84 ABNA 5260 1815 90.')).toEqual({ own: [OWN_IBAN], suspect: [SUSPECT_IBAN] });
    expect(split('I paid from my own account NL91ABNA0417164300 to account NL84ABNA5260181590.')).toEqual({ own: [OWN_IBAN], suspect: [SUSPECT_IBAN] });
  });
});

function record(narrative: string, extra: Partial<IntakeRecord> = {}): IntakeRecord {
  return {
    schema: 'intake-report/1',
    reportId: 'IA-2026-0000001',
    revision: 1,
    status: 'filed',
    receivedAt: '2026-03-01T10:00:00Z',
    channel: 'internet',
    kind: 'aangifte',
    category: 'bank_helpdesk_fraud',
    reporter: { type: 'person', name: 'Test Persoon', phone: '06-11112222' },
    incident: { summary: 'Geld kwijt', narrative },
    ...extra,
  };
}

describe('extractRecord: the reporter\'s own data apart', () => {
  it('records the named own account as the reporter\'s, never as a mention, wherever else it turns up', () => {
    const result = extractRecord(
      record('Ik heb betaald vanaf mijn eigen rekening NL91ABNA0417164300 naar NL84 ABNA 5260 1815 90.', {
        suspect: { bankAccounts: ['NL91 ABNA 0417 1643 00', 'NL84ABNA5260181590'] },
      }),
    );
    expect(result.mentions.map((mention) => [mention.type, mention.value, mention.field])).toEqual([
      ['iban', SUSPECT_IBAN, 'incident.narrative'],
      ['iban', SUSPECT_IBAN, 'suspect.bankAccounts[1]'],
    ]);
    expect(result.reporterOwn.map((mention) => [mention.type, mention.value, mention.field, mention.raw])).toEqual([
      ['iban', OWN_IBAN, 'incident.narrative', 'NL91ABNA0417164300'],
      ['iban', OWN_IBAN, 'suspect.bankAccounts[0]', 'NL91 ABNA 0417 1643 00'],
    ]);
  });

  it('shares the rule with reporter.phone: neither becomes a mention; only the narrated one is listed apart', () => {
    const result = extractRecord(record('Mijn nummer is 06-11112222 maar ook 06 33334444 (mijn eigen nummer). Hij belde van 06-87654321.'));
    expect(result.mentions.map((mention) => mention.value)).toEqual(['+31687654321']);
    expect(result.reporterOwn.map((mention) => mention.value)).toEqual(['+31633334444']);
  });

  it('a payment\'s beneficiary is the suspect\'s unless named as the reporter\'s own', () => {
    const result = extractRecord(
      record('Ik maakte over naar NL84ABNA5260181590.', { payments: [{ amount: '100.00', currency: 'EUR', beneficiaryAccount: 'NL84ABNA5260181590' }] }),
    );
    expect(result.mentions.map((mention) => mention.field)).toEqual(['incident.narrative', 'payments[0].beneficiaryAccount']);
    expect(result.reporterOwn).toEqual([]);
  });
});
