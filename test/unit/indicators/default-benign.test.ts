import { describe, expect, it } from 'vitest';
import { INDICATOR_TYPES, type IndicatorType } from '../../../shared/indicators/types';
import defaults from '../../../src-main/indicators/default-benign.json';
import { normalizeIndicator } from '../../../shared/indicators/normalize';

interface BenignEntry {
  type: IndicatorType;
  value: string;
  reason: string;
}
const entries = defaults as BenignEntry[];
const has = (type: IndicatorType, value: string) => entries.some((entry) => entry.type === type && entry.value === value);

describe('default-benign.json', () => {
  it('has only known types, a reason for each entry and no duplicates', () => {
    expect(entries.length).toBeGreaterThan(50);
    const keys = new Set<string>();
    for (const entry of entries) {
      expect(INDICATOR_TYPES).toContain(entry.type);
      expect(entry.reason.trim().length, `${entry.type} ${entry.value}`).toBeGreaterThan(10);
      expect(Object.keys(entry).filter((key) => key !== 'coversUrls').sort()).toEqual(['reason', 'type', 'value']);
      if ('coversUrls' in entry) expect(entry.type).toBe('domain');
      const key = `${entry.type} ${entry.value}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
    }
  });

  it.each(entries.map((entry) => [entry.type, entry.value] as const))('%s %s is in canonical form', (type, value) => {
    expect(normalizeIndicator(type, value)?.value).toBe(value);
  });

  it('covers what the contract names: spoofed bank numbers, police numbers, webmail, marketplaces, government', () => {
    const phone = (raw: string) => normalizeIndicator('phone', raw)!.value;
    for (const raw of ['020 22 888 00', '088 722 67 67', '0900 0024', '+31 10 241 1720', '0900-8844', '0800-7000', '088-786 73 72']) {
      expect(has('phone', phone(raw)), raw).toBe(true);
    }
    for (const domain of [
      'ing.nl',
      'rabobank.nl',
      'abnamro.nl',
      'snsbank.nl',
      'asnbank.nl',
      'regiobank.nl',
      'bunq.com',
      'knab.nl',
      'triodos.nl',
      'overheid.nl',
      'rijksoverheid.nl',
      'belastingdienst.nl',
      'digid.nl',
      'politie.nl',
      'mijnoverheid.nl',
      'gmail.com',
      'hotmail.com',
      'outlook.com',
      'live.nl',
      'ziggo.nl',
      'kpnmail.nl',
      'icloud.com',
      'yahoo.com',
      'protonmail.com',
      'marktplaats.nl',
      '2dehands.be',
      'facebook.com',
      'whatsapp.com',
      'instagram.com',
      'microsoft.com',
      'anydesk.com',
      'teamviewer.com',
      'bol.com',
      'google.com',
    ]) {
      expect(has('domain', domain), domain).toBe(true);
    }
  });

  it('lists webmail domains, never the addresses on them', () => {
    // protonmail.com as a domain is benign; recovery.team@protonmail.com stays an e-mail indicator.
    // Only institutions' own addresses that victims write to themselves are benign e-mails.
    const benignEmails = entries.filter((entry) => entry.type === 'email').map((entry) => entry.value);
    expect(benignEmails.sort()).toEqual(['support@whatsapp.com', 'valse-sms@fraudehelpdesk.nl']);
    expect(normalizeIndicator('email', 'recovery.team@protonmail.com')?.value).toBe('recovery.team@protonmail.com');
  });
});
