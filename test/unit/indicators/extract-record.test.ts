import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intakeRecordSchema, type IntakeRecord } from '../../../shared/intake/schema';
import { extractIndicators } from '../../../shared/indicators/extract-record';

const EXAMPLES_PATH = new URL('../../../../shared/intake/examples.ndjson', import.meta.url);

function loadExamples(): Map<string, IntakeRecord> {
  const records = new Map<string, IntakeRecord>();
  for (const line of readFileSync(EXAMPLES_PATH, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = intakeRecordSchema.parse(JSON.parse(line));
    records.set(record.reportId, record);
  }
  return records;
}

const examples = loadExamples();
function example(reportId: string): IntakeRecord {
  const record = examples.get(reportId);
  if (!record) throw new Error(`example ${reportId} missing`);
  return record;
}

/** "type value @ field" strings: short expectations, readable failures. */
function mentions(record: IntakeRecord): string[] {
  return extractIndicators(record).map((m) => `${m.type} ${m.value} @ ${m.field}`);
}
function values(record: IntakeRecord): Set<string> {
  return new Set(extractIndicators(record).map((m) => `${m.type} ${m.value}`));
}

/** A minimal filed record with the given parts; synthetic data only. */
function record(parts: Partial<IntakeRecord>): IntakeRecord {
  return {
    schema: 'intake-report/1',
    reportId: 'IA-2026-0009999',
    revision: 1,
    status: 'filed',
    receivedAt: '2026-03-10T10:00:00Z',
    channel: 'internet',
    kind: 'melding',
    category: 'other',
    reporter: { type: 'person', name: 'T. Tester', phone: '06-11111111', email: 'tester@example.nl' },
    incident: { summary: 'test' },
    ...parts,
  };
}

describe('extractIndicators on the contract examples', () => {
  it('reads all six examples', () => {
    expect([...examples.keys()].sort()).toEqual([
      'IA-2026-0000099',
      'IA-2026-0000101',
      'IA-2026-0000102',
      'IA-2026-0000103',
      'IA-2026-0000104',
      'IA-2026-0000105',
    ]);
  });

  it('IA-2026-0000101 (helpdesk fraud): remote access, IBAN, UK phone from every field', () => {
    expect(mentions(example('IA-2026-0000101'))).toEqual([
      'remote_access anydesk:482193557 @ incident.narrative',
      'iban NL84ABNA5260181590 @ incident.narrative',
      'phone +442079460321 @ incident.narrative',
      'phone +442079460321 @ suspect.phoneNumbers[0]',
      'iban NL84ABNA5260181590 @ suspect.bankAccounts[0]',
      'iban NL84ABNA5260181590 @ payments[0].beneficiaryAccount',
      'remote_access anydesk:482193557 @ remoteAccess',
    ]);
    const fromRecord = extractIndicators(example('IA-2026-0000101')).find((m) => m.field === 'remoteAccess');
    expect(fromRecord).toEqual({
      type: 'remote_access',
      value: 'anydesk:482193557',
      field: 'remoteAccess',
      raw: '482 193 557',
      enrichment: { network: 'anydesk' },
    });
  });

  it('IA-2026-0000102 (bank helpdesk fraud): spoofed ING number, IBAN, URL + domain; not the reporter\'s phone', () => {
    const found = mentions(example('IA-2026-0000102'));
    expect(found).toEqual([
      'phone +31202288800 @ incident.narrative',
      'iban NL48INGB8301661318 @ incident.narrative',
      'url https://ing-beveiliging.com/verificatie @ incident.narrative',
      'domain ing-beveiliging.com @ incident.narrative',
      'phone +31202288800 @ suspect.phoneNumbers[0]',
      'url https://ing-beveiliging.com/verificatie @ suspect.websites[0]',
      'domain ing-beveiliging.com @ suspect.websites[0]',
      'iban NL48INGB8301661318 @ suspect.bankAccounts[0]',
      'iban NL48INGB8301661318 @ payments[0].beneficiaryAccount',
    ]);
    expect(found.join('\n')).not.toContain('+31623456789'); // the reporter's own 06-23456789
    const website = extractIndicators(example('IA-2026-0000102')).find((m) => m.field === 'suspect.websites[0]');
    expect(website?.raw).toBe('hxxps://ing-beveiliging[.]com/verificatie');
  });

  it('IA-2026-0000103 (ransomware): wallet, onion domain and e-mail from narrative, suspect, note and contact', () => {
    expect(mentions(example('IA-2026-0000103'))).toEqual([
      'crypto btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq @ incident.narrative',
      'domain lockbitsupp.onion @ incident.narrative',
      'email recovery.team@protonmail.com @ incident.narrative',
      'email recovery.team@protonmail.com @ suspect.emailAddresses[0]',
      'crypto btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq @ suspect.cryptoAddresses[0]',
      'email recovery.team@protonmail.com @ ransomware.contact',
      'crypto btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq @ ransomware.ransomNote',
    ]);
  });

  it('IA-2026-0000104 (WhatsApp fraud): mobile number and spaced IBAN', () => {
    expect(mentions(example('IA-2026-0000104'))).toEqual([
      'phone +31687654321 @ incident.narrative',
      'iban NL48INGB8301661318 @ incident.narrative',
      'phone +31687654321 @ suspect.phoneNumbers[0]',
      'iban NL48INGB8301661318 @ suspect.bankAccounts[0]',
      'iban NL48INGB8301661318 @ payments[0].beneficiaryAccount',
    ]);
  });

  it('IA-2026-0000105 (phishing): URL with subdomain, M2M sender', () => {
    expect(mentions(example('IA-2026-0000105'))).toEqual([
      'url https://mijn.ing-beveiliging.com/pas @ incident.narrative',
      'domain ing-beveiliging.com @ incident.narrative',
      'phone +3197010203040 @ incident.narrative',
      'phone +3197010203040 @ suspect.phoneNumbers[0]',
      'url https://mijn.ing-beveiliging.com/pas @ suspect.websites[0]',
      'domain ing-beveiliging.com @ suspect.websites[0]',
    ]);
  });

  it('IA-2026-0000099 (withdrawn) yields nothing', () => {
    expect(extractIndicators(example('IA-2026-0000099'))).toEqual([]);
  });

  it('links the examples the way the contract intends', () => {
    const shared = (a: string, b: string) => [...values(example(a))].filter((v) => values(example(b)).has(v)).sort();
    expect(shared('IA-2026-0000102', 'IA-2026-0000104')).toEqual(['iban NL48INGB8301661318']);
    expect(shared('IA-2026-0000102', 'IA-2026-0000105')).toEqual(['domain ing-beveiliging.com']);
    expect(shared('IA-2026-0000101', 'IA-2026-0000103')).toEqual([]);
  });

  it('keeps the text as typed and the enrichment on every mention', () => {
    for (const found of extractIndicators(example('IA-2026-0000104'))) {
      if (found.type === 'iban') expect(found.enrichment).toEqual({ country: 'NL', bankCode: 'INGB', bankName: 'ING' });
      if (found.type === 'phone') expect(found.enrichment).toEqual({ country: 'NL', phoneKind: 'mobile' });
    }
    const raws = extractIndicators(example('IA-2026-0000104')).map((m) => m.raw);
    expect(raws).toEqual(['06 87 65 43 21', 'NL48 INGB 8301 6613 18', '06 87 65 43 21', 'NL48 INGB 8301 6613 18', 'NL48 INGB 8301 6613 18']);
  });
});

describe('extractIndicators — the reporter\'s own data', () => {
  it('drops the reporter\'s phone and e-mail wherever they appear, in any spelling', () => {
    const found = mentions(
      record({
        reporter: { type: 'person', name: 'T. Tester', phone: '+31 6 11111111', email: 'Tester@Example.nl' },
        incident: {
          summary: 'test',
          narrative: 'Hij belde mij op 06-11111111 en mailde naar tester[at]example[dot]nl vanaf 06-22222222 en boef@example.nl.',
        },
        suspect: { phoneNumbers: ['0611111111', '06-22222222'], emailAddresses: ['tester@example.nl'] },
      }),
    );
    expect(found).toEqual([
      'phone +31622222222 @ incident.narrative',
      'email boef@example.nl @ incident.narrative',
      'phone +31622222222 @ suspect.phoneNumbers[1]',
    ]);
  });

  it('drops an organisation\'s own domain, but not a person\'s webmail domain', () => {
    const organisation = record({
      reporter: { type: 'organisation', name: 'Bakkerij Voorbeeld', email: 'info@bakkerij-voorbeeld.nl' },
      incident: { summary: 'test', narrative: 'Onze site bakkerij-voorbeeld.nl werd nagemaakt op bakkerij-voorbeeld-shop.nl.' },
    });
    expect(mentions(organisation)).toEqual(['domain bakkerij-voorbeeld-shop.nl @ incident.narrative']);

    const person = record({
      reporter: { type: 'person', name: 'T. Tester', email: 'tester@gmail.com' },
      incident: { summary: 'test', narrative: 'Het ging via gmail.com.' },
    });
    expect(mentions(person)).toEqual(['domain gmail.com @ incident.narrative']);
  });

  it('copes with a reporter without contact details or with junk in them', () => {
    const found = mentions(
      record({
        reporter: { type: 'person', name: 'T. Tester', phone: 'geen', email: 'weet ik niet' },
        suspect: { phoneNumbers: ['06-22222222'] },
      }),
    );
    expect(found).toEqual(['phone +31622222222 @ suspect.phoneNumbers[0]']);
  });
});

describe('extractIndicators — structured fields', () => {
  it('reads each suspect list as its type and falls back to a text scan', () => {
    const found = mentions(
      record({
        suspect: {
          names: ['Mark 06-99999999'], // names are never scanned
          phoneNumbers: ['06-12345678', '+31 (0)6 1234 5678', '06-12345678 (WhatsApp)', 'onbekend', 'boef@example.nl'],
          emailAddresses: ['Boef[at]Example[dot]nl', 'mail: boef2@example.nl', 'geen'],
          websites: ['hxxps://ing-verificatie[.]nl/login', 'www.fake-shop.nl', 'ing-verificatie.nl', 'fake-shop.nl/bestel', 'zie sms', 'https://wa.me/31612345678'],
          bankAccounts: ['nl91 abna 0417 1643 00', 'NL91ABNA0417164301', 'rekening NL39 RABO 0300 0652 64 t.n.v. X'],
          cryptoAddresses: ['bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=1', 'onbekend'],
          socialMedia: ['https://instagram.com/fake.shop.nl', '@fake_shop', 'Facebook: Jan Jansen, tel 06-87654321', 'wa.me/31687654321'],
          other: ['Hij gebruikte AnyDesk 123 456 789 en mailde via boef3@example.nl'],
        },
      }),
    );
    expect(found).toEqual([
      'phone +31612345678 @ suspect.phoneNumbers[0]',
      'phone +31612345678 @ suspect.phoneNumbers[1]',
      'phone +31612345678 @ suspect.phoneNumbers[2]',
      'email boef@example.nl @ suspect.phoneNumbers[4]',
      'email boef@example.nl @ suspect.emailAddresses[0]',
      'email boef2@example.nl @ suspect.emailAddresses[1]',
      'url https://ing-verificatie.nl/login @ suspect.websites[0]',
      'domain ing-verificatie.nl @ suspect.websites[0]',
      'url https://www.fake-shop.nl/ @ suspect.websites[1]',
      'domain fake-shop.nl @ suspect.websites[1]',
      'domain ing-verificatie.nl @ suspect.websites[2]',
      'domain fake-shop.nl @ suspect.websites[3]',
      'url https://wa.me/31612345678 @ suspect.websites[5]',
      'domain wa.me @ suspect.websites[5]',
      'phone +31612345678 @ suspect.websites[5]',
      'iban NL91ABNA0417164300 @ suspect.bankAccounts[0]',
      'iban NL39RABO0300065264 @ suspect.bankAccounts[2]',
      'crypto btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq @ suspect.cryptoAddresses[0]',
      'url https://instagram.com/fake.shop.nl @ suspect.socialMedia[0]',
      'domain instagram.com @ suspect.socialMedia[0]',
      'phone +31687654321 @ suspect.socialMedia[2]',
      'domain wa.me @ suspect.socialMedia[3]',
      'phone +31687654321 @ suspect.socialMedia[3]',
      'remote_access anydesk:123456789 @ suspect.other[0]',
      'email boef3@example.nl @ suspect.other[0]',
    ]);
  });

  it('reads a payment account as an IBAN, a wallet, or neither — never as a phone number', () => {
    const found = mentions(
      record({
        payments: [
          { amount: '100.00', currency: 'EUR', method: 'bank_transfer', beneficiaryAccount: 'NL91 ABNA 0417 1643 00', reference: 'factuur 2026-031' },
          { amount: '0.5', currency: 'BTC', method: 'crypto', beneficiaryAccount: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' },
          { amount: '50.00', currency: 'EUR', method: 'gift_card', beneficiaryAccount: '0612 3456 7890 1234' },
          { amount: '25.00', currency: 'EUR', method: 'ideal', beneficiaryAccount: 'IBAN NL39 RABO 0300 0652 64 t.n.v. Shop', reference: 'Tikkie via 06-87654321' },
        ],
      }),
    );
    expect(found).toEqual([
      'iban NL91ABNA0417164300 @ payments[0].beneficiaryAccount',
      'crypto btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa @ payments[1].beneficiaryAccount',
      'iban NL39RABO0300065264 @ payments[3].beneficiaryAccount',
      'phone +31687654321 @ payments[3].reference',
    ]);
  });

  it('reads the ransomware contact and note, and the remote-access pair', () => {
    const found = mentions(
      record({
        category: 'ransomware',
        ransomware: {
          family: 'LockBit 3.0',
          encryptedExtension: '.lockbit',
          contact: 'lockbitsupp[.]onion',
          ransomNote: 'Contact us at decrypt@onionmail.org or http://lockbitsupp.onion/chat. BTC: 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
        },
        remoteAccess: { tool: 'TeamViewer', id: '1 234 567 890' },
      }),
    );
    expect(found).toEqual([
      'domain lockbitsupp.onion @ ransomware.contact',
      'email decrypt@onionmail.org @ ransomware.ransomNote',
      'url http://lockbitsupp.onion/chat @ ransomware.ransomNote',
      'domain lockbitsupp.onion @ ransomware.ransomNote',
      'crypto btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy @ ransomware.ransomNote',
      'remote_access teamviewer:1234567890 @ remoteAccess',
    ]);
  });

  it('ignores a remote-access ID that does not fit its tool', () => {
    expect(mentions(record({ remoteAccess: { tool: 'AnyDesk', id: 'weet ik niet meer' } }))).toEqual([]);
    expect(mentions(record({ remoteAccess: { tool: 'other', id: 'RustDesk 123 456 789' } }))).toEqual([
      'remote_access rustdesk:123456789 @ remoteAccess',
    ]);
  });

  it('scans the summary too', () => {
    expect(mentions(record({ incident: { summary: 'Gebeld door 085-1234567' } }))).toEqual(['phone +31851234567 @ incident.summary']);
  });

  it('reports identical (type, value, field) once and keeps fields apart', () => {
    const found = mentions(
      record({
        incident: { summary: 'x', narrative: 'Bel 06-12345678, nogmaals: 0612345678 en +31612345678.' },
        suspect: { phoneNumbers: ['06-12345678', '06-12345678'] },
      }),
    );
    expect(found).toEqual([
      'phone +31612345678 @ incident.narrative',
      'phone +31612345678 @ suspect.phoneNumbers[0]',
      'phone +31612345678 @ suspect.phoneNumbers[1]',
    ]);
  });

  it('never shares enrichment objects between mentions', () => {
    const [first, second] = extractIndicators(record({ suspect: { phoneNumbers: ['06-12345678', '0612345678'] } }));
    expect(first!.enrichment).toEqual(second!.enrichment);
    expect(first!.enrichment).not.toBe(second!.enrichment);
    first!.enrichment!.country = 'XX';
    expect(extractIndicators(record({ suspect: { phoneNumbers: ['06-12345678'] } }))[0]!.enrichment?.country).toBe('NL');
  });

  it('handles a record with only the required parts', () => {
    expect(extractIndicators(record({}))).toEqual([]);
  });
});
