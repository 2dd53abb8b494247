import { describe, expect, it } from 'vitest';
import { filedRecord } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR } from './support/api-harness';

describe('overview.get', () => {
  it("a supervisor sees every team's backlog, an officer only their own team's", async () => {
    const records = Array.from({ length: 6 }, (_, index) => filedRecord({ receivedAt: `2026-11-1${index}T10:00:00Z` }));
    const supervisor = (await openApiHarness({ records })).as(SUPERVISOR);
    await supervisor.value('report.reroute', { reportIds: records.slice(0, 2).map((record) => record.reportId), team: 'Team Fraude', priority: 'normaal', assignee: null, reason: 'Fraudezaken' });
    await supervisor.value('report.reroute', { reportIds: records.slice(2).map((record) => record.reportId), team: 'Team Cybercrime', priority: 'normaal', assignee: null, reason: 'Cyber' });

    const all = await supervisor.value('overview.get', { asOf: '2026-11-20' });
    expect(all).toMatchObject({ team: null, backlog: { open: 6, byTeam: { 'Team Fraude': { open: 2 }, 'Team Cybercrime': { open: 4 } } } });
    const own = await supervisor.as(OFFICER).value('overview.get', { asOf: '2026-11-20' });
    expect(own).toMatchObject({ team: 'Team Fraude', backlog: { open: 2, byTeam: { 'Team Fraude': { open: 2 } } } });
    expect(Object.keys(own.backlog.byTeam)).toEqual(['Team Fraude']);
  });

  it('refuses a day that is not a date', async () => {
    const api = await openApiHarness();
    expect(await api.call('overview.get', { asOf: '20-11-2026' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('asOf') as string } });
  });
});
