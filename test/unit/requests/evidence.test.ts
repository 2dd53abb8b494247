import { describe, expect, it } from 'vitest';
import { evidenceLines, MAX_EVIDENCE_LENGTH, readField, sentenceAround } from '../../../src-main/requests/evidence';
import { createReporterRedactor, REDACTED } from '../../../shared/requests/reporter-redaction';

const IBAN = 'NL91ABNA0417164300';

describe('sentenceAround', () => {
  it('cuts the sentence that holds the indicator out of a story', () => {
    const story = `Ik zag een fiets op Marktplaats. De verkoper vroeg mij ${IBAN} te betalen. Daarna hoorde ik niets meer!`;
    expect(sentenceAround(story, IBAN)).toBe(`De verkoper vroeg mij ${IBAN} te betalen.`);
  });

  it('does not end a sentence at a dot inside the indicator', () => {
    const story = 'Eerst kreeg ik een sms. Ik moest inloggen op https://ing-verificatie.nl/login om mijn pas te verlengen. Dat deed ik.';
    expect(sentenceAround(story, 'https://ing-verificatie.nl/login')).toBe('Ik moest inloggen op https://ing-verificatie.nl/login om mijn pas te verlengen.');
  });

  it('clips a long run-on sentence around the indicator', () => {
    const story = `${'bla '.repeat(200)}betaald aan ${IBAN} ${'en toen '.repeat(100)}.`;
    const sentence = sentenceAround(story, IBAN);
    expect(sentence.length).toBeLessThanOrEqual(MAX_EVIDENCE_LENGTH + 2);
    expect(sentence).toContain(IBAN);
    expect(sentence.startsWith('…') && sentence.endsWith('…')).toBe(true);
  });
});

describe('evidenceLines', () => {
  const record = {
    suspect: { bankAccounts: ['NL91 ABNA 0417 1643 00'] },
    incident: { narrative: 'Hallo. Ik betaalde € 100 aan NL91 ABNA 0417 1643 00 voor een fiets. Nooit geleverd.' },
  };

  it('reads fields by path', () => {
    expect(readField(record, 'suspect.bankAccounts[0]')).toBe('NL91 ABNA 0417 1643 00');
    expect(readField(record, 'payments[0].reference')).toBeUndefined();
  });

  it('gives structured fields as typed and free text as the sentence around the mention', () => {
    const lines = evidenceLines(
      record,
      [
        { field: 'incident.narrative', raw: 'NL91 ABNA 0417 1643 00' },
        { field: 'suspect.bankAccounts[0]', raw: 'NL91 ABNA 0417 1643 00' },
      ],
      (text) => text,
    );
    expect(lines).toEqual([
      { field: 'incident.narrative', text: 'Ik betaalde € 100 aan NL91 ABNA 0417 1643 00 voor een fiets.' },
      { field: 'suspect.bankAccounts[0]', text: 'NL91 ABNA 0417 1643 00' },
    ]);
  });
});

describe('createReporterRedactor', () => {
  const redact = createReporterRedactor({
    type: 'person',
    name: 'Jan de Vries',
    email: 'jan.devries@example.org',
    phone: '06-12345678',
    birthDate: '1961-04-09',
    address: { street: 'Lindelaan', houseNumber: '12', postalCode: '3511 AB', city: 'Utrecht' },
  });

  it('removes the reporter name, also when written in parts', () => {
    expect(redact('Ik, Jan de Vries, betaalde. Groet, Jan. Mevrouw de vries belde.')).toBe(`Ik, ${REDACTED.name}, betaalde. Groet, ${REDACTED.name}. Mevrouw de ${REDACTED.name} belde.`);
  });

  it('keeps name particles and words that merely contain the name', () => {
    expect(redact('De bank van de verkoper; Janssen en Vriesland.')).toBe('De bank van de verkoper; Janssen en Vriesland.');
  });

  it('removes the e-mail address, the phone number in any notation and the date of birth', () => {
    expect(redact('Mail jan.devries@example.org of bel +31 6 1234 5678 / 0612345678; geboren 9-4-1961 (1961-04-09).')).toBe(
      `Mail ${REDACTED.email} of bel ${REDACTED.phone} / ${REDACTED.phone}; geboren ${REDACTED.birthDate} (${REDACTED.birthDate}).`,
    );
  });

  it("keeps other people's phone numbers", () => {
    expect(redact('De oplichter belde vanaf 06-98765432.')).toBe('De oplichter belde vanaf 06-98765432.');
  });

  it('removes the street address and the postal code', () => {
    expect(redact('Bezorgd op Lindelaan 12, 3511AB Utrecht.')).toBe(`Bezorgd op ${REDACTED.address}, ${REDACTED.postalCode} Utrecht.`);
  });

  it('removes the name of a reporting organisation', () => {
    const forOrganisation = createReporterRedactor({ type: 'organisation', name: 'P. Jansen', organisation: { name: 'Bakkerij Het Zoete Broodje', kvkNumber: '12345678' } });
    expect(forOrganisation('Bij Bakkerij Het Zoete Broodje (KvK 12345678) werd alles versleuteld.')).toBe(
      `Bij ${REDACTED.organisation} (KvK ${REDACTED.organisation}) werd alles versleuteld.`,
    );
  });

  it('keeps the opening bracket of a phone number in brackets, and takes a bracketed area code whole', () => {
    expect(redact('Bel mij (06-12345678) of op (020) 123 45 67.')).toBe(`Bel mij (${REDACTED.phone}) of op (020) 123 45 67.`);
    expect(createReporterRedactor({ type: 'person', name: 'P. Jansen', phone: '020-1234567' })('Vast nummer (020) 123 45 67.')).toBe(`Vast nummer ${REDACTED.phone}.`);
  });

  it('removes a phone number the normalizer does not read as the reporter typed it, and keeps a phone field that is no number', () => {
    // 06-7… is no Dutch number in use: the normalizer gives nothing, and before, the quote stayed whole.
    expect(createReporterRedactor({ type: 'person', name: 'P. Jansen', phone: '06-71529384' })('Bel melder op 06-71529384 of 06-12345678.')).toBe(
      `Bel melder op ${REDACTED.phone} of 06-12345678.`,
    );
    expect(createReporterRedactor({ type: 'person', name: 'P. Jansen', phone: 'onbekend' })('Telefoon onbekend.')).toBe('Telefoon onbekend.');
  });

  it('removes such a number in the other notations people write it in, and keeps a number one digit apart', () => {
    const redact = createReporterRedactor({ type: 'person', name: 'P. Jansen', phone: '06-71529384' });
    for (const notation of ['0671529384', '06 71529384', '+31 6 71529384', '0031 (0)6 7152 9384', '06-7152 9384', '(06) 71 52 93 84']) {
      expect(redact(`Bel ${notation} terug.`)).toBe(`Bel ${REDACTED.phone} terug.`);
    }
    expect(redact('Bel 06-71529385 of 106-71529384.')).toBe('Bel 06-71529385 of 106-71529384.');
  });

  it('changes nothing without a reporter', () => {
    expect(createReporterRedactor(undefined)('Jan de Vries')).toBe('Jan de Vries');
  });
});

describe('createReporterRedactor with what the story names as the reporter’s own', () => {
  const SUSPECT_IBAN = 'NL20INGB0001234567';
  const redact = createReporterRedactor(undefined, [
    { type: 'iban', value: IBAN, raw: 'NL91 ABNA 0417 1643 00' },
    { type: 'phone', value: '+31687654321', raw: '06 87 65 43 21' },
    { type: 'email', value: 'mijn.eigen@example.org', raw: 'Mijn.Eigen@example.org' },
  ]);

  it('removes the own account however it is quoted (spaced, unspaced, lower case), and keeps the suspect’s beside it', () => {
    expect(redact(`Slachtoffer betaalde vanaf ${IBAN} naar ${SUSPECT_IBAN}.`)).toBe(`Slachtoffer betaalde vanaf ${REDACTED.account} naar ${SUSPECT_IBAN}.`);
    expect(redact(`Van NL91 ABNA 0417 1643 00 en nl91abna0417164300 naar ${SUSPECT_IBAN}`)).toBe(`Van ${REDACTED.account} en ${REDACTED.account} naar ${SUSPECT_IBAN}`);
  });

  it('removes the own number in its Dutch shapes and the own e-mail address in any case', () => {
    expect(redact('Bel 0687654321, +31 6 8765 4321 of (06-87654321); mail MIJN.EIGEN@example.org.')).toBe(
      `Bel ${REDACTED.phone}, ${REDACTED.phone} of (${REDACTED.phone}); mail ${REDACTED.email}.`,
    );
  });

  it('keeps an account that differs in one digit (the honest twin)', () => {
    expect(redact('Andere rekening NL91ABNA0417164301.')).toBe('Andere rekening NL91ABNA0417164301.');
  });
});
