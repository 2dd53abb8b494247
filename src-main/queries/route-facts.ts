import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { IndicatorType } from '../../shared/indicators/types';
import type { Category } from '../../shared/intake/vocabulary';
import { createTeamOfOfficer } from '../db/officers';

/** What routing rules look at, gathered for one report. */
export interface RouteFacts {
  /** Only filed reports are routed; a withdrawn one has nothing left to handle. */
  live: boolean;
  category: Category;
  region: string | null;
  reporterType: 'person' | 'organisation' | null;
  lossCents: number;
  /** Reports in its cluster, itself included; 1 when it links to nothing. */
  clusterSize: number;
  /** Types of the non-benign indicators it mentions, sorted. */
  indicatorTypes: IndicatorType[];
  /** The officer most of the other live reports of its cluster are assigned to, with their team. */
  clusterOwner: { id: string; team: string | null } | null;
}

interface ReportFactsRow {
  id: number;
  status: string;
  category: Category;
  region: string | null;
  reporterType: 'person' | 'organisation' | null;
  lossCents: number;
  clusterId: number | null;
  clusterSize: number;
}

/** Reads the facts with a few indexed lookups (report id, mentions of the report, members of its cluster). */
export function createRouteFactsReader(sqlite: Database.Database) {
  const report = sqlite.prepare<[string], ReportFactsRow>(
    `SELECT r.id, r.status, r.category, r.region, r.reporter_type AS reporterType, r.loss_cents AS lossCents,
       r.cluster_id AS clusterId, coalesce(c.size, 1) AS clusterSize
     FROM reports r LEFT JOIN clusters c ON c.id = r.cluster_id WHERE r.report_id = ?`,
  );
  const indicatorTypes = sqlite
    .prepare<[number], IndicatorType>(
      'SELECT DISTINCT i.type FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE m.report_id = ? AND m.benign = 0 ORDER BY i.type',
    )
    .pluck();
  // Most reports first, then alphabetically, so every workstation names the same owner.
  const owner = sqlite
    .prepare<[number, number], string>(
      `SELECT assignee FROM reports WHERE cluster_id = ? AND id != ? AND status = 'filed' AND assignee IS NOT NULL
       GROUP BY assignee ORDER BY count(*) DESC, assignee LIMIT 1`,
    )
    .pluck();
  const teamOf = createTeamOfOfficer(sqlite);

  return (reportId: string): RouteFacts => {
    const row = report.get(reportId);
    if (!row) throw new AppError('NOT_FOUND', `Report ${reportId} is not in this store.`);
    const ownerId = row.clusterId === null ? undefined : owner.get(row.clusterId, row.id);
    return {
      live: row.status === 'filed',
      category: row.category,
      region: row.region,
      reporterType: row.reporterType,
      lossCents: row.lossCents,
      clusterSize: row.clusterSize,
      indicatorTypes: indicatorTypes.all(row.id),
      clusterOwner: ownerId === undefined ? null : { id: ownerId, team: teamOf(ownerId) ?? null },
    };
  };
}
