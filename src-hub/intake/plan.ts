/**
 * The intake rules (shared/intake/revision-rules.ts, the workstation's report writer follows the same) applied
 * as a pure function over the state of the reports a batch touches, so that a batch is written with a handful of
 * statements. Every newly stored revision becomes a feed entry, delivered to the regions the report has named so far.
 */
import type { IntakeRecord } from '../../shared/intake/schema';
import { decideRevision, storedRevisionText, toUtc, withdrawnUpTo, type IntakeOutcome } from '../../shared/intake/revision-rules';
import type { FeedItem } from '../feed/append';

export interface IntakeInput {
  record: IntakeRecord;
  /** The record exactly as received (unknown fields preserved). */
  raw: string;
}

/** `purged`: a filed revision of a report that retention removed, refused (../retention/tombstones.ts). */
export type HubIntakeOutcome = IntakeOutcome | 'purged';

/** A report as stored before the batch. */
export interface StoredReport {
  revision: number;
  status: 'filed' | 'withdrawn';
  regions: string[];
  withdrawnRevision: number | null;
  /** ISO 8601 UTC. */
  firstReceivedAt: string;
  /** Revisions stored so far. */
  revisions: number[];
}

export interface ReportRow {
  reportId: string;
  revision: number;
  status: 'filed' | 'withdrawn';
  regions: string[];
  withdrawnRevision: number | null;
  firstReceivedAt: string;
}

export interface RevisionRow {
  reportId: string;
  revision: number;
  status: 'filed' | 'withdrawn';
  region: string | null;
  receivedAt: string;
  raw: string;
}

export interface IntakePlan {
  outcomes: HubIntakeOutcome[];
  newReports: ReportRow[];
  changedReports: ReportRow[];
  newRevisions: RevisionRow[];
  /** Revisions stored before the batch whose personal data must go: those in (after, upTo]. */
  redactStored: Array<{ reportId: string; after: number; upTo: number }>;
  feedItems: FeedItem[];
}

interface WorkingReport extends ReportRow {
  isNew: boolean;
  initialWithdrawn: number;
  stored: Set<number>;
  pending: Array<{ row: Omit<RevisionRow, 'raw'>; input: IntakeInput }>;
}

const regionOf = (record: IntakeRecord): string | null => (record.region && record.region.trim() !== '' ? record.region : null);

/**
 * `purged`: the reports of the batch that retention removed. A filed revision of one is refused and a withdrawn one
 * ignored (it asks for what is done already): a reportId is the portal's for good, never given to another report.
 */
export function planIntake(stored: ReadonlyMap<string, StoredReport>, inputs: readonly IntakeInput[], purged: ReadonlySet<string> = new Set()): IntakePlan {
  const working = new Map<string, WorkingReport>();
  const outcomes: HubIntakeOutcome[] = [];
  const feedItems: FeedItem[] = [];

  for (const input of inputs) {
    const { record } = input;
    if (purged.has(record.reportId)) {
      outcomes.push(record.status === 'withdrawn' ? 'ignored' : 'purged');
      continue;
    }
    const receivedAt = toUtc(record.receivedAt);
    const region = regionOf(record);
    let report = working.get(record.reportId);
    if (!report) {
      const before = stored.get(record.reportId);
      if (before) {
        report = {
          reportId: record.reportId,
          revision: before.revision,
          status: before.status,
          regions: [...before.regions],
          withdrawnRevision: before.withdrawnRevision,
          firstReceivedAt: toUtc(before.firstReceivedAt),
          isNew: false,
          initialWithdrawn: before.withdrawnRevision ?? 0,
          stored: new Set(before.revisions),
          pending: [],
        };
        working.set(record.reportId, report);
      }
    }

    const storedRevisions = report?.stored;
    const decision = decideRevision(report && storedRevisions ? { revision: report.revision, hasRevision: (revision) => storedRevisions.has(revision) } : null, record.revision);
    outcomes.push(decision.outcome);
    if (!decision.storesRevision) continue;
    if (!report) {
      report = {
        reportId: record.reportId,
        revision: record.revision,
        status: record.status,
        regions: [],
        withdrawnRevision: null,
        firstReceivedAt: receivedAt,
        isNew: true,
        initialWithdrawn: 0,
        stored: new Set(),
        pending: [],
      };
      working.set(record.reportId, report);
    } else if (decision.becomesCurrent) {
      report.revision = record.revision;
      report.status = record.status;
    }
    if (receivedAt < report.firstReceivedAt) report.firstReceivedAt = receivedAt;
    if (record.status === 'withdrawn') report.withdrawnRevision = withdrawnUpTo(report.withdrawnRevision ?? 0, record);

    // A report is delivered to the regions it has ever named. When it gains one, the revisions stored before
    // are announced again to that region alone, so its subscribers also get the report's history (typically:
    // a withdrawal without region that arrived before the filed revision naming the region).
    if (region !== null && !report.regions.includes(region)) {
      for (const earlier of [...report.stored].sort((a, b) => a - b)) {
        feedItems.push({ type: 'report', reportId: record.reportId, revision: earlier, regions: [region], reannounce: true });
      }
      report.regions = [...report.regions, region].sort();
    }
    report.stored.add(record.revision);
    report.pending.push({ row: { reportId: record.reportId, revision: record.revision, status: record.status, region, receivedAt }, input });
    feedItems.push({ type: 'report', reportId: record.reportId, revision: record.revision, regions: report.regions });
  }

  const plan: IntakePlan = { outcomes, newReports: [], changedReports: [], newRevisions: [], redactStored: [], feedItems };
  for (const report of working.values()) {
    if (report.pending.length === 0) continue;
    const row: ReportRow = {
      reportId: report.reportId,
      revision: report.revision,
      status: report.status,
      regions: report.regions,
      withdrawnRevision: report.withdrawnRevision,
      firstReceivedAt: report.firstReceivedAt,
    };
    (report.isNew ? plan.newReports : plan.changedReports).push(row);
    const withdrawnRevision = report.withdrawnRevision ?? 0;
    for (const { row: revision, input } of report.pending) {
      plan.newRevisions.push({ ...revision, raw: storedRevisionText(input.record, input.raw, withdrawnRevision) });
    }
    if (!report.isNew && withdrawnRevision > report.initialWithdrawn) {
      plan.redactStored.push({ reportId: report.reportId, after: report.initialWithdrawn, upTo: withdrawnRevision });
    }
  }
  return plan;
}
