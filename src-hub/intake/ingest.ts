/**
 * Turns an intake request body into a summary: NDJSON lines are read in bounded memory and validated with the
 * contract's parser, exactly as the local `import` does; bad lines are listed with their numbers and good ones
 * applied in batches of whole records.
 */
import type { Readable } from 'node:stream';
import type { IntakeSummary } from '../../shared/hub/protocol';
import { parseIntakeLine, validateIntakeRecord } from '../../shared/intake/parse';
import { readNdjsonLines, unreadableLineReason } from '../../shared/intake/ndjson-lines';
import { PURGED_REPORT_REASON } from '../retention/tombstones';
import type { HubIntakeOutcome, IntakeInput } from './apply';

export type ApplyBatch = (inputs: readonly IntakeInput[]) => Promise<HubIntakeOutcome[]>;

/** Records per transaction: large enough to be quick, small enough not to hold locks for long. */
export const INTAKE_BATCH_SIZE = 500;

/**
 * Lines validated between two turns of the event loop. Validating a whole body at once would hold back the
 * next statement of other requests' transactions — which hold report locks that yet others wait for — by
 * tens of milliseconds.
 */
const YIELD_EVERY = 50;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export function emptyIntakeSummary(): IntakeSummary {
  return { read: 0, imported: 0, updated: 0, ignored: 0, rejected: [] };
}

function count(summary: IntakeSummary, outcome: HubIntakeOutcome, line: number): void {
  if (outcome === 'purged') summary.rejected.push({ line, reason: PURGED_REPORT_REASON });
  else summary[outcome] += 1;
}

export async function ingestNdjson(source: Readable, apply: ApplyBatch, batchSize = INTAKE_BATCH_SIZE): Promise<IntakeSummary> {
  const summary = emptyIntakeSummary();
  let batch: IntakeInput[] = [];
  let lines: number[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const [inputs, inputLines] = [batch, lines];
    [batch, lines] = [[], []];
    (await apply(inputs)).forEach((outcome, index) => count(summary, outcome, inputLines[index]!));
  };
  for await (const line of readNdjsonLines(source)) {
    if (line.text.trim() === '' && !line.invalidUtf8) continue;
    summary.read += 1;
    const unreadable = unreadableLineReason(line);
    if (unreadable !== null) {
      summary.rejected.push({ line: line.number, reason: unreadable });
      continue;
    }
    const parsed = parseIntakeLine(line.text);
    if (!parsed.ok) {
      summary.rejected.push({ line: line.number, reason: parsed.reason });
      continue;
    }
    batch.push({ record: parsed.record, raw: line.text });
    lines.push(line.number);
    if (batch.length >= batchSize) await flush();
    else if (batch.length % YIELD_EVERY === 0) await yieldToIo();
  }
  await flush();
  // Refusals of purged reports are known only when their batch is applied, after later lines were read.
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}

/** One `application/json` record: the same summary, the record being line 1. */
export async function ingestJsonRecord(value: unknown, raw: string, apply: ApplyBatch): Promise<IntakeSummary> {
  const summary = emptyIntakeSummary();
  summary.read = 1;
  const parsed = validateIntakeRecord(value);
  if (!parsed.ok) {
    summary.rejected.push({ line: 1, reason: parsed.reason });
    return summary;
  }
  const [outcome] = await apply([{ record: parsed.record, raw }]);
  if (outcome) count(summary, outcome, 1);
  return summary;
}
