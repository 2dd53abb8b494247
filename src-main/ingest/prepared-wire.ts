import type { MentionWithDomain } from '../benign/benign-matcher';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { NdjsonLine } from '../../shared/intake/ndjson-lines';
import type { PreparedLine } from './prepare-line';
import type { PackedRevision } from '../db/stored-revision';
import type { RecordRow } from '../db/report-row';

/** What the prepare worker says once its modules are loaded (prepare-pool.ts reads pages itself until then). */
export const WORKER_READY = 'ready';

/**
 * A prepared line as a worker sends it back: without the record and its raw text, with the row derived from it. The
 * calling thread kept each line's text; receiving the row's flat fields costs it less than parsing the text again,
 * and far less than receiving a copy of the nested record.
 */
export type WirePreparedLine =
  | Exclude<PreparedLine, { ok: true }>
  | { line: number; ok: true; row: RecordRow | undefined; mentions: readonly MentionWithDomain[]; packed: PackedRevision | undefined };

export function toWire(prepared: PreparedLine): WirePreparedLine {
  if (prepared.ok !== true) return prepared;
  return { line: prepared.line, ok: true, row: prepared.input.row, mentions: prepared.input.mentions ?? [], packed: prepared.input.packed };
}

/**
 * Back on the calling thread, with the line the worker prepared. The worker validated the text already; the
 * intake schema transforms nothing, so the text parses to the record it validated. It is parsed only when read —
 * the writer reads the row instead, and the record only to redact a withdrawal — not when the batch arrives: a feed
 * page's 500 records then cost the store's thread nothing until its time-boxed slices write them.
 */
export function fromWire(wire: WirePreparedLine, line: NdjsonLine): PreparedLine {
  if (wire.ok !== true) return wire;
  let record: IntakeRecord | undefined;
  const input = {
    get record(): IntakeRecord {
      return (record ??= JSON.parse(line.text) as IntakeRecord);
    },
    raw: line.text,
    row: wire.row,
    mentions: wire.mentions,
    packed: wire.packed,
  };
  return { line: wire.line, ok: true, input };
}
