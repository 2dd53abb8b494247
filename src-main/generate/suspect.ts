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
  /** Re-spellers of the entries added so far, for realistic duplicates. */
  private readonly respell: Array<[SuspectField, () => string]> = [];

  constructor(private readonly rng: Rng) {}

  add(field: SuspectField, text: string, respell?: () => string): string {
    this.lists[field].push(text);
    if (respell) this.respell.push([field, respell]);
    return text;
  }

  phone(phone: PhoneNumber): string {
    return this.add('phoneNumbers', formatPhone(this.rng, phone), () => formatPhone(this.rng, phone));
  }

  iban(electronic: string): string {
    return this.add('bankAccounts', formatIban(this.rng, electronic), () => formatIban(this.rng, electronic));
  }

  url(url: WebUrl): string {
    return this.add('websites', formatUrl(this.rng, url), () => formatUrl(this.rng, url));
  }

  email(email: string): string {
    return this.add('emailAddresses', formatEmail(this.rng, email), () => formatEmail(this.rng, email));
  }

  wallet(wallet: Wallet): string {
    return this.add('cryptoAddresses', formatWallet(this.rng, wallet), () => formatWallet(this.rng, wallet));
  }

  name(name: string): string {
    return this.add('names', name);
  }

  /** Adds duplicates and junk the way real forms contain them, and returns the lists. */
  finish(messiness = 1): SuspectLists {
    const rng = this.rng;
    if (this.respell.length > 0 && rng.chance(0.1 * messiness)) {
      const [field, again] = rng.pick(this.respell);
      // Half the time the same spelling again, half the time another spelling of the same value.
      const list = this.lists[field];
      list.push(rng.chance(0.5) ? (list[list.length - 1] as string) : again());
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
