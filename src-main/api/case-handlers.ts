import type { ApiHandlers } from '../../shared/api/contract';
import { addReportsToCase, createCase, removeReportsFromCase, updateCase } from '../mutations';
import { caseDetail, listCases } from '../queries/cases';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

export const caseHandlers = {
  'case.list': ({ statuses }, context) => listCases(context.store.sqlite, statuses),
  'case.get': ({ caseId }, context) => caseDetail(context.store.sqlite, caseId),
  'case.create': (params, context) => {
    const mutation = createCase(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'case');
    return { caseId: mutation.payload.caseId };
  },
  'case.update': (params, context) => {
    updateCase(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'case');
    return null;
  },
  'case.addReports': (params, context) => {
    addReportsToCase(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'case');
    return null;
  },
  'case.removeReports': (params, context) => {
    removeReportsFromCase(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'case');
    return null;
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
