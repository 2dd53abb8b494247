import type Database from 'better-sqlite3';
import type { ReportText } from '../db/report-row';

/**
 * Keeps `reports_fts` in step with the reports' summary and narrative; call inside the writer's transaction.
 *
 * Not triggers (migration 0007 dropped the insert and update ones): FTS5 writes its pending index to disk as a new
 * segment, to be merged later, at every statement journal (opened by any statement that fires a trigger or writes
 * several rows and may fail halfway) and whenever a row id is written out of ascending order (a revised report).
 * Within a batch the writer therefore defers: the reports it touched are indexed at the end, in id order, and the
 * whole batch becomes one segment.
 */
export function createReportTextIndex(sqlite: Database.Database) {
  const insert = sqlite.prepare<[number, string | null, string | null]>('INSERT INTO reports_fts (rowid, summary, narrative) VALUES (?, ?, ?)');
  // External content: FTS5 removes a row by being told the text it indexed.
  const remove = sqlite.prepare<[number, string | null, string | null]>(
    "INSERT INTO reports_fts (reports_fts, rowid, summary, narrative) VALUES ('delete', ?, ?, ?)",
  );
  const storedText = sqlite.prepare<[number], ReportText>('SELECT summary, narrative FROM reports WHERE id = ?');

  /** While deferring: per report, the text the index holds (null: none yet) and the text it is to hold. */
  let deferred: Map<number, { indexed: ReportText | null; text: ReportText }> | null = null;

  function apply(reportId: number, indexed: ReportText | null | undefined, text: ReportText): void {
    if (indexed) remove.run(reportId, indexed.summary, indexed.narrative);
    insert.run(reportId, text.summary, text.narrative);
  }

  return {
    /** A report was inserted, or its summary and narrative rewritten (`isNew` false: call before the row changes). */
    update(reportId: number, text: ReportText, isNew: boolean): void {
      if (!deferred) return apply(reportId, isNew ? null : storedText.get(reportId), text);
      const earlier = deferred.get(reportId);
      deferred.set(reportId, { indexed: earlier ? earlier.indexed : isNew ? null : (storedText.get(reportId) ?? null), text });
    },
    /** From here until `flush` (or `discard`), changes are only noted. */
    defer(): void {
      deferred = new Map();
    },
    /** Writes the noted changes, in id order; call before the transaction commits. */
    flush(): void {
      const pending = deferred;
      deferred = null;
      if (!pending) return;
      for (const reportId of [...pending.keys()].sort((a, b) => a - b)) {
        const { indexed, text } = pending.get(reportId)!;
        apply(reportId, indexed, text);
      }
    },
    /** The transaction rolled back: forget the noted changes. */
    discard(): void {
      deferred = null;
    },
  };
}
