/**
 * Builds the `suspect` block as a victim fills it in: formatted variably, sometimes twice
 * (in two spellings), with junk ("weet ik niet", "-", a name in the phone field).
 */
import { formatIban } from './identifiers/iban';
import { formatPhone, type PhoneNumber } from './identifiers/phone';
import { formatWallet, type Wallet } from './identifiers/crypto';
import { formatEmail, formatUrl, type WebUrl } from './identifiers/web';
import type { Rng } from './random';

export type SuspectLists = {
  names: string[];
  phoneNumbers: string[];
  emailAddresses: string[];
  websites: string[];
  bankAccounts: string[];
  cryptoAddresses: string[];
  socialMedia: string[];
  other: string[];
};
export type SuspectField = keyof SuspectLists;

const JUNK: Record<SuspectField, readonly string[]> = {
  names: ['weet ik niet', 'onbekend', '-', '?', 'n.v.t.', 'geen idee', 'zie verhaal', 'zie bijlage', 'Onbekend'],
  phoneNumbers: ['weet ik niet', 'onbekend', 'afgeschermd nummer', 'privénummer', '-', 'nummer onderdrukt', 'anoniem'],
  emailAddresses: ['-', 'weet niet', 'geen', 'onbekend'],
  websites: ['whatsapp', 'marktplaats', '-', 'facebook', 'weet ik niet meer', 'via een advertentie'],
  bankAccounts: ['zie afschrift', '-', 'onbekend', 'weet ik niet meer', 'zie bijlage'],
  cryptoAddresses: ['weet ik niet', 'bitcoin', '-'],
  socialMedia: ['-', 'instagram', 'facebook'],
  other: ['zie verhaal', '-', 'zie bijlagen'],
};
const JUNK_FIELDS: readonly SuspectField[] = ['names', 'phoneNumbers', 'phoneNumbers', 'emailAddresses', 'websites', 'bankAccounts', 'names', 'other'];

export class SuspectBuilder {
  readonly lists: SuspectLists = {
    names: [],
    phoneNumbers: [],
    emailAddresses: [],
    websites: [],
    bankAccounts: [],
    cryptoAddresses: [],
    socialMedia: [],
    other: [],
  };
  /** The values behind the entries added so far (and their fields), for realistic duplicates. */
  private readonly sourceFields: SuspectField[] = [];
  private readonly sources: Array<PhoneNumber | WebUrl | Wallet | string> = [];

  constructor(private readonly rng: Rng) {}

  /** Adds a typed entry; `source` is the value behind it, so it can be typed again differently. */
  add(field: SuspectField, text: string, source?: PhoneNumber | WebUrl | Wallet | string): string {
    this.lists[field].push(text);
    if (source !== undefined) {
      this.sourceFields.push(field);
      this.sources.push(source);
    }
    return text;
  }

  phone(phone: PhoneNumber): string {
    return this.add('phoneNumbers', formatPhone(this.rng, phone), phone);
  }

  iban(electronic: string): string {
    return this.add('bankAccounts', formatIban(this.rng, electronic), electronic);
  }

  url(url: WebUrl): string {
    return this.add('websites', formatUrl(this.rng, url), url);
  }

  email(email: string): string {
    return this.add('emailAddresses', formatEmail(this.rng, email), email);
  }

  wallet(wallet: Wallet): string {
    return this.add('cryptoAddresses', formatWallet(this.rng, wallet), wallet);
  }

  /** The value typed once more, possibly in another spelling. */
  private respell(field: SuspectField, source: PhoneNumber | WebUrl | Wallet | string): string {
    const rng = this.rng;
    switch (field) {
      case 'phoneNumbers':
        return formatPhone(rng, source as PhoneNumber);
      case 'bankAccounts':
        return formatIban(rng, source as string);
      case 'websites':
        return formatUrl(rng, source as WebUrl);
      case 'emailAddresses':
        return formatEmail(rng, source as string);
      case 'cryptoAddresses':
        return formatWallet(rng, source as Wallet);
      default:
        return typeof source === 'string' ? source : '';
    }
  }

  name(name: string): string {
    return this.add('names', name);
  }

  /** Adds duplicates and junk the way real forms contain them, and returns the lists. */
  finish(messiness = 1): SuspectLists {
    const rng = this.rng;
    if (this.sources.length > 0 && rng.chance(0.1 * messiness)) {
      const index = rng.int(0, this.sources.length - 1);
      const field = this.sourceFields[index] as SuspectField;
      // Half the time the same spelling again, half the time another spelling of the same value.
      const list = this.lists[field];
      list.push(rng.chance(0.5) ? (list[list.length - 1] as string) : this.respell(field, this.sources[index] as PhoneNumber | WebUrl | Wallet | string));
    }
    if (rng.chance(0.14 * messiness)) {
      const field = rng.pick(JUNK_FIELDS);
      if (field === 'phoneNumbers' && this.lists.names.length > 0 && rng.chance(0.3)) {
        this.lists.phoneNumbers.push(rng.pick(this.lists.names)); // a name typed in the phone field
      } else {
        this.lists[field].push(rng.pick(JUNK[field]));
      }
    }
    return this.lists;
  }
}
