/**
 * The police-account sign-in's loopback listener serves only connections whose local user it can tell
 * (src-main/app/oidc-loopback.ts). Where Linux's socket tables cannot be read, no connection could ever pass: the
 * sign-in is refused at once with a code the screen translates, and the log says why — without the sign-in's secrets.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import type { LogFields, Logger } from '../../../shared/platform/logger';
import { listenForRedirect } from '../../../src-main/app/oidc-loopback';
import en from '../../../src-renderer/i18n/en.json';
import nl from '../../../src-renderer/i18n/nl.json';

const STATE = 'staat-van-deze-aanmelding-0123456789abcdef';

function recorder() {
  const lines: Array<{ level: string; event: string; fields: LogFields | undefined }> = [];
  const logger: Logger = {
    info: (event, fields) => void lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => void lines.push({ level: 'warn', event, fields }),
    error: (event, fields) => void lines.push({ level: 'error', event, fields }),
  };
  return { logger, lines };
}

describe.runIf(process.platform === 'linux')('a police-account sign-in where the owner of its connections cannot be told (Linux)', () => {
  it('is refused at once, saying why, with a line in the log that names the tables and nothing of the sign-in', async () => {
    const { logger, lines } = recorder();
    const refused = listenForRedirect(STATE, { logger, procNet: '/nonexistent/proc/net' });
    await expect(refused).rejects.toMatchObject({ code: 'OWNER_CHECK_UNAVAILABLE', message: expect.stringContaining('/nonexistent/proc/net/tcp and tcp6 cannot be read (ENOENT)') as unknown });
    await expect(refused).rejects.toThrow(/officer id and access code/);
    expect(lines).toEqual([{ level: 'warn', event: 'sign_in.owner_check_unavailable', fields: { reason: '/nonexistent/proc/net/tcp and tcp6 cannot be read (ENOENT)' } }]);
    expect(JSON.stringify(lines)).not.toContain(STATE);
  });

  it('listens where the tables can be read (the honest twin), and logs nothing', async () => {
    const { logger, lines } = recorder();
    const loopback = await listenForRedirect(STATE, { logger });
    try {
      expect(loopback.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      expect(lines).toEqual([]);
    } finally {
      loopback.abandon(new Error('test over'));
    }
  });

  it('has its code translated on the screen, in Dutch and English', () => {
    expect(ERROR_CODES).toContain('OWNER_CHECK_UNAVAILABLE');
    for (const messages of [en, nl]) expect((messages.errors as Record<string, string>).OWNER_CHECK_UNAVAILABLE).toMatch(/\w/);
  });
});
