import { isAppError } from '../../../shared/errors';
import { systemClock } from '../../../shared/platform/clock';
import { createJsonLogger } from '../../../shared/platform/logger';
import type { CaseStore } from '../../db/open-store';
import { NO_WINDOW_SLICE_MS } from '../../ingest/apply-feed-page';
import { createWorkerPreparer } from '../../ingest/prepare-pool';
import { SyncCancelled } from '../../sync/hub-errors';
import { createSyncEngine, type SyncEngine } from '../../sync/sync-engine';
import { parseSyncScope } from '../../sync/sync-scope';
import type { SyncState } from '../../sync/sync-state';
import { parseCommandArgs, requireOption } from '../args';
import { CliError, UsageError, writeJsonLine, type CliCommand, type CliIo } from '../command';
import { openCliStore } from '../store-option';

const usage = 'sync --db <path> --hub <url> --token <t> [--once] [--scope <r1,r2|*>]';
/** The token may come from the environment instead, so it need not land in shell history. */
export const HUB_TOKEN_ENV = 'PUZZELSTUK_HUB_TOKEN';

function describe(state: SyncState): string {
  const where = state.online ? 'online' : state.lastError ? 'offline' : 'connecting';
  const initial = state.initialSync.active ? `, first sync: ${state.initialSync.received} entries` : '';
  const error = state.lastError ? ` — ${state.lastError}` : '';
  return `sync: ${where}, cursor ${state.cursor}, ${state.pendingOutbox} to push${initial}${error}\n`;
}

/** Runs until SIGINT or SIGTERM; the transaction in progress finishes, then the loop ends. */
async function runUntilSignalled(engine: SyncEngine, io: CliIo): Promise<void> {
  let onSignal: () => void = () => undefined;
  const signalled = new Promise<void>((resolve) => (onSignal = resolve));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unsubscribe = engine.onStateChange((state) => io.stderr.write(describe(state)));
  try {
    engine.start();
    await signalled;
    await engine.stop();
  } finally {
    unsubscribe();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export const syncCommand: CliCommand = {
  name: 'sync',
  usage,
  summary: `Exchange reports and officers' changes with the hub: one round with --once, else until interrupted; prints {"pulled","pushed","cursor"}. The token may be given in ${HUB_TOKEN_ENV}.`,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { db: { type: 'string' }, hub: { type: 'string' }, token: { type: 'string' }, once: { type: 'boolean' }, scope: { type: 'string' } },
      usage,
    );
    const dbPath = requireOption(values.db, '--db', usage);
    const hubUrl = requireOption(values.hub, '--hub', usage);
    const token = requireOption(values.token ?? io.env[HUB_TOKEN_ENV], '--token', usage);
    if (!/^https?:\/\//.test(hubUrl)) throw new UsageError(`--hub must be an http(s) URL, got "${hubUrl}"`);
    let scope;
    try {
      scope = parseSyncScope(values.scope ?? '*');
    } catch (error) {
      throw new UsageError(isAppError(error) ? error.message : String(error));
    }

    const store: CaseStore = openCliStore(dbPath, io);
    // Pulled reports are parsed and extracted on a worker, as in the workstation, while this thread writes.
    const preparer = createWorkerPreparer();
    try {
      // No window waits on this process: longer transactions, which sync faster (short enough for an app's writes beside it).
      const engine = createSyncEngine(store, { hubUrl, token, scope, preparer, sliceMs: NO_WINDOW_SLICE_MS, logger: createJsonLogger(io.stderr, systemClock) });
      if (values.once) {
        let summary;
        try {
          summary = await engine.runOnce();
        } catch (error) {
          if (error instanceof SyncCancelled) return 130;
          throw new CliError(`the round did not finish: ${(error as Error).message}`);
        }
        await writeJsonLine(io.stdout, summary);
        return 0;
      }
      await runUntilSignalled(engine, io);
      await writeJsonLine(io.stdout, engine.totals());
      return 0;
    } finally {
      await preparer.close();
      store.close();
    }
  },
};
