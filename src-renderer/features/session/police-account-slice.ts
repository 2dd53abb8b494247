import type { ApiErrorBody } from '../../../shared/api/result';
import { afterNextPaint, readyToDraw } from '../../state/first-frame';
import type { SliceCreator } from '../../state/slice';

export interface PoliceAccountSlice {
  /** Whether this workstation's hub lets officers sign in with a police account (its identity provider). */
  policeAccountOffered: boolean;
  /** A sign-in at the identity provider is under way: the officer signs in in the browser. */
  policeAccountWaiting: boolean;
  /** Why the last sign-in with a police account failed; cleared when one starts. */
  policeAccountFailure: ApiErrorBody | null;
  loadPoliceAccountOffer: () => Promise<void>;
  /**
   * Signs in at the identity provider: the core starts the flow and keeps its secrets; the desktop has opened the
   * provider's page in the system browser, in browser mode this page opens it in a tab. When it ends the core
   * announces `work.changed` with `officer` (the workstation opens); a failure is shown here. True once signed in.
   * `asOfficer`: the officer at the screen signs in again (the hub is back): anyone else's police account is refused.
   */
  signInWithPoliceAccount: (asOfficer?: string) => Promise<boolean>;
}

export const createPoliceAccountSlice: SliceCreator<PoliceAccountSlice> = (api) => (set, get) => ({
  policeAccountOffered: false,
  policeAccountWaiting: false,
  policeAccountFailure: null,
  loadPoliceAccountOffer: async () => {
    const offer = await api.call('session.oidcOffer', {});
    // A hub that cannot be asked offers nothing now; signing in with a credential says why it cannot be reached.
    set({ policeAccountOffered: offer.ok && offer.value.offered });
  },
  signInWithPoliceAccount: async (asOfficer) => {
    set({ policeAccountWaiting: true, policeAccountFailure: null });
    const started = await api.call('session.oidcStart', asOfficer === undefined ? {} : { officerId: asOfficer });
    // noopener: the provider's tab (or any page it goes on to) gets no handle to navigate the workbench away.
    if (started.ok && !started.value.openedInBrowser) window.open(started.value.authorizationUrl, '_blank', 'noopener,noreferrer');
    const ended = started.ok ? await api.call('session.oidcFinish', {}) : started;
    set({ policeAccountWaiting: false });
    if (!ended.ok) {
      set({ policeAccountFailure: ended.error });
      get().notifyError('signInFailed', ended.error);
      return false;
    }
    // The core answers in the new officer's name from here on: the workstation is drawn once its queue's rows are in
    // (one local call), not empty first — with the refusal the queue got before sign-in — and again with them. The
    // officer event's reload folds into this one.
    await readyToDraw(get().refreshQueue());
    set({ session: ended.value, sessionError: null, signInFailure: null });
    get().notify({ tone: 'success', key: 'signedIn', values: { name: ended.value.officer?.displayName ?? '' } });
    // The core holds the station's first sync for this frame, which is drawn from what the store holds already.
    void afterNextPaint().then(() => api.call('session.drawn', {}));
    return true;
  },
});
