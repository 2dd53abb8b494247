import type { ApiResult } from '../../shared/api/result';
import type { ErrorCode } from '../../shared/errors';
import type { EventMessage } from '../../shared/api/wire';
import type { SecretName } from './secrets';

/** How the workstation core is started in its own thread; JSON-safe, so it crosses any message port. */
export interface CoreStartOptions {
  dataDir: string;
  storePath: string;
  rendererDir?: string;
  migrationsFolder?: string;
  hubMigrationsFolder?: string;
  demo: boolean;
  launch: { hubUrl?: string | undefined; hubToken?: string | undefined };
  env: Record<string, string | undefined>;
  /** The secrets as the platform holds them (the desktop's keychain lives in the main process); changes go back. */
  secrets: Partial<Record<SecretName, string>>;
  /** Whether the platform may keep the store's key (SecretStore.keepsStoreKey). */
  keepsStoreKey: boolean;
  demoFeed?: { initialBatch?: number; intervalMs?: number };
  /** Whether the platform opens the identity provider's sign-in page in the system browser (the desktop). */
  systemBrowser: boolean;
}

/** What the thread that serves the window sends the core. */
export type ToCore = { type: 'start'; options: CoreStartOptions } | { type: 'call'; id: number; method: unknown; params: unknown } | { type: 'close' };

/** What the core sends back. */
export type FromCore =
  | { type: 'ready' }
  /** Starting: about to apply the `step`th of `of` migrations the store is upgraded by. */
  | { type: 'upgrading'; step: number; of: number }
  | { type: 'start-failed'; code: ErrorCode; message: string }
  | { type: 'answer'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; message: EventMessage }
  | { type: 'secret'; name: SecretName; value: string | null }
  /** Open the identity provider's sign-in page in the system browser (only when started with `systemBrowser`). */
  | { type: 'open-in-browser'; url: string }
  | { type: 'closed' };
