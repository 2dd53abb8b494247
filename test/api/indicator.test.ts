import { describe, expect, it } from 'vitest';
import type { IndicatorQuery } from '../../shared/api/views';
import { filedRecord, IBANS } from '../support/records';
import { openApiHarness } from './support/api-harness';

const list = (overrides: Partial<IndicatorQuery> = {}): IndicatorQuery => ({ sort: 'reports', offset: 0, limit: 50, ...overrides });

function fixture() {
  // muleA in three reports (one of them twice), muleB in one, the bank's own helpdesk number (benign by default) in two.
  const one = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA] }, payments: [{ amount: '100.00', beneficiaryAccount: IBANS.muleA }] });
  const two = filedRecord({ receivedAt: '2026-04-05T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA, IBANS.muleB] }, payments: [{ amount: '50.00' }] });
  const three = filedRecord({ receivedAt: '2026-04-09T10:00:00Z', suspect: { bankAccounts: [IBANS.muleA] } });
  return { one, two, three, records: [one, two, three] };
}

describe('indicator.list', () => {
  it('counts each live report once, with its loss, first and last seen', async () => {
    const api = await openApiHarness({ records: fixture().records });
    const { rows, total } = await api.value('indicator.list', list({ types: ['iban'] }));
    expect(total).toBe(2);
    expect(rows[0]).toMatchObject({ type: 'iban', value: IBANS.muleA, reports: 3, totalLossCents: 15_000, benignReason: null });
    expect(rows[0]!.firstSeen).toBe('2026-04-01T10:00:00.000Z');
    expect(rows[0]!.lastSeen).toBe('2026-04-09T10:00:00.000Z');
    expect(rows[0]!.enrichment).toMatchObject({ country: 'NL' });
    expect(rows[1]).toMatchObject({ value: IBANS.muleB, reports: 1, totalLossCents: 5_000 });
  });

  it('filters by minimum reports and substring, and pages with the total', async () => {
    const api = await openApiHarness({ records: fixture().records });
    expect((await api.value('indicator.list', list({ minReports: 2 }))).rows.map((row) => row.value)).toEqual([IBANS.muleA]);
    expect((await api.value('indicator.list', list({ search: 'INGB', purpose: 'Onderzoek in een zaak' }))).rows.map((row) => row.value)).toEqual([IBANS.muleB]);
    const beyond = await api.value('indicator.list', list({ types: ['iban'], offset: 5, limit: 1 }));
    expect(beyond).toEqual({ rows: [], total: 2 });
  });

  it('leaves benign values out unless asked for', async () => {
    const api = await openApiHarness({ records: fixture().records });
    await api.value('benign.add', { type: 'iban', value: IBANS.muleB, reason: 'Rekening van de bank zelf' });
    expect((await api.value('indicator.list', list({ types: ['iban'] }))).rows.map((row) => row.value)).toEqual([IBANS.muleA]);
    const withBenign = await api.value('indicator.list', list({ types: ['iban'], includeBenign: true }));
    expect(withBenign.rows.find((row) => row.value === IBANS.muleB)?.benignReason).toBe('Rekening van de bank zelf');
  });
});

describe('indicator.summary and indicator.reports', () => {
  it('accepts the value as typed and answers for its canonical form', async () => {
    const { one, two, three, records } = fixture();
    const api = await openApiHarness({ records });
    const summary = await api.value('indicator.summary', { type: 'iban', value: 'nl91 abna 0417 1643 00' });
    expect(summary).toMatchObject({ value: IBANS.muleA, reports: 3, totalLossCents: 15_000, categories: { marketplace_fraud: 3 } });
    const reports = await api.value('indicator.reports', { type: 'iban', value: IBANS.muleA });
    expect(reports.map((row) => row.reportId)).toEqual([three.reportId, two.reportId, one.reportId]);
  });

  it('answers NOT_FOUND for a value no report mentions', async () => {
    const api = await openApiHarness({ records: fixture().records });
    expect(await api.call('indicator.summary', { type: 'iban', value: IBANS.muleD })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call('indicator.reports', { type: 'phone', value: 'no phone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
