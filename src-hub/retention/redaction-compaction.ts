/**
 * A withdrawal redacts the report's stored revisions and the officers' quotes of it in the intake's transaction
 * (../intake/apply.ts), but the rows as they were stay readable as dead tuples in the tables' files and in the
 * write-ahead log until a vacuum. A redaction is followed by a rewrite of the tables it touched (./compact.ts) within
 * `delayMs`: a withdrawal seldom comes alone, and VACUUM FULL holds each table for the time it takes to copy it, so
 * the redactions of those minutes share one compaction.
 */
import type { Logger } from '../../shared/platform/logger';
import type { HubConnection } from '../db/connect';
import { compactTables } from './compact';

/** The tables a withdrawal's redaction updates or deletes from (../intake/apply.ts, ../intake/withdrawn-traces.ts). */
const REDACTED_TABLES = ['report_revisions', 'mutations', 'report_indicators'];

/** Long enough to gather a portal's burst of withdrawals into one compaction, short enough that the text goes within the hour. */
export const REDACTION_COMPACTION_DELAY_MS = 10 * 60_000;

export interface RedactionCompactor {
  /** A transaction that redacted stored text committed: a compaction follows within `delayMs`. */
  redacted(): void;
  /** Cancels a compaction not yet started and waits for one under way. */
  close(): Promise<void>;
}

export function createRedactionCompactor(database: Pick<HubConnection, 'db' | 'kind'>, deps: { logger: Logger; delayMs: number }): RedactionCompactor {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const compact = () => {
    timer = null;
    running = running.then(async () => {
      try {
        const { walCleared } = await compactTables(database, REDACTED_TABLES);
        deps.logger.info('withdrawal.compacted', { walCleared });
      } catch (error) {
        // The next redaction tries again; nothing of a report is named in the log.
        deps.logger.error('withdrawal.compaction_failed', { message: error instanceof Error ? error.message : String(error) });
      }
    });
  };

  return {
    redacted() {
      if (closed || timer !== null) return;
      timer = setTimeout(compact, deps.delayMs);
    },
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
