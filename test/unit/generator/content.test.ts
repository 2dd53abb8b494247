import { isValidIBAN } from 'ibantools';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import type { IntakeRecord } from '../../../shared/intake/schema';
import type { GeneratorAnnotation } from '../../../src-generator';
import { compactIban, e164, filed, hostOf, plainEmail, reportsPerKey, stream, suspectList } from './stream';

/** One stream of first versions, with ground truth, for the campaign and format checks. */
const records = filed(stream(4000, { seed: 'content', annotate: true }));
const annotation = (record: IntakeRecord) => record['x-generator'] as GeneratorAnnotation;
const scenario = (name: string) => records.filter((record) => annotation(record).scenario === name);
const maxShare = (map: Map<string, Set<string>>) => Math.max(0, ...[...map.values()].map((ids) => ids.size));
const IBAN_SHAPE = /^[A-Z]{2}\d\d[A-Z0-9]{10,30}$/;
const compactText = (text: string | undefined) => (text ?? '').replace(/[\s.-]/g, '').toUpperCase();

describe('campaigns share indicators across reports', () => {
  it('a mule IBAN is hit by several victims: in suspect.bankAccounts, payments and the narrative', () => {
    const byIban = reportsPerKey(records, (record) => suspectList(record, 'bankAccounts').map(compactIban).filter((text) => IBAN_SHAPE.test(text)));
    const shared = [...byIban.entries()].filter(([, ids]) => ids.size >= 3);
    expect(shared.length).toBeGreaterThan(3);
    const [iban, ids] = shared.sort((a, b) => b[1].size - a[1].size)[0] as [string, Set<string>];
    const reports = records.filter((record) => ids.has(record.reportId));
    expect(reports.some((record) => (record.payments ?? []).some((payment) => compactIban(payment.beneficiaryAccount ?? '') === iban))).toBe(true);
    expect(reports.some((record) => compactText(record.incident?.narrative).includes(iban))).toBe(true);
    // Written differently by different victims.
    const spellings = new Set(reports.flatMap((record) => suspectList(record, 'bankAccounts').filter((entry) => compactIban(entry) === iban)));
    expect(spellings.size).toBeGreaterThan(1);
  });

  it('a phishing campaign uses several URLs on one registrable domain, sent by SMS', () => {
    const phishing = scenario('phishing');
    const byDomain = new Map<string, { reports: Set<string>; urls: Set<string> }>();
    for (const record of phishing) {
      for (const site of suspectList(record, 'websites')) {
        const domain = getDomain(hostOf(site));
        if (!domain) continue;
        const entry = byDomain.get(domain) ?? { reports: new Set(), urls: new Set() };
        entry.reports.add(record.reportId);
        entry.urls.add(site.toLowerCase().replace(/^hxxp/, 'http').replace(/\[\.\]|\(\.\)/g, '.').replace(/\[:\]/g, ':'));
        byDomain.set(domain, entry);
      }
    }
    const families = [...byDomain.values()].filter((entry) => entry.reports.size >= 3 && entry.urls.size >= 3);
    expect(families.length).toBeGreaterThan(0);
    expect(phishing.filter((record) => record.incident?.contactMethod === 'sms').length / phishing.length).toBeGreaterThan(0.5);
  });

  it('a "friend in need" WhatsApp number recurs across WhatsApp-fraud reports', () => {
    const byPhone = reportsPerKey(scenario('whatsapp_fraud'), (record) => suspectList(record, 'phoneNumbers').flatMap((text) => e164(text) ?? []));
    expect(maxShare(byPhone)).toBeGreaterThanOrEqual(3);
  });

  it('ransomware and sextortion campaigns share BTC wallets; ransomware groups share contact e-mail', () => {
    const sextortionWallets = reportsPerKey(scenario('sextortion'), (record) => suspectList(record, 'cryptoAddresses').map((text) => text.trim().replace(/^bitcoin:/, '')));
    expect(maxShare(sextortionWallets)).toBeGreaterThanOrEqual(3);
    const ransomware = scenario('ransomware');
    const ransomWallets = reportsPerKey(ransomware, (record) => suspectList(record, 'cryptoAddresses').map((text) => text.trim().replace(/^bitcoin:/, '')));
    expect(maxShare(ransomWallets)).toBeGreaterThanOrEqual(2);
    const ransomMail = reportsPerKey(ransomware, (record) => suspectList(record, 'emailAddresses').map(plainEmail));
    expect(maxShare(ransomMail)).toBeGreaterThanOrEqual(2);
  });

  it('helpdesk fraud shares AnyDesk IDs and foreign phone numbers', () => {
    const helpdesk = scenario('helpdesk_fraud');
    const byRemote = reportsPerKey(helpdesk, (record) => (record.remoteAccess?.id ? [record.remoteAccess.id.replace(/\D/g, '')] : []));
    expect(maxShare(byRemote)).toBeGreaterThanOrEqual(3);
    const foreign = helpdesk.filter((record) => suspectList(record, 'phoneNumbers').some((text) => (e164(text) ?? '+31').slice(0, 3) !== '+31'));
    expect(foreign.length / helpdesk.length).toBeGreaterThan(0.3);
  });

  it('marketplace sellers reuse IBANs and numbers; fake webshops recur by domain', () => {
    const market = scenario('marketplace_fraud');
    expect(maxShare(reportsPerKey(market, (record) => suspectList(record, 'phoneNumbers').flatMap((text) => e164(text) ?? [])))).toBeGreaterThanOrEqual(3);
    expect(maxShare(reportsPerKey(market, (record) => suspectList(record, 'bankAccounts').map(compactIban).filter((text) => IBAN_SHAPE.test(text))))).toBeGreaterThanOrEqual(3);
    const shops = reportsPerKey(scenario('webshop_fraud'), (record) =>
      suspectList(record, 'websites').flatMap((site) => {
        const domain = getDomain(hostOf(site));
        return domain ? [domain] : [];
      }),
    );
    expect(maxShare(shops)).toBeGreaterThanOrEqual(3);
  });
});

describe('campaign sizes and unlinked reports', () => {
  it('follow a power law: many small campaigns, a few large ones', () => {
    const sizes = new Map<string, number>();
    for (const record of records) {
      const { campaign } = annotation(record);
      if (campaign) sizes.set(campaign, (sizes.get(campaign) ?? 0) + 1);
    }
    const values = [...sizes.values()].sort((a, b) => a - b);
    expect(values.length).toBeGreaterThan(100);
    const small = values.filter((size) => size <= 3).length;
    const large = values.filter((size) => size >= 10).length;
    expect(small / values.length).toBeGreaterThan(0.5);
    expect(large).toBeGreaterThan(0);
    expect(large).toBeLessThan(small / 4);
    expect(values[values.length - 1]).toBeGreaterThanOrEqual(20);
  });

  it('leave many reports outside any campaign, with indicators of their own', () => {
    const loners = records.filter((record) => annotation(record).campaign === null && annotation(record).muleCampaign === null);
    expect(loners.length / records.length).toBeGreaterThan(0.25);
    expect(loners.length / records.length).toBeLessThan(0.7);
    const phones = reportsPerKey(records, (record) => suspectList(record, 'phoneNumbers').flatMap((text) => e164(text) ?? []));
    const own = loners.flatMap((record) => suspectList(record, 'phoneNumbers').flatMap((text) => e164(text) ?? []));
    const unique = own.filter((phone) => (phones.get(phone)?.size ?? 0) === 1 || !/^\+31[1-9]/.test(phone) || phone.startsWith('+3197'));
    // Apart from spoofed bank numbers (benign), a loner's numbers are its own.
    const spoofed = new Set(['+31202288800', '+31887226767', '+319000024', '+31306333000', '+31703569335', '+31208082450']);
    expect(own.filter((phone) => !spoofed.has(phone)).every((phone) => unique.includes(phone))).toBe(true);
  });

  it("never use a reporter's own phone or e-mail as another report's suspect indicator", () => {
    const suspectPhones = new Set(records.flatMap((record) => suspectList(record, 'phoneNumbers').flatMap((text) => e164(text) ?? [])));
    const suspectMails = reportsPerKey(records, (record) => suspectList(record, 'emailAddresses').map(plainEmail));
    let checked = 0;
    for (const record of records) {
      const phone = record.reporter?.phone ? e164(record.reporter.phone) : undefined;
      if (phone) {
        checked += 1;
        expect(suspectPhones.has(phone), `${record.reportId} ${phone}`).toBe(false);
      }
      const email = record.reporter?.email?.toLowerCase();
      if (email) {
        const others = [...(suspectMails.get(email) ?? [])].filter((id) => id !== record.reportId);
        expect(others, `${record.reportId} ${email}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(records.length / 2);
  });
});

const all = (field: Parameters<typeof suspectList>[1]) => records.flatMap((record) => suspectList(record, field));
const narratives = records.map((record) => record.incident?.narrative ?? '').join('\n');

describe('messy formats, as victims type them', () => {
  it('phone numbers in every notation of the contract', () => {
    const phones = all('phoneNumbers');
    for (const pattern of [/^06-\d{8}$/, /^\+31 \(0\)6 \d{4} \d{4}$/, /^00316\d{8}$/, /^06( \d\d){4}$/, /^\+316\d{8}$/, /^\+44 /, /^\+1 \(\d{3}\) \d{3}-\d{4}$/]) {
      expect(phones.some((phone) => pattern.test(phone)), String(pattern)).toBe(true);
    }
    // Nearly all that look like numbers normalise to a valid E.164 number.
    const numeric = phones.filter((phone) => /^[+(0]/.test(phone) && /\d{6}/.test(phone.replace(/\D/g, '')));
    expect(numeric.filter((phone) => e164(phone) !== undefined).length / numeric.length).toBeGreaterThan(0.97);
  });

  it('IBANs grouped, lower case, compact — valid, plus a few deliberate typos', () => {
    const accounts = all('bankAccounts');
    expect(accounts.some((text) => /^[a-z]{2}\d\d [a-z]{4}( \d{4}){2} \d\d$/.test(text))).toBe(true);
    expect(accounts.some((text) => /^NL\d\d [A-Z]{4}( \d{4}){2} \d\d$/.test(text))).toBe(true);
    expect(accounts.some((text) => /^NL\d\d[A-Z]{4}\d{10}$/.test(text))).toBe(true);
    const ibanLike = accounts.map(compactIban).filter((text) => /^[A-Z]{2}\d\d[A-Z0-9]{10,30}$/.test(text));
    const invalid = ibanLike.filter((text) => !isValidIBAN(text));
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.length / ibanLike.length).toBeLessThan(0.08);
    const banks = new Set(ibanLike.filter((text) => text.startsWith('NL') && isValidIBAN(text)).map((text) => text.slice(4, 8)));
    expect([...banks].sort()).toEqual(['ABNA', 'ASNB', 'BUNQ', 'INGB', 'KNAB', 'RABO', 'RBRB', 'SNSB', 'TRIO']);
    const countries = new Set(ibanLike.filter((text) => isValidIBAN(text)).map((text) => text.slice(0, 2)));
    expect(countries).toEqual(new Set(['NL', 'DE', 'BE', 'LT']));
  });

  it('defanged URLs and obfuscated e-mail addresses', () => {
    const sites = all('websites');
    expect(sites.some((text) => /^hxxps?:\/\/[^ ]*\[\.\]/.test(text))).toBe(true);
    expect(sites.some((text) => /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\/\S+$/.test(text))).toBe(true);
    expect(sites.some((text) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text))).toBe(true);
    const mails = all('emailAddresses');
    expect(mails.some((text) => /\[at\].*\[dot\]/.test(text))).toBe(true);
    expect(mails.some((text) => /^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/.test(text))).toBe(true);
    expect(mails.some((text) => /[A-Z]/.test(text) && plainEmail(text) === text.toLowerCase())).toBe(true);
  });

  it('junk and duplicates in suspect lists', () => {
    expect(all('names')).toEqual(expect.arrayContaining(['weet ik niet', '-']));
    expect(records.some((record) => suspectList(record, 'phoneNumbers').some((text) => suspectList(record, 'names').includes(text)))).toBe(true);
    const withDuplicate = records.filter((record) => {
      const phones = suspectList(record, 'phoneNumbers').flatMap((text) => e164(text) ?? []);
      const ibans = suspectList(record, 'bankAccounts').map(compactIban);
      return new Set(phones).size < phones.length || new Set(ibans).size < ibans.length;
    });
    expect(withDuplicate.length).toBeGreaterThan(10);
  });

  it('crypto addresses: BTC legacy and bech32, TRX, ETH in mixed case', () => {
    const wallets = all('cryptoAddresses').map((text) => text.trim().replace(/^bitcoin:/, ''));
    expect(wallets.some((text) => /^bc1q[02-9ac-hj-np-z]{38}$/.test(text))).toBe(true);
    expect(wallets.some((text) => /^1[1-9A-HJ-NP-Za-km-z]{25,34}$/.test(text))).toBe(true);
    expect(wallets.some((text) => /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text))).toBe(true);
    expect(wallets.some((text) => /^0x(?=.*[a-f])(?=.*[A-F])[0-9a-fA-F]{40}$/.test(text))).toBe(true);
  });

  it('benign mentions: spoofed bank numbers, the police number, marketplace and webmail domains', () => {
    expect(narratives).toMatch(/020[ -]?22 ?888 ?00|020-2288800/);
    expect(narratives).toMatch(/088[ -]722 ?67 ?67/);
    expect(narratives).toMatch(/0900[ -]?0024/);
    expect(narratives).toMatch(/0900[ -]?8844/);
    expect(narratives).toContain('marktplaats.nl');
    const mails = all('emailAddresses').map(plainEmail);
    expect(mails.some((mail) => mail.endsWith('@gmail.com'))).toBe(true);
    expect(mails.some((mail) => mail.endsWith('@hotmail.com'))).toBe(true);
  });
});
