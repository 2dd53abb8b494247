/** Shared plumbing for scenarios: the draft of one report (story, suspect block, payments, timeline). */
import type { Payment } from '../../shared/intake/schema';
import { decimal2, euroAmount, euroText } from '../amounts';
import type { AttachmentKind } from '../attachments';
import type { Actor, MuleAccount } from '../campaigns';
import { formatWallet, type Wallet } from '../identifiers/crypto';
import { formatIban, mistypeIban } from '../identifiers/iban';
import { formatPhone, type PhoneNumber } from '../identifiers/phone';
import { formatEmail, formatUrl, type WebUrl } from '../identifiers/web';
import type { Rng } from '../random';
import type { ReporterProfile } from '../reporters';
import { Story, type Lang } from '../story';
import { SuspectBuilder, type SuspectField, type SuspectLists } from '../suspect';
import { DAY, HOUR, MINUTE, dayPhrase, localHour, localStamp } from '../time';

export type ContactMethod = 'phone_call' | 'sms' | 'whatsapp' | 'email' | 'website' | 'social_media' | 'in_person' | 'other';

export interface ScenarioInput {
  readonly rng: Rng;
  readonly actor: Actor;
  /**
   * When set, the victim paid a (cross-campaign) mule account instead of the actor's own; called
   * only if the story gets to a payment, so the mule's campaign only counts victims who paid it.
   */
  readonly mule: (() => MuleAccount | undefined) | undefined;
  readonly reporter: ReporterProfile;
  readonly receivedMs: number;
  readonly lang: Lang;
}

/** Something a later revision can add: a suspect entry and the sentence that explains it. */
export interface Amendment {
  readonly field: SuspectField;
  readonly value: string;
  readonly sentence: string;
}

export interface ScenarioResult {
  summary: string;
  narrative: string;
  contactMethod: ContactMethod;
  firstContactAt: string;
  lastContactAt: string | undefined;
  payments: Payment[];
  suspect: SuspectLists | undefined;
  ransomware: Record<string, unknown> | undefined;
  remoteAccess: { tool: 'AnyDesk' | 'TeamViewer' | 'QuickSupport' | 'RustDesk' | 'other'; id?: string } | undefined;
  attachmentKinds: AttachmentKind[];
  ransomNoteName: string | undefined;
  kind: 'aangifte' | 'melding';
  amendments: Amendment[];
  /** A mistyped IBAN the victim entered in suspect.bankAccounts, and its correct spelling. */
  typo: { wrong: string; right: string } | undefined;
}

export type Scenario = (input: ScenarioInput) => ScenarioResult;

export class Draft {
  readonly rng: Rng;
  readonly lang: Lang;
  readonly story: Story;
  readonly suspect: SuspectBuilder;
  readonly payments: Payment[] = [];
  readonly amendments: Amendment[] = [];
  readonly attachmentKinds: AttachmentKind[] = [];
  typo: { wrong: string; right: string } | undefined;
  ransomware: Record<string, unknown> | undefined;
  remoteAccess: ScenarioResult['remoteAccess'];
  ransomNoteName: string | undefined;
  /** Start and end of the contact with the fraudster. */
  firstMs: number;
  lastMs: number;

  constructor(
    readonly input: ScenarioInput,
    timeline: { medianHours: number; maxDays: number; durationHours: number },
  ) {
    this.rng = input.rng;
    this.lang = input.lang;
    this.story = new Story(input.rng, input.lang);
    this.suspect = new SuspectBuilder(input.rng);
    const rng = input.rng;
    const delay = Math.min(timeline.maxDays * DAY, Math.max(20 * MINUTE, rng.logNormal(timeline.medianHours * HOUR, 1.1)));
    let first = input.receivedMs - delay;
    // Fraudsters call and text in waking hours: move night-time contacts to the evening before.
    const hour = localHour(first);
    if (hour < 8) first -= (hour + 1 + rng.int(0, 4)) * HOUR;
    else if (hour === 23) first -= rng.int(1, 3) * HOUR;
    this.firstMs = Math.floor(first / MINUTE) * MINUTE;
    const duration = Math.min(delay * 0.9, rng.logNormal(timeline.durationHours * HOUR, 0.9));
    this.lastMs = this.firstMs + Math.floor(duration / MINUTE) * MINUTE;
  }

  get actor(): Actor {
    return this.input.actor;
  }

  /** "gisteren", "afgelopen dinsdag", "op 3 maart" … for the first contact. */
  when(): string {
    return dayPhrase(this.firstMs, this.input.receivedMs, this.lang, this.rng.float());
  }

  /** Same, capitalised for the start of a sentence. */
  When(): string {
    const text = this.when();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A moment between first and last contact (moved out of the small hours when the report allows). */
  during(fraction = this.rng.float()): number {
    let at = this.firstMs + Math.floor(((this.lastMs - this.firstMs) * fraction) / MINUTE) * MINUTE;
    if (localHour(at) < 7 && at + 8 * HOUR < this.input.receivedMs) at += 8 * HOUR;
    return at;
  }

  phone(phone: PhoneNumber): string {
    return formatPhone(this.rng, phone);
  }
  iban(electronic: string): string {
    return formatIban(this.rng, electronic);
  }
  url(url: WebUrl): string {
    return formatUrl(this.rng, url);
  }
  email(email: string): string {
    return formatEmail(this.rng, email);
  }
  wallet(wallet: Wallet): string {
    return formatWallet(this.rng, wallet);
  }
  euro(amount: number): string {
    return euroText(this.rng, amount, this.lang);
  }
  amount(median: number, sigma: number, min: number, max: number): number {
    return euroAmount(this.rng, median, sigma, min, max);
  }

  /** Picks one of a campaign's variants, favouring the first (the most used). */
  pick<T>(values: readonly T[]): T | undefined {
    if (values.length === 0) return undefined;
    return values[this.rng.skewedIndex(values.length)];
  }

  private mule: MuleAccount | undefined;

  /** The account the victim paid: the cross-campaign mule if any, else one of the actor's. */
  account(): MuleAccount | undefined {
    if (this.input.mule) {
      this.mule ??= this.input.mule();
      if (this.mule) return this.mule;
    }
    return this.pick(this.actor.accounts);
  }

  /** Records a bank payment to `account`; the beneficiary is typed as on the bank statement. */
  pay(account: MuleAccount | undefined, amount: number, atMs: number, method: 'bank_transfer' | 'ideal' | 'card' | 'other' = 'bank_transfer', reference?: string): Payment {
    const rng = this.rng;
    const payment: Payment = {};
    if (rng.chance(0.9)) payment.at = localStamp(atMs);
    payment.amount = decimal2(amount);
    payment.currency = 'EUR';
    payment.method = method;
    if (account) {
      if (rng.chance(0.85)) payment.beneficiaryName = rng.chance(0.9) ? account.holder : account.holder.toUpperCase();
      if (rng.chance(0.92)) payment.beneficiaryAccount = rng.chance(0.6) ? account.iban.electronic : formatIban(rng, account.iban.electronic);
    }
    if (reference !== undefined) payment.reference = reference;
    this.payments.push(payment);
    return payment;
  }

  payCrypto(wallet: Wallet, amount: string, currency: string, atMs: number): Payment {
    const payment: Payment = { at: localStamp(atMs), amount, currency, method: 'crypto', beneficiaryAccount: wallet.address };
    this.payments.push(payment);
    return payment;
  }

  payGiftCards(amount: number, atMs: number, brand: string): Payment {
    const code = `${this.rng.hex(4)}-${this.rng.hex(4)}-${this.rng.hex(4)}`.toUpperCase();
    const payment: Payment = { at: localStamp(atMs), amount: decimal2(amount), currency: 'EUR', method: 'gift_card', beneficiaryAccount: `${brand} ${code}` };
    this.payments.push(payment);
    return payment;
  }

  /** Lists a paid account under suspect.bankAccounts; now and then with a typo (and its correction kept). */
  suspectAccount(account: MuleAccount, withName = true): void {
    if (this.typo === undefined && this.rng.chance(0.05)) {
      const wrong = formatIban(this.rng, mistypeIban(this.rng, account.iban));
      this.suspect.add('bankAccounts', wrong);
      this.typo = { wrong, right: formatIban(this.rng, account.iban.electronic) };
    } else {
      this.suspect.iban(account.iban.electronic);
    }
    if (withName && this.rng.chance(0.6)) this.suspect.name(account.holder);
  }

  /** Offers an indicator the victim did not mention yet, for a later revision. */
  spare(field: SuspectField, value: string, sentence: string): void {
    this.amendments.push({ field, value, sentence });
  }

  finish(summary: string, contactMethod: ContactMethod, kind: 'aangifte' | 'melding', suspectMessiness = 1): ScenarioResult {
    const lists = this.suspect.finish(suspectMessiness);
    const empty =
      lists.names.length + lists.phoneNumbers.length + lists.emailAddresses.length + lists.websites.length + lists.bankAccounts.length + lists.cryptoAddresses.length + lists.socialMedia.length + lists.other.length ===
      0;
    return {
      summary: summary.length > 200 ? summary.slice(0, 200) : summary,
      narrative: this.story.build(),
      contactMethod,
      firstContactAt: localStamp(this.firstMs),
      lastContactAt: this.lastMs > this.firstMs + 30 * MINUTE && this.rng.chance(0.5) ? localStamp(this.lastMs) : undefined,
      payments: this.payments,
      suspect: empty && this.rng.chance(0.5) ? undefined : lists,
      ransomware: this.ransomware,
      remoteAccess: this.remoteAccess,
      attachmentKinds: this.attachmentKinds,
      ransomNoteName: this.ransomNoteName,
      kind,
      amendments: this.amendments,
      typo: this.typo,
    };
  }
}

/** A Dutch or English phrase; the English one is only built when needed. */
export function t(draft: Draft, nl: string, en: () => string): string {
  return draft.lang === 'en' ? en() : nl;
}

export type { Lang };
