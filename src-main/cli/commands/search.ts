import { searchReports } from '../../search/search-reports';
import { parseCommandArgs, parsePositiveInt, requireOption } from '../args';
import { UsageError, writeJsonLine, type CliCommand } from '../command';
import { logCliRead, purposeOption, requirePurpose } from '../purpose-option';
import { withCliStore } from '../store-option';

const usage =
  'search "<query>" --db <path> --purpose <why> [--category <c>]… [--region <r>]… [--from <date>] [--to <date>] [--status new|in_progress|closed]… [--has-loss | --no-loss] [--limit <n>]';

export const searchCommand: CliCommand = {
  name: 'search',
  usage,
  summary: 'Full-text search over summaries and narratives, with filters; NDJSON {reportId,score,snippet}; logged with the query and its --purpose.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        db: { type: 'string' },
        category: { type: 'string', multiple: true },
        region: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        status: { type: 'string', multiple: true },
        'has-loss': { type: 'boolean' },
        'no-loss': { type: 'boolean' },
        limit: { type: 'string' },
        ...purposeOption,
      },
      usage,
    );
    const query = positionals[0];
    if (query === undefined) throw new UsageError(`a query is required (use "" to filter only)\nusage: ${usage}`);
    const dbPath = requireOption(values.db, '--db', usage);
    const purpose = requirePurpose(values.purpose, usage);
    if (values['has-loss'] && values['no-loss']) throw new UsageError('--has-loss and --no-loss exclude each other');
    const hasLoss = values['has-loss'] ? true : values['no-loss'] ? false : undefined;
    await withCliStore(
      dbPath,
      io,
      async (store) => {
        const hits = searchReports(store.sqlite, {
          query,
          limit: parsePositiveInt(values.limit, '--limit', 50),
          filters: {
            categories: values.category,
            regions: values.region,
            receivedFrom: values.from,
            receivedTo: values.to,
            workStatuses: values.status,
            hasLoss,
          },
        });
        logCliRead(store, io.env, { command: 'search', args, purpose, subjectType: 'search', subjectId: query, details: { results: hits.length } });
        for (const hit of hits) await writeJsonLine(io.stdout, hit);
      },
      { mustExist: true },
    );
    return 0;
  },
};
