import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { systemClock } from '../../../shared/platform/clock';
import { silentLogger } from '../../../shared/platform/logger';
import { openCaseStore } from '../../../src-main/app/open-case-store';
import { startWalCheckpointer } from '../../../src-main/app/wal-checkpointer';
import { tempDir } from '../../support/temp-store';
import { startSyncHub } from './sync-hub';

export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * A station's store enrolled at a fresh sync hub, with the core's WAL checkpoint thread running: returned once the
 * writer no longer checkpoints itself (the thread took over). All of it is closed when the test finishes.
 */
export async function checkpointedStation(checkpointer: { restartAboveBytes?: number } = {}) {
  const hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-checkpointed-'));
  const hub = await startSyncHub(hubDir);
  const store = hub.enroll(openCaseStore({ clock: systemClock, path: join(tempDir(), 'station.db') }));
  const thread = startWalCheckpointer(store, undefined, { logger: silentLogger, ...checkpointer });
  onTestFinished(async () => {
    await thread.close();
    store.close();
    await hub.close();
    rmSync(hubDir, { recursive: true, force: true });
  });
  await until(() => store.sqlite.pragma('wal_autocheckpoint', { simple: true }) === 0);
  return { hub, store, checkpointer: thread };
}
