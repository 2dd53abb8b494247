import type { SecretStore } from './secrets';
import type { StoredSettings } from './settings-file';

export const HUB_URL_ENV = 'PUZZELSTUK_HUB_URL';
export const HUB_TOKEN_ENV = 'PUZZELSTUK_HUB_TOKEN';

/** A hub named at launch (environment, or `serve --hub --token`): used until the officer sets one in the settings. */
export interface LaunchHub {
  hubUrl?: string | undefined;
  hubToken?: string | undefined;
}

/** Which hub the workstation syncs with: the embedded demo hub, or a real one (maybe still without a token). */
export type HubTarget = { kind: 'embedded' } | { kind: 'remote'; hubUrl: string; token: string | null };

export function launchHubFromEnv(env: NodeJS.ProcessEnv): LaunchHub {
  return { hubUrl: env[HUB_URL_ENV] || undefined, hubToken: env[HUB_TOKEN_ENV] || undefined };
}

export function hubTargetOf(settings: StoredSettings, secrets: SecretStore, launch: LaunchHub): HubTarget {
  const hubUrl = settings.hubUrl ?? launch.hubUrl ?? null;
  if (hubUrl === null) return { kind: 'embedded' };
  return { kind: 'remote', hubUrl, token: secrets.get('hub-token') ?? launch.hubToken ?? null };
}
