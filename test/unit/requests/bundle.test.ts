import { describe, expect, it } from 'vitest';
import { buildBundle, PERSONAL_DATA_AUDIT_ACTION } from '../../../src-main/requests/bundle';
import { scopeReportIds } from '../../../src-main/queries/bundle-scope';
import { createCase } from '../../../src-main/mutations';
import { filedRecord, IBANS, withdrawal } from '../../support/records';
import { NOW, OFFICER, openRequestStore, paidToIban, REPORTER } from './support/request-store';

const iban = { type: 'iban' as const, value: IBANS.muleA };

describe('bundle of a request about an indicator', () => {
  it('holds every live report that mentions the IBAN, with victims, loss, period and categories', async () => {
    const first = paidToIban(IBANS.muleA, { incident: { summary: 'Fiets', firstContactAt: '2026-03-10T12:00:00Z' } });
    const second = paidToIban(IBANS.muleA, { category: 'webshop_fraud', payments: [{ amount: '99.95', beneficiaryAccount: IBANS.muleA }], incident: { summary: 'Schoenen' } });
    const withdrawn = paidToIban(IBANS.muleA);
    const unrelated = paidToIban(IBANS.muleB);
    const store = await openRequestStore([first, second, withdrawn, unrelated, withdrawal(withdrawn, 2)]);
    const reportIds = scopeReportIds(store.store.sqlite, { indicator: iban, caseId: null, clusterReportId: null });
    expect(reportIds).toEqual([first.reportId, second.reportId]);

    const bundle = buildBundle(store.store.sqlite, { reportIds: [...reportIds, withdrawn.reportId], indicator: iban });
    expect(bundle.reports.map((report) => report.reportId)).toEqual([first.reportId, second.reportId]);
    expect(bundle).toMatchObject({
      victims: 2,
      totalLossCents: 15_000 + 9_995,
      period: { from: '2026-03-10', to: '2026-04-01' },
      categories: [
        { category: 'marketplace_fraud', count: 1 },
        { category: 'webshop_fraud', count: 1 },
      ],
    });
    expect(bundle.reports.map((report) => report.lossCents)).toEqual([15_000, 9_995]);
    expect(bundle.reports[1]!.evidence).toContainEqual({ field: 'payments[0].beneficiaryAccount', text: IBANS.muleA });
  });

  it('quotes the sentence of the story around the indicator, without the victim’s name, phone or e-mail', async () => {
    const record = paidToIban(IBANS.muleA);
    const store = await openRequestStore([record]);
    const bundle = buildBundle(store.store.sqlite, { reportIds: [record.reportId], indicator: iban });
    const [report] = bundle.reports;
    expect(report!.evidence).toEqual(
      expect.arrayContaining([
        { field: 'suspect.bankAccounts[0]', text: IBANS.muleA },
        { field: 'incident.narrative', text: `De verkoper vroeg mij het geld over te maken naar ${IBANS.muleA}.` },
      ]),
    );
    expect(report!.reporter).toBeNull();
    const everything = JSON.stringify(bundle);
    for (const personal of [REPORTER.name, 'Testhuis', REPORTER.email, '06 22 33 44 55', '0622334455']) expect(everything).not.toContain(personal);
  });

  it('takes the reporter’s data out of the evidence wherever the story repeats it', async () => {
    const record = paidToIban(IBANS.muleA, {
      incident: { summary: 'Annelies Testhuis opgelicht', narrative: `Ik (Annelies Testhuis, 06-22334455) betaalde naar ${IBANS.muleA} via annelies.testhuis@example.org.` },
    });
    const store = await openRequestStore([record]);
    const [report] = buildBundle(store.store.sqlite, { reportIds: [record.reportId], indicator: iban }).reports;
    expect(report!.summary).toBe('[naam melder] opgelicht');
    expect(report!.evidence).toContainEqual({
      field: 'incident.narrative',
      text: `Ik ([naam melder], [telefoon melder]) betaalde naar ${IBANS.muleA} via [e-mail melder].`,
    });
  });

  it('takes the account the story names as the reporter’s own out of the evidence, and keeps the suspect’s beside it', async () => {
    const record = paidToIban(IBANS.muleA, { incident: { summary: 'Fiets', narrative: `Ik betaalde vanaf mijn eigen rekening ${IBANS.muleC} naar ${IBANS.muleA}.` } });
    const store = await openRequestStore([record]);
    const [report] = buildBundle(store.store.sqlite, { reportIds: [record.reportId], indicator: iban }).reports;
    expect(report!.evidence).toContainEqual({ field: 'incident.narrative', text: `Ik betaalde vanaf mijn eigen rekening [rekening melder] naar ${IBANS.muleA}.` });
    expect(JSON.stringify(report)).not.toContain(IBANS.muleC);
  });

  it('includes the reporters only when asked, and audits each read', async () => {
    const record = paidToIban(IBANS.muleA);
    const store = await openRequestStore([record]);
    const access = { officer: OFFICER, at: NOW.toISOString(), actionId: '00000000-0000-4000-8000-0000000000aa', purpose: 'Onderzoek in een zaak', use: 'request.letter' };
    const [report] = buildBundle(store.store.sqlite, { reportIds: [record.reportId], indicator: iban }, access).reports;
    expect(report!.reporter).toEqual({ name: REPORTER.name, email: REPORTER.email, phone: REPORTER.phone });
    // The evidence stays without personal data: the reporter block is the one deliberate place for it.
    expect(JSON.stringify(report!.evidence)).not.toContain(REPORTER.name);
    const audit = store.store.sqlite
      .prepare('SELECT actor, action, subject_type AS subjectType, subject_id AS subjectId, details FROM audit_log WHERE action = ?')
      .all(PERSONAL_DATA_AUDIT_ACTION);
    expect(audit).toEqual([{ actor: OFFICER, action: PERSONAL_DATA_AUDIT_ACTION, subjectType: 'report', subjectId: record.reportId, details: JSON.stringify({ actionId: access.actionId, purpose: 'Onderzoek in een zaak', use: 'request.letter' }) }]);
  });

  it('counts a URL as itself only, and a domain with every URL on it', async () => {
    const login = filedRecord({ category: 'phishing', suspect: { websites: ['https://ing-verificatie.nl/login'] } });
    const pay = filedRecord({ category: 'phishing', suspect: { websites: ['https://ing-verificatie.nl/betalen'] } });
    const store = await openRequestStore([login, pay]);
    const scope = (type: 'url' | 'domain', value: string) => scopeReportIds(store.store.sqlite, { indicator: { type, value }, caseId: null, clusterReportId: null });
    expect(scope('url', 'https://ing-verificatie.nl/login')).toEqual([login.reportId]);
    expect(scope('domain', 'ing-verificatie.nl').sort()).toEqual([login.reportId, pay.reportId].sort());
  });
});

describe('bundle of a case or a cluster', () => {
  it('takes the case’s live reports, or the cluster’s', async () => {
    const a = paidToIban(IBANS.muleC);
    const b = paidToIban(IBANS.muleC);
    const alone = filedRecord();
    const store = await openRequestStore([a, b, alone]);
    const { payload } = createCase(store.store, store.deps, { officer: OFFICER, title: 'Fietsen', reportIds: [a.reportId, alone.reportId] });
    const scope = (caseId: string | null, clusterReportId: string | null) => scopeReportIds(store.store.sqlite, { indicator: null, caseId, clusterReportId }).sort();
    expect(scope(payload.caseId, null)).toEqual([a.reportId, alone.reportId].sort());
    expect(scope(null, a.reportId)).toEqual([a.reportId, b.reportId].sort());
    expect(scope(null, alone.reportId)).toEqual([alone.reportId]);
    const bundle = buildBundle(store.store.sqlite, { reportIds: scope(null, b.reportId), indicator: null });
    expect(bundle.reports.every((report) => report.evidence.length === 0 && report.summary === 'Fiets betaald, niets ontvangen')).toBe(true);
  });
});
