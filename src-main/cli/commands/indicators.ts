import { listReportIndicators } from '../../linking/queries';
import { parseCommandArgs, requireOption } from '../args';
import { writeJsonLine, type CliCommand } from '../command';
import { logCliRead, purposeOption, requirePurpose } from '../purpose-option';
import { withCliStore } from '../store-option';

const usage = 'indicators --db <path> --purpose <why> [--report <id>]';

export const indicatorsCommand: CliCommand = {
  name: 'indicators',
  usage,
  summary: 'Print the canonical indicators of every live report (or one) as NDJSON {reportId,type,value,benign}; logged with its --purpose.',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' }, report: { type: 'string' }, ...purposeOption }, usage);
    const dbPath = requireOption(values.db, '--db', usage);
    const purpose = requirePurpose(values.purpose, usage);
    await withCliStore(
      dbPath,
      io,
      async (store) => {
        const subject = values.report === undefined ? { subjectType: 'store', subjectId: 'indicators' } : { subjectType: 'report', subjectId: values.report };
        logCliRead(store, io.env, { command: 'indicators', args, purpose, ...subject });
        for (const row of listReportIndicators(store.sqlite, values.report)) await writeJsonLine(io.stdout, row);
      },
      { mustExist: true },
    );
    return 0;
  },
};
