import { describe, expect, it } from 'vitest';
import { brandOfDomain, computeFreshBrandDomains } from '../../../src-main/overview/brand-domains';
import { DEFAULT_OVERVIEW_SETTINGS } from '../../../src-main/overview/overview-settings';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { AS_OF, quietRecords } from './support';

const brands = DEFAULT_OVERVIEW_SETTINGS.brands;

describe('the brand a domain poses as', () => {
  it.each([
    ['ing-veilig.nl', 'ING'],
    ['mijn-ing-verificatie.com', 'ING'],
    ['rabo-bank-verificatie.com', 'Rabobank'],
    ['rab0bank-login.nl', 'Rabobank'],
    ['mijnrabobankpas.online', 'Rabobank'],
    ['digid-inlog.net', 'DigiD'],
    ['mijndigid.nl', 'DigiD'],
    ['abn-amro-beveiliging.com', 'ABN AMRO'],
    ['postnl-pakket.zip', 'PostNL'],
    ['belastingdienst-teruggave.info', 'Belastingdienst'],
    ['vinted-betaling.site', 'Vinted'],
    ['tikkie-betaalverzoek.top', 'Tikkie'],
    ['marktplaats-nl.com', 'Marktplaats'],
    ['bunq-app.eu', 'bunq'],
  ])('%s poses as %s', (domain, brand) => {
    expect(brandOfDomain(domain, brands)).toBe(brand);
  });

  it.each(['ing.nl', 'ing.com', 'rabobank.nl', 'digid.nl', 'postnl.nl', 'thing.nl', 'bingo.nl', 'singel-wonen.nl', 'knabbel.nl', 'dhlexpresso.nl', 'fietsenwinkel.nl', 'ingang.nl'])('%s poses as no brand', (domain) => {
    expect(brandOfDomain(domain, brands)).toBeNull();
  });

  it('reads the brands as data: a brand added to the list is found, one left out is not', () => {
    expect(brandOfDomain('weerbank-login.nl', [...brands, { name: 'Weerbank', marks: ['weerbank'], domains: ['weerbank.nl'] }])).toBe('Weerbank');
    expect(brandOfDomain('weerbank.nl', [...brands, { name: 'Weerbank', marks: ['weerbank'], domains: ['weerbank.nl'] }])).toBeNull();
    expect(brandOfDomain('ing-veilig.nl', brands.filter((brand) => brand.name !== 'ING'))).toBeNull();
  });
});

/** Whether a record names the domain anywhere (suspect data or narrative), defanged or not, as a whole host or its tail. */
const names = (record: IntakeRecord, domain: string) => {
  const text = JSON.stringify(record).toLowerCase().replace(/\[\.\]|\(\.\)|\{\.\}/g, '.');
  return new RegExp(`(^|[^a-z0-9-])${domain.replace(/[.]/g, '\\.')}(?![a-z0-9-]|\\.[a-z0-9])`).test(text);
};

const naming = (site: string, receivedAt: string): IntakeRecord => filedRecord({ receivedAt, suspect: { websites: [`https://${site}/inloggen`] } });

describe('brand names in fresh domains', () => {
  it('finds the look-alikes first named this week with their reports, and not older ones, real sites or ordinary names', async () => {
    const ingReports = Array.from({ length: 6 }, (_, index) => naming('secure.ing-veilig.nl', `2026-11-${15 + (index % 6)}T09:00:00Z`));
    const raboReports = [naming('rabo-bank-verificatie.com', '2026-11-19T10:00:00Z'), naming('www.rabo-bank-verificatie.com', '2026-11-20T08:00:00Z')];
    const digid = naming('digid-inlog.net', '2026-11-14T00:30:00Z');
    // Controls: a look-alike first named three weeks ago, the bank's own site, a name that only contains "ing", and one named after the as-of day.
    const controls = [
      naming('ing-inloggen.nl', '2026-10-30T10:00:00Z'),
      naming('ing-inloggen.nl', '2026-11-18T10:00:00Z'),
      naming('www.ing.nl', '2026-11-18T10:00:00Z'),
      naming('thing.nl', '2026-11-18T10:00:00Z'),
      naming('postnl-volgen.nl', '2026-11-21T10:00:00Z'),
      naming('digid-inlog.net', '2026-11-22T09:00:00Z'),
    ];
    const temp = openTempStore();
    await temp.importRecords([...ingReports, ...raboReports, digid, ...controls]);
    const found = computeFreshBrandDomains(temp.store.sqlite, AS_OF, null, brands);
    const ids = (records: IntakeRecord[]) => records.map((record) => record.reportId);
    expect(found).toEqual([
      { domain: 'ing-veilig.nl', brand: 'ING', firstSeen: '2026-11-15', reports: 6, reportIds: ids(ingReports) },
      { domain: 'rabo-bank-verificatie.com', brand: 'Rabobank', firstSeen: '2026-11-19', reports: 2, reportIds: ids(raboReports) },
      { domain: 'digid-inlog.net', brand: 'DigiD', firstSeen: '2026-11-14', reports: 1, reportIds: ids([digid]) },
    ]);
  });

  it('on a generated store, every domain it finds is first named this week, carries a brand and is counted by its reports', async () => {
    const records = quietRecords(1000, 7);
    const temp = openTempStore();
    await temp.importRecords(records);
    const found = computeFreshBrandDomains(temp.store.sqlite, AS_OF, null, brands);
    // Independent: the records that name the domain, read from their text, and the first of them.
    expect(found.length).toBeGreaterThan(0);
    for (const entry of found) {
      const named = records.filter((record) => names(record, entry.domain));
      expect(entry.firstSeen >= '2026-11-14').toBe(true);
      expect(entry.firstSeen).toBe(named.map((record) => record.receivedAt.slice(0, 10)).sort()[0]);
      expect(entry.reports).toBe(named.length);
      expect(brands.some((brand) => brand.domains.includes(entry.domain))).toBe(false);
    }
  });
});
