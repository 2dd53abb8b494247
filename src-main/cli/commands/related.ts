import { relatedReports } from '../../linking/queries';
import { parseCommandArgs, requireOption } from '../args';
import { writeJsonLine, type CliCommand } from '../command';
import { logCliRead, purposeOption, requirePurpose } from '../purpose-option';
import { withCliStore } from '../store-option';

const usage = 'related <reportId> --db <path> --purpose <why>';

export const relatedCommand: CliCommand = {
  name: 'related',
  usage,
  summary: 'Print the live reports sharing a non-benign indicator with a report, as NDJSON {reportId,shared}; logged with its --purpose.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, ...purposeOption }, usage);
    const reportId = requireOption(positionals[0], '<reportId>', usage);
    const dbPath = requireOption(values.db, '--db', usage);
    const purpose = requirePurpose(values.purpose, usage);
    await withCliStore(
      dbPath,
      io,
      async (store) => {
        logCliRead(store, io.env, { command: 'related', args, purpose, subjectType: 'report', subjectId: reportId });
        for (const related of relatedReports(store.sqlite, reportId)) {
          await writeJsonLine(io.stdout, {
            reportId: related.reportId,
            shared: related.shared.map(({ type, value }) => ({ type, value })),
          });
        }
      },
      { mustExist: true },
    );
    return 0;
  },
};
