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

/** A feed page read from the hub's answer, or why that answer is no page (a broken answer is an outage, not data). */
export type FeedPageReading = { ok: true; page: RawFeedPage } | { ok: false; problem: string };

/** The hub's answer body as a feed page: JSON, the envelope valid, its entries in the hub's order. */
export function readFeedPage(body: string): FeedPageReading {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'the hub sent an answer that is not JSON' };
  }
  const parsed = feedPageSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'the hub sent a malformed feed page' };
  // Entries come in the hub's order; anything else is a broken answer, not data.
  let previous = -1;
  for (const entry of parsed.data.entries) {
    const current = Number(entry.seq);
    if (current <= previous) return { ok: false, problem: 'the hub sent a feed page out of order' };
    previous = current;
  }
  return { ok: true, page: parsed.data };
}

/** The hub's answer to a feed request is no feed page (readFeedPage's problem); the sync engine treats it as an outage. */
export class UnreadableFeedPage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFeedPage';
  }
}
