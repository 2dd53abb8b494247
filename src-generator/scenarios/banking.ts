/** Phishing (SMS / e-mail with a link), fake bank employees ("spoofing"), and identity fraud. */
import { dutchM2m, dutchMobile, dutchVoip } from '../identifiers/phone';
import { BANK_BRANDS, type Brand, type WebUrl } from '../identifiers/web';
import { Draft, t, type ScenarioInput, type ScenarioResult } from './common';

/**
 * The real numbers of banks, as victims type them: spoofed by fraudsters, never linking reports.
 * Only numbers on the project's default benign list belong here (an unlisted one would link
 * every victim of that bank); for other banks the caller ID is not a spoofed bank number.
 */
const SPOOFED_NUMBERS: Record<string, readonly string[]> = {
  ING: ['020 22 888 00', '020-2288800', '0202288800', '+31 20 228 8800'],
  Rabobank: ['088 722 67 67', '088-7226767', '0887226767', '+31 88 722 6767'],
  'ABN AMRO': ['0900 0024', '0900-0024', '09000024'],
  SNS: ['030 633 30 00', '030-6333000'],
  'ASN Bank': ['070 356 93 35', '070-3569335'],
};
const DEFAULT_BANK = BANK_BRANDS[0] as Brand;
export const POLICE_NUMBER = ['0900-8844', '0900 8844', '09008844'];

function smsText(d: Draft, brand: Brand, link: string): string {
  const rng = d.rng;
  switch (brand.kind) {
    case 'bank':
      return rng.pick([
        `${brand.name}: Uw betaalpas verloopt binnenkort. Vernieuw uw pas via ${link} om blokkering te voorkomen.`,
        `Beste klant, er is een ongebruikelijke inlogpoging gedetecteerd. Verifieer uw identiteit via ${link}`,
        `${brand.name}: Uw app moet worden bijgewerkt voor de nieuwe veiligheidsnormen. Ga naar ${link}`,
      ]);
    case 'parcel':
      return rng.pick([
        `${brand.name}: Uw pakket kan niet worden bezorgd. Betaal de verzendkosten van €1,95 via ${link}`,
        `Uw zending staat vast bij de douane. Betaal €2,99 invoerkosten: ${link}`,
        `${brand.name}: We hebben u gemist. Plan een nieuwe bezorgmoment in via ${link}`,
      ]);
    case 'government':
      return rng.pick([
        `${brand.name}: U heeft recht op een teruggave van €${rng.int(80, 900)},-. Vraag deze aan via ${link}`,
        `Laatste aanmaning: openstaande boete. Betaal binnen 24 uur via ${link} om verhoging te voorkomen.`,
        `${brand.name}: Uw account verloopt. Verleng uw gegevens via ${link}`,
      ]);
    case 'telecom':
      return `${brand.name}: Uw laatste factuur kon niet worden voldaan. Betaal direct via ${link} om afsluiting te voorkomen.`;
    case 'payment':
      return `U heeft een betaalverzoek ontvangen van ${brand.name}. Bekijk en ontvang via ${link}`;
    case 'shop':
      return `${brand.name}: Uw bestelling is geannuleerd. Vraag uw terugbetaling aan via ${link}`;
    case 'streaming':
      return `${brand.name}: Uw account is opgeschort. Werk uw betaalgegevens bij via ${link}`;
  }
}

function fallbackUrl(d: Draft): WebUrl {
  const brand = d.actor.brand ?? DEFAULT_BANK;
  const token = brand.tokens[0] ?? 'ing';
  const registrable = `${token}-${d.rng.pick(['veilig', 'verificatie', 'controle'])}${d.rng.int(1, 999)}.${d.rng.pick(['com', 'nl', 'online'])}`;
  return { scheme: 'https', host: registrable, path: '/login', registrable };
}

export function phishing(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 10, maxDays: 21, durationHours: 1 });
  const rng = d.rng;
  const actor = d.actor;
  const brand = actor.brand ?? DEFAULT_BANK;
  const url = d.pick(actor.urls) ?? fallbackUrl(d);
  const viaMail = actor.emails.length > 0 && rng.chance(0.35);
  const sender = viaMail ? undefined : (d.pick(actor.phones) ?? (rng.chance(0.5) ? dutchM2m(rng) : dutchMobile(rng, 'suspect')));
  const brandName = brand.name;
  const link = d.url(url);
  const lost = brand.kind === 'bank' ? rng.chance(0.35) : rng.chance(0.12);

  if (viaMail) {
    const from = actor.emails[0] ?? 'noreply@example.com';
    d.story.must(
      t(
        d,
        `${d.When()} kreeg ik een e-mail van ${d.email(from)}, zogenaamd van ${brandName}. Er stond een link in naar ${link}.`,
        () => `${d.When()} I received an e-mail from ${d.email(from)}, pretending to be ${brandName}, with a link to ${link}.`,
      ),
    );
    d.suspect.email(from);
    d.attachmentKinds.push('email');
  } else if (sender) {
    d.story.must(
      t(
        d,
        rng.pick([
          `Ik kreeg ${d.when()} een sms van ${d.phone(sender)}: '${smsText(d, brand, link)}'`,
          `${d.When()} ontving ik een sms: '${smsText(d, brand, link)}' Afzender: ${d.phone(sender)}.`,
          `${d.When()} kwam er een sms binnen van ${d.phone(sender)} met een link naar ${link}. Het leek echt van ${brandName} te komen.`,
        ]),
        () => `${d.When()} I got a text message from ${d.phone(sender)} with a link to ${link}, supposedly from ${brandName}.`,
      ),
    );
    d.suspect.phone(sender);
    d.attachmentKinds.push('screenshot');
  }
  if (rng.chance(0.85)) d.suspect.url(url);
  if (rng.chance(0.15)) d.story.nl(`Op de echte website ${brand.realSite} staat een waarschuwing voor dit soort berichten.`);

  if (lost) {
    d.story.must(
      t(
        d,
        rng.pick([
          `Ik heb op de link geklikt en mijn gegevens ingevuld, ook mijn inlogcodes.`,
          `Ik heb de link geopend en daar mijn pasnummer en vervaldatum ingevuld.`,
          `Op de site moest ik inloggen en een code uit mijn app overnemen, dat heb ik gedaan.`,
        ]),
        () => 'I clicked the link and entered my details, including my login codes.',
      ),
    );
    const callback = actor.phones.find((p) => p.kind === 'voip') ?? (rng.chance(0.5) ? dutchVoip(rng) : undefined);
    if (callback) {
      d.story.must(
        t(
          d,
          `Kort daarna werd ik gebeld door ${d.phone(callback)}, iemand van de 'fraudeafdeling' van ${brandName}, die zei dat mijn rekening gevaar liep.`,
          () => `Shortly after I was called from ${d.phone(callback)} by someone from the 'fraud department' of ${brandName}.`,
        ),
      );
      d.suspect.phone(callback);
    }
    const account = d.account();
    const amount = d.amount(2400, 1.1, 50, 60_000);
    if (account) {
      d.story.must(
        t(
          d,
          `Daarna is er ${d.euro(amount)} van mijn rekening overgeboekt naar ${d.iban(account.iban.electronic)} t.n.v. ${account.holder}.`,
          () => `Then ${d.euro(amount)} was transferred from my account to ${d.iban(account.iban.electronic)} (${account.holder}).`,
        ),
      );
      d.pay(account, amount, d.during(0.8));
      if (rng.chance(0.7)) d.suspectAccount(account);
      d.attachmentKinds.push('statement');
    } else {
      d.story.must(`Daarna is er ${d.euro(amount)} van mijn rekening afgeschreven, naar welke rekening weet ik nog niet.`);
    }
    d.story.may(t(d, `Ik heb meteen ${brandName} gebeld en mijn pas laten blokkeren.`, () => `I called ${brandName} immediately to block my card.`));
  } else {
    d.story.must(
      t(
        d,
        rng.pick(['Ik heb niets ingevuld en het bericht verwijderd.', 'Ik vertrouwde het niet en heb niet op de link geklikt.', 'Ik heb alleen op de link geklikt maar niets ingevuld. Ik wil dit wel melden.']),
        () => 'I did not enter anything, but I wanted to report it.',
      ),
    );
    d.story.maybe(0.4, ['Mijn buurvrouw heeft hetzelfde bericht gekregen.', 'Ik heb het bericht ook doorgestuurd naar valse-sms@fraudehelpdesk.nl.', 'Het is al de derde keer deze maand.']);
  }
  for (const extra of actor.urls) {
    if (extra !== url) {
      const text = d.url(extra);
      d.spare('websites', text, t(d, `Aanvulling: later kreeg ik nog een bericht met de link ${text}.`, () => `Addition: later I received another message with the link ${text}.`));
      break;
    }
  }
  const summary = t(
    d,
    rng.pick([`${viaMail ? 'Mail' : 'SMS'} van '${brandName}' met link`, `Phishing ${viaMail ? 'e-mail' : 'sms'} ${brandName}`, `Nep-bericht ${brandName}${lost ? ', geld kwijt' : ''}`]),
    () => `Phishing ${viaMail ? 'e-mail' : 'text'} from '${brandName}'`,
  );
  return d.finish(summary, viaMail ? 'email' : 'sms', lost ? 'aangifte' : rng.chance(0.8) ? 'melding' : 'aangifte');
}

export function bankHelpdeskFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 14, maxDays: 30, durationHours: 3 });
  const rng = d.rng;
  const actor = d.actor;
  const brand = actor.brand ?? rng.pick(BANK_BRANDS);
  const spoofedOptions = SPOOFED_NUMBERS[brand.name];
  const spoofed = spoofedOptions ? rng.pick(spoofedOptions) : undefined;
  const employee = d.pick(actor.names) ?? rng.pick(['Dennis', 'Mark', 'Lisa']);
  const callback = d.pick(actor.phones) ?? dutchMobile(rng, 'suspect');
  const showsSpoof = spoofed !== undefined && rng.chance(0.7);

  d.story.must(
    showsSpoof
      ? t(
          d,
          rng.pick([
            `${d.When()} werd ik gebeld door iemand van de ${brand.name}, het nummer op mijn scherm was ${spoofed} dus ik vertrouwde het.`,
            `Ik werd ${d.when()} gebeld door ${spoofed}, het nummer van de ${brand.name}. Een man die zich ${employee} noemde zei dat hij van de fraudeafdeling was.`,
          ]),
          () => `${d.When()} I was called by someone from ${brand.name}; the number on my screen was ${spoofed}, so I trusted it.`,
        )
      : t(
          d,
          `${d.When()} werd ik gebeld vanaf ${d.phone(callback)} door ${employee}, die zei dat hij van de veiligheidsafdeling van de ${brand.name} was.`,
          () => `${d.When()} I was called from ${d.phone(callback)} by ${employee}, who said he worked for ${brand.name} security.`,
        ),
  );
  if (showsSpoof && rng.chance(0.55)) d.suspect.add('phoneNumbers', spoofed);
  if (!showsSpoof || rng.chance(0.4)) {
    if (showsSpoof) d.story.must(t(d, `Later belde hij terug vanaf ${d.phone(callback)}.`, () => `Later he called back from ${d.phone(callback)}.`));
    d.suspect.phone(callback);
  }
  if (rng.chance(0.6)) d.suspect.name(employee);
  d.story.may(
    t(
      d,
      rng.pick([
        'Er zouden verdachte transacties op mijn rekening zijn en hackers zouden bij mijn geld kunnen.',
        'Hij wist mijn naam, adres en bij welke bank ik zat, dus het klonk heel echt.',
        'Op de achtergrond hoorde ik een drukke kantooromgeving.',
      ]),
      () => 'He said there were suspicious transactions on my account.',
    ),
  );

  const modus = rng.float();
  if (modus < 0.65) {
    const account = d.account();
    const amount = d.amount(6500, 1.0, 300, 150_000);
    if (account) {
      const ibanText = d.iban(account.iban.electronic);
      d.story.must(
        t(
          d,
          rng.pick([
            `Ik moest mijn geld naar een veilige kluisrekening overmaken: ${ibanText}.`,
            `Om mijn spaargeld te beschermen moest ik ${d.euro(amount)} overmaken naar een 'veilige rekening' ${ibanText} op naam van ${account.holder}.`,
            `Hij liet mij ${d.euro(amount)} overboeken naar ${ibanText}, dat zou een tijdelijke rekening van de bank zijn.`,
          ]),
          () => `I had to transfer my savings to a 'safe account': ${ibanText}.`,
        ),
      );
      d.pay(account, amount, d.during(0.5));
      d.suspectAccount(account);
      if (rng.chance(0.3)) {
        const second = d.pick(actor.accounts) ?? account;
        const more = d.amount(amount * 0.6, 0.6, 200, 80_000);
        d.story.must(t(d, `Daarna nog ${d.euro(more)} naar ${d.iban(second.iban.electronic)}.`, () => `Then another ${d.euro(more)} to ${d.iban(second.iban.electronic)}.`));
        d.pay(second, more, d.during(0.7));
        if (second !== account) d.suspectAccount(second, false);
      }
    }
  } else if (modus < 0.85) {
    d.story.must('Er zou een koerier van de bank langskomen om mijn oude bankpas op te halen. Ik moest mijn pincode op een briefje doen.');
    d.story.may(`Een jonge man in ${rng.pick(['een donkere jas', 'een hesje', 'een trainingspak'])} heeft mijn pas aan de deur opgehaald.`);
    const amount = d.amount(2500, 0.7, 200, 20_000);
    d.story.must(`Daarna is er in totaal ${d.euro(amount)} gepind en uitgegeven met mijn pas.`);
    d.payments.push({ amount: amount.toFixed(2), currency: 'EUR', method: 'card', beneficiaryName: 'geldautomaat' });
  } else {
    const remote = { tool: 'AnyDesk' as const, id: `${rng.int(1, 9)}${rng.digits(8)}` };
    d.story.must(`Ik moest de app AnyDesk installeren en de code ${remote.id.replace(/(\d{3})(?=\d)/g, '$1 ')} doorgeven zodat hij kon 'meekijken'.`);
    d.remoteAccess = { tool: 'AnyDesk', id: remote.id.replace(/(\d{3})(?=\d)/g, '$1 ') };
    const account = d.account();
    if (account) {
      const amount = d.amount(4000, 1.0, 200, 90_000);
      d.story.must(`Terwijl hij meekeek is er ${d.euro(amount)} overgemaakt naar ${d.iban(account.iban.electronic)}.`);
      d.pay(account, amount, d.during(0.6));
      d.suspectAccount(account);
    }
  }
  const url = d.pick(actor.urls);
  if (url) {
    const text = d.url(url);
    d.story.must(t(d, `Daarna kreeg ik een sms met een link naar ${text}.`, () => `Afterwards I received a text with a link to ${text}.`));
    d.suspect.url(url);
  }
  d.story.may(
    t(
      d,
      rng.pick([
        `Toen ik daarna zelf de ${brand.name} belde${spoofed ? ` op ${spoofed}` : ''} bleek dat ze mij nooit hadden gebeld.`,
        `De echte ${brand.name} zegt dat zij nooit vragen om geld over te maken. Ik heb ook de politie gebeld via ${rng.pick(POLICE_NUMBER)}.`,
        'Pas achteraf besefte ik dat een bank nooit vraagt om geld over te maken.',
      ]),
      () => `When I called ${brand.name} myself afterwards, they said they had never called me.`,
    ),
  );
  d.story.maybe(0.3, ['Ik ben er kapot van, dit was mijn spaargeld voor later.', 'Mijn dochter heeft mij geholpen om aangifte te doen.', 'De bank onderzoekt of ik iets terugkrijg.']);
  for (const p of actor.phones) {
    if (p !== callback) {
      const text = d.phone(p);
      d.spare('phoneNumbers', text, `Aanvulling: ik ben vandaag opnieuw gebeld, nu vanaf ${text}.`);
      break;
    }
  }
  d.attachmentKinds.push('statement');
  const summary = t(
    d,
    rng.pick([`Nep-bankmedewerker ${brand.name}, geld naar 'kluisrekening'`, `Gebeld door 'fraudeafdeling' ${brand.name}`, 'Bankhelpdeskfraude, spoofing', `Opgelicht door valse medewerker ${brand.name}`]),
    () => `Fake ${brand.name} employee, money lost`,
  );
  return d.finish(summary, 'phone_call', 'aangifte');
}

export function identityFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 24 * 10, maxDays: 120, durationHours: 24 * 5 });
  const rng = d.rng;
  const actor = d.actor;
  const misuse = rng.pick([
    'een telefoonabonnement bij KPN afgesloten',
    'een lening aangevraagd',
    'een bankrekening geopend bij bunq',
    'kleding besteld met achteraf betalen via Klarna',
    'een energiecontract afgesloten',
    'een account bij een cryptobeurs aangemaakt',
  ]);
  d.story.must(t(d, `Er is ${d.when()} op mijn naam ${misuse}, zonder dat ik daar iets van wist.`, () => `Someone used my identity ${d.when()}: ${misuse}.`));
  const url = d.pick(actor.urls);
  const phone = d.pick(actor.phones);
  if (url && phone) {
    d.story.must(`Ik denk dat het komt doordat ik eerder gegevens heb ingevuld op ${d.url(url)} na een sms van ${d.phone(phone)}.`);
    d.suspect.url(url);
    if (rng.chance(0.5)) d.suspect.phone(phone);
  } else if (rng.chance(0.5)) {
    const email = `${rng.pick(['verhuur', 'woning', 'jobs', 'recruitment', 'hr'])}.${rng.pick(['amsterdam', 'utrecht', 'nl', 'holland'])}${rng.int(100, 9999)}@gmail.com`;
    d.story.must(
      t(
        d,
        `Ik heb eerder een kopie van mijn paspoort gestuurd naar ${d.email(email)}, voor ${rng.pick(['een huurwoning', 'een baan', 'een verificatie'])}.`,
        () => `Earlier I sent a copy of my passport to ${d.email(email)}.`,
      ),
    );
    d.suspect.email(email);
  } else {
    d.story.must('Ik weet niet hoe ze aan mijn gegevens zijn gekomen.');
  }
  d.story.may('Ik heb inmiddels een brief van een incassobureau ontvangen.');
  d.story.may('Ik heb mijn identiteitsbewijs laten blokkeren bij de gemeente.');
  d.story.maybe(0.4, ['Ik heb het Centraal Meldpunt Identiteitsfraude gebeld.', 'Ik ben bang dat er nog meer op mijn naam gebeurt.']);
  d.attachmentKinds.push('statement');
  return d.finish(t(d, 'Misbruik van mijn identiteit', () => 'Identity theft'), url ? 'sms' : 'other', 'aangifte', 0.6);
}
