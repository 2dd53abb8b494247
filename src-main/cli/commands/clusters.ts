import { listClusters } from '../../linking/queries';
import { parseCommandArgs, requireOption } from '../args';
import { writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage = 'clusters --db <path>';

export const clustersCommand: CliCommand = {
  name: 'clusters',
  usage,
  summary: 'Print every cluster of two or more linked live reports as NDJSON {cluster,via}.',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' } }, usage);
    const dbPath = requireOption(values.db, '--db', usage);
    await withCliStore(
      dbPath,
      io.env,
      async (store) => {
        for (const cluster of listClusters(store.sqlite)) await writeJsonLine(io.stdout, cluster);
      },
      { mustExist: true },
    );
    return 0;
  },
};
