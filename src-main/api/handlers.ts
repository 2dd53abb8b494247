import type { ApiHandlers } from '../../shared/api/contract';
import { requestHandlers } from './request-handlers';
import { auditHandlers } from './audit-handlers';
import { benignHandlers } from './benign-handlers';
import { caseHandlers } from './case-handlers';
import { clusterHandlers } from './cluster-handlers';
import type { ApiContext } from './context';
import { directoryHandlers } from './directory-handlers';
import { firstScreenHandlers } from './first-screen-handlers';
import { indicatorHandlers } from './indicator-handlers';
import { noteHandlers } from './note-handlers';
import { overviewHandlers } from './overview-handlers';
import { queueHandlers } from './queue-handlers';
import { reportHandlers } from './report-handlers';
import { routingHandlers } from './routing-handlers';
import { sessionHandlers } from './session-handlers';
import { settingsHandlers } from './settings-handlers';
import { startHandlers } from './start-handlers';
import { syncHandlers } from './sync-handlers';

/** One implementation of every contract method; a missing one fails to compile. */
export const handlers = {
  ...sessionHandlers,
  ...queueHandlers,
  ...firstScreenHandlers,
  ...startHandlers,
  ...reportHandlers,
  ...indicatorHandlers,
  ...clusterHandlers,
  ...caseHandlers,
  ...noteHandlers,
  ...syncHandlers,
  ...settingsHandlers,
  ...benignHandlers,
  ...requestHandlers,
  ...directoryHandlers,
  ...routingHandlers,
  ...overviewHandlers,
  ...auditHandlers,
} satisfies ApiHandlers<ApiContext>;
