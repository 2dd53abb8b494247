// `npm run bench [-- --suite core --sizes 100000,1000000]`: measures and writes bench/RESULTS.md and bench/results.json.
import { parseArgs } from 'node:util';
import { saveSuite } from './report';
import { auditSuite } from './suites/audit';
import { coreSuite } from './suites/core';
import { extractSuite } from './suites/extract';
import { hubSuite } from './suites/hub';
import { uiSuite } from './suites/ui';

const { values } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    sizes: { type: 'string', default: '100000,1000000' },
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
const chosen = values.suite ?? Object.keys(suites);
for (const name of chosen) {
  const run = suites[name];
  if (!run) throw new Error(`unknown suite "${name}"; choose from ${Object.keys(suites).join(', ')}`);
  const result = await run();
  saveSuite(result);
  process.stderr.write(`${name}: written to bench/RESULTS.md\n`);
}
