import type { ApiContext } from '../api/context';
import { createApiEventBus } from '../api/events';
import type { CaseStore } from '../db/open-store';
import { systemClock, type Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import type { SliceBudget } from '../ingest/apply-feed-page';
import type { LinePreparer } from '../ingest/prepare-pool';
import { createArrivalRouter } from '../routing/arrival-routing';
import { parseSyncScope } from '../sync';
import { realTimers } from '../sync/timers';
import { startDailyRetention } from '../retention/daily-retention';
import type { ScheduleTimers } from '../../shared/retention/daily-runs';
import type { AppPaths } from './app-paths';
import type { DemoFeedOptions } from './demo-feed';
import type { EmbeddedHub } from './embedded-hub';
import { hubTargetOf, launchHubFromEnv, type LaunchHub } from './hub-target';
import { seedDemoOfficers, startOfficerOf } from './officers';
import type { SecretStore } from './secrets';
import { offlineMaxAgeFromEnv } from './offline-proofs';
import { createOidcSignIn } from './oidc-sign-in';
import { createFirstFrameHold } from './first-frame-hold';
import { createSessionControl, requireSignedIn } from './session-control';
import { createSettingsControl } from './settings-control';
import { createSettingsFile } from './settings-file';
import { createHubFetch } from './hub-fetch';
import { createSyncController } from './sync-controller';
import { claimStoreFor } from './demo-store';
import { readCursor, START_CURSOR } from '../db/sync-cursor';
import { settleOwedWalTruncation } from '../db/owed-wal-truncation';
import { errorKind } from '../../shared/errors';

export interface WorkstationOptions {
  /** Opened by the caller (with its key); the caller closes it after close(). */
  store: CaseStore;
  paths: AppPaths;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** The demo (embedded hub, generated reports, a store made for it) or an officer's own store. */
  demo: boolean;
  /** A hub named at launch; defaults to PUZZELSTUK_HUB_URL / PUZZELSTUK_HUB_TOKEN. */
  launch?: Omit<LaunchHub, 'demo'>;
  clock?: Clock;
  /** The timers of the daily retention run. */
  timers?: ScheduleTimers;
  /** Monotonic milliseconds for the idle lock; defaults to performance.now. */
  monotonicMs?: () => number;
  fetch?: typeof fetch;
  demoFeed?: Pick<DemoFeedOptions, 'initialBatch' | 'intervalMs'>;
  /** Prepares pulled reports (parse, validate, extract) off the store's thread; the caller closes it. */
  preparer?: LinePreparer;
  /** The slice budget of pulled pages; the core's thread makes it follow whether the window is asking. */
  feedSliceMs?: SliceBudget;
  /** Empties the WAL a pulled withdrawal owes off the store's thread (the core's checkpoint thread); default: on it. */
  settleOwedWal?: () => Promise<unknown>;
  /** Lets the core's checkpoint thread start a large WAL over between pulled pages; default: nothing to ask. */
  restartLargeWal?: () => Promise<unknown>;
  /** Opens a sign-in page of the identity provider in the system browser (the desktop); in browser mode the page does. */
  openInBrowser?: (url: string) => Promise<void>;
  /** How long a police-account sign-in made ready while the sign-in screen shows waits for the click (./oidc-sign-in.ts). */
  oidcReadyForMs?: number;
  /** How often the hub is asked whether it is back while an officer works with their offline code (HUB_PROBE_MS). */
  hubProbeMs?: number;
}

export interface Workstation {
  context: ApiContext;
  /** Stops the daily retention run, sync after its current transaction, the demo feed and the embedded hub. */
  close(): Promise<void>;
}

/**
 * The composition root shared by the desktop app and browser mode: store + sync + API context, built once.
 * The demo runs an embedded hub fed with generated reports; otherwise the store syncs with the hub configured,
 * or without one works offline on its own data.
 */
export async function startWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const { store, paths, secrets, logger } = options;
  const clock = options.clock ?? systemClock;
  claimStoreFor(store.sqlite, options.demo ? 'demo' : 'own', clock.now());
  settleOwedAtStart(store, logger);
  const launch: LaunchHub = options.launch ? { ...options.launch, demo: options.demo } : launchHubFromEnv(options.env, options.demo);
  const settingsFile = createSettingsFile(paths.settingsPath);
  const fetchImpl = createHubFetch(options.fetch ?? fetch, () => settingsFile.read().hubCaFile);
  const events = createApiEventBus();
  // Fresh reports are routed as they arrive, in the name of whoever is signed in at that moment.
  // Also while the screen is locked: routing by the rules is no officer's action at the keyboard.
  const routeArrivals = createArrivalRouter(store, { services: { clock }, officer: () => requireSignedIn(session).id, logger });
  const sync = createSyncController({
    store,
    clock,
    fetch: fetchImpl,
    events,
    onReportsArrived: routeArrivals,
    anyoneSignedIn: () => session.current() !== null,
    logger,
    ...(options.preparer ? { preparer: options.preparer } : {}),
    ...(options.feedSliceMs !== undefined ? { sliceMs: options.feedSliceMs } : {}),
    ...(options.settleOwedWal ? { settleOwedWal: options.settleOwedWal } : {}),
    ...(options.restartLargeWal ? { restartLargeWal: options.restartLargeWal } : {}),
  });
  // The embedded hub logs each request; the workstation's log keeps only its problems.
  const hubLogger: Logger = { info: () => undefined, warn: (event, fields) => logger.warn(event, fields), error: (event, fields) => logger.error(event, fields) };

  let embedded: { hub: EmbeddedHub; feed: { stop(): Promise<void> } } | null = null;
  async function embeddedHub(): Promise<EmbeddedHub> {
    if (!embedded) {
      // The very first start initialises the hub's database, which takes a while; say why it is quiet.
      logger.info('demo_hub.starting', { dataDir: paths.embeddedHubDir });
      // Loaded only for the demo, as the feed below: the hub's server and databases (fastify, PGlite, pg) cost every
      // start of an officer's own workstation CPU time they never use.
      const { startEmbeddedHub } = await import('./embedded-hub');
      const hub = await startEmbeddedHub({ dataDir: paths.embeddedHubDir, migrationsFolder: paths.hubMigrationsFolder, secrets, clock, logger: hubLogger });
      // Loaded only for the demo: the synthetic generator (and faker) is no part of an officer's own workstation.
      const { startDemoFeed } = await import('./demo-feed');
      const feed = startDemoFeed({ hubUrl: hub.url, intakeToken: hub.intakeToken, stateDir: paths.embeddedHubDir, clock, fetch: fetchImpl, logger, ...options.demoFeed });
      embedded = { hub, feed };
    }
    return embedded.hub;
  }

  async function reconnect(): Promise<void> {
    const settings = settingsFile.read();
    const target = hubTargetOf(settings, secrets, launch);
    const scope = parseSyncScope(settings.scope);
    if (target.kind === 'embedded') {
      const hub = await embeddedHub();
      const { enrollDemoOfficers } = await import('./embedded-hub');
      await enrollDemoOfficers(store, hub, clock, fetchImpl);
      await sync.connect({ hubUrl: hub.url, token: hub.workstationToken, scope }, { embedded: true });
    } else if (target.kind === 'remote' && target.token !== null) {
      await sync.connect({ hubUrl: target.hubUrl, token: target.token, scope }, { embedded: false });
    } else {
      await sync.connect(null, { embedded: false });
    }
  }

  const demo = options.demo;
  if (demo) seedDemoOfficers(store.sqlite);
  const firstFrame = createFirstFrameHold(sync.hold);
  const session = createSessionControl({
    store,
    clock,
    ...(options.monotonicMs ? { monotonicMs: options.monotonicMs } : {}),
    onLockChange: (locked) => events.emit('session.locked', { locked }),
    settingsFile,
    secrets,
    launch,
    fetch: fetchImpl,
    reconnect,
    officerId: startOfficerOf(store, settingsFile.read(), hubTargetOf(settingsFile.read(), secrets, launch), options.env),
    offlineMaxAgeMs: offlineMaxAgeFromEnv(options.env),
    events,
    ...(options.hubProbeMs !== undefined ? { hubProbeMs: options.hubProbeMs } : {}),
    firstFrame,
  });

  const oidc = createOidcSignIn({
    fetch: fetchImpl,
    hubUrl: () => {
      const target = hubTargetOf(settingsFile.read(), secrets, launch);
      return target.kind === 'remote' ? target.hubUrl : null;
    },
    adopt: session.adoptHubSignIn,
    keyOffer: session.keyOffer,
    dueOfficer: session.dueForPoliceSignIn,
    announce: () => events.emit('work.changed', { entities: ['officer'] }),
    firstFrame,
    logger,
    ...(options.openInBrowser ? { openInBrowser: options.openInBrowser } : {}),
    ...(options.oidcReadyForMs !== undefined ? { readyForMs: options.oidcReadyForMs } : {}),
  });

  const context: ApiContext = {
    get officer() {
      return session.acting();
    },
    session,
    oidc,
    store,
    clock,
    services: { clock },
    sync: sync.link,
    settings: createSettingsControl({ file: settingsFile, secrets, launch, reconnect, storeHoldsHubData: () => readCursor(store.sqlite) !== START_CURSOR }),
    events,
    logger,
  };
  // Only now: the first pulled page may already route reports in the context's officer's name.
  await reconnect();
  const retention = startDailyRetention(store, { clock, timers: options.timers ?? realTimers, logger });
  return {
    context,
    async close() {
      oidc.close();
      session.close();
      firstFrame.close();
      await retention.stop();
      await sync.disconnect();
      const running = embedded;
      embedded = null;
      await running?.feed.stop();
      await running?.hub.close();
    },
  };
}

/**
 * A removal whose process died before it emptied the WAL left the removed text there: emptied before anything else
 * writes. Should another program keep the WAL busy, the workstation still starts; the debt stays for the next settle.
 */
function settleOwedAtStart(store: CaseStore, logger: Logger): void {
  try {
    if (settleOwedWalTruncation(store.sqlite)) logger.info('store.wal_emptied_at_start', {});
  } catch (error) {
    logger.error('store.wal_not_emptied', { error: errorKind(error) });
  }
}
