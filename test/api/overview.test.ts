import { describe, expect, it } from 'vitest';
import { filedRecord } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR } from './support/api-harness';

describe('overview.get', () => {
  it("a supervisor sees every team's backlog, an officer only their own team's", async () => {
    const records = Array.from({ length: 6 }, (_, index) => filedRecord({ receivedAt: `2026-11-1${index}T10:00:00Z` }));
    const supervisor = (await openApiHarness({ records })).as(SUPERVISOR);
    await supervisor.value('report.reroute', { reportIds: records.slice(0, 2).map((record) => record.reportId), team: 'Team Fraude', priority: 'normal', assignee: null, reason: 'Fraudezaken' });
    await supervisor.value('report.reroute', { reportIds: records.slice(2).map((record) => record.reportId), team: 'Team Cybercrime', priority: 'normal', assignee: null, reason: 'Cyber' });

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

  it('lets a supervisor edit the service levels, which the overview then judges by; an officer may not, and a bad value is explained', async () => {
    const records = [filedRecord({ category: 'phishing', receivedAt: '2026-11-16T10:00:00Z' })];
    const supervisor = (await openApiHarness({ records })).as(SUPERVISOR);
    const officer = supervisor.as(OFFICER);
    const settings = await officer.value('overview.settings', {});
    // Received on Monday the 16th: four working days by Friday the 20th, within the default five.
    expect((await supervisor.value('overview.get', { asOf: '2026-11-20' })).backlog.overdue).toBe(0);

    const stricter = { ...settings, serviceLevels: { ...settings.serviceLevels, byCategory: { ...settings.serviceLevels.byCategory, phishing: 1 } } };
    expect(await officer.call('overview.setSettings', { settings: stricter })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await supervisor.value('overview.get', { asOf: '2026-11-20' })).backlog.overdue).toBe(0);

    expect(await supervisor.value('overview.setSettings', { settings: stricter })).toEqual(stricter);
    expect(await officer.value('overview.settings', {})).toEqual(stricter);
    expect((await supervisor.value('overview.get', { asOf: '2026-11-20' })).backlog.overdue).toBe(1);

    const zeroDays = { ...stricter, serviceLevels: { ...stricter.serviceLevels, default: 0 } };
    expect(await supervisor.call('overview.setSettings', { settings: zeroDays })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('serviceLevels.default') as string },
    });
    expect(await officer.value('overview.settings', {})).toEqual(stricter);
  });
});
