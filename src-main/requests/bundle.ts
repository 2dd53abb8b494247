/**
 * The bundle of a request: the live reports it is about, what they add up to, and the evidence from each —
 * without the victims' personal data. Only when the officer deliberately included it are the reporters'
 * name and contact details added, and every such read is written to the audit log.
 */
import type Database from 'better-sqlite3';
import type { RequestBundle, BundleReport } from '../../shared/api/request-views';
import type { CanonicalIndicator } from '../../shared/indicators/types';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { Category } from '../../shared/intake/vocabulary';
import { createMentionsOfIndicator, liveBundleRows } from '../queries/bundle-reports';
import { currentRecord } from '../queries/report-record';
import { createAuditAppender } from '../audit/audit-log';
import { indicatorId } from '../queries/bundle-scope';
import { dutchDay } from '../../shared/platform/dutch-days';
import { evidenceLines } from './evidence';
import { createReporterRedactor } from '../../shared/requests/reporter-redaction';
import { extractRecord } from '../../shared/indicators/extract-record';
import { writeTransaction } from '../db/write-transaction';

/** Who reads the reporters' data, for which request and why (the audit entry's facts). */
export interface PersonalDataAccess {
  officer: string;
  at: string;
  actionId: string;
  /** Why, in the officer's words or from the list of purposes (checked). */
  purpose: string;
  /** Where the data goes: shown (`request.get`), into the letter (`request.letter`) or the export (`request.export`). */
  use: string;
}

export const PERSONAL_DATA_AUDIT_ACTION = 'action.reporter_included';

const dayOf = (report: Pick<BundleReport, 'incidentAt' | 'receivedAt'>) => dutchDay(report.incidentAt ?? report.receivedAt);

function summarize(reports: BundleReport[]): RequestBundle {
  const days = reports.map(dayOf).sort();
  const counts = new Map<Category, number>();
  for (const report of reports) counts.set(report.category, (counts.get(report.category) ?? 0) + 1);
  return {
    reports,
    victims: reports.length,
    totalLossCents: reports.reduce((total, report) => total + report.lossCents, 0),
    period: days.length === 0 ? null : { from: days[0]!, to: days[days.length - 1]! },
    categories: [...counts].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  };
}

/**
 * The bundle of the given reports (withdrawn ones and ones this store lacks left out), oldest incident first.
 * With `personalData`, the reporters' data is included and each report's read is audited in the same transaction.
 */
export function buildBundle(
  sqlite: Database.Database,
  input: { reportIds: readonly string[]; indicator: CanonicalIndicator | null; batch?: readonly CanonicalIndicator[] },
  personalData: PersonalDataAccess | null = null,
): RequestBundle {
  return writeTransaction(sqlite, () => {
    const mentionsOf = createMentionsOfIndicator(sqlite);
    const indicators = (input.indicator === null ? [] : [input.indicator, ...(input.batch ?? [])]).map((indicator) => indicatorId(sqlite, indicator)).filter((id) => id !== undefined);
    const audit = createAuditAppender(sqlite);
    const reports = liveBundleRows(sqlite, input.reportIds).map((row): BundleReport => {
      const record: IntakeRecord = currentRecord(sqlite, row);
      // The accounts and numbers the story names as the reporter's own go too: the evidence reaches the suspect's bank.
      const redact = createReporterRedactor(record.reporter, extractRecord(record).reporterOwn);
      const mentions = indicators.flatMap((indicator) => mentionsOf(row.id, indicator));
      const reporter = personalData && record.reporter ? { name: record.reporter.name, email: record.reporter.email ?? null, phone: record.reporter.phone ?? null } : null;
      if (personalData && reporter) {
        audit(personalData.at, {
          actor: personalData.officer,
          action: PERSONAL_DATA_AUDIT_ACTION,
          subjectType: 'report',
          subjectId: row.reportId,
          details: { actionId: personalData.actionId, purpose: personalData.purpose, use: personalData.use },
        });
      }
      return {
        reportId: row.reportId,
        receivedAt: row.receivedAt,
        incidentAt: row.incidentAt,
        category: row.category,
        lossCents: row.lossCents,
        summary: row.summary === null ? null : redact(row.summary),
        evidence: evidenceLines(record, mentions, redact),
        reporter,
      };
    });
    reports.sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || (a.incidentAt ?? a.receivedAt).localeCompare(b.incidentAt ?? b.receivedAt) || a.reportId.localeCompare(b.reportId));
    return summarize(reports);
  })();
}
