/**
 * Who works at this workstation. In the demo (the embedded hub) any known, active officer signs in without a
 * credential. With a real hub the officer gives their credential: the hub checks it, and it becomes the token
 * this workstation syncs with, so the hub holds every change to the officer who made it. Each such sign-in caches
 * a proof of the credential (offline-proofs.ts), with which the officer signs in here while the hub cannot be
 * reached — marked offline. An officer who signs in with their police account (oidc-sign-in.ts) syncs with the
 * session the hub gave for it, and right after the first such sign-in here sets their offline code: its proof lets
 * them sign in without the hub and unlock the screen without going to the identity provider again. Each later
 * police-account sign-in renews that proof without asking, unless it is near its end or wrong codes locked them
 * out since they last typed it: then they confirm it. A code never gives a hub session: offline their changes
 * wait, signed with their key, and once the hub answers again they are asked to sign in with their police account.
 * Signing out forgets who works here and their credential, not their unsent changes: those are signed with the
 * officer's own key and reach the hub as theirs whoever is signed in by then. The hub session of an officer who
 * leaves is ended on the hub, later when it cannot be reached now (session-ends.ts).
 *
 * The screen locks after the idle time the settings give: the window locks it when keyboard and mouse were idle
 * that long (features/session/IdleLock.tsx), and with a real hub the core locks it itself when the window has not
 * reported the officer's activity for that long and a minute more — a window whose timer was stopped does not keep
 * it open. While locked every officer-bound call is refused; the same officer unlocks with their credential,
 * checked as at sign-in, or with their offline code, or another officer signs in (a shift change).
 */
import type { ApiParams } from '../../shared/api/contract';
import { IDLE_LOCK_MINUTES, type OfficerView, type SessionView } from '../../shared/api/views';
import { isCredentialText, offlineCodeProblem, OFFLINE_CODE_MIN_CHARACTERS, OFFLINE_CODE_MIN_DIGITS } from '../../shared/api/offline-code';
import type { HubOfficer } from '../../shared/hub/protocol';
import { AppError } from '../../shared/errors';
import type { SessionControl } from '../api/context';
import type { ApiEventBus } from '../api/events';
import type { CaseStore } from '../db/open-store';
import { copyOfficers, findStoredOfficer } from '../db/officers';
import { countUnsignedPendingOfOthers } from '../mutations/outbox';
import type { Clock } from '../../shared/platform/clock';
import { createHubClient, enrollOfficer, keyEnrolmentOffer, takeEnrolledKey, type KeyEnrolmentOffer } from '../sync';
import { HubRefusedError } from '../sync/hub-errors';
import { realTimers, type SyncTimers } from '../sync/timers';
import { checkCredential } from './credential-check';
import { createOfflineProofs, DEFAULT_OFFLINE_MAX_AGE_MS, OFFLINE_FAILURE_LIMIT, type OfflineCheck } from './offline-proofs';
import { recheckOnSyncState } from './offline-recheck';
import { hubTargetOf, type LaunchHub } from './hub-target';
import { createSessionEnds } from './session-ends';
import type { FirstFrameHold } from './first-frame-hold';
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
  /** Timers for renewing a hub session and retrying its end (injected by tests). */
  timers?: SyncTimers;
  /** How often an end the hub could not be told of is sent again (SESSION_END_RETRY_MS, a minute). */
  sessionEndRetryMs?: number;
  /** How often the hub is asked whether it is back while an officer works with their offline code (HUB_PROBE_MS). */
  hubProbeMs?: number;
  /** Holds the station's first sync from a sign-in with a hub's credential until the window has drawn the workstation. */
  firstFrame?: FirstFrameHold;
}

/** Half a minute: an officer back in reach of the hub is asked to sign in with their police account soon after. */
export const HUB_PROBE_MS = 30_000;

const offlineMaxDays = (ms: number) => Math.round(ms / 86_400_000);

/**
 * Why a check against the cached proof was refused, in words for the officer: `lead` says what was tried (after
 * why the hub could not check it), `secret` what was given (a credential or an offline code).
 */
function offlineRefusal(id: string, check: Exclude<OfflineCheck, { ok: true }>, maxAgeMs: number, lead: string, secret: 'credential' | 'offline code'): AppError {
  switch (check.reason) {
    // One answer for both: which officer ids have a proof here is not told to whoever tries (a guesser's list).
    case 'never-here':
    case 'wrong':
      return new AppError('UNAUTHENTICATED', `${lead} this is not the ${secret} "${id}" last ${secret === 'credential' ? 'signed in with' : 'set'} here, or "${id}" never signed in here with the hub. After ${OFFLINE_FAILURE_LIMIT} wrong ones the officer id is locked for a while.`);
    case 'locked':
      return new AppError('RATE_LIMITED', `${lead} signing in as "${id}" is locked until ${check.lockedUntil}: too many wrong ${secret}s were given.`);
    case 'station-locked':
      return new AppError('RATE_LIMITED', `${lead} signing in without the hub is locked on this workstation until ${check.lockedUntil}: too many wrong credentials or offline codes were given here, for any officer. Sign in once the hub is back.`);
    case 'expired':
      return new AppError('UNAUTHENTICATED', `${lead} a sign-in here counts for ${offlineMaxDays(maxAgeMs)} days, and "${id}" last signed in with the hub on ${check.provenAt}: sign in once the hub is back.`);
  }
}

const CODE_PROBLEMS = {
  'too-short': `An offline code has at least ${OFFLINE_CODE_MIN_DIGITS} digits, or at least ${OFFLINE_CODE_MIN_CHARACTERS} characters when it is not only digits.`,
  'looks-like-credential': 'An offline code must not start with pzh_: that is how a hub credential starts.',
  'spaces-around': 'An offline code must not start or end with a space.',
  'too-guessable': 'This offline code is among the first a guesser tries (one digit repeated, a run such as 123456, a repeated group such as 121212, or a common code): choose another.',
} as const;

/** The window reports activity at most every 30 s: the core allows a minute beyond the idle time before it locks. */
const CORE_IDLE_GRACE_MS = 60_000;

/** The signing key the hub enrolled with the session (SessionResponse.keyId), for the offer the request carried. */
export interface EnrolledKey {
  offer: KeyEnrolmentOffer;
  keyId: string | undefined;
}

/**
 * Adopts a session the hub opened for `officer` (signing in with a police account), kept alive until `expiresAt` and
 * renewed; with `enrolled`, the session request enrolled their signing key too.
 */
export type HubSignInAdopter = (hubUrl: string, officer: HubOfficer, session: string, expiresAt: string, enrolled?: EnrolledKey) => Promise<OfficerView>;

export type WorkstationSession = SessionControl & {
  adoptHubSignIn: HubSignInAdopter;
  /** What a police-account sign-in's session request offers to enrol (officer-enrollment.ts). */
  keyOffer: () => KeyEnrolmentOffer;
  close(): void;
};

export function createSessionControl(deps: SessionDeps): WorkstationSession {
  const { sqlite } = deps.store;
  const monotonicMs = deps.monotonicMs ?? (() => performance.now());
  const stored = (id: string) => findStoredOfficer(sqlite, id);
  let currentId = deps.officerId;
  /** Signed in against the cached proof, not the hub; with the offline code, which gives no hub token. */
  let offline = false;
  let offlineByCode = false;
  /**
   * Signed in with the offline code, and the hub answers again: they are asked to sign in with their police account
   * (a code gives no hub session). Their changes wait meanwhile, signed with their key.
   */
  let hubBack = false;
  /**
   * The officer who just signed in with their police account and may now set or confirm their offline code: only
   * then, so nobody at an open screen (or who unlocked it with the code) can replace it with one of their own.
   */
  let mayChooseCode: string | null = null;
  /** What that officer is asked of their offline code: to set it, or to confirm it (offline-proofs.ts, codeAsked). */
  let codeAsked: SessionView['offlineCode'] = null;
  /** When the hub session this workstation syncs with ends by itself (a police-account sign-in), as last renewed. */
  let sessionExpiresAt: string | null = null;
  const offlineMaxAgeMs = deps.offlineMaxAgeMs ?? DEFAULT_OFFLINE_MAX_AGE_MS;
  const proofs = createOfflineProofs({ secrets: deps.secrets, clock: deps.clock, maxAgeMs: offlineMaxAgeMs });
  let locked = false;
  let lastActivityMs = monotonicMs();

  function setLocked(value: boolean): void {
    if (value) mayChooseCode = null;
    if (locked === value) return;
    locked = value;
    deps.onLockChange?.(value);
  }

  const timers = deps.timers ?? realTimers;
  const hubProbeMs = deps.hubProbeMs ?? HUB_PROBE_MS;
  const renewal = createSessionRenewal({ clock: deps.clock, timers, onRenewed: (expiresAt) => (sessionExpiresAt = expiresAt) });
  const sessionEnds = createSessionEnds({
    secrets: deps.secrets,
    fetch: deps.fetch,
    clock: deps.clock,
    timers,
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.sessionEndRetryMs !== undefined ? { retryMs: deps.sessionEndRetryMs } : {}),
  });

  /**
   * The session the workstation synced with (a police-account sign-in) ends on the hub when its officer leaves, so a
   * copy of it is worth nothing from then on; when the hub cannot be reached the end is sent once it can.
   */
  async function endStoredSession(hubUrl: string): Promise<void> {
    renewal.stop();
    const token = deps.secrets.get('hub-token');
    const expiresAt = sessionExpiresAt;
    sessionExpiresAt = null;
    if (!token?.startsWith('pzs_')) return;
    // Without a known end (a session adopted by an older run), kept for a day: no hub gives a session longer.
    await sessionEnds.end(hubUrl, token, expiresAt ?? new Date(deps.clock.now().getTime() + 86_400_000).toISOString());
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
    const pending = countUnsignedPendingOfOthers(sqlite, id);
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
      if (error.code === 'UNAVAILABLE') return { token: checkOffline(id, hubUrl, credential?.trim() ?? '', `${error.message} Without the hub:`, 'credential'), offline: true };
      // The hub refuses this officer's cached credential: deactivated (403), or replaced or revoked (401).
      if ((error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED') && proofs.matches(id, credential?.trim() ?? '')) proofs.forget(id);
      throw error;
    }
    await takeFromHub(hubUrl, checked.officer, checked.token);
    proofs.remember(id, hubUrl, checked.token);
    return { token: checked.token, offline: false };
  }

  /** The officer as the hub vouched for them (credential or identity provider), and their signing key enrolled. */
  async function takeFromHub(hubUrl: string, officer: HubOfficer, token: string, enrolled?: EnrolledKey): Promise<void> {
    refuseWhileOthersPending(officer.id);
    copyOfficers(sqlite, [officer]);
    // Their changes here are signed from now on, so they stay theirs whoever is signed in when they are pushed.
    const client = createHubClient({ hubUrl, token, fetch: deps.fetch });
    if (enrolled) await takeEnrolledKey(deps.store, client, officer.id, enrolled.offer, enrolled.keyId, deps.clock);
    else await enrollOfficer(deps.store, client, officer.id, deps.clock);
  }

  /**
   * The officer the identity provider named and the hub gave a session works here from now on, syncing with that
   * session. The session is no proof to keep (it ends on the hub's clock, and it is no credential to check): the
   * officer now sets or confirms their offline code, of which the proof is made.
   */
  async function adoptHubSignIn(hubUrl: string, officer: HubOfficer, session: string, expiresAt: string, enrolled?: EnrolledKey): Promise<OfficerView> {
    await takeFromHub(hubUrl, officer, session, enrolled);
    await endStoredSession(hubUrl);
    deps.secrets.set('hub-token', session);
    sessionExpiresAt = expiresAt;
    renewal.keep(expiresAt, () => createHubClient({ hubUrl, token: session, fetch: deps.fetch }).renewSession());
    offline = false;
    byCode(false);
    // With offline sign-in turned off (0 days) there is no code to ask for. A code set before is asked again only
    // near its proof's end or after a lockout; otherwise the hub's word just now makes its proof count afresh.
    codeAsked = offlineMaxAgeMs > 0 ? proofs.codeAsked(officer.id, hubUrl) : null;
    if (offlineMaxAgeMs > 0 && codeAsked === null) proofs.vouch(officer.id, hubUrl);
    mayChooseCode = codeAsked === null ? null : officer.id;
    currentId = officer.id;
    lastActivityMs = monotonicMs();
    setLocked(false);
    deps.settingsFile.write({ ...deps.settingsFile.read(), officerId: officer.id });
    syncAsOfficer();
    return viewOf(officer.id);
  }

  /**
   * Sync goes on with the token the officer just signed in with. The sign-in does not wait for it: the engine
   * syncing with the token before is stopped at once and starts no push from then on (the officer's key is
   * enrolled already), but it ends only after the page it is writing — up to seconds in a first sync — while the
   * officer's queue needs nothing from the hub. A failure to start shows in sync's state (sync-controller.ts).
   */
  function syncAsOfficer(): void {
    deps.reconnect().catch(() => undefined);
  }

  /** Checks a credential or offline code against the officer's cached proof (counted); `lead` says what was tried. */
  function checkProof(id: string, hubUrl: string, secret: string, lead: string, kind: 'credential' | 'offline code'): void {
    if (stored(id)?.active === 0) {
      // The registry this store pulled from the hub says so; their proof is of no use any more.
      proofs.forget(id);
      throw new AppError('FORBIDDEN', `Officer "${id}" has been deactivated; without the hub nobody signs in as them.`);
    }
    const check = proofs.check(id, hubUrl, secret);
    if (!check.ok) throw offlineRefusal(id, check, offlineMaxAgeMs, lead, kind);
  }

  function checkOffline(id: string, hubUrl: string, credential: string, lead: string, kind: 'credential' | 'offline code'): string {
    checkProof(id, hubUrl, credential, lead, kind);
    refuseWhileOthersPending(id);
    return credential;
  }

  /** Whether the officer's proof at this hub is of an offline code and `text` is no credential: then it is their code. */
  const isOfflineCode = (id: string, hubUrl: string, text: string) => !isCredentialText(text) && proofs.kindOf(id, hubUrl) === 'code';

  /**
   * Signing in with the offline code: only while the hub cannot be reached (with the hub the police account proves
   * who signs in, and says whether they still may). Why the hub cannot be reached; throws when it can.
   */
  async function hubUnreachable(hubUrl: string): Promise<string> {
    const why = await whyUnreachable(hubUrl);
    if (why !== null) return why;
    throw new AppError('UNAUTHENTICATED', 'The hub can be reached: sign in with your police account. The offline code counts only while the hub cannot be reached.');
  }

  /** Why the hub cannot be reached now; null when it answers (refusing counts as answering). Asked without a token. */
  async function whyUnreachable(hubUrl: string): Promise<string | null> {
    try {
      await createHubClient({ hubUrl, fetch: deps.fetch }).oidcOffer();
    } catch (error) {
      if (!(error instanceof HubRefusedError)) return `The hub cannot be reached (${error instanceof Error ? error.message : String(error)}).`;
    }
    return null;
  }

  /** Sync may have no token to tell that the hub is back (a code gives none): it is asked every HUB_PROBE_MS. */
  let probe: unknown = null;
  function stopProbing(): void {
    if (probe !== null) timers.clearTimeout(probe);
    probe = null;
  }
  function probeForHub(): void {
    stopProbing();
    probe = timers.setTimeout(() => {
      probe = null;
      void confirmOffline()
        .then((changed) => changed && deps.events?.emit('work.changed', { entities: ['officer'] }))
        .catch(() => undefined)
        .finally(() => {
          if (offlineByCode && !hubBack && probe === null) probeForHub();
        });
    }, hubProbeMs);
    (probe as { unref?: () => void } | null)?.unref?.();
  }

  function byCode(value: boolean): void {
    offlineByCode = value;
    hubBack = false;
    if (value) probeForHub();
    else stopProbing();
  }

  async function signOut(): Promise<void> {
    const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
    currentId = null;
    offline = false;
    byCode(false);
    mayChooseCode = null;
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
    if (!offline || id === null || target.kind !== 'remote') return false;
    // A code gives nothing to ask the hub with: its registry, read with the station's token, says whether they still
    // may (sync copies it only every few minutes); they go online by signing in with their police account.
    if (offlineByCode) {
      if (target.token !== null) {
        try {
          const registry = await createHubClient({ hubUrl: target.hubUrl, token: target.token, fetch: deps.fetch }).officers();
          if (currentId !== id) return false;
          copyOfficers(sqlite, registry.filter((officer) => officer.id === id));
        } catch {
          // Not reachable after all, or not for this token: the registry sync copies says it later.
        }
      }
      if (await refuseDeactivated(id)) return true;
      if (hubBack || (await whyUnreachable(target.hubUrl)) !== null || currentId !== id || !offlineByCode) return false;
      hubBack = true;
      stopProbing();
      return true;
    }
    if (target.token === null) return false;
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

  async function refuseDeactivated(id: string): Promise<boolean> {
    if (currentId !== id || !offlineByCode || stored(id)?.active !== 0) return false;
    proofs.forget(id);
    await signOut();
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
    // The registry sync copied may say an officer signed in with their offline code was deactivated meanwhile.
    events.subscribe((message) => {
      const id = currentId;
      if (message.event !== 'work.changed' || !message.payload.entities.includes('officer') || !offlineByCode || id === null) return;
      void refuseDeactivated(id).then((signedOut) => signedOut && events.emit('work.changed', { entities: ['officer'] }));
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

  const control: WorkstationSession = {
    current,
    acting,
    signOut,
    drawn: () => deps.firstFrame?.drawn(),

    signedInOffline: () => currentId !== null && offline,

    hubBack: () => currentId !== null && hubBack,

    dueForPoliceSignIn: () => (currentId !== null && hubBack ? currentId : null),

    offlineCodeAsked(): SessionView['offlineCode'] {
      const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
      if (mayChooseCode === null || mayChooseCode !== currentId || locked || target.kind !== 'remote') return null;
      return codeAsked;
    },

    setOfflineCode({ code, replace }: ApiParams<'session.setOfflineCode'>): void {
      const officer = acting();
      const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
      if (mayChooseCode !== officer.id || target.kind !== 'remote') {
        throw new AppError('FORBIDDEN', 'An offline code is set right after signing in with your police account while the hub can be reached; sign in with it again to set or change yours.');
      }
      if (!replace && proofs.kindOf(officer.id, target.hubUrl) === 'code') {
        // The code they set before; an expired proof is made afresh, since the hub just vouched for them again.
        const check = proofs.check(officer.id, target.hubUrl, code);
        if (!check.ok && check.reason !== 'expired') throw offlineRefusal(officer.id, check, offlineMaxAgeMs, 'Confirming your offline code:', 'offline code');
      } else {
        const problem = offlineCodeProblem(code);
        if (problem !== null) throw new AppError('BAD_INPUT', CODE_PROBLEMS[problem]);
      }
      proofs.remember(officer.id, target.hubUrl, code, 'code');
      mayChooseCode = null;
    },

    async signIn({ officerId, credential }: ApiParams<'session.signIn'>): Promise<OfficerView> {
      const id = officerId.trim();
      const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
      mayChooseCode = null;
      if (target.kind !== 'remote') {
        // The demo's officers, or offline the officers this store already knows from its hub.
        requireActiveHere(id);
        offline = false;
        byCode(false);
      } else if (credential !== undefined && isOfflineCode(id, target.hubUrl, credential)) {
        const why = await hubUnreachable(target.hubUrl);
        // A code has no space around it (offlineCodeProblem): one typed with it is taken as the code.
        checkOffline(id, target.hubUrl, credential.trim(), `${why} With an offline code:`, 'offline code');
        await endStoredSession(target.hubUrl);
        // A code is no credential: sync goes on with the station's own token, if it was started with one.
        deps.secrets.set('hub-token', null);
        offline = true;
        byCode(true);
      } else {
        const held = deps.firstFrame?.take();
        const checked = await checkWithHub(target.hubUrl, id, credential).catch((error: unknown) => {
          held?.failed();
          throw error;
        });
        held?.signedIn();
        await endStoredSession(target.hubUrl);
        // Offline too: the credential is the one the hub accepted here, so sync uses it once the hub is back.
        deps.secrets.set('hub-token', checked.token);
        offline = checked.offline;
        byCode(false);
      }
      currentId = id;
      lastActivityMs = monotonicMs();
      setLocked(false);
      deps.settingsFile.write({ ...deps.settingsFile.read(), officerId: id });
      if (target.kind === 'remote') syncAsOfficer();
      return viewOf(id);
    },

    adoptHubSignIn,
    keyOffer: () => keyEnrolmentOffer(deps.store),
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
      const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
      if (target.kind === 'remote' && credential !== undefined && isOfflineCode(officer.id, target.hubUrl, credential)) {
        // Online as offline, no trip to the identity provider: the session they signed in with stays as it was, and
        // the hub still refuses it the moment they are deactivated.
        checkProof(officer.id, target.hubUrl, credential.trim(), 'Unlocking with the offline code:', 'offline code');
        lastActivityMs = monotonicMs();
        setLocked(false);
        return officer;
      }
      // Checked exactly as a sign-in checks it; their unsent changes stay theirs, whoever signs in after.
      return control.signIn(credential === undefined ? { officerId: officer.id } : { officerId: officer.id, credential });
    },
    active() {
      lockWhenIdle();
      if (!locked) lastActivityMs = monotonicMs();
    },
    close() {
      renewal.stop();
      sessionEnds.stop();
      stopProbing();
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
