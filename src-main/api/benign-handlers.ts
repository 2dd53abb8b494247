import type { ApiHandlers } from '../../shared/api/contract';
import type { IndicatorType } from '../../shared/indicators/types';
import { listBenignValues } from '../benign/benign-values';
import { addBenignValue, removeBenignValue } from '../mutations';
import { requireSupervisor } from '../mutations/services/guards';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

/** The benign list decides what links reports for everyone, so only supervisors edit it. */
const requireBenignEditor = (context: ApiContext) => requireSupervisor(context.store.sqlite, context.officer.id, 'change the benign list');

export const benignHandlers = {
  'benign.list': (_params, context) => listBenignValues(context.store.sqlite).map((entry) => ({ ...entry, type: entry.type as IndicatorType })),
  'benign.add': (params, context) => {
    requireBenignEditor(context);
    const mutation = addBenignValue(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'benign', 'report');
    const { type, value, reason } = mutation.payload;
    return { type: type as IndicatorType, value, reason, addedBy: mutation.officer, addedAt: mutation.at };
  },
  'benign.remove': (params, context) => {
    requireBenignEditor(context);
    removeBenignValue(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'benign', 'report');
    return null;
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
