import type { SecretStore } from './secrets';
import type { StoredSettings } from './settings-file';

export const HUB_URL_ENV = 'PUZZELSTUK_HUB_URL';
export const HUB_TOKEN_ENV = 'PUZZELSTUK_HUB_TOKEN';

/**
 * How the workstation was launched: the demo (an embedded hub with generated reports, on a store made for it),
 * or on an officer's own store with the hub named at launch (environment, or `serve --hub --token`), used until
 * the officer sets one in the settings.
 */
export interface LaunchHub {
  demo: boolean;
  hubUrl?: string | undefined;
  hubToken?: string | undefined;
}

/** Which hub the workstation syncs with: the embedded demo hub, a real one (maybe still without a token), or none. */
export type HubTarget = { kind: 'embedded' } | { kind: 'remote'; hubUrl: string; token: string | null } | { kind: 'offline' };

export function launchHubFromEnv(env: NodeJS.ProcessEnv, demo: boolean): LaunchHub {
  return { demo, hubUrl: env[HUB_URL_ENV] || undefined, hubToken: env[HUB_TOKEN_ENV] || undefined };
}

export function hubTargetOf(settings: StoredSettings, secrets: SecretStore, launch: LaunchHub): HubTarget {
  if (launch.demo) return { kind: 'embedded' };
  const hubUrl = settings.hubUrl ?? launch.hubUrl ?? null;
  // Without a hub the store is worked offline, on its own data only: nothing is generated into it.
  if (hubUrl === null) return { kind: 'offline' };
  return { kind: 'remote', hubUrl, token: secrets.get('hub-token') ?? launch.hubToken ?? null };
}
