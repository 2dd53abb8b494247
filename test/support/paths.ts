import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The steering repo's shared folder lies beside the project (in CI too). */
export const SHARED_INTAKE = resolve(PROJECT_ROOT, '../shared/intake');
export const EXAMPLES_NDJSON = resolve(SHARED_INTAKE, 'examples.ndjson');
