import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../shared/intake/schema';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { openApiHarness, OFFICER } from './support/api-harness';

const NARRATIVE = 'Ik maakte 250 euro over naar NL91 ABNA 0417 1643 00 en daarna naar NL91 ABNA 0417 1643 00 opnieuw.';

function victim(): IntakeRecord {
  return filedRecord({
    reporter: { type: 'person', name: 'Jan de Vries', phone: '06-12345678', email: 'jan.devries@example.org', address: { city: 'Utrecht' } },
    incident: { summary: 'Fiets niet geleverd', narrative: NARRATIVE },
    suspect: { phoneNumbers: ['06-41234567'] },
  });
}

const auditActions = (sqlite: import('better-sqlite3').Database, reportId: string) =>
  sqlite.prepare<[string], { action: string; actor: string; details: string | null }>("SELECT action, actor, details FROM audit_log WHERE subject_type = 'report' AND subject_id = ? ORDER BY id").all(reportId);

describe('report.get', () => {
  it('shows the record without the reporter, masked to initials, and audits the read', async () => {
    const record = victim();
    const api = await openApiHarness({ records: [record] });
    const detail = await api.value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    expect(detail.reporter).toEqual({ type: 'person', initials: 'J. d. V.', organisationName: null, hasContactDetails: true });
    expect(detail.record).not.toHaveProperty('reporter');
    expect(JSON.stringify(detail)).not.toContain('Jan de Vries');
    expect(JSON.stringify(detail)).not.toContain('06-12345678');
    expect(detail).toMatchObject({ reportId: record.reportId, revision: 1, status: 'filed', narrative: NARRATIVE, clusterSize: 1, caseIds: [] });
    expect(detail.indicators.map((indicator) => `${indicator.type}:${indicator.field}`)).toEqual(
      expect.arrayContaining(['iban:incident.narrative', 'phone:suspect.phoneNumbers[0]']),
    );
    const last = auditActions(api.store.sqlite, record.reportId).at(-1)!;
    expect(last).toMatchObject({ action: 'report.viewed', actor: api.context.officer.id });
  });

  it('highlights each place an indicator stands in the narrative', async () => {
    const record = victim();
    const api = await openApiHarness({ records: [record] });
    const detail = await api.value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    const raw = 'NL91 ABNA 0417 1643 00';
    expect(detail.narrativeHighlights).toEqual([
      { start: NARRATIVE.indexOf(raw), end: NARRATIVE.indexOf(raw) + raw.length, type: 'iban', value: IBANS.muleA, benign: false },
      { start: NARRATIVE.lastIndexOf(raw), end: NARRATIVE.lastIndexOf(raw) + raw.length, type: 'iban', value: IBANS.muleA, benign: false },
    ]);
  });

  it('answers NOT_FOUND for a report this store does not hold', async () => {
    const api = await openApiHarness();
    expect(await api.call('report.get', { reportId: 'IA-2026-0000001', purpose: 'Beoordelen van de melding' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('report.revealReporter', () => {
  it('returns the reporter and writes the reason to the audit log', async () => {
    const record = victim();
    const api = await openApiHarness({ records: [record] });
    const reporter = await api.value('report.revealReporter', { reportId: record.reportId, reason: 'Terugbellen over aanvullende informatie' });
    expect(reporter).toMatchObject({ name: 'Jan de Vries', phone: '06-12345678' });
    const entry = auditActions(api.store.sqlite, record.reportId).at(-1)!;
    expect(entry.action).toBe('report.reporter_revealed');
    expect(JSON.parse(entry.details!)).toEqual({ purpose: 'Terugbellen over aanvullende informatie' });
  });

  it('reveals the accounts the narrative names as the reporter\'s own, which never link or count as indicators', async () => {
    const own = 'NL91 ABNA 0417 1643 00';
    const victimReporter = victim().reporter;
    const record = filedRecord({ reporter: victimReporter, incident: { summary: 'Betaald', narrative: `Ik heb betaald vanaf mijn eigen rekening ${own} naar NL84 ABNA 5260 1815 90.` } });
    const other = filedRecord({ incident: { summary: 'Ander', narrative: `Hij vroeg mij te betalen naar ${own}.` } });
    const api = await openApiHarness({ records: [record, other] });
    const detail = await api.value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    expect(detail.indicators.map((mention) => mention.value)).toEqual(['NL84ABNA5260181590']);
    expect(detail.clusterSize).toBe(1);
    const reporter = await api.value('report.revealReporter', { reportId: record.reportId, reason: 'Eigen rekening controleren' });
    expect(reporter.ownIndicators).toEqual([{ type: 'iban', value: 'NL91ABNA0417164300', field: 'incident.narrative', raw: own }]);
  });

  it('needs a reason, and has nothing to reveal once the report is withdrawn', async () => {
    const record = victim();
    const api = await openApiHarness({ records: [record, withdrawal(record, 2)] });
    const noReason = await api.call('report.revealReporter', { reportId: record.reportId, reason: '   ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.call('report.revealReporter', { reportId: record.reportId, reason: 'controle' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(auditActions(api.store.sqlite, record.reportId).map((entry) => entry.action)).not.toContain('report.reporter_revealed');
  });
});

describe('report.revisions and report.audit', () => {
  it('lists which fields each revision changed, never their values', async () => {
    const first = victim();
    const second = { ...first, revision: 2, receivedAt: '2026-04-02T10:00:00Z', reporter: { ...first.reporter!, phone: '06-55555555' }, suspect: { phoneNumbers: ['06-41234567', '06-11112222'] } };
    const api = await openApiHarness({ records: [first, second] });
    const revisions = await api.value('report.revisions', { reportId: first.reportId });
    expect(revisions).toEqual([
      { revision: 1, status: 'filed', receivedAt: '2026-04-01T10:00:00.000Z', changedFields: [] },
      { revision: 2, status: 'filed', receivedAt: '2026-04-02T10:00:00.000Z', changedFields: ['reporter.phone', 'suspect.phoneNumbers[1]'] },
    ]);
    expect(JSON.stringify(revisions)).not.toContain('06-55555555');

    const trail = await api.value('report.audit', { reportId: first.reportId, purpose: 'Beoordelen van de melding' });
    expect(trail.map((entry) => entry.action)).toEqual(['report.received', 'report.revised']);
  });
});

describe('report.related', () => {
  it('lists reports sharing an indicator, with the decision on each pair', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });
    const b = filedRecord({ payments: [{ amount: '10.00', beneficiaryAccount: IBANS.muleB }] });
    const decidedOnly = filedRecord();
    const api = await openApiHarness({ records: [a, b, decidedOnly] });
    await api.value('link.decide', { reportA: b.reportId, reportB: a.reportId, decision: 'rejected', reason: 'Andere modus operandi' });
    await api.value('link.decide', { reportA: a.reportId, reportB: decidedOnly.reportId, decision: 'confirmed', reason: '' });
    const related = await api.value('report.related', { reportId: a.reportId });
    expect(related).toHaveLength(2);
    expect(related[0]).toMatchObject({
      reportId: b.reportId,
      shared: [{ type: 'iban', value: IBANS.muleB, fields: ['suspect.bankAccounts[0]'], theirFields: ['payments[0].beneficiaryAccount'] }],
      decision: { decision: 'rejected', reason: 'Andere modus operandi', decidedBy: api.context.officer.id },
    });
    expect(related[1]).toMatchObject({ reportId: decidedOnly.reportId, shared: [], decision: { decision: 'confirmed' } });
  });
});

describe('report.setWorkStatus and report.assign', () => {
  it('changes only reports whose value differs, announces it, and is all-or-nothing', async () => {
    const a = filedRecord();
    const b = filedRecord();
    const api = await openApiHarness({ records: [a, b] });
    expect(await api.value('report.setWorkStatus', { reportIds: [a.reportId, b.reportId], status: 'in_progress' })).toEqual({ changed: 2 });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['report'] } });
    expect(await api.value('report.setWorkStatus', { reportIds: [a.reportId], status: 'in_progress' })).toEqual({ changed: 0 });

    const missing = await api.call('report.setWorkStatus', { reportIds: [a.reportId, 'IA-2026-0000001'], status: 'closed' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const rows = await api.value('queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 10 });
    expect(rows.rows.map((row) => row.workStatus)).toEqual(['in_progress', 'in_progress']);
    expect(api.store.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'report.setWorkStatus'").get()).toEqual({ n: 2 });
  });

  it('assigns to a known officer, unassigns with null, and refuses strangers', async () => {
    const a = filedRecord();
    const api = await openApiHarness({ records: [a] });
    expect(await api.value('report.assign', { reportIds: [a.reportId], assignee: OFFICER })).toEqual({ changed: 1 });
    expect((await api.value('report.get', { reportId: a.reportId, purpose: 'Beoordelen van de melding' })).assignee).toBe(OFFICER);
    expect(await api.call('report.assign', { reportIds: [a.reportId], assignee: 'nobody' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.value('report.assign', { reportIds: [a.reportId], assignee: null })).toEqual({ changed: 1 });
    expect((await api.value('report.get', { reportId: a.reportId, purpose: 'Beoordelen van de melding' })).assignee).toBeNull();
  });
});
