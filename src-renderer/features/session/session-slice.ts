import type { ApiErrorBody } from '../../../shared/api/result';
import type { OfficerView, SessionView } from '../../../shared/api/views';
import { afterNextPaint, readyToDraw } from '../../state/first-frame';
import type { SliceCreator } from '../../state/slice';

export interface SessionSlice {
  session: SessionView | null;
  officers: OfficerView[];
  sessionError: ApiErrorBody | null;
  /** Why the last sign-in failed (shown on the sign-in screen); cleared when one succeeds. */
  signInFailure: ApiErrorBody | null;
  loadSession: () => Promise<void>;
  /**
   * Signs this workstation in as another officer (with their credential when a real hub checks it). The main
   * process then announces `work.changed` with `officer`, on which everything on screen reloads in their name.
   */
  signIn: (officerId: string, credential?: string) => Promise<boolean>;
  /** Nobody is signed in afterwards (with a real hub the sign-in screen shows); unsent changes stay theirs. */
  signOut: () => Promise<void>;
  /** Why the last unlock failed (shown on the lock screen); cleared when one succeeds. */
  unlockFailure: ApiErrorBody | null;
  /** On the lock screen another officer chose to sign in (a shift change): the sign-in screen shows instead. */
  signingInInstead: boolean;
  /** Locks the screen: the core refuses officer-bound calls until the officer unlocks or another signs in. */
  lockScreen: () => Promise<void>;
  unlock: (credential?: string) => Promise<boolean>;
  setSigningInInstead: (instead: boolean) => void;
  /** Tells the core the officer is at the keyboard (its own idle lock counts from the last time). */
  reportActivity: () => void;
  /** Why the last offline code was not taken (shown in its dialog); cleared when one is. */
  offlineCodeFailure: ApiErrorBody | null;
  /** Sets the offline code asked after a police-account sign-in, or confirms the one set before (`replace` false). */
  setOfflineCode: (code: string, replace: boolean) => Promise<boolean>;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (api) => (set, get) => ({
  session: null,
  officers: [],
  sessionError: null,
  signInFailure: null,
  loadSession: async () => {
    const [session, officers] = await Promise.all([api.call('session.get', {}), api.call('officers.list', {})]);
    if (!session.ok) return set({ sessionError: session.error });
    set({ session: session.value, officers: officers.ok ? officers.value : [], sessionError: null });
  },
  signIn: async (officerId, credential) => {
    const result = await api.call('session.signIn', credential === undefined ? { officerId } : { officerId, credential });
    if (!result.ok) {
      set({ signInFailure: result.error });
      get().notifyError('signInFailed', result.error);
      return false;
    }
    // Drawn once the new officer's queue rows are in (one local call), not empty first and again with them.
    await readyToDraw(get().refreshQueue());
    set({ session: result.value, sessionError: null, signInFailure: null, signingInInstead: false, unlockFailure: null });
    // The core holds a station's first sync for this frame, which is drawn from what the store holds already.
    void afterNextPaint().then(() => api.call('session.drawn', {}));
    // A failed attempt before this one is over: its notice would only cover the work now.
    for (const notice of get().notices) if (notice.key === 'signInFailed') get().dismissNotice(notice.id);
    get().notify({ tone: 'success', key: 'signedIn', values: { name: result.value.officer?.displayName ?? officerId } });
    return true;
  },
  signOut: async () => {
    const result = await api.call('session.signOut', {});
    if (!result.ok) return get().notifyError('signOutFailed', result.error);
    set({ session: result.value, signInFailure: null });
    get().notify({ tone: 'success', key: 'signedOut' });
  },
  unlockFailure: null,
  signingInInstead: false,
  lockScreen: async () => {
    // Nothing of the screen stays on view while the core is asked, whatever it answers.
    const session = get().session;
    if (session) set({ session: { ...session, locked: true } });
    const result = await api.call('session.lock', {});
    if (result.ok) set({ session: result.value });
  },
  unlock: async (credential) => {
    const result = await api.call('session.unlock', credential === undefined ? {} : { credential });
    if (!result.ok) {
      set({ unlockFailure: result.error });
      return false;
    }
    set({ session: result.value, unlockFailure: null });
    return true;
  },
  setSigningInInstead: (instead) => set({ signingInInstead: instead, signInFailure: null }),
  reportActivity: () => void api.call('session.activity', {}),
  offlineCodeFailure: null,
  setOfflineCode: async (code, replace) => {
    const result = await api.call('session.setOfflineCode', { code, replace });
    if (!result.ok) {
      set({ offlineCodeFailure: result.error });
      return false;
    }
    set({ session: result.value, offlineCodeFailure: null });
    get().notify({ tone: 'success', key: replace ? 'offlineCodeSet' : 'offlineCodeConfirmed' });
    return true;
  },
});
