/**
 * The supervisor's overview (issue 16): the backlog, weekly throughput, what is rising, what to stop first and
 * how each addressee answers requests. Computed in the main process from the local store; JSON-safe.
 */
import type { RequestState } from '../requests/lifecycle';

export const AGE_BUCKETS = ['0-2d', '3-7d', '8-30d', '31d+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** What a supervisor tunes; stored in the case store so that every "why" of the overview is data. */
export interface OverviewSettings {
  /** Working days within which an open report should be handled, per category; `default` for the rest. */
  serviceLevels: { default: number; byCategory: Record<string, number> };
  spikes: {
    /** Days counted as "recent" (ending at the as-of day). */
    recentDays: number;
    /** Days before the recent window that form each indicator's or cluster's own baseline. */
    baselineDays: number;
    /** Poisson tail probability below which a count is a spike: P(X ≥ recent | baseline rate) < maxTailProbability. */
    maxTailProbability: number;
    /** Fewer recent reports than this are never a spike (three reports are not a campaign). */
    minRecent: number;
  };
  /** Days over which "victims per day" is measured for the harm ranking. */
  harmDays: number;
  /** Weeks of throughput shown (the last one ends at the as-of day). */
  weeks: number;
  /** Brands whose names in fresh domains are a new method (look-alike phishing sites). */
  brands: Brand[];
}

/** A brand criminals pose as: the words that name it in a domain and its own registrable domains. */
export interface Brand {
  name: string;
  /** Lower case letters and digits; marks shorter than five letters count only as a whole word of the name. */
  marks: string[];
  /** The brand's real registrable domains, never flagged. */
  domains: string[];
}

export interface BacklogCount {
  open: number;
  overdue: number;
}

export interface OfficerBacklog extends BacklogCount {
  team: string | null;
  /** The median open work of the officers in the same team (who have any), to see who is overloaded. */
  teamMedian: number;
}

export interface OverdueReport {
  reportId: string;
  category: string;
  receivedAt: string;
  workingDays: number;
  levelDays: number;
}

export interface Backlog extends BacklogCount {
  byAge: Record<AgeBucket, number>;
  byTeam: Record<string, BacklogCount>;
  byOfficer: Record<string, OfficerBacklog>;
  byRegion: Record<string, BacklogCount>;
  byCategory: Record<string, BacklogCount>;
  /** The oldest overdue reports first (at most `OVERDUE_LIST_LIMIT`). */
  overdueList: OverdueReport[];
}

export interface WeekCounts {
  /** ISO week, e.g. `2026-W47`. */
  week: string;
  from: string;
  to: string;
  received: number;
  closed: number;
  /** Euro cents reported lost by the reports received that week. */
  loss: number;
  requestsSent: number;
  requestsExecuted: number;
  /** Reports open at the end of the week (the backlog's trend). */
  openAtEnd: number;
  byCategory: Record<string, { received: number; loss: number }>;
}

export type TrendFlag = 'rise' | 'fall' | null;

/** A category's last week against its own baseline (the weeks before): expected range mean ± 2·√mean. */
export interface CategoryTrend {
  category: string;
  received: number;
  loss: number;
  baselineMean: number;
  expectedLow: number;
  expectedHigh: number;
  flag: TrendFlag;
}

/** `type` is an indicator type with `value` in the contract's canonical form, or `cluster` with its first report. */
export interface Spike {
  type: string;
  value: string;
  recent: number;
  /** Reports expected in the recent window at the baseline's rate. */
  baseline: number;
  /** −log10 of the Poisson tail probability: higher is more surprising. */
  score: number;
  reportIds: string[];
  /** The first day (YYYY-MM-DD) of the recent window, which ends at the as-of day. */
  recentFrom: string;
  /** Reports per day over baseline and recent window, oldest first. */
  sparkline: number[];
}

export interface HarmEntry {
  type: string;
  value: string;
  victims: number;
  /** Total loss in euro cents. */
  loss: number;
  /** Victims per day over the harm window. */
  perDay: number;
  /** Median loss of the recent victims in euro cents. */
  typicalLoss: number;
  /** perDay × typicalLoss: euro cents lost per day while it keeps running. */
  harmPerDay: number;
  /** The state of the newest request about it, or null when none exists. */
  request: RequestState | null;
}

export interface DisruptionEntry {
  addresseeId: string;
  sent: number;
  executed: number;
  refused: number;
  overdue: number;
  medianDaysToExecuted: number | null;
  /** Reports (each once) that still name an indicator of an executed request, a batched letter's too, on a day after its execution. */
  reportsAfterBlock: number;
}

/** A word or word pair used by many more reports in the last seven days than in the seven before. */
export interface RisingTerm {
  term: string;
  thisWeek: number;
  lastWeek: number;
}

/** The bank of an IBAN (`NL ABNA`), a phone number range (`+3197`) or a top-level domain (`.zip`). */
export const SHAPE_KINDS = ['iban-bank', 'phone-range', 'tld'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** An indicator shape named by many more reports in the last seven days than in the seven before. */
export interface RisingShape {
  kind: ShapeKind;
  shape: string;
  thisWeek: number;
  lastWeek: number;
}

/** A domain first named in the last seven days whose name carries a brand (`ing-veilig.nl` → ING). */
export interface FreshBrandDomain {
  domain: string;
  brand: string;
  /** YYYY-MM-DD of the first report that named it. */
  firstSeen: string;
  /** Live reports naming it up to the as-of day. */
  reports: number;
  /** The first of them, oldest first. */
  reportIds: string[];
}

/**
 * A published prevention warning and its effect: new reports per day of the cluster (or indicator) it came from,
 * in the days before its publication against the days since.
 */
export interface WarningEffect {
  actionId: string;
  title: string;
  /** YYYY-MM-DD. */
  publishedAt: string;
  /** Where it was published (site, channel or medium). */
  where: string | null;
  /** `cluster` with its report, or the indicator type with its canonical value. */
  subjectType: string;
  subjectValue: string;
  perDayBefore: number;
  /** From the day of publication to the as-of day. */
  perDayAfter: number;
  daysAfter: number;
  /** Reports per day from 14 days before publication to the as-of day (at most 14 days after), oldest first. */
  sparkline: number[];
}

export interface Overview {
  asOf: string;
  /** The team the overview is limited to (an officer's own), or null for all. */
  team: string | null;
  backlog: Backlog;
  weekly: WeekCounts[];
  categoryTrends: CategoryTrend[];
  spikes: Spike[];
  risingTerms: RisingTerm[];
  risingShapes: RisingShape[];
  freshBrandDomains: FreshBrandDomain[];
  harm: HarmEntry[];
  disruption: DisruptionEntry[];
  warningEffects: WarningEffect[];
  /**
   * Only when another process's import held the writer's lock at the read: its reports so far are not counted yet
   * (the counts are those settled before it); a read after it is done counts them.
   */
  keptCountsPending?: true;
}
