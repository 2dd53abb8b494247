/**
 * The sync state's revisions across a sign-in's engine switch: every view the controller makes — pushed as an event
 * or answered to `sync.state` — is numbered higher than every view made before it, by the station's engine, the
 * officer's, or none. The page keeps the highest (test/renderer/sync-state-order.test.ts), so a view made before the
 * new engine's first success can never replace it.
 */
import { describe, expect, it } from 'vitest';
import type { SyncStateView } from '../../shared/api/views';
import { systemClock } from '../../shared/platform/clock';
import { createApiEventBus } from '../../src-main/api/events';
import { createSyncController } from '../../src-main/app/sync-controller';
import { openTempStore } from '../support/temp-store';
import { FakeHub } from './support/fake-hub';

const HUB = 'http://127.0.0.1:9';
const STATION = { hubUrl: HUB, token: 'STATION-TOKEN', scope: '*' as const };
const OFFICER = { hubUrl: HUB, token: 'OFFICER-SESSION', scope: '*' as const };


describe('the sync state’s revisions', () => {
  it('rise with every view, events and answers alike, across the switch from the station’s engine to the officer’s', async () => {
    const temp = openTempStore();
    const events = createApiEventBus();
    const views: Array<{ source: 'event' | 'answer'; view: SyncStateView }> = [];
    events.subscribe((message) => {
      if (message.event === 'sync.state') views.push({ source: 'event', view: message.payload });
    });
    const sync = createSyncController({ store: temp.store, clock: systemClock, fetch: new FakeHub().fetch, events });
    const answer = () => views.push({ source: 'answer', view: sync.link.state() });
    try {
      answer();
      await sync.connect(STATION, { embedded: false });
      answer();
      const switching = sync.connect(OFFICER, { embedded: false });
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
