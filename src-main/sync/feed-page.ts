import { z } from 'zod';
import { HubUnavailableError } from './hub-errors';

/** Sequence numbers beyond 2^53 would lose precision as SQLite integers; far beyond any real feed. */
const seq = z.string().regex(/^\d{1,15}$/);

/**
 * The page envelope. Entries' contents (records, mutations) are checked one by one when applied, so one
 * entry this version cannot read does not stop the feed; a broken envelope does.
 */
const feedPageSchema = z.object({
  entries: z.array(
    z.discriminatedUnion('type', [
      z.object({ seq, type: z.literal('report'), reportId: z.string(), revision: z.number().int(), record: z.string() }),
      z.object({ seq, type: z.literal('mutation'), mutation: z.record(z.string(), z.unknown()) }),
    ]),
  ),
  cursor: z.string().min(1).max(100),
  hasMore: z.boolean(),
});

export type RawFeedEntry = z.infer<typeof feedPageSchema>['entries'][number];
export type RawFeedPage = z.infer<typeof feedPageSchema>;

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
