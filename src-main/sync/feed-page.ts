import { feedPageSchema, type RawFeedPage } from '../../shared/hub/feed-page';
import { HubUnavailableError } from './hub-errors';

/** The hub's answer as a feed page, or a HubUnavailableError: a broken answer is an outage, not data. */
export function parseFeedPage(value: unknown): RawFeedPage {
  const parsed = feedPageSchema.safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed feed page');
  // Entries come in the hub's order; anything else is a broken answer, not data.
  let previous = -1;
  for (const entry of parsed.data.entries) {
    const current = Number(entry.seq);
    if (current <= previous) throw new HubUnavailableError('the hub sent a feed page out of order');
    previous = current;
  }
  return parsed.data;
}
