/**
 * Fraudsters ("actors") and campaigns. A campaign is one actor hitting many victims: all its
 * reports share some of its indicators (a mule IBAN, a phishing domain family, a WhatsApp
 * number, wallets, AnyDesk IDs …). Campaign sizes follow a truncated power law: many small,
 * a few large. Reports outside a campaign get a one-off actor with fresh, unique indicators.
 *
 * Memory stays bounded: each actor kind has a fixed number of slots; a slot's campaign is
 * replaced by a new one once it has reached its drawn size.
 */
import type { Category } from '../shared/intake/vocabulary';
import { btcAddress, ethAddress, trxAddress, xmrAddress, type Wallet } from './identifiers/crypto';
import { muleIban, type Iban } from './identifiers/iban';
import { dutchM2m, dutchMobile, dutchVoip, foreignPhone, type PhoneNumber } from './identifiers/phone';
import {
  ANONYMOUS_MAIL_DOMAINS,
  BANK_BRANDS,
  BRANDS,
  PLATFORM_NAMES,
  SHOP_PRODUCTS,
  WEBMAIL_DOMAINS,
  onionHost,
  phishingDomain,
  phishingUrls,
  platformUrls,
  webshopDomain,
  webshopUrls,
  type Brand,
  type WebUrl,
} from './identifiers/web';
import { asciiSlug, dutchPerson, englishPerson } from './names';
import { weightedTable, type Rng } from './random';

export const ACTOR_KINDS = [
  'friend_in_need',
  'mule_account',
  'phishing_kit',
  'bank_helpdesk_crew',
  'tech_support',
  'ransomware_affiliate',
  'marketplace_seller',
  'fake_webshop',
  'investment_platform',
  'romance_profile',
  'sextortion_mailer',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface MuleAccount {
  readonly iban: Iban;
  /** Name of the account holder as shown to the victim ("S. de Graaf", "Tech Support BV"). */
  readonly holder: string;
}

export type RemoteTool = 'AnyDesk' | 'TeamViewer' | 'QuickSupport' | 'RustDesk';
export interface RemoteId {
  readonly tool: RemoteTool;
  /** Digits only, e.g. `482193557`. */
  readonly id: string;
}

export interface RansomProfile {
  readonly family: string;
  readonly extension: string;
  readonly onion: string;
  readonly tox: string | undefined;
  readonly demandBtc: readonly [number, number];
  readonly noteName: string;
}

export interface Actor {
  readonly kind: ActorKind;
  /** `phishing_kit#12` for a campaign; undefined for a one-off actor. */
  readonly campaignId: string | undefined;
  readonly phones: PhoneNumber[];
  readonly accounts: MuleAccount[];
  readonly urls: WebUrl[];
  readonly emails: string[];
  readonly wallets: Wallet[];
  readonly remote: RemoteId[];
  readonly names: string[];
  /** Social media handles / marketplace profiles. */
  readonly handles: string[];
  readonly brand: Brand | undefined;
  readonly ransom: RansomProfile | undefined;
  /** Webshop or investment platform name, marketplace item, … */
  readonly label: string | undefined;
}

interface KindSettings {
  readonly slots: number;
  readonly minSize: number;
  readonly maxSize: number;
  readonly alpha: number;
}

const KIND_SETTINGS: Record<ActorKind, KindSettings> = {
  friend_in_need: { slots: 40, minSize: 2, maxSize: 80, alpha: 1.3 },
  mule_account: { slots: 40, minSize: 3, maxSize: 60, alpha: 1.2 },
  phishing_kit: { slots: 40, minSize: 2, maxSize: 400, alpha: 1.1 },
  bank_helpdesk_crew: { slots: 20, minSize: 2, maxSize: 60, alpha: 1.3 },
  tech_support: { slots: 15, minSize: 2, maxSize: 80, alpha: 1.3 },
  ransomware_affiliate: { slots: 8, minSize: 2, maxSize: 25, alpha: 1.5 },
  marketplace_seller: { slots: 40, minSize: 2, maxSize: 40, alpha: 1.5 },
  fake_webshop: { slots: 25, minSize: 2, maxSize: 150, alpha: 1.2 },
  investment_platform: { slots: 15, minSize: 2, maxSize: 100, alpha: 1.2 },
  romance_profile: { slots: 15, minSize: 2, maxSize: 12, alpha: 1.8 },
  sextortion_mailer: { slots: 10, minSize: 3, maxSize: 500, alpha: 1.0 },
};

/** Which share of a category's reports belongs to a campaign, and to which kind of actor. */
export const CATEGORY_ACTORS: Record<Category, { readonly campaignShare: number; readonly kind: ActorKind }> = {
  ransomware: { campaignShare: 0.45, kind: 'ransomware_affiliate' },
  helpdesk_fraud: { campaignShare: 0.6, kind: 'tech_support' },
  bank_helpdesk_fraud: { campaignShare: 0.6, kind: 'bank_helpdesk_crew' },
  phishing: { campaignShare: 0.7, kind: 'phishing_kit' },
  whatsapp_fraud: { campaignShare: 0.6, kind: 'friend_in_need' },
  marketplace_fraud: { campaignShare: 0.45, kind: 'marketplace_seller' },
  webshop_fraud: { campaignShare: 0.6, kind: 'fake_webshop' },
  investment_fraud: { campaignShare: 0.55, kind: 'investment_platform' },
  romance_fraud: { campaignShare: 0.3, kind: 'romance_profile' },
  sextortion: { campaignShare: 0.75, kind: 'sextortion_mailer' },
  identity_fraud: { campaignShare: 0.15, kind: 'phishing_kit' },
  hacking: { campaignShare: 0.1, kind: 'friend_in_need' },
  other: { campaignShare: 0, kind: 'mule_account' },
};

const BRAND_TABLE = weightedTable<Brand>(
  BRANDS.map((brand) => {
    const weight = { bank: 9, parcel: 8, government: 6, telecom: 3, payment: 5, shop: 3, streaming: 3 }[brand.kind];
    return [brand, weight] as const;
  }),
);

const RANSOM_FAMILIES: ReadonlyArray<readonly [string, string, string]> = [
  ['LockBit 3.0', '.lockbit', 'Restore-My-Files.txt'],
  ['Akira', '.akira', 'akira_readme.txt'],
  ['Phobos', '.phobos', 'info.hta'],
  ['Phobos (8Base)', '.8base', 'info.txt'],
  ['BlackCat/ALPHV', '.sykffle', 'RECOVER-sykffle-FILES.txt'],
  ['Play', '.play', 'ReadMe.txt'],
  ['Medusa', '.MEDUSA', '!!!READ_ME_MEDUSA!!!.txt'],
  ['Black Basta', '.basta', 'readme.txt'],
  ['Rhysida', '.rhysida', 'CriticalBreachDetected.pdf'],
  ['STOP/Djvu', '.mzqw', '_readme.txt'],
  ['Dharma', '.dharma', 'FILES ENCRYPTED.txt'],
  ['', '.locked', 'HOW_TO_DECRYPT.txt'],
  ['', '.encrypted', 'README_DECRYPT.txt'],
];

const REMOTE_TOOLS = weightedTable<RemoteTool>([
  ['AnyDesk', 75],
  ['TeamViewer', 13],
  ['QuickSupport', 6],
  ['RustDesk', 6],
]);

const MULE_SHELL_NAMES = ['Digital Assets LTD', 'Beheerrekening', 'Trade Services BV', 'Veilig Sparen', 'JD Holding'];
const EMPLOYEE_FIRST = ['Dennis', 'Kevin', 'Sander', 'Mark', 'Lisa', 'Sanne', 'Tim', 'Bas', 'Anouk', 'Jeroen', 'Rik', 'Eva'];
const HANDLE_WORDS = ['verkoop', 'deals', 'tweedehands', 'koopjes', 'nl', 'official', 'shop', 'life', 'xx'];

function muleHolder(rng: Rng): string {
  if (rng.chance(0.04)) return rng.pick(MULE_SHELL_NAMES);
  const person = dutchPerson(rng);
  return rng.chance(0.6) ? `${person.first.charAt(0)}. ${person.last}` : `${person.first} ${person.last}`;
}

function mules(rng: Rng, count: number): MuleAccount[] {
  const out: MuleAccount[] = [];
  for (let i = 0; i < count; i++) out.push({ iban: muleIban(rng), holder: muleHolder(rng) });
  return out;
}

/** A fraudster's webmail address; always 3–4 digits in the local part (reporters' never have 3). */
function scammerWebmail(rng: Rng, base: string): string {
  return `${base}${rng.int(100, 9999)}@${rng.pick(WEBMAIL_DOMAINS)}`;
}

function remoteId(rng: Rng): RemoteId {
  const tool = rng.weighted(REMOTE_TOOLS);
  const length = tool === 'AnyDesk' ? (rng.chance(0.7) ? 9 : 10) : tool === 'RustDesk' ? 9 : 10;
  return { tool, id: String(rng.int(1, 9)) + rng.digits(length - 1) };
}

/** Appends `count` made values to `target`. */
function fill<T>(target: T[], count: number, make: () => T): void {
  for (let i = 0; i < count; i++) target.push(make());
}

function emptyActor(kind: ActorKind, campaignId: string | undefined): Actor {
  return {
    kind,
    campaignId,
    phones: [],
    accounts: [],
    urls: [],
    emails: [],
    wallets: [],
    remote: [],
    names: [],
    handles: [],
    brand: undefined,
    ransom: undefined,
    label: undefined,
  };
}

/** Things sold on second-hand marketplaces: [item, typical price]. */
export const MARKETPLACE_ITEMS: ReadonlyArray<readonly [string, number]> = [
  ['iPhone 14 Pro', 650],
  ['iPhone 13', 420],
  ['PlayStation 5', 380],
  ['Nintendo Switch', 190],
  ['concertkaarten', 160],
  ['festivalkaarten', 220],
  ['e-bike', 900],
  ['fiets', 180],
  ['bakfiets', 1100],
  ['Samsung Galaxy S23', 480],
  ['MacBook Air', 700],
  ['airfryer', 70],
  ['designer tas', 350],
  ['kinderwagen', 250],
  ['puppy', 850],
  ['caravan', 3500],
  ['camera', 450],
  ['loungeset', 400],
  ['Dyson stofzuiger', 280],
  ['treinkaartjes', 60],
];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Creates an actor. A campaign actor (`campaignId` set) has several variants of its indicators
 * (numbers, URLs, accounts) that its victims see a subset of; a one-off actor has one or two.
 */
export function createActor(rng: Rng, kind: ActorKind, campaignId: string | undefined): Actor {
  const big = campaignId !== undefined;
  const n = (small: number, largeMax: number) => (big ? rng.int(small, largeMax) : small);
  const actor: Mutable<Actor> = emptyActor(kind, campaignId);
  switch (kind) {
    case 'friend_in_need': {
      fill(actor.phones, n(1, 3), () => (rng.chance(0.88) ? dutchMobile(rng, 'suspect') : foreignPhone(rng, rng.pick(['GB', 'BE', 'DE'] as const))));
      actor.accounts.push(...mules(rng, n(1, 3)));
      break;
    }
    case 'mule_account':
      actor.accounts.push(...mules(rng, 1));
      break;
    case 'phishing_kit': {
      const brand = rng.weighted(BRAND_TABLE);
      actor.brand = brand;
      const domain = phishingDomain(rng, brand);
      actor.urls.push(...phishingUrls(rng, brand, domain, n(1, 7)));
      fill(actor.phones, n(1, 4), () => {
        const r = rng.float();
        if (r < 0.5) return dutchMobile(rng, 'suspect');
        if (r < 0.8) return dutchM2m(rng);
        return foreignPhone(rng, rng.pick(['GB', 'BE', 'FR'] as const));
      });
      if (brand.kind === 'bank') {
        actor.phones.push(dutchVoip(rng)); // the "callback" number of the fake bank employee
        actor.accounts.push(...mules(rng, n(1, 2)));
      }
      if (rng.chance(0.5)) actor.emails.push(rng.chance(0.5) ? `noreply@${domain}` : scammerWebmail(rng, `${asciiSlug(brand.name)}.${rng.pick(['klantenservice', 'support', 'info', 'service'])}`));
      break;
    }
    case 'bank_helpdesk_crew': {
      actor.brand = rng.pick(BANK_BRANDS);
      fill(actor.phones, n(1, 3), () => (rng.chance(0.6) ? dutchMobile(rng, 'suspect') : dutchVoip(rng)));
      actor.accounts.push(...mules(rng, n(1, 4)));
      fill(actor.names, n(1, 3), () => `${rng.pick(EMPLOYEE_FIRST)}${rng.chance(0.4) ? ` ${dutchPerson(rng).last}` : ''}`);
      if (rng.chance(0.4)) {
        const domain = phishingDomain(rng, actor.brand);
        actor.urls.push(...phishingUrls(rng, actor.brand, domain, n(1, 3)));
      }
      break;
    }
    case 'tech_support': {
      fill(actor.remote, n(1, 4), () => remoteId(rng));
      fill(actor.phones, n(1, 3), () => {
        const r = rng.float();
        if (r < 0.35) return foreignPhone(rng, 'GB', rng.chance(0.5) ? 'fixed' : 'mobile');
        if (r < 0.55) return foreignPhone(rng, 'US', 'tollfree');
        if (r < 0.8) return dutchVoip(rng);
        return foreignPhone(rng, 'IN');
      });
      actor.accounts.push(...mules(rng, n(1, 2)));
      fill(actor.names, n(1, 2), () => (rng.chance(0.5) ? englishPerson(rng).first : `${englishPerson(rng).first} ${englishPerson(rng).last}`));
      actor.label = rng.pick(['Microsoft', 'Microsoft Support', 'Windows Helpdesk', 'Apple Support', 'Norton', 'Ziggo Helpdesk', 'KPN Servicedesk']);
      if (rng.chance(0.3)) actor.emails.push(scammerWebmail(rng, `${asciiSlug(actor.label, '.')}.support`));
      break;
    }
    case 'ransomware_affiliate': {
      const [family, extension, noteName] = rng.pick(RANSOM_FAMILIES);
      let tox: string | undefined;
      if (rng.chance(0.3)) tox = rng.hex(76).toUpperCase();
      actor.ransom = { family, extension, onion: onionHost(rng), tox, demandBtc: [0.1 + rng.float() * 0.5, 0.8 + rng.float() * 6], noteName };
      fill(actor.wallets, n(1, 3), () => btcAddress(rng));
      if (rng.chance(0.1)) actor.wallets.push(xmrAddress(rng));
      const local = rng.pick(['recovery.team', 'decrypt.support', 'restore', 'datarecovery', 'helpdesk', 'unlock', 'keysupport']);
      fill(actor.emails, n(1, 2), () => `${local}${rng.chance(0.5) ? rng.int(100, 9999) : ''}@${rng.pick(ANONYMOUS_MAIL_DOMAINS)}`);
      actor.names.push(family ? `${family.split(/[ /(]/)[0]}Supp` : 'unknown');
      break;
    }
    case 'marketplace_seller': {
      const person = dutchPerson(rng);
      actor.names.push(rng.chance(0.5) ? person.first : `${person.first} ${person.last}`);
      actor.handles.push(`${person.firstSlug}${rng.chance(0.5) ? rng.int(70, 2005) : rng.pick(HANDLE_WORDS)}`);
      fill(actor.phones, n(1, 2), () => dutchMobile(rng, 'suspect'));
      actor.accounts.push(...mules(rng, n(1, 2)));
      if (rng.chance(0.3)) {
        const brand = rng.pick(BRANDS.filter((b) => b.kind === 'payment'));
        actor.brand = brand;
        actor.urls.push(...phishingUrls(rng, brand, phishingDomain(rng, brand), n(1, 3)));
      }
      if (rng.chance(0.3)) actor.emails.push(scammerWebmail(rng, `${person.firstSlug}${person.lastSlug}`));
      actor.label = rng.pick(MARKETPLACE_ITEMS)[0];
      break;
    }
    case 'fake_webshop': {
      const product = rng.pick(SHOP_PRODUCTS);
      const { domain, name } = webshopDomain(rng, product);
      actor.label = name;
      actor.urls.push(...webshopUrls(rng, domain, n(1, 4)));
      actor.emails.push(`${rng.pick(['info', 'klantenservice', 'support', 'service', 'orders'])}@${domain}`);
      if (rng.chance(0.4)) actor.emails.push(scammerWebmail(rng, asciiSlug(name, '.')));
      actor.accounts.push(...mules(rng, n(1, 2)));
      if (rng.chance(0.3)) actor.phones.push(rng.chance(0.6) ? dutchVoip(rng) : foreignPhone(rng, 'GB', 'fixed'));
      break;
    }
    case 'investment_platform': {
      const platform = rng.pick(PLATFORM_NAMES);
      actor.label = platform;
      actor.urls.push(...platformUrls(rng, platform, n(1, 4)));
      fill(actor.phones, n(1, 3), () => {
        const r = rng.float();
        if (r < 0.35) return foreignPhone(rng, 'GB');
        if (r < 0.55) return foreignPhone(rng, 'CY');
        if (r < 0.75) return dutchVoip(rng);
        return foreignPhone(rng, 'DE');
      });
      fill(actor.names, n(1, 2), () => {
      const person = rng.chance(0.6) ? englishPerson(rng) : dutchPerson(rng);
      return `${person.first} ${person.last}`;
    });
    fill(actor.wallets, n(1, 3), () => {
      const r = rng.float();
      return r < 0.45 ? btcAddress(rng) : r < 0.75 ? trxAddress(rng) : ethAddress(rng);
    });
    if (rng.chance(0.4)) actor.accounts.push(...mules(rng, n(1, 2)));
    if (rng.chance(0.5)) actor.emails.push(`support@${actor.urls[0]?.registrable ?? 'platform.com'}`);
    actor.handles.push(`@${asciiSlug(platform)}_${rng.pick(['support', 'official', 'vip', 'signals'])}`);
    break;
  }
  case 'romance_profile': {
    // The persona is a man (most victims who report are women over 50).
    const person = rng.chance(0.7) ? englishPerson(rng, false) : dutchPerson(rng, false);
    actor.names.push(`${person.first} ${person.last}`);
    actor.handles.push(`${person.firstSlug}.${person.lastSlug}${rng.int(1, 99)}`);
    actor.emails.push(scammerWebmail(rng, `${person.firstSlug}${person.lastSlug}`));
    fill(actor.phones, n(1, 2), () => {
        const r = rng.float();
        if (r < 0.35) return foreignPhone(rng, 'GB');
        if (r < 0.6) return foreignPhone(rng, 'NG');
        if (r < 0.8) return foreignPhone(rng, 'US');
        return dutchMobile(rng, 'suspect');
      });
      if (rng.chance(0.6)) actor.accounts.push(...mules(rng, n(1, 2)));
      if (rng.chance(0.4)) actor.wallets.push(btcAddress(rng));
      actor.label = rng.pick(['militair op missie in Syrië', 'ingenieur op een olieplatform', 'arts bij de VN', 'zakenman in Dubai', 'weduwnaar uit Schotland']);
      break;
    }
    case 'sextortion_mailer': {
      fill(actor.wallets, n(1, 3), () => btcAddress(rng));
      fill(actor.emails, n(1, 4), () => `${rng.pick(['support', 'admin', 'noreply', 'hacker', 'security', 'info'])}${rng.int(100, 99999)}@${rng.pick([...WEBMAIL_DOMAINS, 'mail.ru', 'yandex.com', 'aol.com'])}`);
      break;
    }
  }
  return actor;
}

interface Slot {
  actor: Actor;
  target: number;
  victims: number;
}

interface KindSlots {
  slots: Array<Slot | undefined>;
  /** Pick weight per slot: the running campaign's size, or a small default for an empty slot. */
  weights: Float64Array;
  total: number;
}

export interface CampaignPick {
  actor: Actor;
  /** 1-based position of this report within its campaign. */
  victimNumber: number;
  targetSize: number;
}

/** The bounded set of running campaigns, per actor kind. */
export class CampaignPool {
  private readonly kinds = new Map<ActorKind, KindSlots>();
  private serial = 0;

  constructor(private readonly rng: Rng) {}

  /** Joins the report to one of the running campaigns of `kind` (starting a new one in an empty slot). */
  take(kind: ActorKind): CampaignPick {
    const settings = KIND_SETTINGS[kind];
    const emptyWeight = settings.minSize * 2;
    let state = this.kinds.get(kind);
    if (!state) {
      state = { slots: new Array<Slot | undefined>(settings.slots).fill(undefined), weights: new Float64Array(settings.slots).fill(emptyWeight), total: settings.slots * emptyWeight };
      this.kinds.set(kind, state);
    }
    // Pick a slot in proportion to its campaign's size, so a big campaign hits many victims
    // per day rather than lasting for months; an empty slot counts as a small one.
    const { slots, weights } = state;
    let remaining = this.rng.float() * state.total;
    let index = 0;
    for (; index < slots.length - 1; index++) {
      remaining -= weights[index] as number;
      if (remaining < 0) break;
    }
    let slot = slots[index];
    if (!slot) {
      this.serial += 1;
      slot = {
        actor: createActor(this.rng, kind, `${kind}#${this.serial}`),
        target: this.rng.powerLaw(settings.minSize, settings.maxSize, settings.alpha),
        victims: 0,
      };
      slots[index] = slot;
      this.setWeight(state, index, slot.target);
    }
    slot.victims += 1;
    if (slot.victims >= slot.target) {
      // Complete: the slot starts a new campaign the next time it is picked.
      slots[index] = undefined;
      this.setWeight(state, index, emptyWeight);
    }
    return { actor: slot.actor, victimNumber: slot.victims, targetSize: slot.target };
  }

  private setWeight(state: KindSlots, index: number, weight: number): void {
    state.total += weight - (state.weights[index] as number);
    state.weights[index] = weight;
  }

  /** Number of campaigns started so far. */
  get started(): number {
    return this.serial;
  }
}

