import type Database from 'better-sqlite3';
import type { ClusterGraph, GraphEdge, GraphNode } from '../../shared/api/views';
import { decodeMentionField } from '../db/reports/mention-field';
import { queryInChunks } from './in-chunks';
import { linkDecisionsAmong } from '../mutations/link-decision-list';
import { requireReportRow } from './report-record';

/** A graph larger than this is unreadable on screen (and slow to lay out); the neighbourhood is shown instead. */
export const GRAPH_LIMITS = { reports: 150, indicators: 150 } as const;

interface MentionRow {
  reportKey: number;
  indicatorId: number;
  field: string;
  benign: number;
  rowid: number;
}

const reportNodeId = (reportId: string) => `report:${reportId}`;
const indicatorNodeId = (type: string, value: string) => `indicator:${type}:${value}`;

/** Reports reached from `start` over shared non-benign indicators, nearest first, at most `cap`. */
function neighbourhood(sqlite: Database.Database, start: number, cap: number): number[] {
  const indicatorsOf = sqlite.prepare<[number], number>('SELECT DISTINCT indicator_id FROM mentions WHERE report_id = ? AND benign = 0').pluck();
  const reportsWith = sqlite
    .prepare<[number, number], number>(
      `SELECT DISTINCT m.report_id FROM mentions m JOIN reports r ON r.id = m.report_id AND r.status = 'filed'
       WHERE m.indicator_id = ? AND m.benign = 0 LIMIT ?`,
    )
    .pluck();
  const seen = new Set<number>([start]);
  const visitedIndicators = new Set<number>();
  let frontier = [start];
  while (frontier.length > 0 && seen.size < cap) {
    const next: number[] = [];
    for (const report of frontier) {
      for (const indicator of indicatorsOf.all(report)) {
        if (visitedIndicators.has(indicator)) continue;
        visitedIndicators.add(indicator);
        for (const other of reportsWith.all(indicator, cap + 1)) {
          if (seen.size >= cap) return [...seen];
          if (seen.has(other)) continue;
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/**
 * The report's cluster as reports, the indicators that join them (and all of the report's own), mention edges
 * labelled with the fields, and officers' decisions between shown reports.
 */
export function clusterGraph(sqlite: Database.Database, reportId: string): ClusterGraph {
  const focus = requireReportRow(sqlite, reportId);
  let memberKeys: number[] = [focus.id];
  let truncated = false;
  if (focus.clusterId !== null) {
    if (focus.clusterSize <= GRAPH_LIMITS.reports) {
      memberKeys = sqlite.prepare<[number], number>('SELECT id FROM reports WHERE cluster_id = ?').pluck().all(focus.clusterId);
    } else {
      memberKeys = neighbourhood(sqlite, focus.id, GRAPH_LIMITS.reports);
      truncated = true;
    }
  }

  const reports = new Map(
    queryInChunks(memberKeys, (chunk, placeholders) =>
      sqlite.prepare<number[], { key: number; reportId: string; category: string }>(`SELECT id AS key, report_id AS reportId, category FROM reports WHERE id IN (${placeholders})`).all(...chunk),
    ).map((row) => [row.key, row] as const),
  );
  const mentions = queryInChunks(memberKeys, (chunk, placeholders) =>
    sqlite
      .prepare<number[], MentionRow>(`SELECT report_id AS reportKey, indicator_id AS indicatorId, field, benign, rowid FROM mentions WHERE report_id IN (${placeholders})`)
      .all(...chunk),
  );

  // Indicators worth drawing: the report's own, then those that join shown reports, most-shared first.
  const reportsPerIndicator = new Map<number, Set<number>>();
  for (const mention of mentions) {
    if (mention.benign && mention.reportKey !== focus.id) continue;
    const keys = reportsPerIndicator.get(mention.indicatorId) ?? new Set<number>();
    keys.add(mention.reportKey);
    reportsPerIndicator.set(mention.indicatorId, keys);
  }
  const ownIndicators = new Set(mentions.filter((mention) => mention.reportKey === focus.id).map((mention) => mention.indicatorId));
  const ranked = [...reportsPerIndicator.entries()]
    .filter(([id, keys]) => ownIndicators.has(id) || keys.size >= 2)
    .sort(([a, keysA], [b, keysB]) => Number(ownIndicators.has(b)) - Number(ownIndicators.has(a)) || keysB.size - keysA.size || a - b);
  if (ranked.length > GRAPH_LIMITS.indicators) truncated = true;
  const shownIndicatorIds = ranked.slice(0, GRAPH_LIMITS.indicators).map(([id]) => id);
  const indicators = new Map(
    queryInChunks(shownIndicatorIds, (chunk, placeholders) =>
      sqlite
        .prepare<number[], { id: number; type: string; value: string; benign: number }>(
          `SELECT id, type, value, benign_reason IS NOT NULL AS benign FROM indicators WHERE id IN (${placeholders})`,
        )
        .all(...chunk),
    ).map((row) => [row.id, row] as const),
  );

  const nodes: GraphNode[] = [];
  for (const report of reports.values()) nodes.push({ id: reportNodeId(report.reportId), kind: 'report', label: report.reportId, group: report.category });
  for (const indicator of indicators.values()) {
    nodes.push({ id: indicatorNodeId(indicator.type, indicator.value), kind: 'indicator', label: indicator.value, group: indicator.type, benign: indicator.benign === 1 });
  }

  const fieldsPerEdge = new Map<string, { source: string; target: string; fields: string[] }>();
  for (const mention of mentions) {
    const indicator = indicators.get(mention.indicatorId);
    const report = reports.get(mention.reportKey);
    if (!indicator || !report || !reportsPerIndicator.get(mention.indicatorId)?.has(mention.reportKey)) continue;
    const source = reportNodeId(report.reportId);
    const target = indicatorNodeId(indicator.type, indicator.value);
    const edge = fieldsPerEdge.get(`${source}\u0000${target}`) ?? { source, target, fields: [] };
    edge.fields.push(decodeMentionField(mention.field, mention.rowid));
    fieldsPerEdge.set(`${source}\u0000${target}`, edge);
  }
  const edges: GraphEdge[] = [...fieldsPerEdge.values()].map((edge) => ({
    source: edge.source,
    target: edge.target,
    kind: 'mention',
    label: edge.fields.sort().join(', '),
  }));
  edges.push(...decisionEdges(sqlite, new Set([...reports.values()].map((report) => report.reportId))));
  return { clusterId: focus.clusterId, nodes, edges, truncated };
}

function decisionEdges(sqlite: Database.Database, shown: Set<string>): GraphEdge[] {
  return linkDecisionsAmong(sqlite, [...shown]).map((row) => ({ source: reportNodeId(row.reportA), target: reportNodeId(row.reportB), kind: 'decision', label: row.decision, decision: row.decision }));
}
