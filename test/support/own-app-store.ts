import { Readable } from 'node:stream';
import { systemClock } from '../../shared/platform/clock';
import { IMPORT_ACTOR } from '../../src-main/audit/actor';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { importNdjson } from '../../src-main/ingest/importer';
import { createReportWriter } from '../../src-main/ingest/report-writer';
import { examplesText } from './records';
import { tempDir } from './temp-store';

/** An officer's own (not demo) app store in a fresh folder, holding the contract's example reports; left open. */
export async function ownAppStoreWithReports() {
  const paths = appPathsIn(tempDir());
  const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
  const store = openAppStore(paths, secrets, {}, systemClock, 'own');
  await importNdjson(Readable.from([Buffer.from(examplesText())]), createReportWriter(store, { clock: systemClock, actor: IMPORT_ACTOR }));
  return { paths, secrets, store };
}

/** The same store closed again, for a test that starts a core on it. */
export async function closedOwnAppStore() {
  const { paths, secrets, store } = await ownAppStoreWithReports();
  store.close();
  return { paths, secrets };
}
