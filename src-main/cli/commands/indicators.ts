import { listReportIndicators } from '../../linking/queries';
import { parseCommandArgs, requireOption } from '../args';
import { writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage = 'indicators --db <path> [--report <id>]';

export const indicatorsCommand: CliCommand = {
  name: 'indicators',
  usage,
  summary: 'Print the canonical indicators of every live report (or one) as NDJSON {reportId,type,value,benign}.',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' }, report: { type: 'string' } }, usage);
    const dbPath = requireOption(values.db, '--db', usage);
    await withCliStore(
      dbPath,
      io.env,
      async (store) => {
        for (const row of listReportIndicators(store.sqlite, values.report)) await writeJsonLine(io.stdout, row);
      },
      { mustExist: true },
    );
    return 0;
  },
};
