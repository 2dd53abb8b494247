/**
 * The intake rules as a pure function over the state of the reports a batch touches, so that a batch is
 * written with a handful of statements. The rules are the local import's (src-main/store/report-writer.ts):
 * - a report seen for the first time is `imported`; a higher revision than the current one is `updated`;
 *   a lower or equal one is `ignored` as current, but stored in the history when that revision is new;
 * - an exact repeat (a revision already stored) changes nothing;
 * - a withdrawal at revision N drops the personal data of every stored revision up to N, and a revision up
 *   to N that arrives later is stored without it (see src-main/store/redact.ts).
 * Every newly stored revision becomes a feed entry, delivered to the regions the report has named so far.
 */
import type { IntakeRecord } from '../../shared/intake/schema';
import { redactRecord } from '../../src-main/store/redact';
import { toUtc } from '../../src-main/store/report-row';
import type { FeedItem } from '../feed/append';

export interface IntakeInput {
  record: IntakeRecord;
  /** The record exactly as received (unknown fields preserved). */
  raw: string;
}

export type IntakeOutcome = 'imported' | 'updated' | 'ignored';

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
  outcomes: IntakeOutcome[];
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

export function planIntake(stored: ReadonlyMap<string, StoredReport>, inputs: readonly IntakeInput[]): IntakePlan {
  const working = new Map<string, WorkingReport>();
  const outcomes: IntakeOutcome[] = [];
  const feedItems: FeedItem[] = [];

  for (const input of inputs) {
    const { record } = input;
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

    if (report?.stored.has(record.revision)) {
      outcomes.push('ignored');
      continue;
    }

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
      outcomes.push('imported');
    } else if (record.revision > report.revision) {
      report.revision = record.revision;
      report.status = record.status;
      outcomes.push('updated');
    } else {
      outcomes.push('ignored');
    }
    if (receivedAt < report.firstReceivedAt) report.firstReceivedAt = receivedAt;
    if (record.status === 'withdrawn') report.withdrawnRevision = Math.max(report.withdrawnRevision ?? 0, record.revision);

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
    const withdrawnUpTo = report.withdrawnRevision ?? 0;
    for (const { row: revision, input } of report.pending) {
      const personalDataGone = revision.status === 'withdrawn' || revision.revision <= withdrawnUpTo;
      plan.newRevisions.push({ ...revision, raw: personalDataGone ? redactRecord(input.record) : input.raw });
    }
    if (!report.isNew && withdrawnUpTo > report.initialWithdrawn) {
      plan.redactStored.push({ reportId: report.reportId, after: report.initialWithdrawn, upTo: withdrawnUpTo });
    }
  }
  return plan;
}
