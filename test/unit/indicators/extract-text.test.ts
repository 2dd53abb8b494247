import { describe, expect, it } from 'vitest';
import { findIndicatorsInText, type TextIndicator } from '../../../shared/indicators/extract-text';

/** The findings as "type value" strings, which makes expectations short and failures readable. */
function found(text: string): string[] {
  return findIndicatorsInText(text).map((indicator) => `${indicator.type} ${indicator.value}`);
}

function only(text: string, type: TextIndicator['type']): TextIndicator[] {
  return findIndicatorsInText(text).filter((indicator) => indicator.type === type);
}

describe('findIndicatorsInText — realistic narratives', () => {
  it('helpdesk fraud (Dutch): remote access, IBAN, foreign phone; not the amount', () => {
    const text =
      'Ik werd gebeld door een man die Engels sprak en zei dat hij van Microsoft was. Mijn computer zou virussen hebben. ' +
      'Hij liet mij AnyDesk installeren (code 482 193 557) en heeft toen via internetbankieren 2.450 euro overgemaakt naar ' +
      'NL84 ABNA 5260 1815 90. Het nummer waarmee ik gebeld werd was +44 20 7946 0321.';
    expect(findIndicatorsInText(text)).toEqual([
      { type: 'remote_access', value: 'anydesk:482193557', raw: 'AnyDesk installeren (code 482 193 557', enrichment: { network: 'anydesk' } },
      {
        type: 'iban',
        value: 'NL84ABNA5260181590',
        raw: 'NL84 ABNA 5260 1815 90',
        enrichment: { country: 'NL', bankCode: 'ABNA', bankName: 'ABN AMRO' },
      },
      { type: 'phone', value: '+442079460321', raw: '+44 20 7946 0321', enrichment: { country: 'GB', phoneKind: 'fixed_line' } },
    ]);
  });

  it('bank helpdesk fraud: spoofed number, lower-case IBAN, defanged link', () => {
    const text =
      'Ik werd gebeld door iemand van de ING, het nummer op mijn scherm was 020 22 888 00 dus ik vertrouwde het. ' +
      'Er zou fraude zijn op mijn rekening en ik moest mijn geld naar een veilige kluisrekening overmaken: nl48ingb8301661318. ' +
      'Daarna kreeg ik een sms met een link naar hxxps://ing-beveiliging[.]com/verificatie.';
    const result = findIndicatorsInText(text);
    expect(result.map((i) => [i.type, i.value, i.raw])).toEqual([
      ['phone', '+31202288800', '020 22 888 00'],
      ['iban', 'NL48INGB8301661318', 'nl48ingb8301661318'],
      ['url', 'https://ing-beveiliging.com/verificatie', 'hxxps://ing-beveiliging[.]com/verificatie'],
      ['domain', 'ing-beveiliging.com', 'hxxps://ing-beveiliging[.]com/verificatie'],
    ]);
  });

  it('ransomware: bech32 address, onion domain, e-mail; not 0.5 BTC, .lockbit or LockBit 3.0', () => {
    const text =
      'Maandagochtend waren alle bestanden op de server versleuteld met extensie .lockbit. In de losgeldbrief staat dat ' +
      'we 0.5 BTC moeten betalen naar bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq en contact moeten opnemen via de chat op ' +
      'lockbitsupp[.]onion. Revisie 2: we hebben ook een mail gekregen van recovery.team@protonmail.com. LockBit 3.0 zegt: ' +
      'open Restore-My-Files.txt.';
    expect(found(text)).toEqual([
      'crypto btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'domain lockbitsupp.onion',
      'email recovery.team@protonmail.com',
    ]);
  });

  it('WhatsApp fraud: spaced mobile number and spaced IBAN followed by more words', () => {
    const text =
      'Via WhatsApp kreeg ik een bericht van 06 87 65 43 21, zogenaamd mijn dochter met een nieuw nummer. Ik heb 1.250 euro ' +
      'overgemaakt naar NL48 INGB 8301 6613 18 ten name van S. de Graaf.';
    expect(findIndicatorsInText(text).map((i) => [i.type, i.value, i.raw])).toEqual([
      ['phone', '+31687654321', '06 87 65 43 21'],
      ['iban', 'NL48INGB8301661318', 'NL48 INGB 8301 6613 18'],
    ]);
  });

  it('phishing SMS: URL with subdomain, Dutch M2M sender number', () => {
    const text = "Ik kreeg een sms: 'Uw betaalpas verloopt, verifieer via https://mijn.ing-beveiliging.com/pas'. Afzender: +31 97 010 203 040.";
    expect(findIndicatorsInText(text)).toEqual([
      { type: 'url', value: 'https://mijn.ing-beveiliging.com/pas', raw: 'https://mijn.ing-beveiliging.com/pas' },
      { type: 'domain', value: 'ing-beveiliging.com', raw: 'https://mijn.ing-beveiliging.com/pas' },
      {
        type: 'phone',
        value: '+3197010203040',
        raw: '+31 97 010 203 040',
        enrichment: { country: 'NL', phoneKind: 'machine_to_machine' },
      },
    ]);
  });

  it('marketplace fraud with obfuscated e-mail and a www. link', () => {
    const text =
      'Op Marktplaats kocht ik een fiets. De verkoper mailde vanaf verkoper123 [at] mail-service [dot] nl en stuurde een ' +
      'betaalverzoek via www.tikkie-betalen.nl/pay/8821. Ik betaalde 85,00 euro op 12-03-2026 om 14:30.';
    expect(found(text)).toEqual([
      'email verkoper123@mail-service.nl',
      'url https://www.tikkie-betalen.nl/pay/8821',
      'domain tikkie-betalen.nl',
    ]);
    expect(only(text, 'email')[0]!.raw).toBe('verkoper123 [at] mail-service [dot] nl');
  });

  it('investment fraud in English with ETH and TRX addresses and a Telegram link', () => {
    const text =
      'I was contacted on Instagram by an "advisor" who moved me to https://t.me/cryptoprofit_nl. I sent USDT to ' +
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t and later 1.2 ETH to 0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe. ' +
      'Their "platform" was crypto-profit-nl.com (now offline).';
    expect(found(text)).toEqual([
      'url https://t.me/cryptoprofit_nl',
      'domain t.me',
      'crypto trx:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      'crypto eth:0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae',
      'domain crypto-profit-nl.com',
    ]);
  });

  it('sextortion e-mail with a legacy BTC address and an XMR address', () => {
    const text =
      'Pay 1200 USD in Bitcoin to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa within 48 hours or XMR to ' +
      '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A.';
    expect(found(text)).toEqual([
      'crypto btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      'crypto xmr:44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
    ]);
  });

  it('TeamViewer ID written with a colon and spaces', () => {
    expect(found('De "monteur" vroeg om mijn TeamViewer ID: 1 234 567 890 en het wachtwoord.')).toEqual([
      'remote_access teamviewer:1234567890',
    ]);
    expect(found('Installeer AnyDesk-code 482 193 557 aub')).toEqual(['remote_access anydesk:482193557']);
  });

  it('WhatsApp click-to-chat links carry a phone number', () => {
    expect(found('Hij stuurde https://wa.me/31612345678 en later wa.me/+32470123456')).toEqual([
      'url https://wa.me/31612345678',
      'domain wa.me',
      'phone +31612345678',
      'domain wa.me',
      'phone +32470123456',
    ].filter((item, index, all) => all.indexOf(item) === index));
  });
});

describe('findIndicatorsInText — phone numbers', () => {
  it.each([
    ['Bel 06-12345678 terug', '+31612345678', '06-12345678'],
    ['nummer: 06 12 34 56 78.', '+31612345678', '06 12 34 56 78'],
    ['(06-12345678)', '+31612345678', '06-12345678'],
    ['tel:0612345678', '+31612345678', '0612345678'],
    ['Tel.: +31 (0)6 1234 5678', '+31612345678', '+31 (0)6 1234 5678'],
    ['van 0031 6 12345678 af', '+31612345678', '0031 6 12345678'],
    ['(020) 228 88 00 belde', '+31202288800', '(020) 228 88 00'],
    ['(+31) 20 228 88 00', '+31202288800', '(+31) 20 228 88 00'],
    ['bel 06 - 12 34 56 78', '+31612345678', '06 - 12 34 56 78'],
    ['0900-8844 is de politie', '+319008844', '0900-8844'],
    ['via 085-1234567', '+31851234567', '085-1234567'],
    ['belde van 088 - 786 73 72', '+31887867372', '088 - 786 73 72'],
    ['+32 470 12 34 56 (België)', '+32470123456', '+32 470 12 34 56'],
    ['06.12.34.56.78', '+31612345678', '06.12.34.56.78'],
    ['06\u00a012345678', '+31612345678', '06\u00a012345678'],
  ])('%j → %s', (text, value, raw) => {
    expect(only(text, 'phone')).toEqual([expect.objectContaining({ value, raw })]);
  });

  it('finds several numbers in a row', () => {
    expect(found('Hij belde van 06-12345678 / 06-87654321 en daarna 020 1234567.')).toEqual([
      'phone +31612345678',
      'phone +31687654321',
      'phone +31201234567',
    ]);
    expect(found('06 12345678. 020 1234567')).toEqual(['phone +31612345678', 'phone +31201234567']);
  });

  it('stops a number before a trailing group that does not belong to it', () => {
    expect(only('hij belde 06 12345678 2 keer', 'phone').map((p) => p.raw)).toEqual(['06 12345678']);
    expect(only('06-12345678 2.450 2.450 euro', 'phone').map((p) => p.raw)).toEqual(['06-12345678']);
    expect(only('bel 020 1234567 / 06-12345678', 'phone').map((p) => p.raw)).toEqual(['020 1234567', '06-12345678']);
  });

  it.each([
    ['amounts', 'Ik betaalde 2.450 euro, daarna 0,50 en € 1.250,00 en 0.5 BTC.'],
    ['dates and times', 'Op 06-03-2026 om 14:30 en 09-06-2026 14.30 uur, ook 6/3/26 en 06.03.2026.'],
    ['a date followed by a time', 'Gebeld op 09-06-2026 14 30'],
    ['postcodes', 'Ik woon op 1094 HG Amsterdam en 7251BC Vorden.'],
    ['KvK and BSN-like numbers', 'KvK 20123456, klantnummer 123456789, order 98765432.'],
    ['IBAN digits', 'Rekening NL48INGB8301661318 en 8301661318.'],
    ['the emergency number', 'Ik heb 112 gebeld.'],
    ['a SHA-256 hash', 'hash 3f1a5c0e9b0d7a4c2e8f6b1d9a7c5e3f1b2d4c6a8e0f2b4d6c8a0e2f4b6d8c0a'],
    ['short numbers', 'code 0612 en 020 12'],
    ['a number glued to letters', 'ref0612345678 en 0612345678abc'],
    ['a version number', 'Windows 10.0.19045 en LockBit 3.0'],
  ])('no phone numbers in %s', (_, text) => {
    expect(only(text, 'phone')).toEqual([]);
  });
});

describe('findIndicatorsInText — IBANs', () => {
  it.each([
    ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
    ['nl91 abna 0417 1643 00', 'nl91 abna 0417 1643 00'],
    ['NL91-ABNA-0417-1643-00', 'NL91-ABNA-0417-1643-00'],
    ['IBAN:NL91ABNA0417164300.', 'NL91ABNA0417164300'],
    ['(NL91 ABNA 0417 1643 00)', 'NL91 ABNA 0417 1643 00'],
    ['DE89 3704 0044 0532 0130 00 bij de Commerzbank', 'DE89 3704 0044 0532 0130 00'],
    ['naar LT12 1000 0111 0100 1000 van Revolut', 'LT12 1000 0111 0100 1000'],
  ])('%j', (text, raw) => {
    expect(only(text, 'iban').map((i) => i.raw)).toEqual([raw]);
  });

  it('rejects IBANs with a wrong checksum and IBANs glued to a word', () => {
    expect(only('naar NL91 ABNA 0417 1643 01 gestort', 'iban')).toEqual([]);
    expect(only('naar NL91ABNA0417164300ten name van', 'iban')).toEqual([]);
  });

  it('finds an IBAN after an unrelated code that looks like one', () => {
    expect(only('ref AB12 CDEF NL91ABNA0417164300', 'iban').map((i) => i.value)).toEqual(['NL91ABNA0417164300']);
  });
});

describe('findIndicatorsInText — e-mail, URLs and domains', () => {
  it.each([
    ['Info[at]Example[dot]com', 'info@example.com'],
    ['info (at) example (dot) com', 'info@example.com'],
    ['info@example[.]com', 'info@example.com'],
    ['"helpdesk@ing-support.nl"', 'helpdesk@ing-support.nl'],
    ['mail naar helpdesk@ing-support.nl.', 'helpdesk@ing-support.nl'],
    ['mailto:helpdesk@ing-support.nl', 'helpdesk@ing-support.nl'],
  ])('e-mail %j → %s, and no domain for it', (text, value) => {
    expect(found(text)).toEqual([`email ${value}`]);
  });

  it('an e-mail address on a www. host is an e-mail address, not a URL', () => {
    expect(found('stuur het naar info@www.example.nl')).toEqual(['email info@www.example.nl']);
  });

  it.each([
    ['Zie https://ing-verificatie.nl/login.', 'https://ing-verificatie.nl/login', 'https://ing-verificatie.nl/login'],
    ['(https://ing-verificatie.nl/login)', 'https://ing-verificatie.nl/login', 'https://ing-verificatie.nl/login'],
    ['link: https://nl.wikipedia.org/wiki/Phishing_(fraude).', 'https://nl.wikipedia.org/wiki/Phishing_(fraude)', 'https://nl.wikipedia.org/wiki/Phishing_(fraude)'],
    ['"https://ing-verificatie.nl/login?id=42"', 'https://ing-verificatie.nl/login', 'https://ing-verificatie.nl/login?id=42'],
    ['hxxps://ing-verificatie[.]nl/login, toen', 'https://ing-verificatie.nl/login', 'hxxps://ing-verificatie[.]nl/login'],
    ['h**ps://ing-verificatie.nl/login!', 'https://ing-verificatie.nl/login', 'h**ps://ing-verificatie.nl/login'],
    ['www.ing-verificatie.nl/login…', 'https://www.ing-verificatie.nl/login', 'www.ing-verificatie.nl/login'],
    ['HTTPS://ING-VERIFICATIE.NL/Login', 'https://ing-verificatie.nl/Login', 'HTTPS://ING-VERIFICATIE.NL/Login'],
    ['http://185.12.3.4/ing/login.php', 'http://185.12.3.4/ing/login.php', 'http://185.12.3.4/ing/login.php'],
  ])('URL %j → %s', (text, value, raw) => {
    expect(only(text, 'url')).toEqual([{ type: 'url', value, raw }]);
  });

  it('a URL on an IP address yields no domain', () => {
    expect(found('ga naar http://185.12.3.4/login')).toEqual(['url http://185.12.3.4/login']);
  });

  it.each([
    ['De site ing-verificatie.nl zag er echt uit.', 'ing-verificatie.nl'],
    ['ING-Verificatie.NL', 'ing-verificatie.nl'],
    ['ga naar secure.ing-verificatie.nl/login', 'ing-verificatie.nl'],
    ['chat op lockbitsupp[.]onion', 'lockbitsupp.onion'],
    ['gekocht via fietsen-outlet.co.uk.', 'fietsen-outlet.co.uk'],
    ['webshop münchen-fahrräder.de', 'xn--mnchen-fahrrder-clb01b.de'],
  ])('bare domain %j → %s (no URL without scheme or www.)', (text, value) => {
    expect(found(text)).toEqual([`domain ${value}`]);
  });

  it.each([
    ['file names', 'Ik kreeg afschrift.pdf, bestand.exe, factuur.docx, foto.jpg en Restore-My-Files.txt.'],
    ['file extensions that are also TLDs', 'In de bijlage zat bestand.zip, video.mov en notities.one.'],
    ['encrypted-file extensions', 'Alle bestanden eindigen op .lockbit of .locky nu.'],
    ['sentence-ending dots', 'Ik vertrouwde de verificatie. Daarna ging het mis. Echt waar.'],
    ['missing spaces before a capitalised word', 'Ik heb betaald.Nu ben ik alles kwijt.Daarna belde de bank.De man was boos.'],
    ['initials', 'Ik sprak met J.de Vries en S.de Graaf.'],
    ['abbreviations', 'o.a. de bank, d.w.z. de ING, bijv. de politie, e.g. the police, i.e. nothing.'],
    ['numbers', 'LockBit 3.0, versie 2.4.1, 2.450 euro, 0.5 BTC.'],
    ['IP addresses', 'De server 192.168.1.1 en 185.12.3.4 gaven een fout.'],
    ['reserved names', 'Het ging om server.local en example.test.'],
    ['a domain inside an e-mail address', 'mail van recovery.team@protonmail.com'],
  ])('no domains in %s', (_, text) => {
    expect(only(text, 'domain')).toEqual([]);
  });
});

describe('findIndicatorsInText — general', () => {
  it('returns each (type, value) once, with the first way it was written', () => {
    const text = 'Eerst NL48 INGB 8301 6613 18, later nl48ingb8301661318 en weer NL48INGB8301661318.';
    expect(findIndicatorsInText(text)).toEqual([
      expect.objectContaining({ type: 'iban', value: 'NL48INGB8301661318', raw: 'NL48 INGB 8301 6613 18' }),
    ]);
  });

  it('returns nothing for empty or indicator-free text', () => {
    expect(findIndicatorsInText('')).toEqual([]);
    expect(findIndicatorsInText('ok')).toEqual([]);
    expect(
      findIndicatorsInText(
        'Ik heb daarna direct mijn bank gebeld en de rekening laten blokkeren. De medewerker zei dat ik aangifte moest doen.',
      ),
    ).toEqual([]);
  });

  it('does not read the same characters as two indicators', () => {
    // The digits of the IBAN are not a phone number, the e-mail domain is not a domain, the URL host not a bare domain.
    expect(found('NL91ABNA0417164300 info@ing-support.nl https://ing-support.nl/x')).toEqual([
      'iban NL91ABNA0417164300',
      'email info@ing-support.nl',
      'url https://ing-support.nl/x',
      'domain ing-support.nl',
    ]);
  });

  it('copes with a long narrative', () => {
    const sentence = 'Hij belde van 06-12345678 en stuurde hxxps://ing-verificatie[.]nl/login. ';
    const text = sentence.repeat(300); // ~22,000 characters, longer than the contract allows
    expect(found(text)).toEqual(['phone +31612345678', 'url https://ing-verificatie.nl/login', 'domain ing-verificatie.nl']);
  });
});

describe('findIndicatorsInText — adversarial input', () => {
  // Regexes with nested quantifiers can take exponential or quadratic time on crafted text; these would hang.
  it.each([
    ['a long label after @', 'x@' + 'a'.repeat(20_000)],
    ['many @', 'a@'.repeat(10_000)],
    ['a very long host name', 'aaaa.'.repeat(4_000)],
    ['digits and spaces', '0 '.repeat(10_000)],
    ['zeros', '0'.repeat(20_000)],
    ['IBAN-like words', 'NL00 '.repeat(4_000)],
    ['brackets', '[ '.repeat(10_000)],
    ['defanged dots', 'a[.]'.repeat(5_000)],
    ['a long URL', 'https://' + 'a'.repeat(20_000)],
    ['a URL followed by brackets', 'https://a.nl/' + ')'.repeat(20_000)],
    ['tool names', 'anydesk '.repeat(2_500)],
  ])('%s (20,000 characters) in well under a second', (_, text) => {
    const started = performance.now();
    findIndicatorsInText(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
