import type { ApiHandlers } from '../../shared/api/contract';
import { listOfficers } from '../queries/officers';
import type { ApiContext } from './context';

export const sessionHandlers = {
  'session.get': (_params, context) => ({ officer: context.officer, demo: context.sync.usesEmbeddedHub() }),
  'officers.list': (_params, context) => listOfficers(context.store.sqlite),
} satisfies Partial<ApiHandlers<ApiContext>>;
