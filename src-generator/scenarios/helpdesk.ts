/** Fake IT helpdesk ("Microsoft") fraud: remote-access software, foreign numbers, money via the victim's own banking. */
import { foreignPhone } from '../identifiers/phone';
import { Draft, t, type ScenarioInput, type ScenarioResult } from './common';

function spacedId(rng: { chance(p: number): boolean }, id: string): string {
  if (rng.chance(0.55)) return id.replace(/(\d{3})(?=\d)/g, '$1 ');
  if (rng.chance(0.2)) return id.replace(/(\d{3})(?=\d)/g, '$1-');
  return id;
}

export function helpdeskFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 20, maxDays: 30, durationHours: 2 });
  const rng = d.rng;
  const actor = d.actor;
  const company = actor.label ?? 'Microsoft';
  const phone = d.pick(actor.phones) ?? foreignPhone(rng, 'GB', 'fixed');
  const remote = d.pick(actor.remote) ?? { tool: 'AnyDesk' as const, id: `${rng.int(1, 9)}${rng.digits(8)}` };
  const agent = d.pick(actor.names) ?? 'Mark';
  const idText = spacedId(rng, remote.id);
  const popup = rng.chance(0.35);

  d.story.must(
    popup
      ? t(
          d,
          `${d.When()} verscheen er een melding op mijn scherm dat mijn computer geblokkeerd was en dat ik ${company} moest bellen op ${d.phone(phone)}.`,
          () => `${d.When()} a warning popped up saying my computer was blocked and I had to call ${company} on ${d.phone(phone)}.`,
        )
      : t(
          d,
          rng.pick([
            `Ik werd ${d.when()} gebeld door een man die Engels sprak en zei dat hij van ${company} was. Mijn computer zou virussen hebben.`,
            `${d.When()} belde ${agent} van '${company}' mij op vanaf ${d.phone(phone)}. Er zou een hacker op mijn computer zitten.`,
          ]),
          () => `${d.When()} a man called me from ${d.phone(phone)} saying he was from ${company} and my computer had viruses.`,
        ),
  );
  d.suspect.phone(phone);
  if (rng.chance(0.5)) d.suspect.name(agent);
  d.story.must(
    t(
      d,
      rng.pick([
        `Hij liet mij ${remote.tool} installeren (code ${idText}).`,
        `Ik moest het programma ${remote.tool} downloaden en hem de code ${idText} geven.`,
        `Via ${remote.tool} met ID ${idText} heeft hij mijn computer overgenomen.`,
      ]),
      () => `He made me install ${remote.tool} and give him the code ${idText}.`,
    ),
  );
  d.remoteAccess = { tool: remote.tool, id: spacedId(rng, remote.id) };
  if (rng.chance(0.4)) d.suspect.add('other', `${remote.tool} ${spacedId(rng, remote.id)}`);

  const r = rng.float();
  if (r < 0.7) {
    const account = d.account();
    const amount = d.amount(1600, 1.0, 100, 40_000);
    if (account) {
      d.story.must(
        t(
          d,
          rng.pick([
            `Hij heeft toen via internetbankieren ${d.euro(amount)} overgemaakt naar ${d.iban(account.iban.electronic)}.`,
            `Terwijl ik moest inloggen bij mijn bank om een 'terugbetaling' te ontvangen, is er ${d.euro(amount)} weggeboekt naar ${d.iban(account.iban.electronic)} (${account.holder}).`,
          ]),
          () => `He then transferred ${d.euro(amount)} through my online banking to ${d.iban(account.iban.electronic)}.`,
        ),
      );
      d.pay(account, amount, d.during(0.6));
      d.suspectAccount(account);
    }
  } else if (r < 0.9) {
    const amount = d.amount(500, 0.6, 50, 3000);
    const card = rng.pick(['Google Play', 'Apple', 'Steam', 'Paysafecard']);
    d.story.must(t(d, `Ik moest ${card}-kaarten kopen bij de supermarkt voor ${d.euro(amount)} en de codes doorgeven.`, () => `I had to buy ${card} gift cards for ${d.euro(amount)} and read out the codes.`));
    d.payGiftCards(amount, d.during(0.7), card);
  } else {
    d.story.must(t(d, 'Ik vertrouwde het niet en heb de verbinding verbroken voordat er geld weg was.', () => 'I got suspicious and disconnected before any money was taken.'));
  }
  d.story.may(
    t(
      d,
      rng.pick(['Hij bleef aandringen en werd boos toen ik twijfelde.', 'Op mijn scherm zag ik allerlei rode meldingen.', 'Hij praatte heel snel en ik kon het niet goed volgen.']),
      () => 'He kept insisting and got angry when I hesitated.',
    ),
  );
  d.story.maybe(0.35, ['Mijn computer is inmiddels schoongemaakt door een bekende.', 'Ik heb de bank gebeld en mijn internetbankieren laten blokkeren.', 'Ik ben 79 en niet zo handig met computers.']);
  for (const extra of actor.remote) {
    if (extra !== remote) {
      const text = spacedId(rng, extra.id);
      d.spare('other', `${extra.tool} ${text}`, `Aanvulling: later vroeg hij mij nog een tweede code door te geven: ${text}.`);
      break;
    }
  }
  d.attachmentKinds.push('statement', 'screenshot');
  const summary = t(
    d,
    rng.pick([`Gebeld door '${company}', laptop overgenomen`, `Helpdeskfraude, ${remote.tool} geïnstalleerd`, `Nep-${company} medewerker, computer overgenomen`]),
    () => `Fake ${company} support call, computer taken over`,
  );
  return d.finish(summary, popup ? 'website' : 'phone_call', d.payments.length > 0 ? 'aangifte' : rng.chance(0.5) ? 'melding' : 'aangifte');
}
