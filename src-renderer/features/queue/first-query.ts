import type { QueueQuery } from '../../../shared/api/views';
import type { QueueRange } from './queue-slice';
import { PAGE_SIZE, pageOf } from './row-window';
import { SAVED_VIEWS } from './saved-views';

/** The rows the queue shows before it has measured its height: a tall screen's worth. */
export const INITIAL_RANGE: QueueRange = { start: 0, end: 40 };

/**
 * The queue's very first call, built as the slice builds it (the first pages of the default view), so that it can be
 * asked before the screens are loaded and the slice's own first call is answered by it.
 */
export const firstQueueQuery = (): QueueQuery => ({
  filters: SAVED_VIEWS.all.filters,
  sort: SAVED_VIEWS.all.sort,
  offset: INITIAL_RANGE.start,
  limit: (pageOf(INITIAL_RANGE.end) + 1) * PAGE_SIZE,
});
