/**
 * Who works at this workstation. In the demo (the embedded hub) any known, active officer signs in without a
 * credential. With a real hub the officer gives their credential: the hub checks it, and it becomes the token
 * this workstation syncs with, so the hub holds every change to the officer who made it. Each such sign-in caches
 * a proof of the credential (offline-proofs.ts), with which the officer signs in here while the hub cannot be
 * reached — marked offline. An officer who signs in with their police account (oidc-sign-in.ts) syncs with the
 * session the hub gave for it. Signing out forgets who works here and their credential, not their unsent changes:
 * those are signed with the officer's own key and reach the hub as theirs whoever is signed in by then.
 *
 * The screen locks after the idle time the settings give: the window locks it when keyboard and mouse were idle
 * that long (features/session/IdleLock.tsx), and with a real hub the core locks it itself when the window has not
 * reported the officer's activity for that long and a minute more — a window whose timer was stopped does not keep
 * it open. While locked every officer-bound call is refused; the same officer unlocks with their credential,
 * checked as at sign-in, or another officer signs in (a shift change).
 */
import type { ApiParams } from '../../shared/api/contract';
import { IDLE_LOCK_MINUTES, type OfficerView } from '../../shared/api/views';
import type { HubOfficer } from '../../shared/hub/protocol';
import { AppError } from '../../shared/errors';
import type { SessionControl } from '../api/context';
import type { ApiEventBus } from '../api/events';
import type { CaseStore } from '../db/open-store';
import type { Clock } from '../../shared/platform/clock';
import { createHubClient, enrollOfficer } from '../sync';
import { realTimers, type SyncTimers } from '../sync/timers';
import { copyOfficers } from '../sync/officer-refresh';
import { checkCredential } from './credential-check';
import { createOfflineProofs, DEFAULT_OFFLINE_MAX_AGE_MS, OFFLINE_FAILURE_LIMIT, type OfflineCheck } from './offline-proofs';
import { recheckOnSyncState } from './offline-recheck';
import { hubTargetOf, type LaunchHub } from './hub-target';
import { createSessionRenewal } from './session-renewal';
import type { SecretStore } from './secrets';
import type { SettingsFile } from './settings-file';

export interface SessionDeps {
  store: CaseStore;
  clock: Clock;
  settingsFile: SettingsFile;
  secrets: SecretStore;
  launch: LaunchHub;
  fetch: typeof fetch;
  /** Connects sync again (with the token now in the secrets). */
  reconnect: () => Promise<void>;
  /** Who is signed in at start: the demo's officer; with a real hub nobody until an officer signs in. */
  officerId: string | null;
  /** A monotonic clock in milliseconds (performance.now): the idle time must not jump with the wall clock. */
  monotonicMs?: () => number;
  /** Told when the screen locks or unlocks, so that every window follows. */
  onLockChange?: (locked: boolean) => void;
  /** How old a cached proof may be to sign in without the hub (DEFAULT_OFFLINE_MAX_AGE_MS, 14 days). */
  offlineMaxAgeMs?: number;
  /**
   * Sync's state arrives here; while an officer is signed in offline the hub is asked about them again when it is
   * back, and every window is told what came of it (`work.changed` officer).
   */
  events?: ApiEventBus;
  /** Timers for renewing a hub session (injected by tests). */
  timers?: SyncTimers;
}

const offlineMaxDays = (ms: number) => Math.round(ms / 86_400_000);

/** Why an offline sign-in was refused, in words for the officer, after why the hub could not check the credential. */
function offlineRefusal(id: string, check: Exclude<OfflineCheck, { ok: true }>, maxAgeMs: number, hubMessage: string): AppError {
  const without = `${hubMessage} Without the hub:`;
  switch (check.reason) {
    case 'never-here':
      return new AppError('UNAUTHENTICATED', `${without} only an officer who signed in on this workstation with the hub before signs in here, and "${id}" has not.`);
    case 'wrong':
      return new AppError('UNAUTHENTICATED', `${without} this is not the credential "${id}" last signed in with here (failed attempt ${check.failures} of ${OFFLINE_FAILURE_LIMIT}).`);
    case 'locked':
      return new AppError('RATE_LIMITED', `${without} signing in as "${id}" is locked until ${check.lockedUntil}: too many wrong credentials were given.`);
    case 'expired':
      return new AppError('UNAUTHENTICATED', `${without} a sign-in here counts for ${offlineMaxDays(maxAgeMs)} days, and "${id}" last signed in with the hub on ${check.provenAt}: sign in once the hub is back.`);
  }
}

/** The window reports activity at most every 30 s: the core allows a minute beyond the idle time before it locks. */
const CORE_IDLE_GRACE_MS = 60_000;

type StoredOfficer = OfficerView & { active: 0 | 1 };

/** Adopts a session the hub opened for `officer` (signing in with a police account), kept alive until `expiresAt` and renewed. */
export type HubSignInAdopter = (hubUrl: string, officer: HubOfficer, session: string, expiresAt: string) => Promise<OfficerView>;

export function createSessionControl(deps: SessionDeps): SessionControl & { adoptHubSignIn: HubSignInAdopter } {
  const { sqlite } = deps.store;
  const monotonicMs = deps.monotonicMs ?? (() => performance.now());
  const stored = (id: string) =>
    sqlite.prepare<[string], StoredOfficer>('SELECT id, display_name AS displayName, role, team, active FROM officers WHERE id = ?').get(id);
  let currentId = deps.officerId;
  /** Signed in against the cached proof, not the hub. */
  let offline = false;
  const offlineMaxAgeMs = deps.offlineMaxAgeMs ?? DEFAULT_OFFLINE_MAX_AGE_MS;
  const proofs = createOfflineProofs({ secrets: deps.secrets, clock: deps.clock, maxAgeMs: offlineMaxAgeMs });
  let locked = false;
  let lastActivityMs = monotonicMs();

  function setLocked(value: boolean): void {
    if (locked === value) return;
    locked = value;
    deps.onLockChange?.(value);
  }

  const renewal = createSessionRenewal({ clock: deps.clock, timers: deps.timers ?? realTimers });

  /**
   * The session the workstation synced with (a police-account sign-in) ends on the hub when its officer leaves, so a
   * copy of it is worth nothing from then on; without the hub it ends by itself at its time.
   */
  async function endStoredSession(hubUrl: string): Promise<void> {
    renewal.stop();
    const token = deps.secrets.get('hub-token');
    if (!token?.startsWith('pzs_')) return;
    await createHubClient({ hubUrl, token, fetch: deps.fetch })
      .endSession()
      .catch(() => undefined);
  }

  function requireActiveHere(id: string): void {
    const officer = stored(id);
    if (!officer) throw new AppError('NOT_FOUND', `No officer "${id}" is known here.`);
    if (officer.active === 0) throw new AppError('FORBIDDEN', `Officer "${id}" has been deactivated.`);
  }

  /**
   * Another officer's unsent changes go under this officer's credential only when signed by their own key; an
   * unsigned one (made before signing existed) would be refused and lost.
   */
  function refuseWhileOthersPending(id: string): void {
    const pending = sqlite.prepare<[string], number>("SELECT count(*) FROM outbox WHERE state = 'pending' AND officer <> ? AND proof IS NULL").pluck().get(id) ?? 0;
    if (pending > 0) {
      throw new AppError('CONFLICT', `${pending} change${pending === 1 ? '' : 's'} by another officer ha${pending === 1 ? 's' : 've'} not reached the hub yet; sign in once sync has sent them.`);
    }
  }

  function viewOf(id: string): OfficerView {
    const officer = stored(id);
    return officer ? { id: officer.id, displayName: officer.displayName, role: officer.role, team: officer.team } : { id, displayName: id, role: 'officer', team: null };
  }

  function current(): OfficerView | null {
    return currentId === null ? null : viewOf(currentId);
  }

  /** The hub checks the credential; when it cannot be reached, the proof cached at this officer's last sign-in here. */
  async function checkWithHub(hubUrl: string, id: string, credential: string | undefined): Promise<{ token: string; offline: boolean }> {
    let checked;
    try {
      checked = await checkCredential({ hubUrl, fetch: deps.fetch }, id, credential);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'UNAVAILABLE') return { token: checkOffline(id, hubUrl, credential?.trim() ?? '', error.message), offline: true };
      // The hub refuses this officer's cached credential: deactivated (403), or replaced or revoked (401).
      if ((error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED') && proofs.matches(id, credential?.trim() ?? '')) proofs.forget(id);
      throw error;
    }
    await takeFromHub(hubUrl, checked.officer, checked.token);
    proofs.remember(id, hubUrl, checked.token);
    return { token: checked.token, offline: false };
  }

  /** The officer as the hub vouched for them (credential or identity provider), and their signing key enrolled. */
  async function takeFromHub(hubUrl: string, officer: HubOfficer, token: string): Promise<void> {
    refuseWhileOthersPending(officer.id);
    copyOfficers(sqlite, [officer]);
    // Their changes here are signed from now on, so they stay theirs whoever is signed in when they are pushed.
    await enrollOfficer(deps.store, createHubClient({ hubUrl, token, fetch: deps.fetch }), officer.id, deps.clock);
  }

  /**
   * The officer the identity provider named and the hub gave a session works here from now on, syncing with that
   * session. No offline proof is kept: a session ends on the hub's clock, and it is no credential to check.
   */
  async function adoptHubSignIn(hubUrl: string, officer: HubOfficer, session: string, expiresAt: string): Promise<OfficerView> {
    await takeFromHub(hubUrl, officer, session);
    await endStoredSession(hubUrl);
    deps.secrets.set('hub-token', session);
    renewal.keep(expiresAt, () => createHubClient({ hubUrl, token: session, fetch: deps.fetch }).renewSession());
    offline = false;
    currentId = officer.id;
    lastActivityMs = monotonicMs();
    setLocked(false);
    deps.settingsFile.write({ ...deps.settingsFile.read(), officerId: officer.id });
    await deps.reconnect();
    return viewOf(officer.id);
  }

  function checkOffline(id: string, hubUrl: string, credential: string, hubMessage: string): string {
    if (stored(id)?.active === 0) {
      // The registry this store pulled from the hub says so; their proof is of no use any more.
      proofs.forget(id);
      throw new AppError('FORBIDDEN', `Officer "${id}" has been deactivated; without the hub nobody signs in as them.`);
    }
    const check = proofs.check(id, hubUrl, credential);
    if (!check.ok) throw offlineRefusal(id, check, offlineMaxAgeMs, hubMessage);
    refuseWhileOthersPending(id);
    return credential;
  }

  async function signOut(): Promise<void> {
    const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
    currentId = null;
    offline = false;
    setLocked(false);
    deps.settingsFile.write({ ...deps.settingsFile.read(), officerId: null });
    if (target.kind !== 'remote') return;
    await endStoredSession(target.hubUrl);
    // Their credential goes with them; sync goes on with the station's own token, if it was started with one.
    deps.secrets.set('hub-token', null);
    await deps.reconnect();
  }

  /**
   * The hub, back, answers for an officer signed in offline: their credential holds (no longer offline, their proof
   * made afresh), or the hub refuses it — deactivated, replaced or revoked — and nobody works on in their name.
   * Whether the session changed.
   */
  async function confirmOffline(): Promise<boolean> {
    const id = currentId;
    const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
    if (!offline || id === null || target.kind !== 'remote' || target.token === null) return false;
    try {
      const checked = await checkCredential({ hubUrl: target.hubUrl, fetch: deps.fetch }, id, target.token);
      if (currentId !== id) return false;
      copyOfficers(sqlite, [checked.officer]);
      proofs.remember(id, target.hubUrl, checked.token);
      offline = false;
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'UNAVAILABLE' || currentId !== id) return false;
      proofs.forget(id);
      await signOut();
    }
    return true;
  }

  const events = deps.events;
  if (events) {
    recheckOnSyncState({
      events,
      clock: deps.clock,
      recheck: async () => {
        if (await confirmOffline()) events.emit('work.changed', { entities: ['officer'] });
      },
    });
  }

  /** With a real hub, the core locks once the window has reported no activity for the idle time (and the grace). */
  function lockWhenIdle(): void {
    const idleMs = monotonicMs() - lastActivityMs;
    // The settings are read only once even the shortest idle time could have passed.
    if (locked || currentId === null || idleMs <= IDLE_LOCK_MINUTES.min * 60_000 + CORE_IDLE_GRACE_MS) return;
    const settings = deps.settingsFile.read();
    if (hubTargetOf(settings, deps.secrets, deps.launch).kind !== 'remote') return;
    if (idleMs > settings.idleLockMinutes * 60_000 + CORE_IDLE_GRACE_MS) setLocked(true);
  }

  function acting(): OfficerView {
    const officer = requireSignedIn({ current });
    lockWhenIdle();
    if (locked) throw new AppError('UNAUTHENTICATED', `The screen is locked: ${officer.displayName} unlocks it with their credential, or another officer signs in.`);
    return officer;
  }

  const control: SessionControl & { adoptHubSignIn: HubSignInAdopter } = {
    current,
    acting,
    signOut,

    signedInOffline: () => currentId !== null && offline,

    async signIn({ officerId, credential }: ApiParams<'session.signIn'>): Promise<OfficerView> {
      const id = officerId.trim();
      const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
      if (target.kind !== 'remote') {
        // The demo's officers, or offline the officers this store already knows from its hub.
        requireActiveHere(id);
        offline = false;
      } else {
        const checked = await checkWithHub(target.hubUrl, id, credential);
        await endStoredSession(target.hubUrl);
        // Offline too: the credential is the one the hub accepted here, so sync uses it once the hub is back.
        deps.secrets.set('hub-token', checked.token);
        offline = checked.offline;
      }
      currentId = id;
      lastActivityMs = monotonicMs();
      setLocked(false);
      deps.settingsFile.write({ ...deps.settingsFile.read(), officerId: id });
      if (target.kind === 'remote') await deps.reconnect();
      return viewOf(id);
    },

    adoptHubSignIn,
    locked: () => {
      lockWhenIdle();
      return locked;
    },
    lock() {
      if (currentId !== null) setLocked(true);
    },
    async unlock({ credential }: ApiParams<'session.unlock'>): Promise<OfficerView> {
      const officer = requireSignedIn({ current });
      if (!locked) return officer;
      // Checked exactly as a sign-in checks it; their unsent changes stay theirs, whoever signs in after.
      return control.signIn(credential === undefined ? { officerId: officer.id } : { officerId: officer.id, credential });
    },
    active() {
      lockWhenIdle();
      if (!locked) lastActivityMs = monotonicMs();
    },
  };
  return control;
}

/** The officer every officer-bound call acts as; while nobody is signed in such a call is refused, whoever asks. */
export function requireSignedIn(session: Pick<SessionControl, 'current'>): OfficerView {
  const officer = session.current();
  if (!officer) throw new AppError('UNAUTHENTICATED', 'Nobody is signed in on this workstation: sign in with your officer id and credential first.');
  return officer;
}
