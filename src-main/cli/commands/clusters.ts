import { listClusters } from '../../linking/queries';
import { rebuildClusters } from '../../linking/rebuild-clusters';
import { systemClock } from '../../../shared/platform/clock';
import { createAuditAppender } from '../../audit/audit-log';
import { parseCommandArgs, requireOption } from '../args';
import { cliActor } from '../cli-actor';
import { writeJsonLine, type CliCommand } from '../command';
import { logCliRead, purposeOption, requirePurpose } from '../purpose-option';
import { withCliStore } from '../store-option';
import { writeTransaction } from '../../db/write-transaction';

const usage = 'clusters --db <path> --purpose <why> [--rebuild]';

export const clustersCommand: CliCommand = {
  name: 'clusters',
  usage,
  summary: 'Print every cluster of two or more linked live reports as NDJSON {cluster,via}; --rebuild recomputes them all first; logged with its --purpose.',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' }, rebuild: { type: 'boolean' }, ...purposeOption }, usage);
    const dbPath = requireOption(values.db, '--db', usage);
    const purpose = requirePurpose(values.purpose, usage);
    await withCliStore(
      dbPath,
      io,
      async (store) => {
        if (values.rebuild) {
          // Repair or check after restoring a store from a backup: the same clusters as incremental upkeep keeps.
          const { sqlite } = store;
          const audit = createAuditAppender(sqlite);
          const rebuilt = writeTransaction(sqlite, () => {
            const result = rebuildClusters(sqlite);
            audit(systemClock.now().toISOString(), {
              actor: cliActor(io.env),
              action: 'clusters.rebuilt',
              subjectType: 'store',
              subjectId: 'clusters',
              details: result,
            });
            return result;
          })();
          io.stderr.write(`rebuilt ${rebuilt.clusters} clusters of ${rebuilt.clusteredReports} reports\n`);
        }
        logCliRead(store, io.env, { command: 'clusters', args, purpose, subjectType: 'store', subjectId: 'clusters' });
        for (const cluster of listClusters(store.sqlite)) await writeJsonLine(io.stdout, cluster);
      },
      { mustExist: true },
    );
    return 0;
  },
};
