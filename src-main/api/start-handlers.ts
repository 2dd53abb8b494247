import type { ApiHandlers } from '../../shared/api/contract';
import { STARTED } from '../../shared/api/start-state';
import type { ApiContext } from './context';

/** A core that answers has started; while it starts, its host answers `app.startState` itself (app/core-host.ts). */
export const startHandlers = {
  'app.startState': () => STARTED,
} satisfies Partial<ApiHandlers<ApiContext>>;
