import { createReadStream, statSync } from 'node:fs';
import { ImportStoppedError, importNdjson } from '../../ingest/importer';
import { createWorkerPreparer, inThreadPreparer } from '../../ingest/prepare-pool';
import { createTerminalProgress } from '../../ingest/progress';
import { systemClock } from '../../../shared/platform/clock';
import { createJsonLogger } from '../../../shared/platform/logger';
import { IMPORT_ACTOR } from '../../audit/actor';
import { createReportWriter } from '../../ingest/report-writer';
import { parseCommandArgs, requireOption } from '../args';
import { CliError, writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage = 'import <file.ndjson> --db <path> [--quiet]';
const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

function sizeOf(file: string): number {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new CliError(`${file} is not a file`);
    return stats.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  usage,
  summary: 'Import intake records (NDJSON, intake-report/1) into a case store; prints a summary object.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, quiet: { type: 'boolean' } }, usage);
    const file = requireOption(positionals[0], '<file.ndjson>', usage);
    const dbPath = requireOption(values.db, '--db', usage);
    const totalBytes = sizeOf(file);
    const summary = await withCliStore(dbPath, io, (store) => {
      const writer = createReportWriter(store, { clock: systemClock, actor: IMPORT_ACTOR, logger: createJsonLogger(io.stderr, systemClock) });
      const progress = io.stderrIsTTY && !values.quiet ? createTerminalProgress(io.stderr, totalBytes) : null;
      let last = { lines: 0, bytes: 0 };
      // A worker thread pays off once its start-up is small against the work.
      const preparer = totalBytes > WORKER_THRESHOLD_BYTES ? createWorkerPreparer() : inThreadPreparer;
      return importNdjson(createReadStream(file), writer, {
        preparer,
        onProgress: (current) => {
          last = current;
          progress?.update(current);
        },
      })
        .catch((error: unknown) => {
          throw error instanceof ImportStoppedError ? new CliError(error.message) : error;
        })
        .finally(() => {
          progress?.done(last);
          return preparer.close();
        });
    });
    await writeJsonLine(io.stdout, summary);
    return 0;
  },
};
