/** Romance fraud: a long online relationship, then requests for money (transfers, gift cards, crypto). */
import { foreignPhone } from '../identifiers/phone';
import { Draft, t, type ScenarioInput, type ScenarioResult } from './common';

const SITES = ['Facebook', 'Instagram', 'Tinder', 'Lexa', 'Parship', 'Words with Friends', 'LinkedIn'];
const REASONS = ['douanekosten voor een pakket met goud', 'een vliegticket om naar mij toe te komen', 'medische kosten na een ongeluk', 'een advocaat omdat zijn rekening bevroren was', 'de verlenging van zijn visum'];

export function romanceFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 24 * 60, maxDays: 400, durationHours: 24 * 45 });
  const rng = d.rng;
  const actor = d.actor;
  const name = d.pick(actor.names) ?? 'James';
  const handle = d.pick(actor.handles);
  const site = rng.pick(SITES);
  const phone = d.pick(actor.phones) ?? foreignPhone(rng, 'GB');

  d.story.must(
    t(
      d,
      `Ik leerde ${d.when()} via ${site} ${name} kennen${handle ? ` (${handle})` : ''}. Hij zei dat hij ${actor.label ?? 'in het buitenland werkzaam'} was.`,
      () => `I met ${name} on ${site}${handle ? ` (${handle})` : ''}. He said he was ${actor.label ?? 'working abroad'}.`,
    ),
  );
  if (rng.chance(0.8)) d.suspect.name(name);
  if (handle) d.suspect.add('socialMedia', handle);
  d.story.may(t(d, 'We hadden elke dag contact en hij stuurde lieve berichten en foto\'s.', () => 'We talked every day and he sent loving messages.'));
  d.story.must(t(d, `Later gingen we verder via WhatsApp, zijn nummer is ${d.phone(phone)}.`, () => `Later we moved to WhatsApp, his number is ${d.phone(phone)}.`));
  d.suspect.phone(phone);
  const email = actor.emails[0];
  if (email && rng.chance(0.6)) {
    d.story.nl(`Hij mailde ook vanaf ${d.email(email)}.`);
    d.suspect.email(email);
  }
  const times = rng.int(1, 5);
  let total = 0;
  for (let i = 0; i < times; i++) {
    const euros = d.amount(1500, 0.9, 100, 40_000);
    total += euros;
    const at = d.during((i + 1) / (times + 1));
    const account = d.account();
    const wallet = d.pick(actor.wallets);
    const r = rng.float();
    if (account && r < 0.6) {
      d.pay(account, euros, at);
      if (i === 0) {
        d.story.must(t(d, `Hij vroeg geld voor ${rng.pick(REASONS)}. Ik heb ${d.euro(euros)} overgemaakt naar ${d.iban(account.iban.electronic)} t.n.v. ${account.holder}.`, () => `He asked for money. I sent ${d.euro(euros)} to ${d.iban(account.iban.electronic)}.`));
        d.suspectAccount(account);
      }
    } else if (wallet && r < 0.8) {
      d.payCrypto(wallet, (euros / 60_000).toFixed(5), 'BTC', at);
      if (i === 0) {
        d.story.must(t(d, `Ik moest bitcoin kopen en naar ${d.wallet(wallet)} sturen.`, () => `I had to buy bitcoin and send it to ${d.wallet(wallet)}.`));
        d.suspect.wallet(wallet);
      }
    } else {
      const card = rng.pick(['Apple', 'Steam', 'Amazon']);
      d.payGiftCards(Math.min(euros, 2000), at, card);
      if (i === 0) d.story.must(t(d, `Ik moest ${card}-cadeaukaarten kopen en foto's van de codes sturen.`, () => `I had to buy ${card} gift cards and send photos of the codes.`));
    }
  }
  d.story.must(t(d, `In totaal heb ik ongeveer ${d.euro(total)} betaald.`, () => `In total I paid about ${d.euro(total)}.`));
  d.story.may(
    t(
      d,
      rng.pick(['Toen ik zijn foto opzocht op internet bleek die van iemand anders te zijn.', 'Mijn kinderen hebben mij overtuigd dat het oplichting is.', 'Hij is nooit gekomen, er was steeds een nieuw probleem.']),
      () => 'A reverse image search showed his photos belong to someone else.',
    ),
  );
  d.attachmentKinds.push('chat', 'screenshot', 'photo');
  return d.finish(t(d, rng.pick(['Datingfraude', `Opgelicht door ${name} via ${site}`, 'Online relatie bleek oplichting']), () => `Romance scam by ${name}`), 'social_media', 'aangifte');
}
