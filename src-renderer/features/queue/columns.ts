import type { QueueSortKey } from '../../../shared/api/views';

export const QUEUE_COLUMN_IDS = ['reportId', 'received', 'category', 'region', 'summary', 'loss', 'cluster', 'status', 'assignee', 'age'] as const;
export type QueueColumnId = (typeof QUEUE_COLUMN_IDS)[number];

export interface QueueColumn {
  id: QueueColumnId;
  /** CSS grid track. */
  width: string;
  sortKey?: QueueSortKey;
  align?: 'end';
}

export const QUEUE_COLUMNS: readonly QueueColumn[] = [
  { id: 'reportId', width: '132px' },
  { id: 'received', width: '138px', sortKey: 'receivedAt' },
  { id: 'category', width: '148px', sortKey: 'category' },
  { id: 'region', width: '118px', sortKey: 'region' },
  { id: 'summary', width: 'minmax(150px, 1fr)' },
  { id: 'loss', width: '84px', sortKey: 'loss', align: 'end' },
  { id: 'cluster', width: '78px', sortKey: 'clusterSize', align: 'end' },
  { id: 'status', width: '112px', sortKey: 'workStatus' },
  { id: 'assignee', width: '116px', sortKey: 'assignee' },
  { id: 'age', width: '72px', align: 'end' },
];

/** The checkbox column first, then the data columns; shared by header and rows so they line up. */
export const QUEUE_GRID_TEMPLATE = ['36px', ...QUEUE_COLUMNS.map((column) => column.width)].join(' ');

export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 36;
