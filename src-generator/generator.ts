/**
 * The report generator: an endless, deterministic stream of `intake-report/1` records.
 *
 * Separate seeded sub-streams drive arrival times, report content, and follow-ups
 * (revisions/withdrawals), so switching follow-ups off leaves the filed reports unchanged.
 * State is bounded: a fixed set of campaign slots and a capped queue of pending follow-ups.
 */
import { type IntakeRecord } from '../shared/intake/schema';
import { INTAKE_SCHEMA_VERSION, type Category } from '../shared/intake/vocabulary';
import { attachmentsFor } from './attachments';
import { cloneJson } from './clone';
import { CATEGORY_ACTORS, CampaignPool, createActor, type Actor, type MuleAccount } from './campaigns';
import { Rng, weightedTable } from './random';
import { createReporter, type AgeGroup } from './reporters';
import { PendingQueue, reviseReport, withdrawReport, type FollowUp, type PendingReport } from './revisions';
import { typeMessily, type MessyTruth } from './messy';
import { SCENARIOS } from './scenarios';
import type { Lang } from './story';
import { DAY, HOUR, MINUTE, localHourAndDay, utcStamp } from './time';

export interface ReportGeneratorOptions {
  /** Same seed → byte-identical stream. */
  seed: number | string;
  /** Number part of the first reportId (default 1). */
  startId?: number;
  /** Year in the first reportIds (default: the year of `startAt`, else 2026). */
  year?: number;
  /** receivedAt of the stream's start (default: 2 January of `year`, 08:00 Dutch time). */
  startAt?: Date;
  /** Emit later revisions (2, 3) of some reports (default true). */
  revisions?: boolean;
  /** Emit withdrawals of some reports (default true). */
  withdrawals?: boolean;
  /**
   * Add an extra field `x-generator` with the ground truth (true scenario, campaign id) to
   * each filed record — for tests and benchmarks of linking. The contract allows (and says to
   * preserve) unknown fields. Default false.
   */
  annotate?: boolean;
  /**
   * Share (0–1) of filed reports typed messily: full-width digits, invisible characters, Unicode spaces, written-out
   * e-mail addresses, remote-access IDs in prose, the victim's own account named (see messy.ts). Drawn from a
   * stream of its own, so the other reports stay byte-identical to a run without it. Default 0.
   */
  messy?: number;
}

export interface GeneratorStats {
  records: number;
  filed: number;
  revisions: number;
  withdrawals: number;
  campaignsStarted: number;
  pendingFollowUps: number;
}

export interface ReportGenerator extends Iterable<IntakeRecord> {
  /** The next record of the endless stream. */
  next(): IntakeRecord;
  readonly stats: Readonly<GeneratorStats>;
}

/** Ground truth added with `annotate: true`. */
export interface GeneratorAnnotation {
  scenario: Category;
  actorKind: string;
  campaign: string | null;
  muleCampaign: string | null;
  /** With `messy`: how this report was typed messily, and the values that adds or names as the reporter's own. */
  messy?: MessyTruth;
}

/** How often each modus operandi is reported (phishing, marketplace and WhatsApp frequent; ransomware rare). */
const CATEGORY_MIX = weightedTable<Category>([
  ['phishing', 20],
  ['marketplace_fraud', 17],
  ['whatsapp_fraud', 13],
  ['webshop_fraud', 9],
  ['bank_helpdesk_fraud', 8],
  ['hacking', 6],
  ['helpdesk_fraud', 5],
  ['sextortion', 5],
  ['identity_fraud', 5],
  ['other', 5],
  ['investment_fraud', 4],
  ['romance_fraud', 2.5],
  ['ransomware', 0.6],
]);

/** Categories a confused reporter picks instead of the right one. */
const WRONG_CATEGORY: Record<Category, readonly Category[]> = {
  phishing: ['bank_helpdesk_fraud', 'identity_fraud', 'other', 'hacking'],
  bank_helpdesk_fraud: ['phishing', 'helpdesk_fraud', 'other'],
  helpdesk_fraud: ['hacking', 'bank_helpdesk_fraud', 'other'],
  whatsapp_fraud: ['identity_fraud', 'hacking', 'other', 'phishing'],
  marketplace_fraud: ['webshop_fraud', 'other', 'phishing'],
  webshop_fraud: ['marketplace_fraud', 'other'],
  investment_fraud: ['other', 'romance_fraud', 'webshop_fraud'],
  romance_fraud: ['other', 'investment_fraud'],
  sextortion: ['hacking', 'other', 'phishing'],
  ransomware: ['hacking', 'other'],
  identity_fraud: ['other', 'phishing', 'hacking'],
  hacking: ['identity_fraud', 'other'],
  other: ['hacking', 'identity_fraud'],
};
const WRONG_CATEGORY_SHARE = 0.07;

const ENGLISH_CAPABLE = new Set<Category>(['phishing', 'helpdesk_fraud', 'investment_fraud', 'romance_fraud', 'sextortion', 'webshop_fraud', 'marketplace_fraud', 'ransomware', 'whatsapp_fraud']);
const ENGLISH_SHARE = 0.07;

const ORGANISATION_SHARE: Partial<Record<Category, number>> = {
  ransomware: 0.85,
  hacking: 0.25,
  webshop_fraud: 0.04,
  helpdesk_fraud: 0.05,
  other: 0.1,
  phishing: 0.03,
  identity_fraud: 0.03,
};

const AGE_GROUP: Partial<Record<Category, AgeGroup>> = {
  helpdesk_fraud: 'older',
  bank_helpdesk_fraud: 'older',
  whatsapp_fraud: 'older',
  sextortion: 'young',
  marketplace_fraud: 'young',
};

/** Categories whose victims usually pay a bank account, where a cross-campaign mule may show up. */
const PAYS_ACCOUNTS = new Set<Category>(['whatsapp_fraud', 'marketplace_fraud', 'bank_helpdesk_fraud', 'helpdesk_fraud', 'webshop_fraud', 'romance_fraud', 'other', 'hacking', 'phishing']);

/** Relative arrival rate per Dutch local hour (reports come in by day and in the evening). */
const HOURLY_RATE = [0.15, 0.1, 0.07, 0.06, 0.06, 0.1, 0.25, 0.5, 0.8, 1, 1, 1, 0.95, 0.95, 0.95, 0.9, 0.9, 0.85, 0.9, 1, 1, 0.85, 0.6, 0.3];
/** Mean gap between reports at the busiest hours: about three a minute. */
const PEAK_MEAN_GAP_MS = 20_000;

const REVISION_SHARE = 0.06;
const TYPO_REVISION_SHARE = 0.5;
const THIRD_REVISION_SHARE = 0.2;
const WITHDRAWAL_SHARE = 0.015;
const MAX_PENDING = 20_000;
const MAX_ID = 9_999_999;

function followUpDelay(rng: Rng, event: FollowUp): number {
  if (event === 'revise') return Math.min(30 * DAY, Math.max(15 * MINUTE, rng.logNormal(6 * HOUR, 1.2)));
  return Math.min(90 * DAY, Math.max(HOUR, rng.logNormal(3 * DAY, 1.2)));
}

class ReportStream implements ReportGenerator {
  private readonly arrivals: Rng;
  private readonly content: Rng;
  private readonly fates: Rng;
  private readonly followUps: Rng;
  private readonly messyRng: Rng;
  private readonly messyShare: number;
  private readonly campaigns: CampaignPool;
  private readonly pending = new PendingQueue(MAX_PENDING);
  private readonly revisionsOn: boolean;
  private readonly withdrawalsOn: boolean;
  private readonly annotate: boolean;

  private idYear: number;
  private idCounter: number;
  private clockMs: number;
  private nextArrivalMs: number;
  private seq = 0;
  readonly stats: GeneratorStats = { records: 0, filed: 0, revisions: 0, withdrawals: 0, campaignsStarted: 0, pendingFollowUps: 0 };

  constructor(options: ReportGeneratorOptions) {
    const root = new Rng(options.seed);
    this.arrivals = root.fork('arrivals');
    this.content = root.fork('content');
    this.fates = root.fork('fates');
    this.followUps = root.fork('follow-ups');
    this.messyShare = options.messy ?? 0;
    if (!(this.messyShare >= 0 && this.messyShare <= 1)) throw new RangeError(`messy must be a share between 0 and 1, got ${options.messy}`);
    this.campaigns = new CampaignPool(root.fork('campaigns'));
    this.messyRng = root.fork('messy'); // forked last: the streams above stay what they were before messy typing
    this.revisionsOn = options.revisions ?? true;
    this.withdrawalsOn = options.withdrawals ?? true;
    this.annotate = options.annotate ?? false;

    const year = options.year ?? options.startAt?.getUTCFullYear() ?? 2026;
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must be a four-digit year, got ${year}`);
    const startId = options.startId ?? 1;
    if (!Number.isSafeInteger(startId) || startId < 0 || startId > MAX_ID) throw new RangeError(`startId must be between 0 and ${MAX_ID}, got ${startId}`);
    const startAt = options.startAt ?? new Date(Date.UTC(year, 0, 2, 7, 0, 0));
    if (Number.isNaN(startAt.getTime())) throw new RangeError('startAt must be a valid date');

    this.idYear = year;
    this.idCounter = startId - 1;
    this.clockMs = Math.floor(startAt.getTime() / 1000) * 1000 - 1000;
    this.nextArrivalMs = this.clockMs + 1000;
  }

  [Symbol.iterator](): Iterator<IntakeRecord> {
    return { next: () => ({ value: this.next(), done: false }) };
  }

  next(): IntakeRecord {
    const top = this.pending.peek();
    if (top) {
      const at = Math.max(top.dueMs, this.clockMs + 1000);
      if (at < this.nextArrivalMs) {
        this.pending.pop();
        this.clockMs = at;
        return this.emitFollowUp(top, at);
      }
    }
    this.clockMs = this.nextArrivalMs;
    this.nextArrivalMs = this.clockMs + this.gapAfter(this.clockMs);
    return this.emitNew(this.clockMs);
  }

  private gapAfter(ms: number): number {
    const { hour, weekday } = localHourAndDay(ms);
    const rate = (HOURLY_RATE[hour] ?? 1) * (weekday === 0 || weekday === 6 ? 0.7 : 1);
    const seconds = Math.round(this.arrivals.exponential(PEAK_MEAN_GAP_MS / rate) / 1000);
    return Math.max(1, seconds) * 1000;
  }

  private nextReportId(ms: number): string {
    const year = new Date(ms).getUTCFullYear();
    // A few numbers are skipped (drafts that were never submitted).
    const step = this.arrivals.chance(0.03) ? this.arrivals.int(2, 4) : 1;
    if (year > this.idYear) {
      this.idYear = year;
      this.idCounter = 0;
    }
    this.idCounter += step;
    if (this.idCounter > MAX_ID) {
      this.idYear += 1;
      this.idCounter = 1;
    }
    return `IA-${this.idYear}-${String(this.idCounter).padStart(7, '0')}`;
  }

  private emitFollowUp(item: PendingReport, at: number): IntakeRecord {
    const event = item.events.shift() as FollowUp;
    let record: IntakeRecord;
    if (event === 'revise') {
      record = reviseReport(this.followUps, item, at, item.events.length > 0);
      this.stats.revisions += 1;
    } else {
      record = withdrawReport(item, at);
      this.stats.withdrawals += 1;
      item.events.length = 0;
    }
    const following = item.events[0];
    if (following !== undefined) {
      item.dueMs = at + followUpDelay(this.followUps, following);
      item.seq = this.seq++;
      this.pending.push(item);
    }
    this.stats.records += 1;
    this.stats.pendingFollowUps = this.pending.size;
    return record;
  }

  private emitNew(receivedMs: number): IntakeRecord {
    const rng = this.content;
    const reportId = this.nextReportId(receivedMs);
    const scenario = rng.weighted(CATEGORY_MIX);
    const settings = CATEGORY_ACTORS[scenario];
    const actor: Actor = rng.chance(settings.campaignShare) ? this.campaigns.take(settings.kind).actor : createActor(rng, settings.kind, undefined);
    let mule: (() => MuleAccount | undefined) | undefined;
    let muleCampaign: string | null = null;
    if (PAYS_ACCOUNTS.has(scenario) && rng.chance(actor.campaignId ? 0.08 : 0.22)) {
      mule = () => {
        const pick = this.campaigns.take('mule_account');
        muleCampaign = pick.actor.campaignId ?? null;
        return pick.actor.accounts[0];
      };
    }
    const lang: Lang = ENGLISH_CAPABLE.has(scenario) && rng.chance(ENGLISH_SHARE) ? 'en' : 'nl';
    const reporter = createReporter(rng, receivedMs, { organisation: rng.chance(ORGANISATION_SHARE[scenario] ?? 0.01), age: AGE_GROUP[scenario] ?? 'adult' });
    const result = SCENARIOS[scenario]({ rng, actor, mule, reporter, receivedMs, lang });
    const category = rng.chance(WRONG_CATEGORY_SHARE) ? rng.pick(WRONG_CATEGORY[scenario]) : scenario;
    const receivedAt = utcStamp(receivedMs);
    const birthDate = reporter.reporter.birthDate;
    const older = birthDate !== undefined && Number(birthDate.slice(0, 4)) < Number(receivedAt.slice(0, 4)) - 65;
    const c = rng.float();
    const channel = c < (older ? 0.7 : 0.87) ? 'internet' : c < (older ? 0.9 : 0.96) ? 'phone' : 'desk';

    const record: IntakeRecord = {
      schema: INTAKE_SCHEMA_VERSION,
      reportId,
      revision: 1,
      status: 'filed',
      receivedAt,
      channel,
      kind: result.kind,
      category,
    };
    if (reporter.region !== undefined) record.region = reporter.region;
    record.reporter = reporter.reporter;
    const incident: NonNullable<IntakeRecord['incident']> = { summary: result.summary, narrative: result.narrative, firstContactAt: result.firstContactAt };
    if (result.lastContactAt !== undefined) incident.lastContactAt = result.lastContactAt;
    incident.contactMethod = result.contactMethod;
    record.incident = incident;
    if (result.payments.length > 0) record.payments = result.payments;
    if (result.suspect) record.suspect = result.suspect;
    if (result.ransomware) record.ransomware = result.ransomware;
    if (result.remoteAccess) record.remoteAccess = result.remoteAccess;
    const attachments = attachmentsFor(rng, result.attachmentKinds, receivedMs, result.ransomNoteName);
    if (attachments) record.attachments = attachments;
    const messy = this.messyShare > 0 && this.messyRng.chance(this.messyShare) ? typeMessily(this.messyRng, record, lang === 'en') : undefined;
    if (this.annotate) {
      const annotation: GeneratorAnnotation = { scenario, actorKind: actor.kind, campaign: actor.campaignId ?? null, muleCampaign };
      if (messy) annotation.messy = messy;
      record['x-generator'] = annotation;
    }

    this.scheduleFollowUps(record, result.amendments, result.typo, receivedMs);
    this.stats.records += 1;
    this.stats.filed += 1;
    this.stats.campaignsStarted = this.campaigns.started;
    this.stats.pendingFollowUps = this.pending.size;
    return record;
  }

  private scheduleFollowUps(record: IntakeRecord, amendments: PendingReport['amendments'], typo: PendingReport['typo'], receivedMs: number): void {
    // Fates are always drawn (from their own stream), so options only filter them.
    const fates = this.fates;
    const events: FollowUp[] = [];
    // A reporter who mistyped the IBAN often notices and corrects it.
    if (fates.chance(typo ? TYPO_REVISION_SHARE : REVISION_SHARE)) {
      events.push('revise');
      if (fates.chance(THIRD_REVISION_SHARE)) events.push('revise');
    }
    if (fates.chance(WITHDRAWAL_SHARE)) events.push('withdraw');
    const wanted = events.filter((event) => (event === 'revise' ? this.revisionsOn : this.withdrawalsOn));
    const first = wanted[0];
    if (first === undefined || this.pending.full) return;
    this.pending.push({
      dueMs: receivedMs + followUpDelay(this.followUps, first),
      seq: this.seq++,
      record: cloneJson(record),
      events: wanted,
      amendments,
      typo,
    });
  }
}

/** An endless, deterministic stream of contract records. */
export function createReportGenerator(options: ReportGeneratorOptions): ReportGenerator {
  return new ReportStream(options);
}

/** The first `count` records of the stream (filed reports, revisions and withdrawals together). */
export function* generateReports(count: number, options: ReportGeneratorOptions): Generator<IntakeRecord, void, undefined> {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const generator = createReportGenerator(options);
  for (let i = 0; i < count; i++) yield generator.next();
}
