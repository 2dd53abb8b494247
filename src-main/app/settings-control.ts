import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { ApiParams } from '../../shared/api/contract';
import type { OfficerView, SettingsView } from '../../shared/api/views';
import { AppError } from '../../shared/errors';
import type { SettingsControl } from '../api/context';
import { formatSyncScope, parseSyncScope } from '../sync';
import { hubTargetOf, type LaunchHub } from './hub-target';
import type { SecretStore } from './secrets';
import type { SettingsFile, StoredSettings } from './settings-file';

const blankToNull = (text: string | null | undefined) => (text === null || text === undefined || text.trim() === '' ? null : text.trim());

/** A CA file must hold a PEM certificate; it is read again whenever sync connects. */
function checkCaFile(path: string | null): string | null {
  if (path === null) return null;
  if (!isAbsolute(path)) throw new AppError('BAD_INPUT', `The certificate authority file must be given with its full path, not "${path}".`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_INPUT', `The certificate authority file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new AppError('BAD_INPUT', `${path} holds no certificate in PEM form (-----BEGIN CERTIFICATE-----).`);
  return path;
}

/**
 * Reads and changes the officer's settings; a change of hub, token, CA or scope reconnects sync at once. Another
 * hub address or certificate authority clears the stored credential and the remembered officer: they were the old
 * hub's.
 */
export function createSettingsControl(deps: {
  file: SettingsFile;
  secrets: SecretStore;
  launch: LaunchHub;
  reconnect: () => Promise<void>;
  /** Whether the store already holds what it pulled from its hub (the pull cursor has moved). */
  storeHoldsHubData: () => boolean;
}): SettingsControl {
  function get(): SettingsView {
    const settings = deps.file.read();
    const target = hubTargetOf(settings, deps.secrets, deps.launch);
    return {
      hubUrl: target.kind === 'remote' ? target.hubUrl : null,
      hubTokenSet: target.kind === 'remote' ? target.token !== null : deps.secrets.get('hub-token') !== null,
      hubCaFile: settings.hubCaFile,
      language: settings.language,
      scope: settings.scope,
      idleLockMinutes: settings.idleLockMinutes,
      supervisorGuarded: deps.storeHoldsHubData(),
    };
  }

  /** The hub's address as used: the one named at launch, saved unchanged from the form, is no other address. */
  function addressOf(settings: StoredSettings): string | null {
    const target = hubTargetOf(settings, deps.secrets, deps.launch);
    return target.kind === 'remote' ? target.hubUrl : null;
  }

  /**
   * Once the store holds a hub's reports, what decides whom the workstation trusts (the hub's address, its
   * certificate authority, the token and scope it syncs with) and a longer idle time (the screen stays open longer
   * when left alone) are a signed-in supervisor's to change: anyone at the keyboard of a shared station could
   * otherwise let another server pass as the hub, or leave victims' data on an unattended screen. A store that
   * never synced has nothing to protect yet and is set up freely; a shorter idle time and the language are anyone's.
   */
  function refuseWeakeningUnlessSupervisor(current: StoredSettings, next: StoredSettings, change: ApiParams<'settings.set'>, actor: OfficerView | null, signedInOffline: boolean): void {
    const weakened: string[] = [];
    if (addressOf(next) !== addressOf(current)) weakened.push('the hub’s address');
    if (next.hubCaFile !== current.hubCaFile) weakened.push('the hub’s certificate authority file');
    if (change.hubToken !== undefined) weakened.push('the hub token');
    if (next.scope !== current.scope) weakened.push('the regions this workstation syncs');
    if (next.idleLockMinutes > current.idleLockMinutes) weakened.push('a longer idle time before the screen locks');
    // A supervisor signed in without the hub proved only a cached credential or offline code (a PIN, perhaps): not enough to
    // decide which server is the hub.
    if (weakened.length === 0 || (actor?.role === 'supervisor' && !signedInOffline) || !deps.storeHoldsHubData()) return;
    const why =
      actor === null
        ? 'Nobody is signed in: ask a supervisor to sign in and change it.'
        : actor.role === 'supervisor'
          ? `${actor.displayName} signed in without the hub (offline), which proves too little for this: sign in again once the hub can be reached.`
          : `${actor.displayName} is not a supervisor: ask a supervisor to sign in and change it.`;
    throw new AppError(
      'FORBIDDEN',
      `Only a signed-in supervisor can change ${weakened.join(', ')} on a workstation that holds its hub’s reports. ${why}`,
    );
  }

  /**
   * A store that has synced with a hub stays that hub's: pointed at another hub, whoever that hub says is a
   * supervisor could sign in and read the reports (and their reporters) this store already holds.
   */
  function refuseAnotherHubForSyncedStore(current: StoredSettings, next: StoredSettings): void {
    const before = hubTargetOf(current, deps.secrets, deps.launch);
    const after = hubTargetOf(next, deps.secrets, deps.launch);
    if (before.kind !== 'remote' || (after.kind === 'remote' && after.hubUrl === before.hubUrl) || !deps.storeHoldsHubData()) return;
    throw new AppError(
      'CONFLICT',
      `This store holds the reports it synced from the hub at ${before.hubUrl}, and stays with that hub: another hub's officers must never read them. To work with another hub, start Puzzelstuk with a new store.`,
    );
  }

  return {
    get,
    async set(change: ApiParams<'settings.set'>, actor: OfficerView | null, signedInOffline: boolean): Promise<SettingsView> {
      if (deps.launch.demo && (change.hubUrl !== undefined || change.hubToken !== undefined)) {
        // A real hub's reports would land in the demo's store among generated ones, and the demo's in the hub.
        throw new AppError('BAD_INPUT', 'The demo works only with its own embedded hub. To use a real hub, start Puzzelstuk on your own store (without the demo).');
      }
      const current = deps.file.read();
      const next: StoredSettings = { ...current };
      if (change.hubUrl !== undefined) next.hubUrl = blankToNull(change.hubUrl)?.replace(/\/+$/, '') ?? null;
      if (change.hubCaFile !== undefined) next.hubCaFile = checkCaFile(blankToNull(change.hubCaFile));
      if (change.language !== undefined) next.language = change.language;
      if (change.scope !== undefined) next.scope = formatSyncScope(parseSyncScope(change.scope));
      if (change.idleLockMinutes !== undefined) next.idleLockMinutes = change.idleLockMinutes;
      const hubChanged = addressOf(next) !== addressOf(current);
      refuseAnotherHubForSyncedStore(current, next);
      refuseWeakeningUnlessSupervisor(current, next, change, actor, signedInOffline);
      const caChanged = next.hubCaFile !== current.hubCaFile;
      // A credential belongs to the hub that issued it: another address, even a look-alike, never receives it; nor
      // does whatever server another certificate authority lets pass as the hub at the same address.
      if (hubChanged || caChanged) {
        next.officerId = null;
        deps.secrets.set('hub-token', null);
      }
      // Sessions still to be ended would go out through whatever the new authority lets pass: they end at their time.
      if (caChanged) deps.secrets.set('pending-session-ends', null);
      deps.file.write(next);
      if (change.hubToken !== undefined) deps.secrets.set('hub-token', blankToNull(change.hubToken));
      const reconnecting = change.hubToken !== undefined || hubChanged || caChanged || next.scope !== current.scope;
      if (reconnecting) await deps.reconnect();
      return get();
    },
  };
}
