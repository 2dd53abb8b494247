import type { QueueFilters, QueueQuery } from '../../../shared/api/views';

export const SAVED_VIEW_IDS = ['all', 'mine', 'new', 'biggestClusters'] as const;
export type SavedViewId = (typeof SAVED_VIEW_IDS)[number];

type QueueShape = Pick<QueueQuery, 'filters' | 'sort'>;

/** The preset views of the work queue ("Mijn werk", "Nieuw", "Grootste clusters"). */
export const SAVED_VIEWS: Record<SavedViewId, QueueShape> = {
  all: { filters: {}, sort: { key: 'receivedAt', direction: 'desc' } },
  mine: { filters: { assignee: 'me', workStatuses: ['new', 'in_progress'] }, sort: { key: 'receivedAt', direction: 'desc' } },
  new: { filters: { workStatuses: ['new'] }, sort: { key: 'receivedAt', direction: 'desc' } },
  biggestClusters: { filters: { inCluster: true }, sort: { key: 'clusterSize', direction: 'desc' } },
};

/** Drops empty filter values so a cleared filter compares equal to an absent one. */
export function compactFilters(filters: QueueFilters): QueueFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
}
