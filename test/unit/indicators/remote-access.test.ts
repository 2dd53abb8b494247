import { describe, expect, it } from 'vitest';
import { normalizeRemoteAccess, normalizeRemoteAccessPair, remoteAccessTool } from '../../../shared/indicators/normalize/remote-access';

describe('normalizeRemoteAccessPair (the record field)', () => {
  it.each([
    ['AnyDesk', '123 456 789', 'anydesk:123456789'],
    ['AnyDesk', '123456789', 'anydesk:123456789'],
    ['AnyDesk', '123-456-789', 'anydesk:123456789'],
    ['AnyDesk', ' 1 234 567 890 ', 'anydesk:1234567890'],
    ['TeamViewer', '1 234 567 890', 'teamviewer:1234567890'],
    ['TeamViewer', '987 654 321', 'teamviewer:987654321'],
    ['QuickSupport', '987 654 321', 'quicksupport:987654321'],
    ['RustDesk', '123 456 789', 'rustdesk:123456789'],
    ['RustDesk', 'Helpdesk77', 'rustdesk:helpdesk77'],
    ['other', 'ABC 123 XYZ', 'other:abc123xyz'],
  ])('%s %s → %s', (tool, id, expected) => {
    expect(normalizeRemoteAccessPair(tool, id)).toEqual({ value: expected, enrichment: { network: expected.split(':')[0] } });
  });

  it.each([
    ['AnyDesk', ''],
    ['AnyDesk', '123'],
    ['AnyDesk', '12 34 56'],
    ['AnyDesk', '0123456789'], // IDs do not start with 0
    ['AnyDesk', '123 456 789 012 345'],
    ['AnyDesk', 'helpdesk@ad'], // aliases are not IDs
    ['TeamViewer', 'abc def ghi'],
    ['RustDesk', 'ab'],
    ['Zoom', '123 456 789'],
  ])('rejects %s %j', (tool, id) => {
    expect(normalizeRemoteAccessPair(tool, id)).toBeNull();
  });
});

describe('normalizeRemoteAccess (written with the tool)', () => {
  it.each([
    ['AnyDesk 123 456 789', 'anydesk:123456789'],
    ['anydesk:123456789', 'anydesk:123456789'],
    ['AnyDesk-code 482 193 557', 'anydesk:482193557'],
    ['AnyDesk code: 482 193 557', 'anydesk:482193557'],
    ['Any Desk ID 482193557', 'anydesk:482193557'],
    ['TeamViewer ID: 1 234 567 890', 'teamviewer:1234567890'],
    ['teamviewer nr. 987 654 321', 'teamviewer:987654321'],
    ['TeamViewer QuickSupport 987654321', 'quicksupport:987654321'],
    ['RustDesk 123 456 789', 'rustdesk:123456789'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeRemoteAccess(raw)?.value).toBe(expected);
  });

  it.each([['123 456 789'], ['AnyDesk'], ['Zoom 123 456 789'], ['AnyDesk 12'], ['ik heb AnyDesk 123 456 789 geïnstalleerd']])(
    'rejects %j',
    (raw) => {
      expect(normalizeRemoteAccess(raw)).toBeNull();
    },
  );
});

describe('remoteAccessTool', () => {
  it('knows the contract tools in any spelling', () => {
    expect(remoteAccessTool('AnyDesk')).toBe('anydesk');
    expect(remoteAccessTool('Any Desk')).toBe('anydesk');
    expect(remoteAccessTool('TEAMVIEWER')).toBe('teamviewer');
    expect(remoteAccessTool('QuickSupport')).toBe('quicksupport');
    expect(remoteAccessTool('RustDesk')).toBe('rustdesk');
    expect(remoteAccessTool('other')).toBe('other');
    expect(remoteAccessTool('Zoom')).toBeNull();
  });
});
