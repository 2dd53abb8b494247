import { onTestFinished } from 'vitest';
import type { ApiMethod, ApiParams, ApiValue } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import type { OfficerView } from '../../../shared/api/views';
import type { EventMessage } from '../../../shared/api/wire';
import type { IntakeRecord } from '../../../shared/intake/schema';
import type { ApiContext } from '../../../src-main/api/context';
import { dispatch } from '../../../src-main/api/dispatch';
import { createApiEventBus } from '../../../src-main/api/events';
import { appPathsIn } from '../../../src-main/app/app-paths';
import { seedDemoOfficers, signIn } from '../../../src-main/app/officers';
import { createFileSecretStore, type SecretStore } from '../../../src-main/app/secrets';
import { createSettingsControl } from '../../../src-main/app/settings-control';
import { createOidcSignIn } from '../../../src-main/app/oidc-sign-in';
import { createSessionControl } from '../../../src-main/app/session-control';
import { createSettingsFile } from '../../../src-main/app/settings-file';
import { createSyncController, type SyncTarget } from '../../../src-main/app/sync-controller';
import { fixedClock } from '../../../shared/platform/clock';
import type { LogFields } from '../../../shared/platform/logger';
import { sequentialIds } from '../../sync/support/mutation-fixtures';
import { openTempStore, tempDir, type TempStore } from '../../support/temp-store';
import { readCursor, START_CURSOR } from '../../../src-main/db/sync-cursor';

export const SUPERVISOR = 'l.vermeer';
export const OFFICER = 's.bakker';

export interface ApiHarness extends TempStore {
  context: ApiContext;
  /** The workstation's secrets (the hub token a sign-in stores). */
  secrets: SecretStore;
  events: EventMessage[];
  logged: Array<{ level: string; event: string; fields: LogFields | undefined }>;
  /** Dispatches and returns the envelope. */
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<ApiValue<M>>>;
  /** Dispatches and returns the value; fails the test on an error envelope. */
  value<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiValue<M>>;
  /** The same store and services, signed in as someone else. */
  as(officerId: string): ApiHarness;
}

/** A real temp store behind the real dispatcher, signed in as a demo officer, with no hub connected unless `hub` names one. */
export async function openApiHarness(options: { officer?: string; records?: readonly IntakeRecord[]; hub?: SyncTarget } = {}): Promise<ApiHarness> {
  const temp = openTempStore();
  const dataDir = tempDir();
  const paths = appPathsIn(dataDir, { storePath: temp.path });
  const clock = fixedClock(new Date('2026-11-02T09:00:00Z'), 1000);
  const bus = createApiEventBus();
  const events: EventMessage[] = [];
  bus.subscribe((message) => events.push(message));
  const sync = createSyncController({ store: temp.store, clock, fetch, events: bus });
  await sync.connect(options.hub ?? null, { embedded: false });
  // Registered after the store's own close, so it runs before it (the hooks run last registered first).
  if (options.hub) onTestFinished(() => sync.disconnect());
  events.length = 0;
  const logged: ApiHarness['logged'] = [];
  const log = (level: string) => (event: string, fields?: LogFields) => logged.push({ level, event, fields });
  seedDemoOfficers(temp.store.sqlite);
  if (options.records) await temp.importRecords(options.records);
  const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
  const settingsFile = createSettingsFile(paths.settingsPath);
  const settings = createSettingsControl({
    file: settingsFile,
    secrets,
    launch: { demo: false },
    reconnect: () => Promise.resolve(),
    storeHoldsHubData: () => readCursor(temp.store.sqlite) !== START_CURSOR,
  });
  const services = { clock, newId: sequentialIds() };

  function harnessFor(officer: OfficerView): ApiHarness {
    const session = createSessionControl({ store: temp.store, clock, settingsFile, secrets, launch: { demo: false }, fetch, reconnect: () => Promise.resolve(), officerId: officer.id });
    const context: ApiContext = {
      get officer() {
        return session.acting();
      },
      session,
      oidc: createOidcSignIn({ fetch, hubUrl: () => settingsFile.read().hubUrl, adopt: session.adoptHubSignIn, keyOffer: session.keyOffer, dueOfficer: session.dueForPoliceSignIn, announce: () => bus.emit('work.changed', { entities: ['officer'] }) }),
      store: temp.store,
      clock,
      services,
      sync: sync.link,
      settings,
      events: bus,
      logger: { info: log('info'), warn: log('warn'), error: log('error') },
    };
    const call = <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatch(method, params, context) as Promise<ApiResult<ApiValue<M>>>;
    return {
      ...temp,
      context,
      secrets,
      events,
      logged,
      call,
      async value(method, params) {
        const result = await call(method, params);
        if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      as: (officerId) => harnessFor(signIn(temp.store.sqlite, officerId)),
    };
  }
  return harnessFor(signIn(temp.store.sqlite, options.officer ?? SUPERVISOR));
}
