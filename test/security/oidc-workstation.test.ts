/**
 * Issue 14 §1, signing in with a police account at the workstation: the authorization code flow with PKCE against
 * a real identity provider (`oidc-provider` in-process) and a real hub, through the workstation's own composition
 * root. The honest flow signs the linked officer in with the hub's session; every attack beside it — a callback
 * of another sign-in, a replayed code, a token for another application, an unlinked or deactivated subject, and
 * the loopback's login CSRF (another local user's own code brought to the listener with this sign-in's state, the
 * start page taken from the browser's command line — opened twice, or first by another local user — another
 * officer's account where the officer at the screen signs in again) — is refused, and nobody is signed in.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api/result';
import type { EventMessage } from '../../shared/api/wire';
import { systemClock } from '../../shared/platform/clock';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation } from '../../src-main/app/workstation';
import { FIRST_FRAME_HOLD_CAP_MS } from '../../src-main/app/sync-controller';
import { PULL_HOLD_CAP_MS } from '../../src-main/sync/pull-hold';
import { filedRecord } from '../support/records';
import { setOidcSubject } from '../../src-hub/officers/registry';
import { authorizeInBrowser, beginInBrowser, startOidcProvider, type BrowserSentBack, type TestOidcProvider } from '../support/oidc-provider';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';
import { tempDir } from '../support/temp-store';
import { closedPort } from '../support/ports';
import { NOBODY, openAsUser } from '../support/open-as-user';
import { retentionNeverDue } from '../support/retention-timers';

const CLIENT_ID = 'puzzelstuk';
const OTHER_APP = 'roosterapp';
const QUEUE = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 5 };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
/** A local user's flood of the loopback listener: a few thousand connections held open. */
const FLOODING_CONNECTIONS = 3_000;


/** The workstation's own fetch, counting how often it asks the hub where officers sign in. */
function offerAsksCounted(): { fetch: typeof fetch; asked: () => number } {
  let asked = 0;
  return {
    fetch: (input, init) => {
      if ((input instanceof Request ? input.url : String(input)).endsWith('/v1/auth/oidc')) asked += 1;
      return fetch(input, init);
    },
    asked: () => asked,
  };
}

/** The listening servers of this process: the hubs', the provider's, and any loopback listener of a sign-in. */
const listeningServers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap').length;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A sign-in's own: the listener's port, and the state, nonce and PKCE challenge its start page sends the browser on with. */
function secretsIn(providerUrl: URL) {
  const asked = (name: string) => providerUrl.searchParams.get(name);
  return { port: new URL(asked('redirect_uri')!).port, state: asked('state'), nonce: asked('nonce'), challenge: asked('code_challenge') };
}

/** The workstation's fetch with the hub's identity provider offer replaced, as a tampered answer would be. */
function offerReplacedBy(offer: { issuer: string; clientId: string }): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/v1/auth/oidc')) return Promise.resolve(Response.json(offer));
    return fetch(input, init);
  };
}

describe('signing in with a police account at the workstation', () => {
  let dir: string;
  let provider: TestOidcProvider;
  let hub: SyncHub;
  let plainHub: SyncHub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-oidc-ws-'));
    // A native app's client: the provider lets it come back to a loopback redirect on any port (RFC 8252).
    const redirectUris = ['http://127.0.0.1/callback'];
    provider = await startOidcProvider([
      { clientId: CLIENT_ID, redirectUris },
      { clientId: OTHER_APP, redirectUris },
    ]);
    hub = await startSyncHub(join(dir, 'oidc'), {
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID },
      prepare: async (db) => {
        await setOidcSubject(db, 'j.devries', 'kc-devries');
        await setOidcSubject(db, 'x.oud', 'kc-oud');
        await setOidcSubject(db, 'r.dekker', 'kc-dekker');
      },
    });
    plainHub = await startSyncHub(join(dir, 'plain'));
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await plainHub?.close();
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function started(options: { at?: SyncHub; fetch?: typeof fetch; openInBrowser?: (url: string) => Promise<void>; readyForMs?: number } = {}) {
    const at = options.at ?? hub;
    const paths = appPathsIn(tempDir());
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({
      store,
      paths,
      secrets,
      env: {},
      logger: silent,
      demo: false, timers: retentionNeverDue,
      launch: { hubUrl: at.url, hubToken: at.tokens.workstations[0]! },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.openInBrowser ? { openInBrowser: options.openInBrowser } : {}),
      ...(options.readyForMs !== undefined ? { oidcReadyForMs: options.readyForMs } : {}),
    });
    const events: EventMessage[] = [];
    workstation.context.events.subscribe((message) => events.push(message));
    const call = (method: string, params: unknown = {}) => dispatch(method, params, workstation.context);
    const value = async <T>(method: string, params: unknown = {}): Promise<T> => {
      const result = (await call(method, params)) as ApiResult<T>;
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    return {
      call,
      value,
      events,
      secrets,
      store,
      /** Starts the flow and signs in at the provider as `login`, as the officer's browser would: sent back to the callback. */
      async authorize(login: string, params: { officerId?: string } = {}): Promise<BrowserSentBack> {
        const { authorizationUrl } = await value<{ authorizationUrl: string }>('session.oidcStart', params);
        return authorizeInBrowser(authorizationUrl, login);
      },
      async close() {
        await workstation.close();
        store.close();
      },
    };
  }
  type Station = Awaited<ReturnType<typeof started>>;

  /** The callback brought to the loopback listener by the browser sent back, and the sign-in's outcome. */
  async function complete(station: Station, browser: { visit(): Promise<Response> }) {
    const [page, outcome] = await Promise.all([browser.visit(), station.call('session.oidcFinish')]);
    return { page: { status: page.status, text: await page.text(), csp: page.headers.get('content-security-policy') }, outcome };
  }

  async function expectNobodySignedIn(station: Station) {
    expect(await station.call('session.get')).toMatchObject({ ok: true, value: { officer: null } });
    expect(station.secrets.get('hub-token') ?? 'none').not.toMatch(/^pzs_/);
  }

  it('signs in the officer linked to the subject, with the hub’s session as the sync token, and opens the queue (the honest flow)', async () => {
    const station = await started();
    try {
      expect(await station.value('session.oidcOffer')).toEqual({ offered: true });
      const { authorizationUrl, openedInBrowser } = await station.value<{ authorizationUrl: string; openedInBrowser: boolean }>('session.oidcStart');
      expect(openedInBrowser).toBe(false);
      // The browser opens the listener's start page, which binds it to this sign-in and sends it on to the provider.
      expect(authorizationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/begin\?t=[\w-]{43}$/);
      const browser = await authorizeInBrowser(authorizationUrl, 'kc-devries');
      const asked = browser.providerUrl;
      expect(asked.origin).toBe(provider.issuer);
      expect(asked.searchParams.get('client_id')).toBe(CLIENT_ID);
      expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
      expect(asked.searchParams.get('redirect_uri')).toBe(`${new URL(authorizationUrl).origin}/callback`);
      for (const name of ['state', 'nonce', 'code_challenge']) expect(asked.searchParams.get(name)?.length).toBeGreaterThanOrEqual(32);
      expect(asked.searchParams.has('code_verifier')).toBe(false);

      const { page, outcome } = await complete(station, browser);
      expect(outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries', role: 'officer' }, demo: false } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Aangemeld');
      // It closes the tab it is in (browser mode's, opened by the workbench) with its one script, allowed by hash.
      const script = /<script>(.*?)<\/script>/.exec(page.text)?.[1];
      expect(script).toBe('window.close()');
      expect(page.csp).toBe(`default-src 'none'; script-src 'sha256-${createHash('sha256').update(script!).digest('base64')}'`);
      expect(station.events).toContainEqual({ event: 'work.changed', payload: { entities: ['officer'] } });
      expect(await station.call('session.get')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      expect(station.secrets.get('hub-token')).toMatch(/^pzs_/);
      expect(await station.call('queue.list', QUEUE)).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('keeps the short-lived hub session alive while the officer works, and ends it on the hub when they sign out', async () => {
    const shortLived = await startSyncHub(join(dir, 'short-lived'), {
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID },
      sessionLifetimeMs: 3_000,
      prepare: async (db) => {
        await setOidcSubject(db, 'j.devries', 'kc-devries');
      },
    });
    const station = await started({ at: shortLived });
    const whoami = (token: string) => fetch(`${shortLived.url}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });
    try {
      const { outcome } = await complete(station, await station.authorize('kc-devries'));
      expect(outcome).toMatchObject({ ok: true });
      const session = station.secrets.get('hub-token')!;
      // Twice the session's own lifetime later it still works: the workstation renewed it halfway each time.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect((await whoami(session)).status).toBe(200);
      expect(await station.call('queue.list', QUEUE)).toMatchObject({ ok: true });

      // The attack: a copy of the session taken before the officer signed out is refused by the hub from then on.
      expect(await station.call('session.signOut')).toMatchObject({ ok: true });
      expect((await whoami(session)).status).toBe(401);
    } finally {
      await station.close();
      await shortLived.close();
    }
  }, 90_000);

  it('ends the locked officer’s hub session when someone signs them out from the lock screen (a shift change)', async () => {
    const station = await started();
    try {
      expect((await complete(station, await station.authorize('kc-devries'))).outcome).toMatchObject({ ok: true });
      const session = station.secrets.get('hub-token')!;
      expect(await station.call('session.lock')).toMatchObject({ ok: true, value: { locked: true } });
      expect(await station.call('session.signOut')).toMatchObject({ ok: true, value: { officer: null, locked: false } });
      // A copy of the locked officer's session is worth nothing from then on.
      const whoami = await fetch(`${hub.url}/v1/whoami`, { headers: { authorization: `Bearer ${session}` } });
      expect(whoami.status).toBe(401);
      await expectNobodySignedIn(station);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('opens the provider in the system browser on the desktop', async () => {
    const opened: string[] = [];
    const station = await started({ openInBrowser: (url) => Promise.resolve(void opened.push(url)) });
    try {
      const started = await station.value<{ authorizationUrl: string; openedInBrowser: boolean }>('session.oidcStart');
      expect(started.openedInBrowser).toBe(true);
      expect(opened).toEqual([started.authorizationUrl]);
      const { outcome } = await complete(station, await authorizeInBrowser(started.authorizationUrl, 'kc-devries'));
      expect(outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('has the sign-in ready while the sign-in screen shows: the click asks the hub nothing more and signs in (the honest twin)', async () => {
    const counted = offerAsksCounted();
    const station = await started({ fetch: counted.fetch });
    try {
      expect(await station.value('session.oidcOffer')).toEqual({ offered: true });
      expect(counted.asked()).toBe(1);
      const { outcome } = await complete(station, await station.authorize('kc-devries'));
      expect(outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      expect(counted.asked()).toBe(1);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('never gives a taken sign-in’s state, nonce or PKCE to another: after a refusal, a second click and a sign-in, each start has its own, and the one before is gone', async () => {
    const station = await started();
    try {
      await station.value('session.oidcOffer');
      const refused = await station.authorize('kc-onbekend');
      expect((await complete(station, refused)).outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const first = await beginInBrowser((await station.value<{ authorizationUrl: string }>('session.oidcStart')).authorizationUrl);
      // A second click without the screen asking again: the first sign-in ends, the second has secrets of its own.
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const second = await beginInBrowser(authorizationUrl);
      const seen = [refused, first, second].map(({ providerUrl }) => secretsIn(providerUrl));
      for (const name of ['port', 'state', 'nonce', 'challenge'] as const) expect(new Set(seen.map((secrets) => secrets[name])).size).toBe(3);
      // The attack: the refused sign-in's callback, and the first click's state, brought to the second's listener
      // in its own bound browser — the one before is gone, and no other state is taken.
      await expect(refused.visit()).rejects.toThrow();
      const stale = new URL(`/callback?state=${seen[1]!.state!}&code=x`, authorizationUrl);
      expect((await second.visit(stale)).status).toBe(400);
      await expectNobodySignedIn(station);
      await station.value('session.oidcOffer');
      expect((await complete(station, await station.authorize('kc-devries'))).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('closes a listener made ready but not clicked in time, makes a fresh sign-in at the click, and times a taken one from the click', async () => {
    const counted = offerAsksCounted();
    const station = await started({ fetch: counted.fetch, readyForMs: 400 });
    try {
      const before = listeningServers();
      await station.value('session.oidcOffer');
      await vi.waitFor(() => expect(listeningServers()).toBe(before + 1));
      // Nobody clicked: the attempt expires and its listener closes.
      await vi.waitFor(() => expect(listeningServers()).toBe(before), { timeout: 5_000 });
      const late = await station.authorize('kc-devries');
      expect(counted.asked()).toBe(2);
      expect((await complete(station, late)).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      expect(await station.call('session.signOut')).toMatchObject({ ok: true });

      // Taken in time, it outlives the expiry it had while waiting: the officer's time at the provider runs from the click.
      await station.value('session.oidcOffer');
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      await pause(1_000);
      expect((await complete(station, await authorizeInBrowser(authorizationUrl, 'kc-devries'))).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('readies no listener for an offer still on its way when the workstation closes (the review’s L3)', async () => {
    const station = await started();
    const before = listeningServers();
    const offering = station.call('session.oidcOffer');
    await station.close();
    await offering;
    // Long enough for the discovery and the listener an unguarded offer would open (tens of ms here).
    await pause(1_500);
    expect(listeningServers()).toBe(before);
  });

  it('refuses a callback carrying another sign-in’s state, and still takes its own', async () => {
    const station = await started();
    try {
      const browser = await station.authorize('kc-devries');
      const forged = new URL(browser.callback);
      forged.searchParams.set('state', 'een-andere-aanmelding-van-een-aanvaller');
      const refused = await browser.visit(forged);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('does not belong to the sign-in Puzzelstuk started');
      await expectNobodySignedIn(station);
      expect((await complete(station, browser)).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses another local user’s own code brought with this sign-in’s state, nonce and challenge (login CSRF), and still takes the officer’s', async () => {
    const station = await started();
    try {
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const officer = await authorizeInBrowser(authorizationUrl, 'kc-devries');
      // The attacker copies everything of the request (state, nonce, PKCE challenge, redirect URI), signs in at the
      // provider as themselves and sends the code the provider gives them to the listener: every check of the flow
      // alone would pass it (the code was issued for this very challenge and nonce).
      const attacker = await authorizeInBrowser(officer.providerUrl.href, 'kc-dekker');
      expect(attacker.callback.searchParams.get('state')).toBe(officer.callback.searchParams.get('state'));
      expect(attacker.callback.searchParams.get('code')).toBeTruthy();
      const refused = await attacker.visit();
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('did not come from the browser in which Puzzelstuk began the sign-in');
      await expectNobodySignedIn(station);

      // The honest twin: the officer's own browser, bound to the sign-in by its start page, brings their code.
      expect((await complete(station, officer)).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  /** Something hostile sent to the listener while a sign-in waits: the core still answers, and the officer still signs in. */
  async function survivesThenSignsIn(hostile: (authorizationUrl: string) => Promise<void>) {
    const station = await started();
    try {
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const finished = station.call('session.oidcFinish');
      await hostile(authorizationUrl);
      // Still serving: the listener waits on, the core answers.
      expect(await station.call('session.get')).toMatchObject({ ok: true, value: { officer: null } });

      // The honest twin: a new sign-in goes through (the first one ends as the new one starts).
      expect((await complete(station, await station.authorize('kc-devries'))).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      await finished;
    } finally {
      await station.close();
    }
  }

  it('refuses a start page and a binding cookie whose characters are wider than the ticket’s without the core falling over, and signs in after', () =>
    survivesThenSignsIn(async (authorizationUrl) => {
      // As many characters as the ticket, one of them two bytes wide: a length check on characters alone let the
      // byte comparison throw inside the listener, which took the whole core down (any local user can reach it).
      const wide = `é${'a'.repeat(42)}`;
      const forged = new URL(authorizationUrl);
      forged.searchParams.set('t', wide);
      expect((await fetch(forged, { redirect: 'manual' })).status).toBe(400);
      const begun = await fetch(authorizationUrl, { redirect: 'manual' });
      expect(begun.status).toBe(303);
      const cookieName = begun.headers.get('set-cookie')!.split('=')[0]!;
      const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
      const callback = new URL(`/callback?state=${encodeURIComponent(state)}&code=x`, authorizationUrl);
      const refused = await fetch(callback, { headers: { cookie: `${cookieName}=${wide}` } });
      expect(refused.status).toBe(403);
    }), 60_000);

  it('refuses a request whose target is no URL without the core falling over, and signs in after', () =>
    survivesThenSignsIn(async (authorizationUrl) => {
      const { port } = new URL(authorizationUrl);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }), 60_000);

  it('signs the officer in through a listener flooded with connections by another local process', async () => {
    const station = await started();
    const flood: Socket[] = [];
    try {
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const port = Number(new URL(authorizationUrl).port);
      // Held open, each asks the listener who opened it; read per connection, the machine's socket tables (thousands
      // of lines by then) were read twice per connection, and the officer's browser waited behind all of them.
      for (let index = 0; index < FLOODING_CONNECTIONS; index += 1) flood.push(connect(port, '127.0.0.1'));
      await Promise.all(flood.map((socket) => once(socket, 'connect')));
      const { outcome } = await complete(station, await authorizeInBrowser(authorizationUrl, 'kc-devries'));
      expect(outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      for (const socket of flood) socket.destroy();
      await station.close();
    }
  }, 60_000);

  it('ends the sign-in when its start page is opened a second time (taken from the browser’s command line), whoever was first', async () => {
    const station = await started();
    try {
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const finished = station.call('session.oidcFinish');
      // The attacker opens the start page first and gets the binding cookie; the officer's browser comes second.
      const attacker = await beginInBrowser(authorizationUrl);
      const second = await fetch(authorizationUrl, { redirect: 'manual' });
      expect(second.status).toBe(409);
      expect(await finished).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/opened twice, perhaps by someone else on this computer/) as unknown } });
      // Whatever the attacker brings back after signing in as themselves finds no listener.
      const back = await authorizeInBrowser(attacker.providerUrl.href, 'kc-dekker');
      await expect(attacker.visit(back.callback)).rejects.toThrow();
      await expectNobodySignedIn(station);

      // The honest twin: a new sign-in, opened once, goes through.
      expect((await complete(station, await station.authorize('kc-devries'))).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  // Changing a child's user needs root, as the tests run here; the owner lookup is Linux's.
  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('refuses the start page to another user of this computer who took it from the browser’s command line first, and still signs in the officer’s browser (a process of their own user)', async () => {
    const opened: string[] = [];
    const station = await started({ openInBrowser: (url) => Promise.resolve(void opened.push(url)) });
    try {
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      expect(opened).toEqual([authorizationUrl]);
      const finished = station.call('session.oidcFinish');
      // The attacker, another local user, reads the address off the command line and opens it before the officer's
      // browser does: without the owner check they got the binding cookie and were sent on to sign in as themselves.
      const attacker = await openAsUser(NOBODY)(new URL(authorizationUrl));
      expect(attacker.status).toBe(403);
      expect(attacker.setCookie).toEqual([]);
      expect(attacker.location).toBeNull();
      expect(attacker.text).toContain('opened by another user of this computer');
      await expectNobodySignedIn(station);

      // The honest twin: the officer's browser, another process of the same user, opens the start page after them
      // — not "opened twice" — and signs in.
      const officer = await authorizeInBrowser(authorizationUrl, 'kc-devries', openAsUser());
      expect((await complete(station, officer)).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      expect(await finished).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses another officer’s police account where the officer at the screen signs in again, and takes their own', async () => {
    const station = await started();
    try {
      const { page, outcome } = await complete(station, await station.authorize('kc-dekker', { officerId: 'j.devries' }));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not j\.devries's, who started this sign-in; nobody was signed in/) as unknown } });
      expect(page.status).toBe(403);
      await expectNobodySignedIn(station);
      expect((await complete(station, await station.authorize('kc-devries', { officerId: 'j.devries' }))).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses a replayed code: the listener is gone, and in a new sign-in the provider refuses it', async () => {
    const station = await started();
    try {
      const first = await station.authorize('kc-devries');
      expect((await complete(station, first)).outcome).toMatchObject({ ok: true });
      await expect(first.visit()).rejects.toThrow();

      // The next sign-in's own browser, bound to it, brings the first one's code with the new state.
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const browser = await beginInBrowser(authorizationUrl);
      const replayed = new URL(browser.providerUrl.searchParams.get('redirect_uri')!);
      replayed.search = new URLSearchParams({ code: first.callback.searchParams.get('code')!, state: browser.providerUrl.searchParams.get('state')!, iss: provider.issuer }).toString();
      const { page, outcome } = await complete(station, { visit: () => browser.visit(replayed) });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/identity provider refused the sign-in \(invalid_grant/) as unknown } });
      expect(page.status).toBe(403);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('shows the provider’s refusal as text on a page that runs no script, markup and all', async () => {
    const station = await started();
    try {
      const { authorizationUrl } = await station.value<{ authorizationUrl: string }>('session.oidcStart');
      const browser = await beginInBrowser(authorizationUrl);
      const refusal = new URL(browser.providerUrl.searchParams.get('redirect_uri')!);
      const markup = '<script>window.close()</script><img src=x onerror=alert(1)>';
      refusal.search = new URLSearchParams({ error: 'access_denied', error_description: markup, state: browser.providerUrl.searchParams.get('state')!, iss: provider.issuer }).toString();
      const { page, outcome } = await complete(station, { visit: () => browser.visit(refusal) });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining(`without signing you in (access_denied: ${markup})`) as unknown } });
      expect(page.status).toBe(403);
      expect(page.csp).toBe("default-src 'none'");
      expect(page.text).toContain('&#60;script&#62;window.close()&#60;/script&#62;&#60;img');
      expect(page.text).not.toMatch(/<script|<img/);
      await expectNobodySignedIn(station);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses an ID token issued for another application (a tampered offer): the hub does not take it', async () => {
    const station = await started({ fetch: offerReplacedBy({ issuer: provider.issuer, clientId: OTHER_APP }) });
    try {
      const { page, outcome } = await complete(station, await station.authorize('kc-devries'));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/issued for another application, not for this hub's client "puzzelstuk"/) as unknown } });
      expect(page.text).toContain('issued for another application');
      await expectNobodySignedIn(station);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses a subject no officer is linked to, and a deactivated officer, each saying why', async () => {
    const station = await started();
    try {
      expect((await complete(station, await station.authorize('kc-onbekend'))).outcome).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/no officer in the hub's registry is linked to sub "kc-onbekend"/) as unknown },
      });
      expect((await complete(station, await station.authorize('kc-oud'))).outcome).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/officer "x.oud" has been deactivated/) as unknown },
      });
      await expectNobodySignedIn(station);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('holds no caught-up station’s sync while an officer signs in (review M3): what reaches the hub after the click arrives, refused or signed in', async () => {
    const station = await started();
    const reportsHere = () => station.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
    const until = async (check: () => boolean) => {
      for (let tries = 0; !check(); tries++) {
        if (tries > 2_000) throw new Error('timed out');
        await pause(10);
      }
    };
    const posted = async () => expect((await hub.post([filedRecord(), filedRecord()])).rejected).toEqual([]);
    try {
      await until(() => station.events.some((message) => message.event === 'sync.state' && message.payload.online && !message.payload.initialSync.active));
      const before = reportsHere();
      // Clicked, the officer at the provider: the station has nothing to gain from a hold, so reports go on arriving.
      const refused = await station.authorize('kc-onbekend');
      await posted();
      await until(() => reportsHere() === before + 2);
      expect((await complete(station, refused)).outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const browser = await station.authorize('kc-devries');
      await posted();
      await until(() => reportsHere() === before + 4);
      expect((await complete(station, browser)).outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
    } finally {
      await station.close();
    }
  }, 60_000);

  describe('the station’s first sync, held from the click until the window has drawn the officer’s workstation', () => {
    let busyHub: SyncHub;
    /** More than a first page (100), so that a station is caught in its first sync with reports to draw from. */
    const REPORTS = 150;

    beforeAll(async () => {
      busyHub = await startSyncHub(join(dir, 'first-frame'), {
        oidc: { issuer: provider.issuer, clientId: CLIENT_ID },
        prepare: async (db) => {
          await setOidcSubject(db, 'j.devries', 'kc-devries');
        },
      });
      expect((await busyHub.post(Array.from({ length: REPORTS }, () => filedRecord()))).rejected).toEqual([]);
    }, 60_000);
    afterAll(() => busyHub?.close());

    /** A station whose first sync stops after its first page (its next waits or is abandoned): feed pages asked by officers are counted. */
    async function caughtInFirstSync(signIn: 'police account' | 'credential' = 'police account') {
      const stationToken = busyHub.tokens.workstations[0]!;
      let officersAsked = 0;
      const fetchFeedHeld: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/feed') && url.searchParams.get('after') !== '0') {
          if (new Headers(init?.headers).get('authorization') !== `Bearer ${stationToken}`) officersAsked += 1;
          else await new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('abandoned by the hold')), { once: true }));
        }
        return fetch(input, init);
      };
      const station = await started({ at: busyHub, fetch: fetchFeedHeld });
      const reportsHere = () => station.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
      while (reportsHere() < 100) await pause(10);
      // Nobody signed in: the sign-in screen hears how the sync goes, not what it brought (each question would be refused).
      expect(station.events.some((message) => message.event === 'sync.state')).toBe(true);
      expect(station.events.filter((message) => message.event === 'reports.changed' || (message.event === 'work.changed' && message.payload.entities.includes('report')))).toEqual([]);
      if (signIn === 'credential') {
        expect(await station.call('session.signIn', { officerId: 'j.devries', credential: busyHub.tokens.credentials['j.devries'] })).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      } else {
        const { outcome } = await complete(station, await station.authorize('kc-devries'));
        expect(outcome).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' } } });
      }
      return { station, reportsHere, officersAsked: () => officersAsked };
    }

    it('asks the hub nothing more until the window says it has drawn, then completes the first sync (the honest flow)', async () => {
      const { station, reportsHere, officersAsked } = await caughtInFirstSync();
      try {
        await pause(300);
        expect(officersAsked()).toBe(0);
        expect(reportsHere()).toBe(100);
        expect(await station.call('queue.list', QUEUE)).toMatchObject({ ok: true, value: { total: 100 } });
        expect(await station.call('session.drawn')).toEqual({ ok: true, value: null });
        while (reportsHere() < REPORTS) await pause(10);
        expect(officersAsked()).toBeGreaterThan(0);
        // Signed in, the window is told what arrives.
        while (!station.events.some((message) => message.event === 'reports.changed')) await pause(10);
      } finally {
        await station.close();
      }
    }, 60_000);

    it('holds it likewise for an officer signing in with the hub’s credential, until the window says it has drawn', async () => {
      const { station, reportsHere, officersAsked } = await caughtInFirstSync('credential');
      try {
        await pause(300);
        expect(officersAsked()).toBe(0);
        expect(reportsHere()).toBe(100);
        expect(await station.call('session.drawn')).toEqual({ ok: true, value: null });
        while (reportsHere() < REPORTS) await pause(10);
        expect(officersAsked()).toBeGreaterThan(0);
      } finally {
        await station.close();
      }
    }, 60_000);

    it('releases it at once when the credential is refused: the station’s own sync completes, nobody signed in', async () => {
      const stationToken = busyHub.tokens.workstations[0]!;
      let held = true;
      const fetchFeedHeld: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        // The station's pages after its first wait until the refused sign-in is over, so that it is caught mid-sync.
        if (url.pathname.endsWith('/feed') && url.searchParams.get('after') !== '0' && new Headers(init?.headers).get('authorization') === `Bearer ${stationToken}`) {
          while (held && !init?.signal?.aborted) await pause(10);
        }
        return fetch(input, init);
      };
      const station = await started({ at: busyHub, fetch: fetchFeedHeld });
      const reportsHere = () => station.store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number;
      try {
        while (reportsHere() < 100) await pause(10);
        expect(await station.call('session.signIn', { officerId: 'j.devries', credential: 'pzh_wrong' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
        held = false;
        // Nothing is waited for — no window, no cap: held on, the station would sync again only at the hold's cap.
        const refusedAt = performance.now();
        while (reportsHere() < REPORTS && performance.now() - refusedAt < PULL_HOLD_CAP_MS / 2) await pause(10);
        expect(reportsHere()).toBe(REPORTS);
        expect(await station.call('session.get')).toMatchObject({ ok: true, value: { officer: null } });
      } finally {
        await station.close();
      }
    }, 60_000);

    it('goes on by itself when no window says it has drawn: a page cannot keep the station from syncing', async () => {
      const { station, reportsHere, officersAsked } = await caughtInFirstSync();
      try {
        await pause(FIRST_FRAME_HOLD_CAP_MS / 2);
        expect(officersAsked()).toBe(0);
        while (reportsHere() < REPORTS) await pause(10);
      } finally {
        await station.close();
      }
    }, 60_000);
  });

  it('says so when the identity provider cannot be reached', async () => {
    const station = await started({ fetch: offerReplacedBy({ issuer: `http://127.0.0.1:${await closedPort()}`, clientId: CLIENT_ID }) });
    try {
      expect(await station.call('session.oidcStart')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/identity provider at .* cannot be reached/) as unknown } });
      await expectNobodySignedIn(station);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('offers no police account where the hub accepts no identity provider, and refuses to start', async () => {
    const station = await started({ at: plainHub });
    try {
      expect(await station.value('session.oidcOffer')).toEqual({ offered: false });
      expect(await station.call('session.oidcStart')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/does not offer signing in with a police account/) as unknown } });
      expect(await station.call('session.oidcFinish')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await station.close();
    }
  }, 60_000);
});
