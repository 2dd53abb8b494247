/** Officers' changes, as the UI calls them: each checks its input, then records one mutation. */
export { addBenignValue, removeBenignValue } from './benign-services';
export { addReportsToCase, createCase, removeReportsFromCase, updateCase, type CaseChanges } from './case-services';
export { dismissSyncConflict, listSyncConflicts } from './conflict-services';
export { decideLink } from './link-services';
export { addNote } from './note-services';
export { assignReport, setWorkStatus } from './report-services';
export type { ServiceDeps } from './service-deps';
