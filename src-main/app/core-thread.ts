/**
 * The workstation core's own thread: store, sync, routing and the API's handlers, started by core-host.ts. It
 * answers relayed calls and posts the API's events; the thread that serves the window never runs SQL or sync.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../shared/errors';
import { systemClock } from '../../shared/platform/clock';
import { createJsonLogger } from '../../shared/platform/logger';
import { dispatch } from '../api/dispatch';
import { createWorkerPreparer } from '../ingest/prepare-pool';
import { appPathsIn } from './app-paths';
import { coreParent } from './core-channel';
import type { FromCore, ToCore } from './core-messages';
import { openAppStoreWithKey } from './open-app-store';
import { startWalCheckpointer } from './wal-checkpointer';
import type { SecretName, SecretStore } from './secrets';
import { createWindowUse } from './window-use';
import { startWorkstation, type Workstation } from './workstation';

const parent = coreParent(parentPort);
const post = (message: FromCore) => parent.post(message);
const logger = createJsonLogger(process.stderr, systemClock);

let running: { workstation: Workstation; close(): Promise<void> } | null = null;

async function start(options: Extract<ToCore, { type: 'start' }>['options']): Promise<void> {
  const paths = appPathsIn(options.dataDir, {
    storePath: options.storePath,
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
    ...(options.hubMigrationsFolder ? { hubMigrationsFolder: options.hubMigrationsFolder } : {}),
  });
  // The platform keeps the secrets; this thread works on a copy and sends every change back to be kept.
  const held = new Map(Object.entries(options.secrets) as Array<[SecretName, string]>);
  const secrets: SecretStore = {
    keepsStoreKey: options.keepsStoreKey,
    get: (name) => held.get(name) ?? null,
    set(name, value) {
      if (value === null) held.delete(name);
      else held.set(name, value);
      post({ type: 'secret', name, value });
    },
  };
  const { store, key } = openAppStoreWithKey(paths, secrets, options.env, systemClock, options.demo ? 'demo' : 'own', ({ step, of }) =>
    post({ type: 'upgrading', step, of }),
  );
  // Pulled reports are parsed and their indicators extracted on a thread of their own, and the WAL is checkpointed on
  // another: this one writes and answers the window.
  const preparer = createWorkerPreparer(undefined, { logger });
  const checkpointer = startWalCheckpointer(store, key, { logger });
  const closeAll = async () => {
    void preparer.close();
    await checkpointer.close();
    store.close();
  };
  try {
    const workstation = await startWorkstation({
      store,
      paths,
      secrets,
      env: options.env,
      logger,
      demo: options.demo,
      launch: options.launch,
      preparer,
      feedSliceMs: () => windowUse.sliceMs(),
      settleOwedWal: () => checkpointer.settleOwed(),
      restartLargeWal: () => checkpointer.restartIfLarge(),
      ...(options.demoFeed ? { demoFeed: options.demoFeed } : {}),
      // The desktop's main process opens it (the system browser); this thread has no shell.
      ...(options.systemBrowser ? { openInBrowser: (url: string) => Promise.resolve(post({ type: 'open-in-browser', url })) } : {}),
    });
    workstation.context.events.subscribe((message) => post({ type: 'event', message }));
    running = { workstation, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The window's calls set how long the first sync's transactions may hold this thread (./window-use.ts). */
const windowUse = createWindowUse();

parent.onMessage((message: ToCore) => {
  if (message.type === 'start') {
    start(message.options).then(
      () => post({ type: 'ready' }),
      (error: unknown) => {
        logger.error('core.start_failed', { error: error instanceof Error ? error.name : 'unknown' });
        post(isAppError(error) ? { type: 'start-failed', code: error.code, message: error.message } : { type: 'start-failed', code: 'INTERNAL', message: 'The workstation could not start.' });
      },
    );
  } else if (message.type === 'call') {
    const answered = windowUse.called();
    if (!running) {
      answered();
      return post({ type: 'answer', id: message.id, result: { ok: false, error: { code: 'UNAVAILABLE', message: 'The workstation is still starting.' } } });
    }
    void dispatch(message.method, message.params, running.workstation.context).then((result) => {
      answered();
      try {
        post({ type: 'answer', id: message.id, result });
      } catch {
        // An answer the channel cannot carry (nested too deep to clone) still gets an answer.
        post({ type: 'answer', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The answer could not be sent; tell your administrator if it keeps happening.' } } });
      }
    });
  } else {
    const stopping = running;
    running = null;
    void (stopping ? stopping.workstation.close().finally(() => stopping.close()) : Promise.resolve()).finally(() => post({ type: 'closed' }));
  }
});
