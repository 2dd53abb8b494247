import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract';
import { apiParamSchemas } from '../../shared/api/params';
import { dispatch } from '../../src-main/api/dispatch';
import { handlers } from '../../src-main/api/handlers';
import { DEMO_OFFICERS } from '../../src-main/app/officers';
import { openApiHarness } from './support/api-harness';

describe('dispatch', () => {
  it('has a handler and a params schema for every contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(apiParamSchemas).sort()).toEqual([...API_METHODS].sort());
  });

  it('answers a value envelope', async () => {
    const api = await openApiHarness();
    expect(await api.call('session.get', {})).toEqual({ ok: true, value: { officer: DEMO_OFFICERS[0], demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null } });
    const officers = await api.value('officers.list', {});
    expect(officers.map((officer) => officer.id).sort()).toEqual(DEMO_OFFICERS.map((officer) => officer.id).sort());
  });

  it('refuses an unknown method and bad params with BAD_INPUT naming the problem', async () => {
    const api = await openApiHarness();
    expect(await dispatch('report.delete', {}, api.context)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Unknown method "report.delete".' } });
    expect(await dispatch('__proto__', {}, api.context)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const unknownField = await dispatch('session.get', { officer: 'x' }, api.context);
    expect(unknownField).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('unknown field officer') as string } });
    const wrongType = await dispatch('report.get', { reportId: 42 }, api.context);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('reportId') as string } });
    expect(await dispatch('report.get', null, api.context)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await dispatch('session.get', undefined, api.context)).toMatchObject({ ok: true });
  });

  it('turns an unexpected failure into INTERNAL and logs it without the params', async () => {
    const api = await openApiHarness();
    api.store.close();
    const result = await dispatch('note.add', { subjectType: 'report', subjectId: 'IA-2026-0000001', body: 'Naam: Jan de Vries' }, api.context);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).not.toContain('database');
    expect(api.logged).toHaveLength(1);
    expect(api.logged[0]).toMatchObject({ level: 'error', event: 'api.unexpected_error', fields: { method: 'note.add' } });
    expect(JSON.stringify(api.logged)).not.toContain('Jan de Vries');
  });
});
