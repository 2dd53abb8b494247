import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import type { ClusterGraph } from '../../../shared/api/views';
import type { IndicatorType } from '../../../shared/indicators/types';
import { defang } from '../../ui/defang';

const INDICATOR_TYPES: ReadonlySet<string> = new Set<IndicatorType>(['phone', 'iban', 'email', 'domain', 'url', 'crypto', 'remote_access']);

/** Report and indicator nodes with defanged labels; the open report is marked `focus`. */
export function toElements(graph: ClusterGraph, focusReportId: string): ElementDefinition[] {
  const nodes: ElementDefinition[] = graph.nodes.map((node) => ({
    group: 'nodes',
    data: {
      id: node.id,
      label: node.kind === 'indicator' && INDICATOR_TYPES.has(node.group) ? defang(node.group as IndicatorType, node.label) : node.label,
      kind: node.kind,
      group: node.group,
      reportId: node.kind === 'report' ? node.label : undefined,
    },
    classes: [node.kind, node.kind === 'indicator' ? `type-${node.group}` : '', node.benign ? 'benign' : '', node.label === focusReportId ? 'focus' : '']
      .filter(Boolean)
      .join(' '),
  }));
  const edges: ElementDefinition[] = graph.edges.map((edge, index) => ({
    group: 'edges',
    data: { id: `edge-${index}`, source: edge.source, target: edge.target, label: edge.label },
    classes: edge.kind === 'decision' ? `decision ${edge.decision ?? ''}` : 'mention',
  }));
  return [...nodes, ...edges];
}

const TYPE_COLORS: Record<IndicatorType, string> = {
  phone: '#2b8a3e',
  iban: '#c2255c',
  email: '#1864ab',
  domain: '#5f3dc4',
  url: '#5f3dc4',
  crypto: '#e67700',
  remote_access: '#0b7285',
};

export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    // Labels appear once zoomed in far enough to read them; a whole cluster at once is about its shape.
    style: { label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 7, color: '#212529', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '140px' },
  },
  { selector: 'node.report', style: { shape: 'round-rectangle', width: 18, height: 18, 'background-color': '#154273' } },
  { selector: 'node.report.focus', style: { width: 26, height: 26, 'border-width': 3, 'border-color': '#f08c00', 'font-weight': 'bold', 'font-size': 12, 'min-zoomed-font-size': 0 } },
  { selector: 'node.indicator', style: { shape: 'ellipse', width: 12, height: 12, 'background-color': '#868e96' } },
  ...Object.entries(TYPE_COLORS).map(([type, color]) => ({ selector: `node.type-${type}`, style: { 'background-color': color } })),
  { selector: 'node.benign', style: { opacity: 0.45, 'border-width': 1, 'border-style': 'dashed', 'border-color': '#495057' } },
  { selector: 'edge', style: { width: 1, 'line-color': '#adb5bd', 'curve-style': 'bezier' } },
  { selector: 'edge.decision', style: { width: 3 } },
  { selector: 'edge.decision.confirmed', style: { 'line-color': '#2b8a3e' } },
  { selector: 'edge.decision.rejected', style: { 'line-color': '#c92a2a', 'line-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f08c00' } },
];
