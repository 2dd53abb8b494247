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

/** Where a line's packed revision lies in its batch's `packed` buffer. */
type PackedPlace = { at: number; length: number; narrativeAt: number | null };
type PlacedLine = Exclude<WirePreparedLine, { ok: true }> | (Omit<Extract<WirePreparedLine, { ok: true }>, 'packed'> & { packed: PackedPlace | undefined });

/**
 * A batch of prepared lines as the worker posts it: their rows and mentions as JSON text, and every packed revision
 * in one buffer that is transferred, not copied. The thread that writes the store receives it: a structured clone of
 * the same objects took it 26 µs a record to read (each object and string built one by one, each packed revision
 * its own ArrayBuffer), JSON.parse of this 11. JSON keeps every value a prepared line holds (strings with lone
 * surrogates included); a row's numbers are finite (eurLossCents counts no infinite amount).
 */
export interface WireBatch {
  json: string;
  packed: ArrayBuffer;
}

export function toWireBatch(prepared: readonly WirePreparedLine[]): WireBatch {
  let bytes = 0;
  for (const line of prepared) if (line.ok === true && line.packed) bytes += line.packed.packed.length;
  const packed = new Uint8Array(bytes);
  let at = 0;
  const placed = prepared.map((wire): PlacedLine => {
    if (wire.ok !== true || wire.packed === undefined) return wire as PlacedLine;
    const { packed: bytesOfLine, narrativeAt } = wire.packed;
    packed.set(bytesOfLine, at);
    const place = { at, length: bytesOfLine.length, narrativeAt };
    at += bytesOfLine.length;
    return { ...wire, packed: place };
  });
  return { json: JSON.stringify(placed), packed: packed.buffer };
}

/** The batch back on the calling thread, line by line with the lines it was asked (each packed revision a view into the one buffer). */
export function fromWireBatch(batch: WireBatch, lines: readonly NdjsonLine[]): PreparedLine[] {
  const placed = JSON.parse(batch.json) as PlacedLine[];
  return placed.map((wire, index) => {
    if (wire.ok !== true || wire.packed === undefined) return fromWire(wire as WirePreparedLine, lines[index]!);
    const { at, length, narrativeAt } = wire.packed;
    return fromWire({ ...wire, packed: { packed: new Uint8Array(batch.packed, at, length), narrativeAt } }, lines[index]!);
  });
}
