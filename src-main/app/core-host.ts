/**
 * Runs the workstation core (core-thread.ts) in a worker thread or, on the desktop, an Electron utility process
 * (core-channel.ts) and relays to it, so the thread that serves the window — Electron's main process, browser
 * mode's HTTP server — never waits for SQL or sync. A core that stops
 * unexpectedly is started again: calls in flight are answered UNAVAILABLE, every subscriber hears
 * `core.restarted` once the new core is ready, and nothing is lost (the outbox and all work are in the store).
 * The host answers at once: calls wait for the core, and `app.startState` (asked, and pushed as an event) says how
 * far its first start is — opening the store, a step of its upgrade, or why it could not start — for the window to show.
 */
import { fail, ok, type ApiResult } from '../../shared/api/result';
import { STARTED, type StartState } from '../../shared/api/start-state';
import { AppError, isAppError } from '../../shared/errors';
import type { Logger } from '../../shared/platform/logger';
import type { CoreLink } from '../api/core-link';
import type { ApiEventListener } from '../api/events';
import { spawnCoreInWorkerThread, type CoreChannel, type SpawnCore } from './core-channel';
import type { CoreStartOptions, FromCore, ToCore } from './core-messages';
import { SECRET_NAMES, type SecretStore } from './secrets';

export interface CoreHost extends CoreLink {
  /** Settles once the core has first started; rejects with why it could not (the core is then ended). */
  started: Promise<void>;
  /**
   * Stops sync after its current transaction, closes the store and ends the core's thread or process; a core not yet
   * ready (its store still opening or upgrading) is ended at once.
   */
  close(): Promise<void>;
}

export interface CoreHostDeps {
  /** Where the platform keeps secrets; the core gets a copy at each start and sends changes back. */
  secrets: SecretStore;
  logger: Logger;
  /** Where the core runs (default: a worker thread; the desktop: a utility process). */
  spawn?: SpawnCore;
  /** Told each channel the core starts on (for observers such as tests and the bench). */
  onChannel?: (channel: CoreChannel) => void;
  /** Opens a URL in the system browser (the desktop); without it the page opens the identity provider's sign-in. */
  openInBrowser?: (url: string) => void;
}

const CRASHED_MESSAGE = 'Puzzelstuk’s core stopped unexpectedly and is starting again; your saved work is safe. Try again in a moment.';
const RESTART_DELAYS_MS = [100, 1000, 5000, 30_000];
const CLOSE_TIMEOUT_MS = 20_000;

const coreThreadUrl = () => new URL(import.meta.url.endsWith('.ts') ? './core-thread.ts' : './core-thread.js', import.meta.url);

type HostStartOptions = Omit<CoreStartOptions, 'secrets' | 'keepsStoreKey' | 'systemBrowser'>;

/** launchCore, once the core has started; one that could not start is ended and its reason thrown. */
export async function startCore(options: HostStartOptions, deps: CoreHostDeps): Promise<CoreHost> {
  const core = launchCore(options, deps);
  await core.started;
  return core;
}

/** Starts the core and answers at once, for a window that shows the start (the desktop, browser mode). */
export function launchCore(options: HostStartOptions, deps: CoreHostDeps): CoreHost {
  const listeners = new Set<ApiEventListener>();
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let closing = false;
  let crashes = 0;
  const spawnCore = deps.spawn ?? spawnCoreInWorkerThread;
  let channel!: CoreChannel;
  let ready!: Promise<void>;
  let closed: (() => void) | null = null;
  /** The core on `channel` has said it is ready (its store open and upgraded); false again once it exits. */
  let coreReady = false;
  let startState: StartState = { phase: 'opening' };

  const send = (message: ToCore) => channel.post(message);
  const tell = (message: Parameters<ApiEventListener>[0]) => {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch {
        // One broken subscriber must not keep the event from the others.
      }
    }
  };

  const moveStart = (state: StartState) => {
    startState = state;
    tell({ event: 'app.startState', payload: state });
  };

  function spawn(): Promise<void> {
    channel = spawnCore(coreThreadUrl());
    deps.onChannel?.(channel);
    const secrets: CoreStartOptions['secrets'] = {};
    for (const name of SECRET_NAMES) {
      const value = deps.secrets.get(name);
      if (value !== null) secrets[name] = value;
    }
    const started = new Promise<void>((resolve, reject) => {
      channel.onMessage((message: FromCore) => {
        if (message.type === 'ready') {
          coreReady = true;
          resolve();
        } else if (message.type === 'upgrading') {
          if (startState.phase !== 'ready') moveStart({ phase: 'upgrading', step: message.step, of: message.of });
        } else if (message.type === 'start-failed') reject(new AppError(message.code, message.message));
        else if (message.type === 'answer') {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        } else if (message.type === 'event') tell(message.message);
        else if (message.type === 'secret') deps.secrets.set(message.name, message.value);
        else if (message.type === 'open-in-browser') deps.openInBrowser?.(message.url);
        else closed?.();
      });
      channel.onExit((code) => {
        reject(new AppError('UNAVAILABLE', CRASHED_MESSAGE));
        onExit(code);
      });
    });
    send({ type: 'start', options: { ...options, secrets, keepsStoreKey: deps.secrets.keepsStoreKey, systemBrowser: deps.openInBrowser !== undefined } });
    return started;
  }

  function onExit(code: number): void {
    coreReady = false;
    for (const answer of pending.values()) answer(fail('UNAVAILABLE', CRASHED_MESSAGE));
    pending.clear();
    if (closing) return closed?.();
    deps.logger.error('core.stopped', { code });
    const delay = RESTART_DELAYS_MS[Math.min(crashes, RESTART_DELAYS_MS.length - 1)]!;
    crashes += 1;
    ready = new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => (closing ? Promise.reject(new AppError('UNAVAILABLE', 'Puzzelstuk is closing.')) : spawn()));
    ready.then(
      () => {
        crashes = 0;
        deps.logger.info('core.restarted', {});
        tell({ event: 'core.restarted', payload: { at: new Date().toISOString() } });
      },
      () => undefined,
    );
  }

  ready = spawn();
  const started = ready.then(
    () => moveStart(STARTED),
    async (error: unknown) => {
      closing = true;
      moveStart({ phase: 'failed', error: isAppError(error) ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: CRASHED_MESSAGE } });
      await channel.terminate();
      throw error;
    },
  );
  // Whoever starts the core hears a failure from `started`; nothing else may see it as unhandled.
  started.catch(() => undefined);

  return {
    started,
    async call(method, params) {
      // The core answers it once started; until then this host knows better.
      if (method === 'app.startState' && startState.phase !== 'ready') return ok(startState);
      try {
        await ready;
      } catch {
        return startState.phase === 'failed' ? fail(startState.error.code, startState.error.message) : fail('UNAVAILABLE', CRASHED_MESSAGE);
      }
      if (closing) return fail('UNAVAILABLE', 'Puzzelstuk is closing.');
      const id = nextId++;
      return new Promise<ApiResult<unknown>>((resolve) => {
        pending.set(id, resolve);
        send({ type: 'call', id, method, params });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closing) return;
      closing = true;
      if (!coreReady) {
        // Still opening or upgrading its store (minutes on a large one): ended at once, the upgrade's one transaction
        // rolls back and the store stays as it was, to be upgraded at the next start.
        await channel.terminate();
        return;
      }
      const done = new Promise<void>((resolve) => (closed = resolve));
      send({ type: 'close' });
      const timer = setTimeout(() => void channel.terminate(), CLOSE_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
      await channel.terminate();
    },
  };
}
