import { createReportGenerator } from '../../../src-generator';
import { parseCommandArgs, parsePositiveInt, requireOption } from '../args';
import { UsageError, writeOut, type CliCommand } from '../command';

const usage = 'generate --count <n> --seed <s> [--start-id <n>] [--year <yyyy>] [--start-at <iso>] [--no-revisions] [--no-withdrawals] [--annotate] [--messy <share 0-1>]';

/**
 * Lines are collected into chunks of about this many characters before each (backpressured)
 * write. Kept small on purpose: a flattened 64K-character string with non-Latin-1 text (€, é)
 * is 128 KB and lands in V8's large-object space, which doubled the CPU cost per record.
 */
const CHUNK_CHARS = 16 * 1024;

export const generateCommand: CliCommand = {
  name: 'generate',
  usage,
  summary: 'Write <n> synthetic intake-report/1 records (NDJSON) to stdout; the same seed gives the same bytes.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        count: { type: 'string' },
        seed: { type: 'string' },
        'start-id': { type: 'string' },
        year: { type: 'string' },
        'start-at': { type: 'string' },
        'no-revisions': { type: 'boolean' },
        'no-withdrawals': { type: 'boolean' },
        annotate: { type: 'boolean' },
        messy: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"\nusage: ${usage}`);
    const count = parsePositiveInt(requireOption(values.count, '--count', usage), '--count');
    const seed = requireOption(values.seed, '--seed', usage);
    const startId = values['start-id'] === undefined ? undefined : parsePositiveInt(values['start-id'], '--start-id');
    const year = values.year === undefined ? undefined : parsePositiveInt(values.year, '--year');
    let startAt: Date | undefined;
    if (values['start-at'] !== undefined) {
      startAt = new Date(values['start-at']);
      if (Number.isNaN(startAt.getTime())) throw new UsageError(`--start-at must be a date such as 2026-03-01T08:00:00Z, got "${values['start-at']}"`);
    }

    const messy = values.messy === undefined ? undefined : Number(values.messy);
    if (messy !== undefined && !(messy >= 0 && messy <= 1)) throw new UsageError(`--messy must be a share between 0 and 1, got "${values.messy}"`);

    let generator;
    try {
      generator = createReportGenerator({
        seed,
        startId,
        year,
        startAt,
        revisions: !values['no-revisions'],
        withdrawals: !values['no-withdrawals'],
        annotate: Boolean(values.annotate),
        messy,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }

    const progress = io.stderrIsTTY && count >= 100_000;
    let nextProgress = 50_000;
    let chunk = '';
    for (let i = 1; i <= count; i++) {
      chunk += `${JSON.stringify(generator.next())}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        await writeOut(io.stdout, chunk);
        chunk = '';
        if (progress && i >= nextProgress) {
          io.stderr.write(`\rgenerated ${i} of ${count} records`);
          nextProgress += 50_000;
        }
      }
    }
    if (chunk) await writeOut(io.stdout, chunk);
    if (progress) {
      const { filed, revisions, withdrawals } = generator.stats;
      io.stderr.write(`\rgenerated ${count} records: ${filed} filed, ${revisions} revisions, ${withdrawals} withdrawals\n`);
    }
    return 0;
  },
};
