import type { ApiHandlers, FirstScreenView } from '../../shared/api/contract';
import { caseHandlers } from './case-handlers';
import type { ApiContext } from './context';
import { queueHandlers } from './queue-handlers';
import { answerOrRefusal } from './refusal-envelope';
import { sessionHandlers } from './session-handlers';
import { settingsHandlers } from './settings-handlers';
import { syncHandlers } from './sync-handlers';

/** One part as its own call answers it: a refusal (AppError) is that part's envelope; anything else fails the call. */
const part = <P, T>(handler: (params: P, context: ApiContext) => T | Promise<T>, params: P, context: ApiContext) => answerOrRefusal(() => handler(params, context));

export const firstScreenHandlers = {
  // In the order the screens need them; each runs the very handler of its own call, with the same checks.
  'app.firstScreen': async ({ queue }, context): Promise<FirstScreenView> => ({
    'session.get': await part(sessionHandlers['session.get'], {}, context),
    'queue.list': await part(queueHandlers['queue.list'], queue, context),
    'officers.list': await part(sessionHandlers['officers.list'], {}, context),
    'settings.get': await part(settingsHandlers['settings.get'], {}, context),
    'sync.state': await part(syncHandlers['sync.state'], {}, context),
    'queue.regions': await part(queueHandlers['queue.regions'], {}, context),
    'case.list': await part(caseHandlers['case.list'], {}, context),
  }),
} satisfies Partial<ApiHandlers<ApiContext>>;
