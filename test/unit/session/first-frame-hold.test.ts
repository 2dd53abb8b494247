// A sign-in's hold on the station's first sync ends when the window has drawn the workstation, at the cap for a
// window that never says so, or at once when the sign-in fails — and no sign-in leaves it held for ever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFirstFrameHold } from '../../../src-main/app/first-frame-hold';
import { FIRST_FRAME_HOLD_CAP_MS } from '../../../src-main/app/sync-controller';

function holding() {
  const released: number[] = [];
  let taken = 0;
  const hold = createFirstFrameHold(() => {
    const nth = ++taken;
    return () => released.push(nth);
  });
  return { hold, released };
}

describe('the first-frame hold of a sign-in', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('holds a signed-in officer’s station until the window has drawn, once', () => {
    const { hold, released } = holding();
    const signIn = hold.take();
    signIn.signedIn();
    expect(released).toEqual([]);
    hold.drawn();
    expect(released).toEqual([1]);
    hold.drawn();
    vi.advanceTimersByTime(FIRST_FRAME_HOLD_CAP_MS);
    expect(released).toEqual([1]);
  });

  it('releases at the cap when no window says it has drawn', () => {
    const { hold, released } = holding();
    hold.take().signedIn();
    vi.advanceTimersByTime(FIRST_FRAME_HOLD_CAP_MS - 1);
    expect(released).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(released).toEqual([1]);
  });

  it('releases at once when the sign-in fails, and a drawn window after it releases nothing more', () => {
    const { hold, released } = holding();
    const signIn = hold.take();
    signIn.failed();
    expect(released).toEqual([1]);
    signIn.signedIn();
    hold.drawn();
    vi.advanceTimersByTime(FIRST_FRAME_HOLD_CAP_MS);
    expect(released).toEqual([1]);
  });

  it('holds no earlier sign-in’s station on behalf of a later one, and releases everything when closed', () => {
    const { hold, released } = holding();
    hold.take().signedIn();
    hold.take().signedIn();
    // The second sign-in's end lets the first's hold go; only the second waits for its frame.
    expect(released).toEqual([1]);
    hold.close();
    expect(released).toEqual([1, 2]);
  });
});
