import type { ApiParams, ApiValue } from '../../shared/api/contract';
import type { OfficerView, SeenElsewhereView, SessionView, SettingsView, SyncStateView } from '../../shared/api/views';
import type { IndicatorType } from '../../shared/indicators/types';
import type { AuditEntriesResponse, AuditQuestion, AuditRefusal, OidcOffer, RefusedChange } from '../../shared/hub/protocol';
import type { CaseStore } from '../db/open-store';
import type { ServiceDeps } from '../mutations';
import type { Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import type { ApiEventBus } from './events';

/** The workstation's connection to a hub, as the API sees it. */
export interface SyncLink {
  state(): SyncStateView;
  /** Push the officer's new change now rather than after the current wait. */
  wake(): void;
  /** Demo mode: the embedded hub with generated reports. */
  usesEmbeddedHub(): boolean;
  /** Asks the hub how many live reports outside this workstation's scope mention the indicator (for `officer`). */
  seenElsewhere(type: IndicatorType, value: string, officer: string): Promise<SeenElsewhereView>;
  /** Audit logs the hub refused (for a supervisor's token); `reachable` false without a hub or when it cannot be asked. */
  auditRefusals(): Promise<{ reachable: boolean; refusals: AuditRefusal[] }>;
  /** Changes the hub refused because their officer had been deactivated (for a supervisor's token); `reachable` as above. */
  refusedChanges(): Promise<{ reachable: boolean; refused: RefusedChange[] }>;
  /** A page of every workstation's audit entries that answer the question (for a supervisor's token), or why there is none. */
  auditEntries(question: AuditQuestion): Promise<AuditEntriesResponse | HubUnanswered>;
}

/** Why the hub gave no answer: there is none, it cannot be reached, or it refused (its reason in `message`). */
export interface HubUnanswered {
  unanswered: 'no-hub' | 'offline' | 'refused';
  message: string;
}

export interface SettingsControl {
  get(): SettingsView;
  /**
   * Stores the change and applies it (a new hub or scope reconnects sync). `actor` is the officer signed in and
   * working (null while nobody is): some changes are a supervisor's once the store holds its hub's reports.
   */
  /** `signedInOffline`: the actor signed in against a cached proof, not with the hub. */
  set(change: ApiParams<'settings.set'>, actor: OfficerView | null, signedInOffline: boolean): Promise<SettingsView>;
}

/** Who works at this workstation. */
export interface SessionControl {
  /**
   * Checks who signs in (the demo: a known, active officer; a real hub: their credential, which the hub checks —
   * or, while it cannot be reached, the proof cached at their last sign-in here — and which then becomes the sync
   * token) and makes every later change theirs.
   */
  signIn(params: ApiParams<'session.signIn'>): Promise<OfficerView>;
  /** Who is signed in now; null with a real hub until an officer has signed in. Also while the screen is locked. */
  current(): OfficerView | null;
  /** Whether they signed in against the proof cached here because the hub could not be reached. */
  signedInOffline(): boolean;
  /** Whether they signed in with their offline code and the hub answers again (they are asked to sign in with their police account). */
  hubBack(): boolean;
  /** The officer the returning hub wants proven by their police account (signed in with their offline code), else null. */
  dueForPoliceSignIn: () => string | null;
  /** Nobody works here any more until an officer signs in; their unsent changes stay in the outbox, signed as theirs. */
  signOut(): Promise<void>;
  /** The window has drawn the workstation of the officer who signed in last: the sync held for it pulls again. */
  drawn(): void;
  /**
   * The officer an officer-bound call acts as: refused (UNAUTHENTICATED) while nobody is signed in or the screen is
   * locked — also when the idle time passed since the officer's last activity, which locks it.
   */
  acting(): OfficerView;
  locked(): boolean;
  /** Locks the screen for the officer signed in (nothing happens while nobody is). */
  lock(): void;
  /** Unlocks for the officer signed in, their credential checked as at sign-in, or their offline code against its proof. */
  unlock(params: ApiParams<'session.unlock'>): Promise<OfficerView>;
  /** What the officer who just signed in with their police account is asked of their offline code, if anything. */
  offlineCodeAsked(): SessionView['offlineCode'];
  /** Sets (or confirms) that officer's offline code, of which their offline proof is made. */
  setOfflineCode(params: ApiParams<'session.setOfflineCode'>): void;
  /** The officer used keyboard or mouse: the idle time counts from now. */
  active(): void;
}

export interface OidcSignInControl {
  /** Where this workstation's hub sends officers to sign in; null when it accepts no identity provider (or there is no hub). */
  offer(): Promise<OidcOffer | null>;
  /**
   * Starts a sign-in (ending one still under way) and gives the URL the officer signs in at; with `officerId`, only
   * that officer's police account may end it signed in (the officer at the screen signing in again).
   */
  start(params: ApiParams<'session.oidcStart'>): Promise<ApiValue<'session.oidcStart'>>;
  /** Waits for the sign-in started last to end: the officer signed in, or the reason it failed. */
  finish(): Promise<OfficerView>;
}

/** Everything a handler may use; built once by the composition root, shared by every transport. */
export interface ApiContext {
  /**
   * The signed-in officer, as this store knows them now (roles come from the hub); changes at sign-in. Reading it
   * while nobody is signed in throws UNAUTHENTICATED: the core refuses every officer-bound call, not only the UI.
   */
  readonly officer: OfficerView;
  session: SessionControl;
  /** Signing in with a police account at the identity provider the hub names (app/oidc-sign-in.ts). */
  oidc: OidcSignInControl;
  store: CaseStore;
  clock: Clock;
  services: ServiceDeps;
  sync: SyncLink;
  settings: SettingsControl;
  events: ApiEventBus;
  logger: Logger;
}
