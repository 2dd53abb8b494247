import type { ApiErrorBody } from '../../../shared/api/result';
import type { OfficerView, SessionView } from '../../../shared/api/views';
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
    set({ session: result.value, sessionError: null, signInFailure: null });
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
});
