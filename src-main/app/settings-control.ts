import type { ApiParams } from '../../shared/api/contract';
import type { SettingsView } from '../../shared/api/views';
import { AppError } from '../../shared/errors';
import type { SettingsControl } from '../api/context';
import { formatSyncScope, parseSyncScope } from '../sync';
import { hubTargetOf, type LaunchHub } from './hub-target';
import type { SecretStore } from './secrets';
import type { SettingsFile, StoredSettings } from './settings-file';

const blankToNull = (text: string | null | undefined) => (text === null || text === undefined || text.trim() === '' ? null : text.trim());

/** Reads and changes the officer's settings; a change of hub, token or scope reconnects sync at once. */
export function createSettingsControl(deps: { file: SettingsFile; secrets: SecretStore; launch: LaunchHub; reconnect: () => Promise<void> }): SettingsControl {
  function get(): SettingsView {
    const settings = deps.file.read();
    const target = hubTargetOf(settings, deps.secrets, deps.launch);
    return {
      hubUrl: target.kind === 'remote' ? target.hubUrl : null,
      hubTokenSet: target.kind === 'remote' ? target.token !== null : deps.secrets.get('hub-token') !== null,
      language: settings.language,
      scope: settings.scope,
    };
  }

  return {
    get,
    async set(change: ApiParams<'settings.set'>): Promise<SettingsView> {
      if (deps.launch.demo && (change.hubUrl !== undefined || change.hubToken !== undefined)) {
        // A real hub's reports would land in the demo's store among generated ones, and the demo's in the hub.
        throw new AppError('BAD_INPUT', 'The demo works only with its own embedded hub. To use a real hub, start Puzzelstuk on your own store (without the demo).');
      }
      const current = deps.file.read();
      const next: StoredSettings = { ...current };
      if (change.hubUrl !== undefined) next.hubUrl = blankToNull(change.hubUrl)?.replace(/\/+$/, '') ?? null;
      if (change.language !== undefined) next.language = change.language;
      if (change.scope !== undefined) next.scope = formatSyncScope(parseSyncScope(change.scope));
      deps.file.write(next);
      if (change.hubToken !== undefined) deps.secrets.set('hub-token', blankToNull(change.hubToken));
      const reconnecting = change.hubToken !== undefined || next.hubUrl !== current.hubUrl || next.scope !== current.scope;
      if (reconnecting) await deps.reconnect();
      return get();
    },
  };
}
