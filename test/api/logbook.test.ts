/**
 * Consultations of personal data are logged with their purpose (opening a report, revealing its reporter, a
 * search typed), the officer's last purpose per case is offered again, and only supervisors read the Logboek,
 * change the purposes and export the log (an officer's attempt is refused).
 */
import { describe, expect, it } from 'vitest';
import type { ApiParams } from '../../shared/api/contract';
import { DEFAULT_PURPOSES } from '../../shared/audit/purpose';
import { createAuditAppender } from '../../src-main/audit/audit-log';
import { filedRecord } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR } from './support/api-harness';

const victim = () => filedRecord({ reporter: { type: 'person', name: 'Jan de Vries', phone: '06-12345678', email: 'jan.devries@example.org' } });

const lastEntries = (api: Awaited<ReturnType<typeof openApiHarness>>, count: number) =>
  (api.store.sqlite.prepare('SELECT actor, action, subject_id AS subjectId, details FROM audit_log ORDER BY id DESC LIMIT ?').all(count) as Array<{ actor: string; action: string; subjectId: string; details: string | null }>)
    .map((entry) => ({ ...entry, details: entry.details === null ? null : (JSON.parse(entry.details) as unknown) }))
    .reverse();

const query = (text: string, purpose?: string) => ({ filters: { text }, sort: { key: 'receivedAt' as const, direction: 'desc' as const }, offset: 0, limit: 20, ...(purpose ? { purpose } : {}) });

describe('consultations with a purpose', () => {
  it('logs opening a report and revealing its reporter with the purpose given', async () => {
    const record = victim();
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    await officer.value('report.get', { reportId: record.reportId, purpose: ' Onderzoek  in een zaak ' });
    await officer.value('report.revealReporter', { reportId: record.reportId, reason: 'Melder terugbellen' });
    expect(lastEntries(officer, 2)).toEqual([
      { actor: OFFICER, action: 'report.viewed', subjectId: record.reportId, details: { purpose: 'Onderzoek in een zaak', revision: 1 } },
      { actor: OFFICER, action: 'report.reporter_revealed', subjectId: record.reportId, details: { purpose: 'Melder terugbellen' } },
    ]);
    const tooLong = await officer.call('report.get', { reportId: record.reportId, purpose: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('at most 200 characters') as unknown } });
  });

  it('refuses revealing the reporter without a purpose, called straight at the API, and logs nothing (honest twin above)', async () => {
    const record = victim();
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    const before = officer.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    for (const params of [{ reportId: record.reportId }, { reportId: record.reportId, reason: '   ' }]) {
      const refused = await officer.call('report.revealReporter', params as { reportId: string; reason: string });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(JSON.stringify(refused)).not.toContain('Jan de Vries');
    }
    expect(officer.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('logs a search typed, with its query and purpose, once however often the list refreshes', async () => {
    const records = [filedRecord({ incident: { summary: 'Kluisrekening', narrative: 'Geld naar een kluisrekening overgemaakt.' } })];
    const officer = (await openApiHarness({ records })).as(OFFICER);
    await officer.value('queue.list', query(''));
    await officer.value('queue.list', { ...query(''), purpose: 'Beoordelen van de melding' });
    await officer.value('queue.list', query('kluisrekening', 'Beoordelen van de melding'));
    await officer.value('queue.list', query('kluisrekening', 'Beoordelen van de melding'));
    await officer.value('queue.list', { ...query('kluisrekening', 'Beoordelen van de melding'), offset: 20 });
    await officer.value('queue.list', query('helpdesk', 'Beoordelen van de melding'));
    const searches = lastEntries(officer, 10).filter((entry) => entry.action === 'search.ran');
    expect(searches).toEqual([
      { actor: OFFICER, action: 'search.ran', subjectId: 'kluisrekening', details: { purpose: 'Beoordelen van de melding', results: 1 } },
      { actor: OFFICER, action: 'search.ran', subjectId: 'helpdesk', details: { purpose: 'Beoordelen van de melding', results: 0 } },
    ]);
  });

  it("offers the officer's last purpose within the report's cases, and never another officer's", async () => {
    const [a, b, c] = [filedRecord(), filedRecord(), filedRecord()];
    const officer = (await openApiHarness({ records: [a, b, c] })).as(OFFICER);
    await officer.value('case.create', { title: 'Katvanger', reportIds: [a.reportId, b.reportId] });
    expect(await officer.value('audit.lastPurpose', { reportId: b.reportId })).toEqual({ purpose: null });
    await officer.value('report.get', { reportId: a.reportId, purpose: 'Onderzoek Katvanger' });
    expect(await officer.value('audit.lastPurpose', { reportId: b.reportId })).toEqual({ purpose: 'Onderzoek Katvanger' });
    expect(await officer.value('audit.lastPurpose', { reportId: c.reportId })).toEqual({ purpose: null });
    expect(await officer.as(SUPERVISOR).value('audit.lastPurpose', { reportId: b.reportId })).toEqual({ purpose: null });
  });
});

describe('the Logboek', () => {
  it('shows a supervisor who consulted a report and why, and all one officer did in a period; CSV export is itself logged', async () => {
    const [a, b] = [victim(), filedRecord()];
    const supervisor = (await openApiHarness({ records: [a, b] })).as(SUPERVISOR);
    const officer = supervisor.as(OFFICER);
    await officer.value('report.revealReporter', { reportId: a.reportId, reason: 'Verzoek van de betrokkene (inzage)' });
    await officer.value('report.get', { reportId: b.reportId, purpose: 'Beoordelen van de melding' });

    const ofReport = await supervisor.value('audit.logbook', { reportId: a.reportId });
    expect(ofReport).toMatchObject({ truncated: false, source: 'local', hubUnanswered: { reason: 'no-hub' }, next: null });
    expect(ofReport.entries[0]).toMatchObject({ actor: OFFICER, action: 'report.reporter_revealed', purpose: 'Verzoek van de betrokkene (inzage)' });
    expect(ofReport.entries.every((entry) => entry.subjectId === a.reportId)).toBe(true);

    const day = ofReport.entries[0]!.at.slice(0, 10);
    const ofOfficer = await supervisor.value('audit.logbook', { officer: OFFICER, from: day, to: day });
    expect(ofOfficer.entries.map((entry) => [entry.subjectId, entry.purpose])).toEqual([
      [b.reportId, 'Beoordelen van de melding'],
      [a.reportId, 'Verzoek van de betrokkene (inzage)'],
    ]);
    expect((await supervisor.value('audit.logbook', { officer: OFFICER, to: '2000-01-01' })).entries).toEqual([]);

    expect(await supervisor.call('audit.exportCsv', { officer: OFFICER, from: day, to: day } as ApiParams<'audit.exportCsv'>)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('purpose') as unknown } });
    const exported = await supervisor.value('audit.exportCsv', { officer: OFFICER, from: day, to: day, purpose: 'Verzoek van de betrokkene (inzage)' });
    expect(exported.fileName).toBe(`logboek_${OFFICER}_${day}_${day}.csv`);
    const lines = exported.csv.split('\r\n');
    expect(lines[0]).toBe('id,workstation,at,officer,action,subjectType,subjectId,purpose,details');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(',report.reporter_revealed,report,');
    expect(lastEntries(supervisor, 1)).toEqual([{ actor: SUPERVISOR, action: 'audit.exported', subjectId: OFFICER, details: { purpose: 'Verzoek van de betrokkene (inzage)', officer: OFFICER, from: day, to: day, entries: 2 } }]);
  });

  it('exports exactly the entries shown: nothing logged after the newest one shown, its own export included', async () => {
    const record = victim();
    const supervisor = (await openApiHarness({ records: [record] })).as(SUPERVISOR);
    const officer = supervisor.as(OFFICER);
    await officer.value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    const shown = await supervisor.value('audit.logbook', { reportId: record.reportId });
    const upToId = shown.entries[0]!.id;
    await officer.value('report.revealReporter', { reportId: record.reportId, reason: 'Melder terugbellen' });
    const first = await supervisor.value('audit.exportCsv', { reportId: record.reportId, upToId, purpose: 'Interne controle' });
    const second = await supervisor.value('audit.exportCsv', { reportId: record.reportId, upToId, purpose: 'Interne controle' });
    const ids = (csv: string) => csv.split('\r\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(ids(first.csv)).toEqual(shown.entries.map((entry) => entry.id));
    expect(second.csv).toBe(first.csv);
    expect(first.fileName).toBe(`logboek_${record.reportId}.csv`);
    // Asked again without a bound: the reveal and both exports, newest first.
    const now = await supervisor.value('audit.logbook', { reportId: record.reportId });
    expect(now.entries.slice(0, 3).map((entry) => [entry.action, entry.actor])).toEqual([
      ['audit.exported', SUPERVISOR],
      ['audit.exported', SUPERVISOR],
      ['report.reporter_revealed', OFFICER],
    ]);
  });

  it('pages this workstation’s own log when there is no hub: every entry shown, newest first, none cut however long the log', async () => {
    const record = victim();
    const supervisor = (await openApiHarness({ records: [record] })).as(SUPERVISOR);
    const append = createAuditAppender(supervisor.store.sqlite);
    supervisor.store.sqlite.transaction(() => {
      for (let look = 0; look < 1_203; look += 1) {
        append(`2026-11-02T08:${String(look % 60).padStart(2, '0')}:00.000Z`, { actor: OFFICER, action: 'report.viewed', subjectType: 'report', subjectId: record.reportId, details: { purpose: 'Beoordelen van de melding', revision: 1 } });
      }
    })();
    const first = await supervisor.value('audit.logbook', { reportId: record.reportId });
    expect(first).toMatchObject({ source: 'local', truncated: false, next: expect.stringMatching(/^local:\d+$/) as unknown });
    // The 1,203 looks and what was logged as the report arrived.
    const total = first.total!;
    expect(total).toBeGreaterThan(1_203);
    expect(first.entries.length).toBeLessThan(total);
    const ids = first.entries.map((entry) => entry.id);
    let page = first;
    while (page.next !== null) {
      page = await supervisor.value('audit.logbook', { ...first.query, after: page.next });
      ids.push(...page.entries.map((entry) => entry.id));
    }
    expect(ids).toHaveLength(total);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(total);
    // The export holds the same entries.
    const exported = await supervisor.value('audit.exportCsv', { ...first.query, purpose: 'Interne controle' });
    expect(exported.csv.split('\r\n')).toHaveLength(total + 1);
  });

  it('is refused to an officer, as are changing the purposes and the hub’s refusals; a query must name a report or an officer', async () => {
    const record = victim();
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    for (const attempt of [
      officer.call('audit.logbook', { reportId: record.reportId }),
      officer.call('audit.exportCsv', { officer: OFFICER, purpose: 'Interne controle' }),
      officer.call('audit.setPurposes', { purposes: ['Nieuwsgierigheid'] }),
      officer.call('audit.refusals', {}),
      officer.call('sync.refusedChanges', {}),
    ]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await officer.as(SUPERVISOR).call('audit.logbook', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('name a report or an officer') as unknown } });
  });

  it('keeps the purposes a supervisor sets, and says without a hub that it cannot ask for refused logs', async () => {
    const supervisor = (await openApiHarness()).as(SUPERVISOR);
    expect(await supervisor.value('audit.purposes', {})).toEqual({ purposes: [...DEFAULT_PURPOSES] });
    expect(await supervisor.value('audit.setPurposes', { purposes: ['Opsporing', ' Opsporing', 'Inzageverzoek'] })).toEqual({ purposes: ['Opsporing', 'Inzageverzoek'] });
    expect(await supervisor.as(OFFICER).value('audit.purposes', {})).toEqual({ purposes: ['Opsporing', 'Inzageverzoek'] });
    expect(await supervisor.call('audit.setPurposes', { purposes: ['  '] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await supervisor.value('audit.refusals', {})).toEqual({ reachable: false, refusals: [] });
    expect(await supervisor.value('sync.refusedChanges', {})).toEqual({ reachable: false, refused: [] });
  });
});
