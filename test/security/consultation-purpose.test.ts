/**
 * Every consultation of personal data needs a purpose, enforced by the core whatever the caller (issue 15 §1):
 * each call is tried straight at the API without one, with a blank one and with one too long — refused with
 * BAD_INPUT saying a purpose is required, nothing of the report in the answer and nothing in the audit log —
 * beside its honest twin, whose audit entry names the officer, the report and the purpose.
 */
import { describe, expect, it } from 'vitest';
import type { ApiMethod, ApiParams } from '../../shared/api/contract';
import { acceptedDraft } from '../support/request-params';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness, OFFICER, type ApiHarness } from '../api/support/api-harness';

const NAME = 'Jan de Vries';
const SUMMARY = 'Kluisrekening van de bank';
const victim = () => filedRecord({ reporter: { type: 'person', name: NAME, phone: '06-12345678' }, incident: { summary: SUMMARY, narrative: 'Geld naar een kluisrekening overgemaakt.' } });

const auditCount = (api: ApiHarness) => api.store.sqlite.prepare<[], number>('SELECT count(*) FROM audit_log').pluck().get();
const lastEntry = (api: ApiHarness) => {
  const row = api.store.sqlite.prepare('SELECT actor, action, subject_id AS subjectId, details FROM audit_log ORDER BY id DESC LIMIT 1').get() as { actor: string; action: string; subjectId: string; details: string };
  return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
};

/** Each call without a purpose, with a blank one and with one too long: refused, nothing shown, nothing logged. */
async function expectRefused<M extends ApiMethod>(api: ApiHarness, method: M, without: ApiParams<M>, withPurpose: (purpose: string) => ApiParams<M>, secrets: string[]) {
  const before = auditCount(api);
  for (const params of [without, withPurpose(''), withPurpose(' \n\t '), withPurpose('x'.repeat(201))]) {
    const refused = await api.call(method, params);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/purpose/i) as unknown } });
    for (const secret of secrets) expect(JSON.stringify(refused)).not.toContain(secret);
  }
  expect(auditCount(api)).toBe(before);
}

const search = (text: string) => ({ filters: { text }, sort: { key: 'receivedAt' as const, direction: 'desc' as const }, offset: 0, limit: 20 });

describe('a consultation without a purpose is refused by the core', () => {
  it('report.get: refused without a purpose; with one the report is shown and the opening logged with it', async () => {
    const record = victim();
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    await expectRefused(officer, 'report.get', { reportId: record.reportId } as ApiParams<'report.get'>, (purpose) => ({ reportId: record.reportId, purpose }), [SUMMARY]);
    const shown = await officer.value('report.get', { reportId: record.reportId, purpose: 'Onderzoek in een zaak' });
    expect(shown.summary).toBe(SUMMARY);
    expect(lastEntry(officer)).toEqual({ actor: OFFICER, action: 'report.viewed', subjectId: record.reportId, details: { purpose: 'Onderzoek in een zaak', revision: 1 } });
  });

  it('report.revealReporter: refused without a purpose; with one the reporter is shown and the reveal logged with it', async () => {
    const record = victim();
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    await expectRefused(officer, 'report.revealReporter', { reportId: record.reportId } as ApiParams<'report.revealReporter'>, (reason) => ({ reportId: record.reportId, reason }), [NAME]);
    expect((await officer.value('report.revealReporter', { reportId: record.reportId, reason: 'Melder terugbellen' })).name).toBe(NAME);
    expect(lastEntry(officer)).toEqual({ actor: OFFICER, action: 'report.reporter_revealed', subjectId: record.reportId, details: { purpose: 'Melder terugbellen' } });
  });

  it('queue.list with a query typed: refused without a purpose (nothing found is shown); with one the search is logged with its query', async () => {
    const record = victim();
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    await expectRefused(officer, 'queue.list', search('kluisrekening'), (purpose) => ({ ...search('kluisrekening'), purpose }), [record.reportId, SUMMARY]);
    // The list without a query needs none: it is the officer's work, not a look through personal data.
    expect((await officer.value('queue.list', search(''))).total).toBe(1);
    const found = await officer.value('queue.list', { ...search('kluisrekening'), purpose: 'Beoordelen van de melding' });
    expect(found.rows.map((row) => row.reportId)).toEqual([record.reportId]);
    expect(lastEntry(officer)).toEqual({ actor: OFFICER, action: 'search.ran', subjectId: 'kluisrekening', details: { purpose: 'Beoordelen van de melding', results: 1 } });
  });

  it('indicator.list with a search typed: refused without a purpose (no value found is shown); with one the search is logged with its query', async () => {
    const record = filedRecord({ suspect: { bankAccounts: [IBANS.muleB] } });
    const officer = (await openApiHarness({ records: [record] })).as(OFFICER);
    const indicators = (search?: string) => ({ sort: 'reports' as const, offset: 0, limit: 20, ...(search === undefined ? {} : { search }) });
    await expectRefused(officer, 'indicator.list', indicators('INGB'), (purpose) => ({ ...indicators('INGB'), purpose }), [IBANS.muleB]);
    // The list without a search needs none: the most-reported values are the officer's work, not a look through personal data.
    expect((await officer.value('indicator.list', indicators())).rows.map((row) => row.value)).toContain(IBANS.muleB);
    const found = await officer.value('indicator.list', { ...indicators('INGB'), purpose: 'Onderzoek in een zaak' });
    expect(found.rows.map((row) => row.value)).toEqual([IBANS.muleB]);
    expect(lastEntry(officer)).toEqual({ actor: OFFICER, action: 'indicator.searched', subjectId: 'INGB', details: { purpose: 'Onderzoek in een zaak', results: 1 } });
  });
});

/** A report paid to a mule account, and a bank block request about it (without the reporters' data). */
async function requestAbout(api: ApiHarness) {
  const record = filedRecord({
    reporter: { type: 'person', name: NAME, phone: '06-12345678' },
    payments: [{ amount: '100.00', currency: 'EUR', beneficiaryAccount: IBANS.muleB }],
    suspect: { bankAccounts: [IBANS.muleB] },
  });
  await api.importRecords([record]);
  const draft = await api.value('request.draft', { indicatorType: 'iban', indicatorValue: IBANS.muleB, clusterReportId: record.reportId });
  return { record, draft, ...(await api.value('request.create', acceptedDraft(draft))) };
}

const entriesOf = (api: ApiHarness, action: string) =>
  (api.store.sqlite.prepare('SELECT actor, subject_id AS subjectId, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ actor: string; subjectId: string; details: string }>).map(
    (entry) => ({ ...entry, details: JSON.parse(entry.details) as Record<string, unknown> }),
  );

describe('requests and exports with personal data need a purpose too', () => {
  it('request.letter and request.export: refused without a purpose; with one the document comes and the export is logged with it', async () => {
    const officer = (await openApiHarness()).as(OFFICER);
    const { record, actionId } = await requestAbout(officer);
    await expectRefused(officer, 'request.letter', { actionId } as ApiParams<'request.letter'>, (purpose) => ({ actionId, purpose }), ['contentBase64']);
    await expectRefused(officer, 'request.export', { actionId } as ApiParams<'request.export'>, (purpose) => ({ actionId, purpose }), [record.reportId]);

    expect((await officer.value('request.letter', { actionId, purpose: 'Verzoek aan een derde voorbereiden' })).fileName).toBe(`verzoek-${actionId}.pdf`);
    expect((await officer.value('request.export', { actionId, purpose: 'Interne controle' })).document.actionId).toBe(actionId);
    expect(entriesOf(officer, 'action.exported')).toEqual([
      { actor: OFFICER, subjectId: actionId, details: { purpose: 'Verzoek aan een derde voorbereiden', format: 'pdf', reportIds: [record.reportId], personalData: false } },
      { actor: OFFICER, subjectId: actionId, details: { purpose: 'Interne controle', format: 'json', reportIds: [record.reportId], personalData: false } },
    ]);
  });

  it('including the reporters in a request (create or edit): refused without a purpose, nothing changed; with one logged beside the change', async () => {
    const officer = (await openApiHarness()).as(OFFICER);
    const { record, draft, actionId } = await requestAbout(officer);
    const actions = () => officer.store.sqlite.prepare('SELECT count(*) FROM requests').pluck().get();
    const before = actions();
    const withReporters = { ...acceptedDraft(draft), includePersonalData: true };
    await expectRefused(officer, 'request.create', withReporters, (purpose) => ({ ...withReporters, purpose }), []);
    await expectRefused(officer, 'request.edit', { actionId, includePersonalData: true }, (purpose) => ({ actionId, includePersonalData: true, purpose }), []);
    expect(actions()).toBe(before);
    expect((await officer.value('request.get', { actionId })).includePersonalData).toBe(false);

    const created = await officer.value('request.create', { ...withReporters, purpose: 'Bank belt slachtoffers terug' });
    await officer.value('request.edit', { actionId, includePersonalData: true, purpose: 'Onderzoek in een zaak' });
    expect(entriesOf(officer, 'action.personal_data_included')).toEqual([
      { actor: OFFICER, subjectId: created.actionId, details: { purpose: 'Bank belt slachtoffers terug', reportIds: [record.reportId] } },
      { actor: OFFICER, subjectId: actionId, details: { purpose: 'Onderzoek in een zaak', reportIds: [record.reportId] } },
    ]);
    // Leaving them out again is no consultation and needs no purpose.
    expect(await officer.call('request.edit', { actionId, includePersonalData: false })).toMatchObject({ ok: true });
  });

  it('request.get of a request with the reporters: without a purpose they are withheld and nothing is logged; with one shown and logged per report', async () => {
    const officer = (await openApiHarness()).as(OFFICER);
    const { record, actionId } = await requestAbout(officer);
    await officer.value('request.edit', { actionId, includePersonalData: true, purpose: 'Bank belt slachtoffers terug' });
    const before = auditCount(officer);
    const withheld = await officer.value('request.get', { actionId });
    expect(withheld).toMatchObject({ includePersonalData: true, reportersWithheld: true });
    expect(JSON.stringify(withheld)).not.toContain(NAME);
    expect(auditCount(officer)).toBe(before);

    const shown = await officer.value('request.get', { actionId, purpose: 'Interne controle' });
    expect(shown).toMatchObject({ reportersWithheld: false });
    expect(shown.bundle.reports[0]!.reporter?.name).toBe(NAME);
    expect(lastEntry(officer)).toEqual({ actor: OFFICER, action: 'action.reporter_included', subjectId: record.reportId, details: { actionId, purpose: 'Interne controle', use: 'request.get' } });
  });

  it('a letter with the reporters names each report read in the log with the purpose of the export', async () => {
    const officer = (await openApiHarness()).as(OFFICER);
    const { record, actionId } = await requestAbout(officer);
    await officer.value('request.edit', { actionId, includePersonalData: true, purpose: 'Bank belt slachtoffers terug' });
    await officer.value('request.letter', { actionId, purpose: 'Verzoek aan een derde voorbereiden' });
    expect(entriesOf(officer, 'action.reporter_included')).toEqual([
      { actor: OFFICER, subjectId: record.reportId, details: { actionId, purpose: 'Verzoek aan een derde voorbereiden', use: 'request.letter' } },
    ]);
    expect(entriesOf(officer, 'action.exported').at(-1)).toMatchObject({ details: { personalData: true, reportIds: [record.reportId] } });
  });
});
