/**
 * `serve`: browser mode on one case store — the renderer and the API on 127.0.0.1, for a browser (and the
 * end-to-end tests). With --hub it syncs with that hub; without, it works offline on that store alone. Only
 * --demo runs the demo: an embedded hub with generated reports, on a store made for the demo. Outside the demo the
 * store is encrypted with the key in PUZZELSTUK_DB_KEY, which also seals the secrets beside it; the demo keeps its
 * key in its own folder. The store's folder also holds its settings and the demo hub. stdout carries exactly one JSON line, once listening:
 * when the core has started, or as soon as it upgrades the store (minutes on a large one), whose progress the page then
 * shows — and, should the upgrade fail, why, until serve is stopped.
 */
import { dirname, resolve } from 'node:path';
import { isAppError } from '../../../shared/errors';
import { createJsonLogger } from '../../../shared/platform/logger';
import { startHttpTransport } from '../../api/http-transport';
import { appPathsIn } from '../../app/app-paths';
import { HUB_TOKEN_ENV, HUB_URL_ENV } from '../../app/hub-target';
import { browserModeSecrets } from '../../app/key-sealed-secrets';
import { createFileSecretStore } from '../../app/secrets';
import { launchCore, type CoreHost } from '../../app/core-host';
import { systemClock } from '../../../shared/platform/clock';
import { parseCommandArgs, parsePositiveInt, requireOption } from '../args';
import { CliError, UsageError, writeJsonLine, type CliCommand } from '../command';
import { ensureRendererBuilt } from '../renderer-build';
import { waitForStopSignal } from '../stop-signal';

const usage = 'serve --db <path> [--hub <url> --token <t> | --demo] [--port <p>]';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage,
  summary: `Run Puzzelstuk in browser mode on 127.0.0.1; prints {"url"} to open (token included). Without --hub: offline on that store; --demo: the demo (embedded hub, generated reports) on a store made for it. The token may come from ${HUB_TOKEN_ENV}.`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { db: { type: 'string' }, hub: { type: 'string' }, token: { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean' } }, usage);
    const demo = values.demo === true;
    const storePath = resolve(requireOption(values.db, '--db', usage));
    const hubUrl = values.hub ?? (io.env[HUB_URL_ENV] || undefined);
    const hubToken = values.token ?? (io.env[HUB_TOKEN_ENV] || undefined);
    if (hubUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(hubUrl)) throw new UsageError(`--hub must be an http(s) URL, got "${hubUrl}"`);
    if (demo && values.hub !== undefined) throw new UsageError(`--demo runs its own embedded hub and takes no --hub\nusage: ${usage}`);
    if (hubUrl !== undefined && hubToken === undefined) throw new UsageError(`--hub needs --token (or ${HUB_TOKEN_ENV})\nusage: ${usage}`);
    const port = parsePositiveInt(values.port, '--port', 0);
    if (port > 65_535) throw new UsageError('--port must be at most 65535');

    const paths = appPathsIn(dirname(storePath), { storePath });
    await ensureRendererBuilt(paths.rendererDir, io.stderr);
    const logger = createJsonLogger(io.stderr, systemClock);
    const stopped = waitForStopSignal();
    if (!demo && hubUrl === undefined) io.stderr.write('No hub named (--hub): this store syncs only with a hub set in its settings, and otherwise works offline on its own reports.\n');
    let core: CoreHost;
    try {
      // The demo keeps its secrets in its own folder; an officer's own store seals them with its key, kept nowhere.
      const secrets = demo ? createFileSecretStore(paths.secretsPath, { keepsStoreKey: true }) : browserModeSecrets(paths.dataDir, io.env);
      // Store, sync and the API's handlers run in their own thread; this one only serves the page and relays.
      core = launchCore({ dataDir: paths.dataDir, storePath, demo, launch: demo ? {} : { hubUrl, hubToken }, env: io.env }, { secrets, logger });
      await Promise.race([core.started, upgradeBegins(core)]);
    } catch (error) {
      stopped.dispose();
      throw isAppError(error) ? new CliError(error.message) : error;
    }
    let startFailed = false;
    core.started.catch((error: unknown) => {
      startFailed = true;
      io.stderr.write(`${isAppError(error) ? error.message : 'The workstation could not start.'}\n`);
    });
    try {
      const transport = await startHttpTransport({ core, rendererDir: paths.rendererDir, port }).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EADDRINUSE' ? new CliError(`port ${port} is in use`) : error;
      });
      await writeJsonLine(io.stdout, { url: transport.url });
      const signal = await stopped.received;
      logger.info('stopping', { signal });
      await transport.close();
    } finally {
      stopped.dispose();
      await core.close();
    }
    return startFailed ? 1 : 0;
  },
};

/** Settles when the core starts upgrading the store (never, when it needs no upgrade). */
function upgradeBegins(core: CoreHost): Promise<void> {
  return new Promise((resolve) => {
    const stop = core.subscribe((message) => {
      if (message.event !== 'app.startState' || message.payload.phase !== 'upgrading') return;
      stop();
      resolve();
    });
    core.started.then(stop, stop);
  });
}
