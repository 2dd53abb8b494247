/**
 * The desktop opens the identity provider's sign-in page in the system browser — only a web address: an address
 * of another scheme (a program that claims it would start) is refused, whoever asks.
 */
import { describe, expect, it } from 'vitest';
import { openInSystemBrowser } from '../../src-main/electron/system-browser';

function recordingShell() {
  const opened: string[] = [];
  return { opened, shell: { openExternal: (url: string) => Promise.resolve(void opened.push(url)) } };
}

const warnings: string[] = [];
const logger = { info: () => undefined, warn: (event: string) => void warnings.push(event), error: () => undefined };

describe('opening the sign-in page in the system browser', () => {
  it('opens the provider’s https page, and a provider on this machine over http', () => {
    const { opened, shell } = recordingShell();
    openInSystemBrowser(shell, 'https://id.politie.nl/realms/politie/protocol/openid-connect/auth?client_id=puzzelstuk', logger);
    openInSystemBrowser(shell, 'http://127.0.0.1:8443/auth?client_id=puzzelstuk', logger);
    expect(opened).toEqual(['https://id.politie.nl/realms/politie/protocol/openid-connect/auth?client_id=puzzelstuk', 'http://127.0.0.1:8443/auth?client_id=puzzelstuk']);
  });

  it('refuses any other scheme, and plain http to another machine', () => {
    const { opened, shell } = recordingShell();
    warnings.length = 0;
    for (const url of ['file:///etc/passwd', 'smb://evil.example/share', 'javascript:alert(1)', 'http://id.politie.nl/auth', 'ms-msdt:/id PCWDiagnostic', 'geen adres']) openInSystemBrowser(shell, url, logger);
    expect(opened).toEqual([]);
    expect(warnings).toHaveLength(6);
  });
});
