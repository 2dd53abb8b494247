/** The embedded demo hub registers the demo officers, so it enforces their roles as a real hub would. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HubErrorBody, OfficersResponse, WhoamiResponse } from '../../shared/hub/protocol';
import { enrollDemoOfficers, startEmbeddedHub } from '../../src-main/app/embedded-hub';
import { DEMO_OFFICERS } from '../../src-main/app/officers';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { HUB_MIGRATIONS_FOLDER } from '../../src-hub/db/migrate';
import { silentLogger } from '../../shared/platform/logger';
import { systemClock } from '../../shared/platform/clock';
import { tempDir } from '../support/temp-store';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { signingKeyOf, signMutation } from '../../src-main/mutations/officer-signing';

describe('the embedded demo hub', () => {
  it('has the demo officers in its registry, enrolls their keys, and takes only their signed changes from the shared token', async () => {
    const dir = tempDir();
    const secrets = createFileSecretStore(`${dir}/secrets.json`, { keepsStoreKey: true });
    const hub = await startEmbeddedHub({ dataDir: `${dir}/hub`, migrationsFolder: HUB_MIGRATIONS_FOLDER, secrets, clock: systemClock, logger: silentLogger });
    try {
      const get = async <T>(path: string) => (await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${hub.workstationToken}` } })).json() as Promise<T>;
      expect((await get<OfficersResponse>('/v1/officers')).officers).toEqual(
        [...DEMO_OFFICERS].sort((a, b) => a.id.localeCompare(b.id)).map((officer) => ({ ...officer, active: true })),
      );
      expect((await get<WhoamiResponse>('/v1/whoami')).officer).toBeNull();

      const store = openCaseStore({ clock: systemClock, path: `${dir}/ws.db` });
      await enrollDemoOfficers(store, hub, systemClock);
      const push = (officer: string, signed = true) => {
        const mutation: AnyMutation = { id: randomUUID(), kind: 'routing.remove', officer, at: '2026-11-02T09:00:00Z', payload: { ruleId: 'hoge-schade' } };
        return fetch(`${hub.url}/v1/mutations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${hub.workstationToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ mutations: [signed ? signMutation(mutation, signingKeyOf(store.sqlite, officer)!) : mutation] }),
        });
      };
      try {
        const refused = await push('s.bakker');
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as HubErrorBody).error.message).toMatch(/only a supervisor may change the routing rules/);
        const unsigned = await push('r.dekker', false);
        expect(unsigned.status).toBe(403);
        expect(((await unsigned.json()) as HubErrorBody).error.message).toMatch(/a shared workstation token cannot push an unsigned change/);
        expect((await push('r.dekker')).status).toBe(200);
      } finally {
        store.close();
      }
    } finally {
      await hub.close();
    }
  }, 120_000);
});
