/** Investment fraud, sextortion mail and ransomware: the crypto-heavy modus operandi. */
import { cryptoAmount } from '../amounts';
import { btcAddress, type Wallet } from '../identifiers/crypto';
import { foreignPhone } from '../identifiers/phone';
import { onionHost } from '../identifiers/web';
import { Draft, t, type ScenarioInput, type ScenarioResult } from './common';

function chainName(wallet: Wallet): string {
  return wallet.chain === 'btc' ? 'bitcoin' : wallet.chain === 'trx' ? 'USDT (TRC20)' : wallet.chain === 'eth' ? 'ethereum' : 'monero';
}

function currencyOf(wallet: Wallet): string {
  return wallet.chain === 'btc' ? 'BTC' : wallet.chain === 'trx' ? 'USDT' : wallet.chain === 'eth' ? 'ETH' : 'XMR';
}

function cryptoFor(d: Draft, wallet: Wallet, euros: number): string {
  if (wallet.chain === 'trx') return euros.toFixed(2);
  const price = wallet.chain === 'btc' ? 60_000 : wallet.chain === 'eth' ? 3_000 : 150;
  const value = (euros / price) * (0.95 + d.rng.float() * 0.1);
  return value.toFixed(value >= 1 ? 3 : 5);
}

export function investmentFraud(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 24 * 40, maxDays: 300, durationHours: 24 * 25 });
  const rng = d.rng;
  const actor = d.actor;
  const platform = actor.label ?? 'een handelsplatform';
  const url = d.pick(actor.urls);
  const manager = d.pick(actor.names) ?? 'Michael';
  const phone = d.pick(actor.phones) ?? foreignPhone(rng, 'GB');
  const source = rng.pick(['een advertentie op Facebook met een bekende Nederlander', 'een nepnieuwsartikel over bitcoin', 'een advertentie op YouTube', 'een WhatsApp-groep over beleggen', 'een contact op LinkedIn']);

  d.story.must(
    t(
      d,
      `${d.When()} kwam ik via ${source} terecht bij ${platform}${url ? ` (${d.url(url)})` : ''}.`,
      () => `${d.When()} I found ${platform}${url ? ` (${d.url(url)})` : ''} through an online advert.`,
    ),
  );
  if (url) d.suspect.url(url);
  d.story.must(
    t(
      d,
      rng.pick([
        `Een accountmanager, ${manager}, belde mij vanaf ${d.phone(phone)} en hielp mij met beleggen.`,
        `Ik werd gebeld door ${manager} (${d.phone(phone)}), die mijn 'persoonlijke adviseur' werd.`,
      ]),
      () => `An account manager, ${manager}, called me from ${d.phone(phone)}.`,
    ),
  );
  d.suspect.phone(phone);
  if (rng.chance(0.7)) d.suspect.name(manager);
  const handle = d.pick(actor.handles);
  if (handle && rng.chance(0.4)) {
    d.story.nl(`Ook zat ik in een Telegram-groep ${handle} met 'signalen'.`);
    d.suspect.add('socialMedia', handle);
  }
  d.story.may(t(d, 'Eerst heb ik 250 euro ingelegd en op het dashboard zag ik mijn geld snel groeien.', () => 'First I invested 250 euros and the dashboard showed quick profits.'));

  const deposits = rng.int(1, 5);
  const total = d.amount(9000, 1.2, 250, 400_000);
  // Each wallet and account is told about (and listed) once, however often it was paid.
  const mentioned = new Set<unknown>();
  for (let i = 0; i < deposits; i++) {
    const euros = Math.max(100, Math.round((total / deposits) * (0.5 + rng.float())));
    const at = d.during((i + 1) / (deposits + 1));
    const wallet = d.pick(actor.wallets);
    const account = d.account();
    if (wallet && (rng.chance(0.65) || !account)) {
      const amount = cryptoFor(d, wallet, euros);
      d.payCrypto(wallet, amount, currencyOf(wallet), at);
      if (!mentioned.has(wallet) && (mentioned.size === 0 || rng.chance(0.5))) {
        mentioned.add(wallet);
        const text = d.wallet(wallet);
        const later = mentioned.size > 1;
        d.story.must(
          t(
            d,
            rng.pick(later ? [`Later moest het naar een ander adres: ${text}.`, `Bij de volgende storting kreeg ik een nieuw adres, ${text}.`] : [
              `Ik moest ${chainName(wallet)} kopen bij Bitvavo en versturen naar ${text}.`,
              `Via Coinbase heb ik ${amount} ${currencyOf(wallet)} gestuurd naar het adres ${text}.`,
              `Het geld moest als ${chainName(wallet)} naar wallet ${text}.`,
            ]),
            () => (later ? `Later they gave me another address: ${text}.` : `I had to buy ${chainName(wallet)} and send it to ${text}.`),
          ),
        );
        d.suspect.wallet(wallet);
      }
    } else if (account) {
      d.pay(account, euros, at);
      if (!mentioned.has(account) && (mentioned.size === 0 || rng.chance(0.5))) {
        mentioned.add(account);
        d.story.must(t(d, `Daarnaast heb ik ${d.euro(euros)} overgemaakt naar ${d.iban(account.iban.electronic)} t.n.v. ${account.holder}.`, () => `I also transferred ${d.euro(euros)} to ${d.iban(account.iban.electronic)}.`));
        d.suspectAccount(account, false);
      }
    } else {
      d.pay(undefined, euros, at, 'card');
    }
  }
  d.story.must(
    t(
      d,
      rng.pick([
        `In totaal ben ik ongeveer ${d.euro(total)} kwijt.`,
        `Toen ik mijn winst wilde opnemen moest ik eerst 'belasting' en 'transactiekosten' betalen. Ik ben in totaal ${d.euro(total)} kwijt.`,
        `Mijn account op het platform is nu geblokkeerd en ${manager} neemt niet meer op. Verlies: ${d.euro(total)}.`,
      ]),
      () => `In total I lost about ${d.euro(total)}.`,
    ),
  );
  d.story.maybe(0.4, ['Later werd ik benaderd door een "recovery-bedrijf" dat mijn geld terug kon halen tegen betaling.', 'Ik heb hier mijn pensioenspaargeld in gestoken.', 'Ze hadden ook AnyDesk op mijn computer gezet om te "helpen".']);
  const spareWallet = actor.wallets.find((w) => !d.suspect.lists.cryptoAddresses.includes(w.address));
  if (spareWallet) {
    const text = d.wallet(spareWallet);
    d.spare('cryptoAddresses', text, `Aanvulling: bij de laatste storting moest het geld naar een ander adres: ${text}.`);
  }
  d.attachmentKinds.push('screenshot', 'statement');
  return d.finish(
    t(d, rng.pick([`Beleggingsfraude via ${platform}`, 'Nep-beleggingsplatform, geld kwijt', `Crypto-investering ${platform} blijkt oplichting`]), () => `Investment scam via ${platform}`),
    'phone_call',
    'aangifte',
  );
}

export function sextortion(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 8, maxDays: 14, durationHours: 0.5 });
  const rng = d.rng;
  const actor = d.actor;
  const webcamVariant = actor.campaignId === undefined && rng.chance(0.35);

  if (webcamVariant) {
    const handle = `${rng.pick(['sweet', 'lovely', 'anna', 'julia', 'emma', 'sophie'])}_${rng.pick(['xx', 'love', 'nl', 'girl'])}${rng.int(1, 999)}`;
    d.story.must(
      t(
        d,
        `${d.When()} kreeg ik via Instagram contact met een meisje (${handle}). Na een videogesprek stuurde ze opnames van mij en dreigde die naar mijn vrienden te sturen.`,
        () => `${d.When()} a girl (${handle}) contacted me on Instagram. After a video call she threatened to share recordings of me.`,
      ),
    );
    d.suspect.add('socialMedia', handle);
    const account = d.account();
    if (account && rng.chance(0.5)) {
      const amount = d.amount(400, 0.6, 50, 3000);
      d.story.must(t(d, `Ik heb uit paniek ${d.euro(amount)} betaald naar ${d.iban(account.iban.electronic)}.`, () => `I panicked and paid ${d.euro(amount)} to ${d.iban(account.iban.electronic)}.`));
      d.pay(account, amount, d.during(0.8));
      d.suspectAccount(account, false);
    } else {
      d.story.must(t(d, 'Ik heb niet betaald en het account geblokkeerd.', () => 'I did not pay and blocked the account.'));
    }
    d.story.may(t(d, 'Ik schaam me hier erg voor.', () => 'I am very ashamed of this.'));
    d.attachmentKinds.push('screenshot');
    return d.finish(t(d, 'Afpersing na videogesprek', () => 'Sextortion after video call'), 'social_media', 'aangifte');
  }

  const wallet = d.pick(actor.wallets) ?? btcAddress(rng);
  const sender = d.pick(actor.emails) ?? `hacker${rng.int(100, 99999)}@outlook.com`;
  const usd = rng.pick([500, 750, 950, 1200, 1450, 1650, 2000]);
  const own = input.reporter.reporter.email;
  const spoofedOwn = own !== undefined && rng.chance(0.2);
  d.story.must(
    t(
      d,
      rng.pick([
        `${d.When()} kreeg ik een e-mail van ${d.email(sender)} waarin staat dat mijn computer is gehackt en dat ze video's van mij hebben.`,
        `Ik ontving ${d.when()} een dreigmail (afzender ${d.email(sender)}): ze zouden mij via mijn webcam hebben opgenomen.`,
      ]),
      () => `${d.When()} I received an e-mail from ${d.email(sender)} claiming they hacked my computer and recorded me.`,
    ),
  );
  d.suspect.email(sender);
  if (spoofedOwn && own) {
    d.story.may(t(d, `De mail leek van mijn eigen adres te komen (${own}).`, () => `The e-mail appeared to come from my own address (${own}).`));
    if (rng.chance(0.5)) d.suspect.add('emailAddresses', own);
  }
  const walletText = d.wallet(wallet);
  d.story.must(
    t(
      d,
      `Ik moet ${usd} dollar in bitcoin betalen naar ${walletText}, anders sturen ze de beelden naar al mijn contacten.`,
      () => `I have to pay ${usd} USD in bitcoin to ${walletText} or they will send the footage to all my contacts.`,
    ),
  );
  d.suspect.wallet(wallet);
  const paid = rng.chance(0.12);
  if (paid) {
    d.payCrypto(wallet, cryptoAmount(rng, 0.006, 0.04), 'BTC', d.during(0.9));
    d.story.must(t(d, 'Ik ben in paniek geraakt en heb betaald.', () => 'I panicked and paid.'));
  } else {
    d.story.must(
      t(d, rng.pick(['Ik heb niet betaald.', 'Er stond zelfs een oud wachtwoord van mij in de mail. Ik heb niet betaald.', 'Ik heb niets betaald maar ben wel geschrokken.']), () => 'I did not pay.'),
    );
  }
  d.story.maybe(0.3, ['Ik heb geen webcam op mijn computer.', 'Volgens internet is dit een bekende spam-mail.', 'Mijn vriendin heeft dezelfde mail gehad.']);
  d.attachmentKinds.push('email');
  return d.finish(t(d, rng.pick(['Afpersingsmail met bitcoinadres', 'Sextortion e-mail', 'Dreigmail, bitcoin gevraagd']), () => 'Sextortion e-mail demanding bitcoin'), 'email', paid ? 'aangifte' : 'melding');
}

export function ransomware(input: ScenarioInput): ScenarioResult {
  const d = new Draft(input, { medianHours: 30, maxDays: 14, durationHours: 4 });
  const rng = d.rng;
  const actor = d.actor;
  const profile = actor.ransom ?? {
    family: '',
    extension: '.locked',
    onion: onionHost(rng),
    tox: undefined,
    demandBtc: [0.2, 2] as const,
    noteName: 'README.txt',
  };
  const wallet = d.pick(actor.wallets.filter((w) => w.chain === 'btc')) ?? btcAddress(rng);
  const monero = actor.wallets.find((w) => w.chain === 'xmr');
  const contact = d.pick(actor.emails) ?? `decrypt${rng.int(100, 9999)}@onionmail.org`;
  const demand = cryptoAmount(rng, profile.demandBtc[0], profile.demandBtc[1]);
  const where = rng.pick(['op de server', 'op alle werkplekken', 'op de NAS', 'op de boekhoudcomputer', 'op mijn laptop']);
  const onion = rng.chance(0.5) ? `${profile.onion.slice(0, 56).replace(/\.onion$/, '')}[.]onion` : `http://${profile.onion}`;

  d.story.must(
    t(
      d,
      `${d.When()} waren alle bestanden ${where} versleuteld met extensie ${profile.extension}.`,
      () => `${d.When()} all files ${where === 'op mijn laptop' ? 'on my laptop' : 'on our systems'} were encrypted with the extension ${profile.extension}.`,
    ),
  );
  d.story.must(
    t(
      d,
      `In de losgeldbrief (${profile.noteName}) staat dat we ${demand} BTC moeten betalen naar ${d.wallet(wallet)} en contact moeten opnemen via ${d.email(contact)} of ${onion}.`,
      () => `The ransom note (${profile.noteName}) demands ${demand} BTC to ${d.wallet(wallet)}, contact via ${d.email(contact)} or ${onion}.`,
    ),
  );
  d.suspect.wallet(wallet);
  if (monero && rng.chance(0.6)) {
    d.story.must(t(d, `Betalen in Monero mag ook, naar ${monero.address}.`, () => `Payment in Monero to ${monero.address} is also accepted.`));
    d.suspect.wallet(monero);
  }
  d.suspect.email(contact);
  if (rng.chance(0.4)) d.suspect.add('websites', onion);
  if (profile.family && rng.chance(0.5)) d.suspect.name(actor.names[0] ?? profile.family);
  d.story.may(
    t(
      d,
      rng.pick([
        'We vermoeden dat ze binnen zijn gekomen via een phishingmail of de VPN.',
        'De back-ups waren ook versleuteld.',
        'Ons IT-bedrijf heeft de systemen losgekoppeld van het netwerk.',
        'Er is waarschijnlijk ook data gestolen; ze dreigen die te publiceren.',
      ]),
      () => 'Our backups were encrypted too.',
    ),
  );
  d.story.maybe(0.4, ['We hebben het datalek gemeld bij de Autoriteit Persoonsgegevens.', 'We zijn een week niet in staat geweest om te werken.', 'We willen niet betalen.']);
  if (profile.tox) d.story.nl(`Ook staat er een Tox-ID in: ${profile.tox}.`);

  const ransom: Record<string, unknown> = {};
  if (profile.family || rng.chance(0.5)) ransom.family = profile.family;
  ransom.encryptedExtension = profile.extension;
  if (rng.chance(0.8)) {
    ransom.ransomNote = `~~~ ${profile.family || 'Your files are encrypted'} ~~~ Your data are stolen and encrypted. Send ${demand} BTC to ${wallet.address}. Contact: ${contact}. Tor: ${profile.onion}${profile.tox ? ` Tox: ${profile.tox}` : ''}`;
  }
  ransom.demand = { amount: demand, currency: 'BTC' };
  ransom.contact = rng.chance(0.7) ? contact : profile.onion;
  d.ransomware = ransom;
  d.ransomNoteName = profile.noteName;

  if (rng.chance(0.08)) {
    d.payCrypto(wallet, demand, 'BTC', d.lastMs);
    d.story.must(t(d, 'Omdat we anders failliet zouden gaan, hebben we uiteindelijk betaald.', () => 'We eventually paid because otherwise the business would fail.'));
  }
  const otherMail = actor.emails.find((e) => e !== contact);
  if (otherMail) {
    const text = d.email(otherMail);
    d.spare('emailAddresses', text, `Revisie: we hebben ook een mail gekregen van ${text}.`);
  } else if (rng.chance(0.5)) {
    const extra = `${rng.pick(['support', 'recovery', 'decrypt'])}${rng.int(100, 9999)}@protonmail.com`;
    d.spare('emailAddresses', d.email(extra), `Revisie: we hebben ook een mail gekregen van ${extra}.`);
  }
  d.attachmentKinds.push('ransom_note', 'screenshot');
  return d.finish(
    t(d, rng.pick(['Alle bestanden versleuteld, losgeld gevraagd', `Ransomware-aanval${profile.family ? ` (${profile.family})` : ''}`, 'Gijzelsoftware op server']), () => 'Ransomware attack, files encrypted'),
    'other',
    'aangifte',
    0.5,
  );
}
