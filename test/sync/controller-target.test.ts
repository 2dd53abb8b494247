/**
 * The hub's questions (seen elsewhere, the Logboek, supervisors' lists) go with the token of the connection asked
 * for last, also while the engine of the one before is still ending: right after a sign-in, an officer's question is
 * never asked (and logged on the hub) under the station's token. The twin: before the switch, the station asks.
 */
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { createApiEventBus } from '../../src-main/api/events';
import { createSyncController } from '../../src-main/app/sync-controller';
import { openTempStore } from '../support/temp-store';

const HUB = 'http://127.0.0.1:9';
const STATION = { hubUrl: HUB, token: 'STATION-TOKEN', scope: '*' as const };
const OFFICER = { hubUrl: HUB, token: 'OFFICER-SESSION', scope: '*' as const };

/** A hub that answers "seen elsewhere" at once and holds every other request until it is cancelled. */
function recordingHub() {
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/indicators/elsewhere')) {
      asked.push(new Headers(init?.headers).get('authorization') ?? '');
      return Promise.resolve(Response.json({ type: 'iban', value: 'NL91ABNA0417164300', total: 0, regions: [] }));
    }
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('cancelled')), { once: true }));
  };
  return { asked, fetch };
}

describe('the sync controller’s target for questions to the hub', () => {
  it('asks with the token connected to last, before the previous engine has ended; the station before the switch', async () => {
    const temp = openTempStore();
    const hub = recordingHub();
    const sync = createSyncController({ store: temp.store, clock: systemClock, fetch: hub.fetch, events: createApiEventBus() });
    try {
      await sync.connect(STATION, { embedded: false });
      await sync.link.seenElsewhere('iban', 'NL91ABNA0417164300', 's.bakker');
      const switching = sync.connect(OFFICER, { embedded: false });
      await sync.link.seenElsewhere('iban', 'NL91ABNA0417164300', 's.bakker');
      await switching;
      await sync.link.seenElsewhere('iban', 'NL91ABNA0417164300', 's.bakker');
      expect(hub.asked).toEqual(['Bearer STATION-TOKEN', 'Bearer OFFICER-SESSION', 'Bearer OFFICER-SESSION']);
    } finally {
      await sync.disconnect();
    }
  });
});
