import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { INDICATOR_TYPES, type IndicatorType } from '../../shared/indicators/types';
import { normalizeIndicator } from '../../shared/indicators/normalize';
import { createClusterMaintainer } from '../linking/cluster-maintainer';
import type { Actor } from '../audit/actor';
import { createBenignMatcher, domainOfUrl, isBareUrl, type BenignEntry } from './benign-matcher';
import { deleteBenignValue, findBenignValue, insertDefaultBenignValues, listBenignValues, upsertBenignValue } from './benign-values';
import defaults from '../indicators/default-benign.json';
import { createIndicatorById, createReportsMentioning, indicatorIdsOf, urlIndicators } from '../db/reports/lookup';
import { prepareBenignMarks } from '../db/reports/writes';
import { readMeta, writeMeta } from '../db/store-meta';
import { writeTransaction } from '../db/write-transaction';

const SEEDED_KEY = 'benign_defaults_seeded';

/** Puts the shipped Dutch defaults into a new store once; after that the list is the supervisors'. */
export function seedDefaultBenignList(sqlite: Database.Database, at: string): void {
  if (readMeta(sqlite, SEEDED_KEY) !== undefined) return;
  writeTransaction(sqlite, () => {
    insertDefaultBenignValues(sqlite, defaults, at);
    writeMeta(sqlite, SEEDED_KEY, at);
  })();
}

function parseType(type: string): IndicatorType {
  if (!(INDICATOR_TYPES as readonly string[]).includes(type)) {
    throw new AppError('BAD_INPUT', `Unknown indicator type "${type}"; use one of ${INDICATOR_TYPES.join(', ')}.`);
  }
  return type as IndicatorType;
}

/** Accepts the value as a person types it and stores its canonical form. */
export function canonicalBenignValue(type: string, value: string): { type: IndicatorType; value: string } {
  const indicatorType = parseType(type);
  const canonical = normalizeIndicator(indicatorType, value);
  if (!canonical) throw new AppError('BAD_INPUT', `"${value}" is not a valid ${indicatorType} indicator.`);
  return { type: indicatorType, value: canonical.value };
}

/** The indicators a benign entry covers: the value itself, and for a domain every URL on it (unless told not to: then its bare URL). */
function coveredIndicatorIds(sqlite: Database.Database, type: IndicatorType, value: string, includeUrls = true): number[] {
  const ids = indicatorIdsOf(sqlite, type, value);
  if (type === 'domain') {
    // Without its URLs, a domain still covers its bare URL (see isBareUrl).
    for (const row of urlIndicators(sqlite)) {
      if ((includeUrls || isBareUrl(row.value)) && domainOfUrl(row.value) === value) ids.push(row.id);
    }
  }
  return ids;
}

/** Re-evaluates indicators after the list changed and repairs clusters: benign values split, others join. */
function applyBenignChange(sqlite: Database.Database, indicatorIds: number[], reason: string | null): void {
  const clusters = createClusterMaintainer(sqlite);
  const { setReason, setMentions } = prepareBenignMarks(sqlite);
  const reportsWith = createReportsMentioning(sqlite);
  for (const id of indicatorIds) {
    setReason.run(reason, id);
    setMentions.run(reason === null ? 0 : 1, id);
    const reportIds = reportsWith(id);
    if (reason === null) {
      for (const reportId of reportIds) clusters.link(reportId, [id]);
    } else {
      const affected = new Set(reportIds.map((reportId) => clusters.clusterOf(reportId)).filter((c): c is number => c !== null));
      for (const cluster of affected) clusters.split(cluster);
    }
  }
}

/**
 * Puts one (canonical) entry on the list and repairs clusters, without a transaction or audit entry of its own:
 * for callers that already hold both, e.g. the sync appliers, which need the mutation's officer and time.
 */
export function putBenignEntry(sqlite: Database.Database, entry: BenignEntry & { type: IndicatorType }, addedBy: Actor, addedAt: string): void {
  upsertBenignValue(sqlite, entry, addedBy, addedAt);
  const coversUrls = findBenignValue(sqlite, entry.type, entry.value)?.coversUrls === true;
  applyBenignChange(sqlite, coveredIndicatorIds(sqlite, entry.type, entry.value, coversUrls), entry.reason);
}

/** Takes one (canonical) entry off the list and repairs clusters; false when it was not on it. Same contract as putBenignEntry. */
export function dropBenignEntry(sqlite: Database.Database, type: IndicatorType, value: string): boolean {
  if (!deleteBenignValue(sqlite, type, value)) return false;
  // A URL may still be benign through its domain (or the domain's URLs through a URL entry): ask the whole list.
  const matcher = createBenignMatcher(listBenignValues(sqlite));
  const indicatorById = createIndicatorById(sqlite);
  for (const id of coveredIndicatorIds(sqlite, type, value)) {
    const indicator = indicatorById(id)!;
    applyBenignChange(sqlite, [id], matcher.reasonFor(indicator.type, indicator.value));
  }
  return true;
}
