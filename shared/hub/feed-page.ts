import { z } from 'zod';

/** Sequence numbers beyond 2^53 would lose precision as SQLite integers; far beyond any real feed. */
const seq = z.string().regex(/^\d{1,15}$/);

/**
 * A page of the hub's feed as a workstation reads it: the envelope only. Entries' contents (records, mutations)
 * are checked one by one when applied, so one entry this version cannot read does not stop the feed; a broken
 * envelope does.
 */
export const feedPageSchema = z.object({
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
