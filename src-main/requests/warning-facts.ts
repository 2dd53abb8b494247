/**
 * The concrete details a prevention warning names, read from its bundle: the modus, how many reports since when,
 * the loss, the web addresses the reports share and — only when the supervisor deliberately chose so — the
 * suspects' numbers, addresses and accounts. Never anything about the victims: only the suspect's side of a
 * report (its `suspect.*` fields and the accounts paid to) is read for those, and only values shared by several
 * reports (a campaign's, not one report's stray mention).
 */
import type Database from 'better-sqlite3';
import type { RequestBundle } from '../../shared/api/request-views';
import { sharedIndicatorValues } from '../queries/bundle-reports';
import type { WarningFacts } from './warning-template';

/** How many of the bundle's reports must name a value before the warning does. */
const MIN_SHARED_REPORTS = 2;
const MAX_VALUES = 5;

const SUSPECT_LABELS: Record<string, string> = {
  phone: 'Telefoonnummer van de oplichters',
  email: 'E-mailadres van de oplichters',
  iban: 'Rekeningnummer van de oplichters',
  crypto: 'Cryptoadres van de oplichters',
};

const sharedValues = (sqlite: Database.Database, reportIds: readonly string[], types: readonly string[], suspectSideOnly: boolean) =>
  sharedIndicatorValues(sqlite, reportIds, { types, suspectSideOnly, minReports: MIN_SHARED_REPORTS, max: MAX_VALUES });

export function warningFacts(sqlite: Database.Database, bundle: RequestBundle, nameSuspects: boolean): WarningFacts {
  const reportIds = bundle.reports.map((report) => report.reportId);
  return {
    category: bundle.categories[0]?.category ?? null,
    victims: bundle.victims,
    totalLossCents: bundle.totalLossCents,
    period: bundle.period,
    websites: sharedValues(sqlite, reportIds, ['domain'], false).map((shared) => shared.value),
    suspectDetails: nameSuspects
      ? sharedValues(sqlite, reportIds, Object.keys(SUSPECT_LABELS), true).map((shared) => ({ label: SUSPECT_LABELS[shared.type]!, value: shared.value }))
      : [],
  };
}
