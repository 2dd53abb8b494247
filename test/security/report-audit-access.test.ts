/**
 * A report's audit trail says which officers consulted a victim's report and why: tried as an officer curious
 * about a colleague's work (or a victim they know), it is refused, called straight at the API, and nothing of the
 * trail is answered. The honest twin: a supervisor reads it under a purpose, and the reading is itself logged.
 */
import { describe, expect, it } from 'vitest';
import { filedRecord } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR } from '../api/support/api-harness';

const PURPOSE = 'Intern onderzoek naar raadplegingen';

const auditCount = (api: Awaited<ReturnType<typeof openApiHarness>>) => api.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('a report’s audit trail', () => {
  it('is refused to an officer, with or without a purpose, and the refusal logs nothing', async () => {
    const record = filedRecord();
    const harness = await openApiHarness({ records: [record] });
    const officer = harness.as(OFFICER);
    await officer.value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    const before = auditCount(officer);
    const refused = await officer.call('report.audit', { reportId: record.reportId, purpose: PURPOSE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only a supervisor can read a report’s audit trail (who consulted it, and why).' } });
    expect(JSON.stringify(refused)).not.toContain(OFFICER);
    expect(auditCount(officer)).toBe(before);
    // Nor does the Logboek answer it the other way round.
    expect(await officer.call('audit.logbook', { reportId: record.reportId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is read by a supervisor only under a purpose, and each reading is logged with it', async () => {
    const record = filedRecord();
    const harness = await openApiHarness({ records: [record] });
    await harness.as(OFFICER).value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    const supervisor = harness.as(SUPERVISOR);

    for (const params of [{ reportId: record.reportId }, { reportId: record.reportId, purpose: '  ' }]) {
      expect(await supervisor.call('report.audit', params as { reportId: string; purpose: string }), JSON.stringify(params)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }

    const trail = await supervisor.value('report.audit', { reportId: record.reportId, purpose: PURPOSE });
    expect(trail.map((entry) => entry.action)).toEqual(['report.received', 'report.viewed']);
    // The next reading shows the first one: who read the trail, and why, is in it.
    const again = await supervisor.value('report.audit', { reportId: record.reportId, purpose: PURPOSE });
    expect(again.slice(2).map((entry) => [entry.action, entry.actor, entry.details])).toEqual([['report.audit_read', SUPERVISOR, { purpose: PURPOSE }]]);
    const logged = supervisor.store.sqlite.prepare("SELECT actor, subject_id AS subjectId, details FROM audit_log WHERE action = 'report.audit_read'").all();
    expect(logged).toEqual([
      { actor: SUPERVISOR, subjectId: record.reportId, details: JSON.stringify({ purpose: PURPOSE }) },
      { actor: SUPERVISOR, subjectId: record.reportId, details: JSON.stringify({ purpose: PURPOSE }) },
    ]);
  });
});
