/**
 * The sync state's revisions across a sign-in's engine switch: every view the controller makes — pushed as an event
 * or answered to `sync.state` — is numbered higher than every view made before it, by the station's engine, the
 * officer's, or none. The page keeps the highest (test/renderer/sync-state-order.test.ts), so a view made before the
 * new engine's first success can never replace it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStateView } from '../../shared/api/views';
import { systemClock } from '../../shared/platform/clock';
import { createApiEventBus } from '../../src-main/api/events';
import { createSyncController } from '../../src-main/app/sync-controller';
import { createHubClient } from '../../src-main/sync/hub-client';
import { openTempStore } from '../support/temp-store';
import { startSyncHub, type SyncHub } from './support/sync-hub';

let hubDir: string;
let hub: SyncHub;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sync-revisions-'));
  hub = await startSyncHub(hubDir);
});
afterAll(async () => {
  await hub.close();
  rmSync(hubDir, { recursive: true, force: true });
});


describe('the sync state’s revisions', () => {
  it('rise with every view, events and answers alike, across the switch from the station’s engine to the officer’s', async () => {
    // The station's own token, then the session the hub opens for an officer's credential: the switch a sign-in makes.
    const station = { hubUrl: hub.url, token: hub.tokens.workstations[0]!, scope: '*' as const };
    const { session } = await createHubClient({ hubUrl: hub.url, fetch }).openSession({ credential: hub.tokens.credentials['j.devries'] });
    const officer = { hubUrl: hub.url, token: session, scope: '*' as const };
    const temp = openTempStore();
    const events = createApiEventBus();
    const views: Array<{ source: 'event' | 'answer'; view: SyncStateView }> = [];
    events.subscribe((message) => {
      if (message.event === 'sync.state') views.push({ source: 'event', view: message.payload });
    });
    const sync = createSyncController({ store: temp.store, clock: systemClock, fetch, events });
    const answer = () => views.push({ source: 'answer', view: sync.link.state() });
    try {
      answer();
      await sync.connect(station, { embedded: false });
      answer();
      const switching = sync.connect(officer, { embedded: false });
      answer();
      await switching;
      answer();
      await expect.poll(() => views.some(({ view }) => view.online)).toBe(true);
      answer();

      const revisions = views.map(({ view }) => view.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(new Set(revisions).size).toBe(revisions.length);
      // Both kinds took part, and the last answer is the officer's engine online.
      expect(views.filter(({ source }) => source === 'event').length).toBeGreaterThan(2);
      expect(views.at(-1)).toMatchObject({ source: 'answer', view: { configured: true, online: true } });
    } finally {
      await sync.disconnect();
    }
  });
});
