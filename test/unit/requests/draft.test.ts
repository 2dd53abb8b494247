import { describe, expect, it } from 'vitest';
import type { RequestKind } from '../../../shared/requests/lifecycle';
import type { IndicatorType } from '../../../shared/indicators/types';
import { draftRequest } from '../../../src-main/requests/request-draft';
import { describeIndicator } from '../../../src-main/requests/draft-texts';
import { filedRecord, IBANS } from '../../support/records';
import { openRequestStore } from './support/request-store';

const BTC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';

const reports = {
  iban: filedRecord({ suspect: { bankAccounts: [IBANS.muleA] } }),
  phone: filedRecord({ category: 'bank_helpdesk_fraud', suspect: { phoneNumbers: ['06-12345678'] } }),
  url: filedRecord({ category: 'phishing', suspect: { websites: ['hxxps://ing-verificatie[.]nl/login'] } }),
  email: filedRecord({ suspect: { emailAddresses: ['helpdesk.ing@gmail.com'] } }),
  remote: filedRecord({ category: 'helpdesk_fraud', remoteAccess: { tool: 'AnyDesk', id: '123 456 789' } }),
  crypto: filedRecord({ category: 'investment_fraud', suspect: { cryptoAddresses: [BTC] } }),
};

const cases: Array<[IndicatorType, string, RequestKind, string, string | null]> = [
  ['iban', IBANS.muleA, 'bank_block', `Blokkeringsverzoek bankrekening ${IBANS.muleA}`, 'bank.abn-amro'],
  ['phone', '+31612345678', 'phone_block', 'Blokkeringsverzoek telefoonnummer +31612345678', null],
  ['url', 'https://ing-verificatie.nl/login', 'domain_takedown', 'Verzoek offline halen webpagina https://ing-verificatie.nl/login', 'registry.sidn'],
  ['domain', 'ing-verificatie.nl', 'domain_takedown', 'Verzoek offline halen domeinnaam ing-verificatie.nl', 'registry.sidn'],
  ['email', 'helpdesk.ing@gmail.com', 'email_abuse', 'Misbruikmelding e-mailadres helpdesk.ing@gmail.com', 'mail.google'],
  ['remote_access', 'anydesk:123456789', 'remote_access_abuse', 'Misbruikmelding AnyDesk-ID 123456789', 'remote.anydesk'],
  ['crypto', `btc:${BTC}`, 'crypto_flag', `Verzoek markering BTC-adres ${BTC}`, null],
];

describe('drafting a request per action type', () => {
  it.each(cases)('a %s (%s) becomes a %s with a Dutch title, legal basis and body', async (type, value, kind, title, addresseeId) => {
    const store = await openRequestStore(Object.values(reports));
    const draft = draftRequest(store.store.sqlite, { indicatorType: type, indicatorValue: value });
    expect(draft).toMatchObject({ kind, title, indicatorType: type, indicatorValue: value, addressee: { suggestedId: addresseeId } });
    expect(draft.bundle.victims).toBe(1);
    expect(draft.legalBasis).toMatch(/Wet politiegegevens/);
    expect(draft.body).toMatch(/^Geachte heer, mevrouw,/);
    expect(draft.body).toContain(describeIndicator({ type, value }));
  });

  it('accepts the indicator as typed', async () => {
    const store = await openRequestStore([reports.iban]);
    expect(draftRequest(store.store.sqlite, { indicatorType: 'iban', indicatorValue: 'nl91 abna 0417 1643 00' }).indicatorValue).toBe(IBANS.muleA);
  });

  it('drafts a prevention warning from a cluster, for the communication desk', async () => {
    const a = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const b = filedRecord({ suspect: { bankAccounts: [IBANS.muleC] } });
    const store = await openRequestStore([a, b, reports.phone]);
    const draft = draftRequest(store.store.sqlite, { clusterReportId: a.reportId });
    expect(draft).toMatchObject({
      kind: 'prevention_warning',
      title: 'Pas op voor oplichting bij handel via internet',
      indicatorType: null,
      clusterReportId: a.reportId,
      addressee: { suggestedId: 'communication.preventie' },
      bundle: { victims: 2 },
    });
    expect(draft.legalBasis).toContain('Politiewet');
    expect(draft.body).toContain('0900-8844');
    expect(draft.body).not.toContain(IBANS.muleC);
  });

  it('refuses a kind that does not fit the indicator, and a draft about nothing', async () => {
    const store = await openRequestStore([reports.iban]);
    expect(() => draftRequest(store.store.sqlite, { kind: 'phone_block', indicatorType: 'iban', indicatorValue: IBANS.muleA })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => draftRequest(store.store.sqlite, {})).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => draftRequest(store.store.sqlite, { clusterReportId: 'IA-2026-0000001' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
