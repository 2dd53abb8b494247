/** WhatsApp "friend in need" fraud, hacked accounts, and the catch-all "other". */
import { dutchMobile } from '../identifiers/phone';
import { consumerIban } from '../identifiers/iban';
import { formatIban } from '../identifiers/iban';
import { dutchPerson } from '../names';
import type { MuleAccount } from '../campaigns';
import { Draft, t, type ScenarioInput, type ScenarioResult } from './common';

const RELATIVES: ReadonlyArray<readonly [string, 'ze' | 'hij', string]> = [
  ['mijn dochter', 'ze', 'my daughter'],
  ['mijn zoon', 'hij', 'my son'],
  ['mijn kleindochter', 'ze', 'my granddaughter'],
  ['mijn kleinzoon', 'hij', 'my grandson'],
  ['mijn nichtje', 'ze', 'my niece'],
  ['mijn neef', 'hij', 'my nephew'],
  ['mijn beste vriendin', 'ze', 'my best friend'],
  ['mijn broer', 'hij', 'my brother'],
];

const REASONS = [
  'een rekening moest dringend vandaag nog betaald worden',
  'haar bankapp het niet deed op de nieuwe telefoon',
  'er een nieuwe telefoon betaald moest worden',
  'de huur vandaag nog overgemaakt moest worden',
  'er een factuur lag die anders naar de deurwaarder zou gaan',
  'er iets gekocht was op Marktplaats en de verkoper niet langer wilde wachten',
];

const OPENERS_HI = ["'Hoi mam, dit is mijn nieuwe nummer, wil je deze opslaan?'", "'Hoi pap, mijn telefoon is in de wc gevallen. Dit is mijn nieuwe nummer.'", "'Hey oma, ik heb een nieuw nummer, mijn oude telefoon is kapot.'", "'Hoi, ben je druk? Ik heb een nieuw nummer.'"];

export function whatsappFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 20, maxDays: 30, durationHours: 2 });
  const rng = d.rng;
  const [relative, pronoun, relativeEn] = rng.pick(RELATIVES);
  const phone = d.pick(d.actor.phones) ?? dutchMobile(rng, 'suspect');
  const account = d.account();
  const amount = d.amount(850, 0.8, 90, 9500);
  const payments = rng.chance(0.72) ? 1 : rng.chance(0.75) ? 2 : 3;

  const phoneText = d.phone(phone);
  if (d.lang === 'en') {
    d.story.must(`${d.When()} I received a WhatsApp message from ${phoneText}, supposedly ${relativeEn} with a new number.`);
  } else {
    d.story.must(
      rng.pick([
        `${d.When()} kreeg ik via WhatsApp een bericht van ${phoneText}.`,
        `Ik kreeg ${d.when()} een WhatsApp-bericht van een onbekend nummer (${phoneText}).`,
        `${d.When()} ontving ik een appje van ${phoneText}: ${rng.pick(OPENERS_HI)}`,
        `Er kwam ${d.when()} een bericht binnen van nummer ${phoneText}, zogenaamd van ${relative} met een nieuw nummer.`,
      ]),
    );
    d.story.may(
      rng.pick([
        `Ik dacht dat het ${relative} was, want de berichten klonken precies zoals ${pronoun} altijd schrijft.`,
        `Omdat ${relative} kort geleden een nieuwe telefoon had gekocht, vond ik het niet vreemd.`,
        `Ik heb het nummer opgeslagen onder de naam van ${relative}.`,
        `Er stond geen profielfoto bij, maar ${pronoun} zei dat de telefoon nog niet goed was ingesteld.`,
      ]),
    );
  }
  d.suspect.phone(phone);
  if (rng.chance(0.15)) d.suspect.phone(phone); // entered twice, in another spelling

  const first = d.during(0.3);
  if (account) {
    const ibanText = d.iban(account.iban.electronic);
    const amountText = d.euro(amount);
    d.story.must(
      t(
        d,
        rng.pick([
          `${pronoun === 'ze' ? 'Ze' : 'Hij'} vroeg of ik kon helpen omdat ${rng.pick(REASONS)}. Ik heb ${amountText} overgemaakt naar ${ibanText} ten name van ${account.holder}.`,
          `Het verhaal was dat ${rng.pick(REASONS)}. Ik heb toen ${amountText} overgemaakt naar rekening ${ibanText} (${account.holder}).`,
          `${pronoun === 'ze' ? 'Ze' : 'Hij'} stuurde een rekeningnummer: ${ibanText} t.n.v. ${account.holder}. Daar heb ik ${amountText} naartoe overgemaakt.`,
          `Ik heb ${amountText} betaald aan ${account.holder}, rekeningnummer ${ibanText}, omdat ${rng.pick(REASONS)}.`,
        ]),
        () => `They asked for help with an urgent bill. I transferred ${amountText} to ${ibanText} in the name of ${account.holder}.`,
      ),
    );
    d.pay(account, amount, first);
    d.suspectAccount(account);
    for (let i = 1; i < payments; i++) {
      const next: MuleAccount = (i === 1 && d.actor.accounts.length > 1 ? d.actor.accounts[1] : account) ?? account;
      const more = d.amount(amount * 0.8, 0.5, 50, 8000);
      const moreText = d.euro(more);
      d.story.must(
        next === account
          ? t(d, `Later die dag vroeg ${pronoun} nog een keer ${moreText}, die heb ik ook naar dezelfde rekening gestuurd.`, () => `Later that day they asked for another ${moreText}, which I also sent.`)
          : t(d, `Een uur later vroeg ${pronoun} nog ${moreText}, dit keer naar ${d.iban(next.iban.electronic)}.`, () => `An hour later they asked for ${moreText} more, this time to ${d.iban(next.iban.electronic)}.`),
      );
      d.pay(next, more, d.during(0.3 + 0.3 * i));
      if (next !== account) d.suspectAccount(next, false);
    }
  } else {
    d.story.must(t(d, `${pronoun === 'ze' ? 'Ze' : 'Hij'} vroeg om geld, maar ik vertrouwde het niet en heb niets betaald.`, () => 'They asked for money, but I did not trust it and paid nothing.'));
  }
  d.story.may(
    t(
      d,
      rng.pick([
        `Toen ik ${relative} later belde op het oude nummer bleek ${pronoun} van niets te weten.`,
        `Pas toen ik ${relative} 's avonds sprak, besefte ik dat ik was opgelicht.`,
        `Ik heb direct mijn bank gebeld, maar het geld was al doorgeboekt.`,
        `Het nummer heeft mij inmiddels geblokkeerd.`,
      ]),
      () => 'When I called my family later they knew nothing about it.',
    ),
  );
  d.story.maybe(0.3, ['Mijn bank heeft een terugboekverzoek gedaan, maar dat is nog niet gelukt.', 'Het ging allemaal heel snel en ze bleven maar aandringen.', `In de WhatsApp-chat stuurde ${pronoun} ook nog een betaalverzoek, maar dat heb ik niet gedaan.`]);

  for (const extra of d.actor.phones) {
    if (extra !== phone) {
      d.spare('phoneNumbers', d.phone(extra), `Aanvulling: ${pronoun} heeft mij ook nog gebeld vanaf ${d.phone(extra)}.`);
      break;
    }
  }
  d.attachmentKinds.push('screenshot', 'chat');
  if (d.payments.length > 0) d.attachmentKinds.push('statement');
  const summary = t(
    d,
    rng.pick([`'${relative.replace('mijn ', 'Mijn ')}' met nieuw nummer vroeg om geld`, 'Vriend-in-nood fraude via WhatsApp', `Opgelicht via WhatsApp door iemand die zich voordeed als ${relative}`, 'Geld overgemaakt na WhatsApp-bericht nieuw nummer']),
    () => 'WhatsApp scam, fake family member asked for money',
  );
  return d.finish(summary, 'whatsapp', d.payments.length > 0 ? 'aangifte' : 'melding');
}

const PLATFORMS = ['Instagram', 'Facebook', 'WhatsApp', 'Gmail', 'Snapchat', 'TikTok', 'Outlook'];

export function hacking(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 48, maxDays: 60, durationHours: 6 });
  const rng = d.rng;
  const actor = d.actor;

  if (input.reporter.isOrganisation && rng.chance(0.6)) {
    // Business e-mail compromise: an invoice with a changed IBAN sent from a hijacked mailbox.
    const account = d.account();
    d.story.must(`Het e-mailaccount van onze ${rng.pick(['boekhouder', 'administratie', 'directeur', 'inkoper'])} is ${d.when()} gehackt (Microsoft 365).`);
    d.story.must('Vanuit dat account zijn facturen naar klanten gestuurd met een gewijzigd rekeningnummer.');
    if (account) {
      const amount = d.amount(7800, 1, 400, 150_000);
      d.story.must(`Een klant heeft ${d.euro(amount)} betaald naar ${d.iban(account.iban.electronic)} in plaats van naar onze eigen rekening.`);
      d.suspectAccount(account);
      d.pay(account, amount, d.during(), 'bank_transfer', `Factuur ${rng.digits(6)}`);
    }
    const forward = `${rng.pick(['factuur', 'admin', 'finance'])}.${rng.int(100, 9999)}@${rng.pick(['outlook.com', 'gmail.com', 'protonmail.com'])}`;
    d.story.may(`In de mailbox stond een doorstuurregel naar ${d.email(forward)}.`);
    d.suspect.email(forward);
    d.story.may('We hebben alle wachtwoorden gewijzigd en tweestapsverificatie aangezet.');
    d.attachmentKinds.push('email', 'invoice');
    return d.finish('Mailbox gehackt, facturen met ander IBAN verstuurd', 'email', 'aangifte');
  }

  const platform = rng.pick(PLATFORMS);
  if (actor.campaignId !== undefined || (platform === 'WhatsApp' && rng.chance(0.5))) {
    // WhatsApp account taken over, then used to ask the victim's contacts for money.
    const phone = d.pick(actor.phones) ?? dutchMobile(rng, 'suspect');
    d.story.must(`${d.When()} kreeg ik een sms met een verificatiecode en daarna een appje van ${d.phone(phone)} die zei dat die code per ongeluk naar mij was gestuurd.`);
    d.suspect.phone(phone);
    d.story.must('Ik heb de code doorgestuurd en daarna kon ik niet meer in mijn WhatsApp.');
    const account = d.account();
    if (account) {
      d.story.must(`Vanuit mijn account zijn mijn contacten om geld gevraagd. Ze moesten betalen naar ${d.iban(account.iban.electronic)} t.n.v. ${account.holder}.`);
      d.suspectAccount(account);
      if (rng.chance(0.4)) {
        const amount = d.amount(600, 0.7, 50, 5000);
        d.story.may(`Een vriendin heeft ${d.euro(amount)} overgemaakt voordat ik iedereen kon waarschuwen.`);
      }
    }
    d.story.may('Ik heb via support@whatsapp.com mijn account teruggevraagd.');
    d.attachmentKinds.push('screenshot');
    return d.finish('WhatsApp-account overgenomen, contacten om geld gevraagd', 'whatsapp', 'aangifte');
  }

  const hackerEmail = `${rng.pick(['recovery', 'secure', 'x', 'ghost', 'admin'])}${rng.int(100, 9999)}@${rng.pick(['gmail.com', 'outlook.com', 'mail.ru', 'protonmail.com'])}`;
  d.story.must(
    t(
      d,
      `Mijn ${platform}-account is ${d.when()} gehackt. Het e-mailadres en wachtwoord zijn veranderd in ${d.email(hackerEmail)}.`,
      () => `My ${platform} account was hacked ${d.when()}. The e-mail address was changed to ${d.email(hackerEmail)}.`,
    ),
  );
  d.suspect.email(hackerEmail);
  d.story.may(
    t(
      d,
      rng.pick(['Ik kan niet meer inloggen en de hacker plaatst berichten in mijn naam.', 'Vanuit mijn account worden vrienden benaderd met een bitcoin-investering.', 'Ze vragen geld om mijn account terug te geven.']),
      () => 'I cannot log in anymore and they post messages in my name.',
    ),
  );
  if (rng.chance(0.3)) {
    const handle = `@${dutchPerson(rng).firstSlug}_${rng.pick(['hacks', 'recovery', 'support'])}${rng.int(1, 99)}`;
    d.story.nl(`Een account ${handle} bood aan mijn account terug te halen tegen betaling.`);
    d.suspect.add('socialMedia', handle);
  }
  d.story.may(t(d, 'Ik had geen tweestapsverificatie aan staan.', () => 'I did not have two-factor authentication enabled.'));
  d.attachmentKinds.push('screenshot');
  return d.finish(t(d, `${platform}-account gehackt`, () => `${platform} account hacked`), 'social_media', rng.chance(0.5) ? 'aangifte' : 'melding');
}

export function other(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 72, maxDays: 90, durationHours: 24 });
  const rng = d.rng;
  const r = rng.float();
  if (r < 0.35) {
    const account = d.account();
    const sender = `${rng.pick(['facturen', 'incasso', 'debiteuren', 'administratie'])}.${rng.int(100, 9999)}@${rng.pick(['gmail.com', 'outlook.com', 'hotmail.com'])}`;
    d.story.must(`Ik ontving een factuur per mail van ${d.email(sender)} voor een dienst die ik nooit heb afgenomen.`);
    d.suspect.email(sender);
    if (account) {
      const amount = d.amount(180, 0.6, 25, 2000);
      d.story.must(`Er werd gedreigd met een incassobureau als ik niet binnen 3 dagen ${d.euro(amount)} zou betalen op ${d.iban(account.iban.electronic)}.`);
      d.suspectAccount(account);
      if (rng.chance(0.3)) {
        d.pay(account, amount, d.during());
        d.story.may('Ik heb helaas betaald voordat ik doorhad dat het nep was.');
      }
    }
    d.attachmentKinds.push('invoice', 'email');
    return d.finish('Valse factuur ontvangen', 'email', d.payments.length > 0 ? 'aangifte' : 'melding');
  }
  if (r < 0.65) {
    const phone = dutchMobile(rng, 'suspect');
    d.story.must(`Ik word al weken lastiggevallen door ${d.phone(phone)}, soms tientallen keren per dag.`);
    d.suspect.phone(phone);
    d.story.may('Als ik opneem hoor ik niets of wordt er opgehangen.');
    d.story.may('Ik heb het nummer geblokkeerd maar er komen steeds nieuwe nummers bij.');
    d.story.may('Ik weet niet wie hierachter zit en ik voel me niet meer veilig.');
    return d.finish('Lastiggevallen via telefoon', 'phone_call', 'melding');
  }
  // Card misuse: the victim's own account number appears, which must not become a suspect indicator.
  const own = consumerIban(rng); // the victim's own account: must never become a suspect indicator
  const amount = d.amount(240, 0.9, 10, 5000);
  d.story.must(`Er is ${d.when()} zonder mijn toestemming ${d.euro(amount)} van mijn rekening ${formatIban(rng, own.electronic)} afgeschreven via mijn creditcard.`);
  d.story.may('De transacties waren bij webwinkels in het buitenland waar ik nooit iets heb gekocht.');
  d.story.may('Mijn pas heb ik nog gewoon in mijn bezit.');
  d.story.may('De bank heeft de kaart geblokkeerd en vroeg om aangifte te doen.');
  d.attachmentKinds.push('statement');
  return d.finish('Onbekende afschrijvingen creditcard', 'other', 'aangifte', 0.5);
}
