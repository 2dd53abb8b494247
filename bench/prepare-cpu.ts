// Not a bench row: the prepare worker's CPU per record, stage by stage (issue 13), on this thread. The file's lines
// are read first, unmeasured; then, batch by batch as import sends them (2,500 lines), each stage of prepare-line.ts
// runs over the whole batch before the next: JSON parse, contract validation, the report row, indicator extraction,
// packing the revision, and the wire batch the worker posts. The memo caches warm over the file as in an import.
// process.cpuUsage counts every thread of the process: the collector's work counts in the stage it ran in.
//   node --import tsx bench/prepare-cpu.ts <file.ndjson>
// Every line is held at once: files of 20k–50k lines. Alternate before/after runs on a busy machine.
import { createReadStream } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readNdjsonLines, unreadableLineReason, type NdjsonLine } from '../shared/intake/ndjson-lines';
import { parseBoundedJson } from '../shared/intake/bounded-json';
import { validateIntakeRecord, type IntakeParseResult } from '../shared/intake/parse';
import { extractIndicators } from '../shared/indicators/extract-record';
import { withUrlDomains, type MentionWithDomain } from '../src-main/benign/benign-matcher';
import { recordRow, type RecordRow } from '../src-main/db/report-row';
import { packRevision, type PackedRevision } from '../src-main/db/stored-revision';
import { prepareLine, type PreparedLine } from '../src-main/ingest/prepare-line';
import { toWire, toWireBatch } from '../src-main/ingest/prepared-wire';

const BATCH_LINES = 2500;
const STAGES = ['parse', 'validate', 'row', 'extract', 'pack', 'wire'] as const;

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: prepare-cpu.ts <file.ndjson>');

const lines: NdjsonLine[] = [];
for await (const line of readNdjsonLines(createReadStream(file))) lines.push(line);

const micros = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<(typeof STAGES)[number], number>;
function timed<T>(stage: (typeof STAGES)[number], work: () => T): T {
  const before = process.cpuUsage();
  const result = work();
  const spent = process.cpuUsage(before);
  micros[stage] += spent.user + spent.system;
  return result;
}

/** prepareLine's work on a batch, one stage at a time over all its lines. */
function prepareByStage(batch: readonly NdjsonLine[]): PreparedLine[] {
  const readable = batch.filter((line) => unreadableLineReason(line) === null && line.text.trim() !== '');
  const parsed = timed('parse', () => readable.map((line) => parseBoundedJson(line.text)));
  const validated = timed('validate', () => parsed.map((json): IntakeParseResult => (json.ok ? validateIntakeRecord(json.value) : json)));
  const records = validated.map((result) => (result.ok ? result.record : null));
  const rows = timed('row', () => records.map((record): RecordRow | null => record && recordRow(record)));
  const mentions = timed('extract', () => records.map((record): MentionWithDomain[] | null => record && withUrlDomains(extractIndicators(record))));
  const packed = timed('pack', () =>
    records.map((record, index): PackedRevision | undefined => (record?.status === 'filed' ? packRevision(readable[index]!.text, record.incident?.narrative) : undefined)),
  );
  const byLine = new Map<NdjsonLine, PreparedLine>();
  readable.forEach((line, index) => {
    const result = validated[index]!;
    byLine.set(
      line,
      result.ok
        ? { line: line.number, ok: true, input: { record: result.record, raw: line.text, row: rows[index]!, mentions: mentions[index]!, packed: packed[index] } }
        : { line: line.number, ok: false, reason: result.reason },
    );
  });
  // Unreadable and blank lines cost nothing worth a stage: prepareLine answers them before parsing.
  return batch.map((line) => byLine.get(line) ?? prepareLine(line));
}

for (let at = 0; at < lines.length; at += BATCH_LINES) {
  const batch = lines.slice(at, at + BATCH_LINES);
  const prepared = prepareByStage(batch);
  const wire = timed('wire', () => toWireBatch(prepared.map(toWire)));
  // The stages must be prepareLine's: the first batch is held against it (unmeasured), byte for byte on the wire.
  if (at === 0) {
    const expected = toWireBatch(batch.map((line) => toWire(prepareLine(line))));
    if (wire.json !== expected.json || !isDeepStrictEqual(new Uint8Array(wire.packed), new Uint8Array(expected.packed))) {
      throw new Error('prepare-cpu.ts no longer prepares as prepare-line.ts does: bring its stages in line');
    }
  }
}

const perRecord = (value: number) => Math.round((10 * value) / lines.length) / 10;
const stages = Object.fromEntries(STAGES.map((stage) => [stage, perRecord(micros[stage])]));
const measured = STAGES.reduce((sum, stage) => sum + micros[stage], 0);
console.log(JSON.stringify({ lines: lines.length, microsPerRecord: stages, totalMicrosPerRecord: perRecord(measured) }));
