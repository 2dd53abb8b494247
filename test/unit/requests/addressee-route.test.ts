import { describe, expect, it } from 'vitest';
import type { DirectoryEntryView } from '../../../shared/requests/directory';
import type { RequestKind } from '../../../shared/requests/lifecycle';
import type { IndicatorType } from '../../../shared/indicators/types';
import { routeSubject } from '../../../src-main/requests/request-subject';
import { deriveAddressee } from '../../../src-main/requests/addressee-route';
import { defaultDirectoryEntries } from '../../../src-main/requests/directory-seed';
import { IBANS } from '../../support/records';

const directory: DirectoryEntryView[] = defaultDirectoryEntries().map((entry) => ({ ...entry, updatedBy: 'system:defaults', updatedAt: '2026-01-01T00:00:00Z' }));
const kindOf = (id: string | undefined) => directory.find((entry) => entry.id === id)?.kind;

function route(kind: RequestKind, type: IndicatorType | null, value: string | null, entries: readonly DirectoryEntryView[] = directory) {
  return deriveAddressee(routeSubject(kind, type && value ? { type, value } : null), entries);
}

describe('addressee of a bank block', () => {
  it.each([
    [IBANS.muleA, 'ABNA', 'bank.abn-amro'],
    [IBANS.muleB, 'INGB', 'bank.ing'],
    [IBANS.muleC, 'RABO', 'bank.rabobank'],
    [IBANS.muleD, 'BUNQ', 'bank.bunq'],
  ])('a Dutch IBAN %s goes to the bank of code %s', (iban, code, bankId) => {
    const result = route('bank_block', 'iban', iban);
    expect(result.suggestedId).toBe(bankId);
    expect(result.optionIds[0]).toBe(bankId);
    expect(result.optionIds.every((id) => kindOf(id) === 'bank')).toBe(true);
    expect(result.explanation).toContain(code);
    expect(result).toMatchObject({ country: 'NL', viaLiaison: false, phoneKind: null });
  });

  it('sends SNS, ASN and RegioBank accounts to de Volksbank', () => {
    for (const iban of ['NL12SNSB0123456789', 'NL57ASNB0123456789', 'NL32RBRB0123456789']) {
      expect(route('bank_block', 'iban', iban).suggestedId, iban).toBe('bank.volksbank');
    }
  });

  it('lets the officer choose when the bank code is not in the directory', () => {
    const result = route('bank_block', 'iban', 'NL23AEGO0123456789');
    expect(result.suggestedId).toBeNull();
    expect(result.optionIds.length).toBeGreaterThan(5);
    expect(result.explanation).toContain('AEGO');
    expect(result.explanation).toContain('Aegon Bank');
  });

  it('sends a foreign IBAN through the liaison route and shows the country', () => {
    const result = route('bank_block', 'iban', 'DE89370400440532013000');
    expect(result).toMatchObject({ suggestedId: 'liaison.lirc', country: 'DE', viaLiaison: true });
    expect(result.explanation).toContain('(DE)');
  });

  it('prefers a liaison entry for the very country over the catch-all', () => {
    const belgianDesk: DirectoryEntryView = { ...directory.find((entry) => entry.id === 'liaison.lirc')!, id: 'liaison.be', name: 'Liaison België', countries: ['BE'] };
    expect(route('bank_block', 'iban', 'BE68539007547034', [...directory, belgianDesk]).suggestedId).toBe('liaison.be');
    expect(route('bank_block', 'iban', 'DE89370400440532013000', [...directory, belgianDesk]).suggestedId).toBe('liaison.lirc');
  });

  it('says so when the directory has no liaison route', () => {
    const result = route('bank_block', 'iban', 'DE89370400440532013000', directory.filter((entry) => entry.kind !== 'liaison'));
    expect(result.suggestedId).toBeNull();
    expect(result.explanation).toMatch(/geen internationale route/);
  });
});

describe('addressee of a phone block', () => {
  it.each([
    ['+31612345678', 'mobile', 'mobiel'],
    ['+31881234567', 'uan', '088'],
    ['+31900123456', 'premium_rate', '0900'],
    ['+31851234567', 'voip', 'VoIP'],
  ])('shows the kind of Dutch number %s (%s) and lets the officer choose the operator', (phone, kind, word) => {
    const result = route('phone_block', 'phone', phone);
    expect(result).toMatchObject({ suggestedId: null, country: 'NL', phoneKind: kind, viaLiaison: false });
    expect(result.optionIds.length).toBeGreaterThan(3);
    expect(result.optionIds.every((id) => kindOf(id) === 'operator')).toBe(true);
    expect(result.explanation).toContain(word);
  });

  it('sends a foreign number through the liaison route', () => {
    const result = route('phone_block', 'phone', '+4915123456789');
    expect(result).toMatchObject({ suggestedId: 'liaison.lirc', country: 'DE', phoneKind: 'mobile', viaLiaison: true });
  });
});

describe('addressee of a takedown', () => {
  it('sends a .nl domain and a URL on it to SIDN, with registrars and hosters as alternatives', () => {
    for (const [type, value] of [['domain', 'ing-verificatie.nl'], ['url', 'https://secure.ing-verificatie.nl/login']] as const) {
      const result = route('domain_takedown', type, value);
      expect(result.suggestedId, value).toBe('registry.sidn');
      expect(result.explanation).toContain('ing-verificatie.nl');
      expect(result.optionIds.slice(1).every((id) => kindOf(id) === 'registrar' || kindOf(id) === 'hoster')).toBe(true);
    }
  });

  it('lets the officer choose the registrar or hoster of another domain', () => {
    const result = route('domain_takedown', 'domain', 'pakket-bezorging.com');
    expect(result.suggestedId).toBeNull();
    expect(result.optionIds).toContain('registrar.namecheap');
    expect(result.optionIds).not.toContain('registry.sidn');
    expect(result.explanation).toMatch(/geen \.nl-domein/);
  });

  it('sends a site on a shared platform to that platform', () => {
    expect(route('domain_takedown', 'url', 'https://ing-login.web.app/').suggestedId).toBe('hoster.google');
    expect(route('domain_takedown', 'domain', 'rabo-check.github.io').suggestedId).toBe('hoster.github');
  });

  it('asks for the hoster of a URL on an IP address', () => {
    const result = route('domain_takedown', 'url', 'http://185.12.34.56/ing/');
    expect(result.suggestedId).toBeNull();
    expect(result.explanation).toContain('IP-adres');
  });
});

describe('addressee of abuse reports', () => {
  it.each([
    ['anydesk:123456789', 'remote.anydesk'],
    ['teamviewer:1234567890', 'remote.teamviewer'],
    ['quicksupport:1234567890', 'remote.teamviewer'],
    ['rustdesk:abc123def', 'remote.rustdesk'],
  ])('a remote-access ID %s goes to %s', (value, providerId) => {
    expect(route('remote_access_abuse', 'remote_access', value).suggestedId).toBe(providerId);
  });

  it('has no provider for a tool it does not know', () => {
    const result = route('remote_access_abuse', 'remote_access', 'other:abc12345');
    expect(result.suggestedId).toBeNull();
    expect(result.optionIds.every((id) => kindOf(id) === 'remote_access_provider')).toBe(true);
  });

  it.each([
    ['helpdesk.ing@gmail.com', 'mail.google'],
    ['klantenservice@hotmail.com', 'mail.microsoft'],
    ['pakketdienst@ziggo.nl', 'mail.ziggo'],
    ['support@kpnmail.nl', 'mail.kpn'],
  ])('an e-mail address %s goes to its provider %s', (value, providerId) => {
    expect(route('email_abuse', 'email', value).suggestedId).toBe(providerId);
  });

  it('offers the hosters for an address on an unknown domain', () => {
    const result = route('email_abuse', 'email', 'info@veilig-bankieren-nl.com');
    expect(result.suggestedId).toBeNull();
    expect(kindOf(result.optionIds[0])).toMatch(/hoster|registrar/);
    expect(result.explanation).toContain('veilig-bankieren-nl.com');
  });
});

describe('addressee of a crypto flag and a prevention warning', () => {
  it('offers the exchanges that handle the chain', () => {
    const result = route('crypto_flag', 'crypto', 'btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    expect(result.suggestedId).toBeNull();
    expect(new Set(result.optionIds)).toEqual(new Set(['exchange.bitvavo', 'exchange.coinbase', 'exchange.binance', 'exchange.kraken', 'exchange.bitonic']));
  });

  it('suggests the one exchange when only one handles the chain', () => {
    const xmr = 'xmr:44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';
    expect(route('crypto_flag', 'crypto', xmr)).toMatchObject({ suggestedId: 'exchange.kraken', optionIds: ['exchange.kraken'] });
  });

  it('sends a prevention warning to the communication desk', () => {
    const result = route('prevention_warning', null, null);
    expect(result.suggestedId).toBe('communication.preventie');
    expect(result.optionIds.every((id) => kindOf(id) === 'communication')).toBe(true);
  });
});
