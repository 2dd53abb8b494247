// `npm run bench [-- --suite core --sizes 100000,1000000]`: measures and writes bench/RESULTS.md and bench/results.json.
// `--suite core --only retention [--store <path> --store-made-by <commit>]`: of the core suite only the retention run,
// its rows put in place of the saved ones; with --store it starts from a copy of that store instead of importing.
import { parseArgs } from 'node:util';
import { saveRows, saveSuite } from './report';
import { auditSuite } from './suites/audit';
import { coreRetentionOnly, coreSuite } from './suites/core';
import { extractSuite } from './suites/extract';
import { hubSuite } from './suites/hub';
import { uiSuite } from './suites/ui';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    sizes: { type: 'string', default: '100000,1000000' },
    only: { type: 'string' },
    // With --only retention: start from this store (copied first) instead of importing the data set.
    store: { type: 'string' },
    'store-made-by': { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const suites: Record<string, () => Promise<import('./report').SuiteResult>> = {
  core: () => coreSuite(sizes),
  // The UI suite always measures 100k reports (--sizes does not apply).
  ui: () => uiSuite(),
  hub: () => hubSuite(),
  // The import comparison uses the smallest size.
  extract: () => extractSuite(Math.min(...sizes)),
  // audit verify at the largest size (entries written directly), the import comparison at the smallest.
  audit: () => auditSuite(sizes),
};
if (values.only !== undefined) {
  if (values.only !== 'retention' || values.suite?.join() !== 'core') throw new Error('--only retention goes with --suite core alone');
  if ((values.store === undefined) !== (values['store-made-by'] === undefined)) throw new Error('--store goes with --store-made-by <commit> (the commit whose import made it), and the other way round');
  saveRows(await coreRetentionOnly(sizes, values.store === undefined ? undefined : { path: values.store, madeBy: values['store-made-by']! }));
  process.stderr.write('core (retention rows): written to bench/RESULTS.md\n');
  process.exit(0);
}
const chosen = values.suite ?? Object.keys(suites);
for (const name of chosen) {
  const run = suites[name];
  if (!run) throw new Error(`unknown suite "${name}"; choose from ${Object.keys(suites).join(', ')}`);
  const result = await run();
  saveSuite(result);
  process.stderr.write(`${name}: written to bench/RESULTS.md\n`);
}
