// `npm run bench [-- --suite core --sizes 100000,1000000]`: measures and writes bench/RESULTS.md and bench/results.json.
// `--suite core --only queries,overview,retention [--store <path> --store-made-by <commit>]`: of the core suite only
// those parts, their rows put in place of the saved ones; with --store they start from a copy of that store instead
// of importing the data set.
// `--suite hub --only first-sync`: of the hub suite only the first sync's rows, put in place likewise.
// `--suite ui --only sign-in`: of the UI suite only the police sign-in rows, put in place likewise (no 100k import).
import { parseArgs } from 'node:util';
import { saveRows, saveSuite } from './report';
import { auditSuite } from './suites/audit';
import { CORE_PARTS, coreParts, coreSuite, type CorePart } from './suites/core';
import { extractSuite } from './suites/extract';
import { hubFirstSyncOnly, hubSuite } from './suites/hub';
import { uiSignInOnly, uiSuite } from './suites/ui';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    sizes: { type: 'string', default: '100000,1000000' },
    only: { type: 'string' },
    // With --only: start from this store (copied first) instead of importing the data set.
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
if (values.only !== undefined && values.suite?.join() === 'hub') {
  if (values.only !== 'first-sync') throw new Error('--only with --suite hub names its one part: first-sync');
  saveRows(await hubFirstSyncOnly());
  process.stderr.write('hub (first-sync rows): written to bench/RESULTS.md\n');
  process.exit(0);
}
if (values.only !== undefined && values.suite?.join() === 'ui') {
  if (values.only !== 'sign-in') throw new Error('--only with --suite ui names its one part: sign-in');
  saveRows(await uiSignInOnly());
  process.stderr.write('ui (sign-in rows): written to bench/RESULTS.md\n');
  process.exit(0);
}
if (values.only !== undefined) {
  const parts = values.only.split(',');
  const unknown = parts.filter((part) => !(CORE_PARTS as readonly string[]).includes(part));
  if (values.suite?.join() !== 'core' || unknown.length > 0) throw new Error(`--only goes with --suite core alone and names parts of it: ${CORE_PARTS.join(', ')}`);
  if ((values.store === undefined) !== (values['store-made-by'] === undefined)) throw new Error('--store goes with --store-made-by <commit> (the commit whose import made it), and the other way round');
  saveRows(await coreParts(parts as CorePart[], sizes, values.store === undefined ? undefined : { path: values.store, madeBy: values['store-made-by']! }));
  process.stderr.write(`core (${parts.join(', ')} rows): written to bench/RESULTS.md\n`);
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
