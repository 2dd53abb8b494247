/**
 * A sign-in's hold on the station's first sync (./sync-controller.ts hold), from the officer's action — the click on
 * "sign in with police account", or the credential sent — until the window has drawn their workstation (drawn()),
 * or FIRST_FRAME_HOLD_CAP_MS after they signed in for a window that never says so. The provider, the hub, this core
 * and then the window's first frame get the machine's cores, not pages of a first sync; a failed sign-in releases it.
 */
import { FIRST_FRAME_HOLD_CAP_MS } from './sync-controller';

/** One sign-in's hold: how it ended. Each is idempotent, and only the first of them counts. */
export interface SignInHold {
  /** Signed in: held on until the window has drawn (FirstFrameHold.drawn) or the cap passes. */
  signedIn(): void;
  /** Refused or abandoned: released at once. */
  failed(): void;
}

export interface FirstFrameHold {
  /** Holds the station's pull for a sign-in starting now. */
  take(): SignInHold;
  /** The window has drawn the workstation of the officer who signed in last: what their sign-in held goes on. */
  drawn(): void;
  /** Closing: nothing stays held. */
  close(): void;
}

export function createFirstFrameHold(holdSync: () => () => void): FirstFrameHold {
  /** Releases the hold of the sign-in that ended last, once the window has drawn or at the cap. */
  let releaseWhenDrawn: () => void = () => undefined;
  const drawn = () => {
    const release = releaseWhenDrawn;
    releaseWhenDrawn = () => undefined;
    release();
  };
  return {
    take() {
      const release = holdSync();
      let ended = false;
      return {
        signedIn() {
          if (ended) return;
          ended = true;
          // An earlier sign-in's window that never said it drew holds no longer than this one.
          drawn();
          const cap = setTimeout(release, FIRST_FRAME_HOLD_CAP_MS);
          releaseWhenDrawn = () => {
            clearTimeout(cap);
            release();
          };
        },
        failed() {
          if (ended) return;
          ended = true;
          release();
        },
      };
    },
    drawn,
    close: drawn,
  };
}
