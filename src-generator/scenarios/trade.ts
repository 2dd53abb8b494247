/** Second-hand marketplace fraud (both sides) and fake webshops. */
import { MARKETPLACE_ITEMS, type MuleAccount } from '../campaigns';
import { dutchMobile } from '../identifiers/phone';
import { Draft, t, type ScenarioInput, type ScenarioResult } from './common';

const MARKETPLACE_URL_CATEGORIES = ['telecommunicatie', 'spelcomputers-en-games', 'fietsen-en-brommers', 'tickets-en-kaartjes', 'huis-en-inrichting', 'audio-tv-en-foto'];

export function marketplaceFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 60, maxDays: 45, durationHours: 30 });
  const rng = d.rng;
  const actor = d.actor;
  const [randomItem, typicalPrice] = rng.pick(MARKETPLACE_ITEMS);
  const item = actor.label ?? randomItem;
  const price = MARKETPLACE_ITEMS.find(([name]) => name === item)?.[1] ?? typicalPrice;
  const seller = d.pick(actor.names) ?? 'de verkoper';
  const handle = d.pick(actor.handles);
  const phone = d.pick(actor.phones) ?? dutchMobile(rng, 'suspect');
  const paymentUrl = actor.brand ? d.pick(actor.urls) : undefined;

  if (paymentUrl && rng.chance(0.7)) {
    // The victim sells; a "buyer" sends a fake payment link that empties the account.
    const link = d.url(paymentUrl);
    d.story.must(
      t(
        d,
        `Ik had ${d.when()} mijn ${item} te koop gezet op Marktplaats. Een koper (${d.phone(phone)}) wilde via 'Gelijk oversteken' betalen en stuurde mij een link: ${link}`,
        () => `I was selling my ${item} on Marktplaats. A buyer (${d.phone(phone)}) wanted to pay and sent me a link: ${link}`,
      ),
    );
    d.suspect.phone(phone);
    d.suspect.url(paymentUrl);
    d.story.must(t(d, 'Op die pagina moest ik 1 cent overmaken om mijn rekening te verifiëren, en inloggen met mijn bankgegevens.', () => 'On that page I had to pay 1 cent to verify my account and log in to my bank.'));
    const amount = d.amount(1200, 1.0, 50, 15_000);
    const account = d.account();
    d.story.must(t(d, `Daarna is er ${d.euro(amount)} van mijn rekening afgeschreven${account ? ` naar ${d.iban(account.iban.electronic)}` : ''}.`, () => `Afterwards ${d.euro(amount)} was taken from my account.`));
    if (account) {
      d.pay(account, amount, d.during(0.9), 'ideal');
      if (rng.chance(0.6)) d.suspectAccount(account, false);
    }
    d.attachmentKinds.push('screenshot', 'statement');
    return d.finish(t(d, 'Betaalverzoek-link van koper op Marktplaats, rekening geplunderd', () => 'Fake payment link from Marktplaats buyer'), 'whatsapp', 'aangifte');
  }

  const amount = d.amount(price, 0.35, 15, price * 4);
  const account = d.account();
  const listing = `https://www.marktplaats.nl/v/${rng.pick(MARKETPLACE_URL_CATEGORIES)}/m${rng.int(1_900_000_000, 2_199_999_999)}-${item.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  d.story.must(
    t(
      d,
      rng.pick([
        `Op marktplaats.nl zag ik ${d.when()} een advertentie voor een ${item} voor ${d.euro(amount)}.`,
        `Ik heb ${d.when()} via Marktplaats een ${item} gekocht van ${seller}${handle ? ` (account ${handle})` : ''}.`,
        `${d.When()} reageerde ik op een advertentie op Marktplaats (${listing}) voor een ${item}.`,
      ]),
      () => `${d.When()} I bought a ${item} on Marktplaats from ${seller}.`,
    ),
  );
  d.story.must(
    t(
      d,
      rng.pick([
        `De verkoper wilde verder via WhatsApp praten op ${d.phone(phone)}.`,
        `We hebben contact gehad via WhatsApp, nummer ${d.phone(phone)}.`,
        `${seller} gaf zijn nummer: ${d.phone(phone)}.`,
      ]),
      () => `The seller continued on WhatsApp: ${d.phone(phone)}.`,
    ),
  );
  d.suspect.phone(phone);
  if (handle && rng.chance(0.6)) d.suspect.add('socialMedia', rng.chance(0.5) ? handle : `Marktplaats: ${handle}`);
  if (seller !== 'de verkoper' && rng.chance(0.7)) d.suspect.name(seller);
  if (rng.chance(0.25)) d.suspect.add('websites', rng.chance(0.5) ? listing : 'marktplaats.nl');
  if (account) {
    d.story.must(
      t(
        d,
        rng.pick([
          `Ik heb ${d.euro(amount)} overgemaakt naar ${d.iban(account.iban.electronic)} t.n.v. ${account.holder}, hij zou het pakket dezelfde dag versturen.`,
          `Na betaling van ${d.euro(amount)} op rekening ${d.iban(account.iban.electronic)} heb ik nooit meer iets gehoord.`,
          `Betaald via een Tikkie naar ${account.holder} (${d.iban(account.iban.electronic)}).`,
        ]),
        () => `I paid ${d.euro(amount)} to ${d.iban(account.iban.electronic)} (${account.holder}) but never received anything.`,
      ),
    );
    d.pay(account, amount, d.during(0.5), rng.chance(0.25) ? 'ideal' : 'bank_transfer', rng.chance(0.5) ? item : undefined);
    d.suspectAccount(account);
  }
  const email = actor.emails[0];
  if (email && rng.chance(0.5)) {
    d.story.nl(`Hij stuurde ook een 'verzendbewijs' vanaf ${d.email(email)}.`);
    d.suspect.email(email);
  }
  d.story.may(
    t(
      d,
      rng.pick([
        'Daarna werd ik geblokkeerd op WhatsApp en was de advertentie verwijderd.',
        `Het track & trace-nummer dat ik kreeg bestaat niet.`,
        'Ik heb via Marktplaats gemeld dat dit een oplichter is.',
        'Op internet zie ik dat meer mensen door deze persoon zijn opgelicht.',
      ]),
      () => 'After that I was blocked and the ad was removed.',
    ),
  );
  d.story.maybe(0.25, ['Hij stuurde zelfs een foto van zijn rijbewijs, dat zal ook wel nep zijn.', 'Het was een prima prijs, maar niet verdacht laag.', 'Mijn bank kan het geld niet terughalen.']);
  const other = actor.accounts.find((a: MuleAccount) => a !== account);
  if (other) {
    const text = d.iban(other.iban.electronic);
    d.spare('bankAccounts', text, `Aanvulling: een vriend van mij heeft bij dezelfde verkoper betaald naar ${text}.`);
  }
  d.attachmentKinds.push('screenshot', 'statement');
  const summary = t(
    d,
    rng.pick([`${item.charAt(0).toUpperCase()}${item.slice(1)} via Marktplaats betaald, niets ontvangen`, 'Oplichting Marktplaats', `Betaald voor ${item}, niet geleverd`, 'Verkoper Marktplaats levert niet']),
    () => `Paid for ${item} on Marktplaats, never delivered`,
  );
  return d.finish(summary, rng.chance(0.7) ? 'whatsapp' : 'website', 'aangifte');
}

export function webshopFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 24 * 12, maxDays: 90, durationHours: 24 * 7 });
  const rng = d.rng;
  const actor = d.actor;
  const shop = actor.label ?? 'de webshop';
  const url = d.pick(actor.urls);
  const amount = d.amount(95, 0.9, 12, 4000);
  const account = d.account();

  d.story.must(
    t(
      d,
      rng.pick([
        `Ik heb ${d.when()} bij ${shop}${url ? ` (${d.url(url)})` : ''} een bestelling geplaatst van ${d.euro(amount)}.`,
        `Via een advertentie op Instagram kwam ik op ${url ? d.url(url) : 'een webwinkel'}, waar ik voor ${d.euro(amount)} heb besteld.`,
        `${d.When()} heb ik op de website ${url ? d.url(url) : shop} iets gekocht voor ${d.euro(amount)}. De prijzen waren erg scherp.`,
      ]),
      () => `${d.When()} I ordered for ${d.euro(amount)} at ${url ? d.url(url) : shop}.`,
    ),
  );
  if (url) d.suspect.url(url);
  if (account) {
    const viaIdeal = rng.chance(0.5);
    d.story.must(
      viaIdeal
        ? t(d, `Betaald met iDEAL; op mijn afschrift staat ${account.holder} met rekening ${d.iban(account.iban.electronic)}.`, () => `I paid with iDEAL; my statement shows ${account.holder}, account ${d.iban(account.iban.electronic)}.`)
        : t(d, `Ik moest vooraf overmaken naar ${d.iban(account.iban.electronic)} t.n.v. ${account.holder}.`, () => `I had to pay in advance to ${d.iban(account.iban.electronic)} (${account.holder}).`),
    );
    d.pay(account, amount, d.firstMs, viaIdeal ? 'ideal' : 'bank_transfer', `Order ${rng.digits(5)}`);
    if (rng.chance(0.75)) d.suspectAccount(account, false);
  } else {
    d.payments.push({ amount: amount.toFixed(2), currency: 'EUR', method: 'card', beneficiaryName: shop });
  }
  const email = d.pick(actor.emails);
  if (email) {
    d.story.must(
      t(
        d,
        rng.pick([`Mijn mails naar ${d.email(email)} worden niet beantwoord.`, `Ik kreeg alleen een orderbevestiging van ${d.email(email)}, daarna niets meer.`, `Klantenservice (${d.email(email)}) reageert niet meer.`]),
        () => `My e-mails to ${d.email(email)} go unanswered.`,
      ),
    );
    d.suspect.email(email);
  }
  const phone = d.pick(actor.phones);
  if (phone) {
    d.story.nl(`Het telefoonnummer op de site (${d.phone(phone)}) wordt nooit opgenomen.`);
    d.suspect.phone(phone);
  }
  d.story.must(
    t(
      d,
      rng.pick([
        'De bestelling is nooit geleverd.',
        'Na vier weken heb ik nog steeds niets ontvangen.',
        'Ik kreeg een pakketje met een goedkope zonnebril in plaats van wat ik had besteld.',
        'De track & trace code die ik kreeg werkt niet.',
      ]),
      () => 'The order was never delivered.',
    ),
  );
  d.story.maybe(0.5, ['Op Trustpilot staan tientallen vergelijkbare klachten.', 'De website is inmiddels offline.', 'In het KvK-register kan ik het bedrijf niet vinden.', 'Op de Watchlist Internet staat deze site als frauduleus vermeld.']);
  const otherUrl = actor.urls.find((u) => u !== url);
  if (otherUrl) {
    const text = d.url(otherUrl);
    d.spare('websites', text, `Aanvulling: dezelfde winkel staat ook online als ${text}.`);
  }
  d.attachmentKinds.push('screenshot', 'email');
  const summary = t(d, rng.pick([`Bestelling bij ${shop} nooit geleverd`, 'Nepwebwinkel', `Oplichting webshop ${url?.registrable ?? ''}`.trim(), 'Betaald, niets ontvangen']), () => `Order from ${shop} never delivered`);
  return d.finish(summary, 'website', 'aangifte');
}
