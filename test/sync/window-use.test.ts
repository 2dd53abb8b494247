/**
 * The first sync's slice budget follows the window (src-main/app/window-use.ts): short while it asks or still waits
 * on an answer — a sign-in waiting minutes at the identity provider — long once it has been quiet a while.
 */
import { describe, expect, it } from 'vitest';
import { createWindowUse, WINDOW_IN_USE_MS } from '../../src-main/app/window-use';
import { BACKGROUND_SLICE_MS, FEED_SLICE_MS } from '../../src-main/ingest/apply-feed-page';

function windowAt() {
  const clock = { now: 0 };
  return { clock, use: createWindowUse(() => clock.now) };
}

describe('the window in use, for the first sync’s slices', () => {
  it('is not in use before it asks anything: long slices', () => {
    const { use } = windowAt();
    expect(use.sliceMs()).toBe(BACKGROUND_SLICE_MS);
  });

  it('is in use for a while after an answered call, then no longer', () => {
    const { clock, use } = windowAt();
    const answered = use.called();
    clock.now = 5;
    answered();
    clock.now = 5 + WINDOW_IN_USE_MS - 1;
    expect(use.sliceMs()).toBe(FEED_SLICE_MS);
    clock.now = 5 + WINDOW_IN_USE_MS;
    expect(use.sliceMs()).toBe(BACKGROUND_SLICE_MS);
  });

  it('stays in use while a call waits for its answer, however long (a sign-in at the identity provider)', () => {
    const { clock, use } = windowAt();
    const finished = use.called();
    clock.now = 5 * 60_000;
    expect(use.sliceMs()).toBe(FEED_SLICE_MS);
    // Answered at last: the sign-in's own work (the first queue follows) counts from then on.
    finished();
    clock.now += WINDOW_IN_USE_MS - 1;
    expect(use.sliceMs()).toBe(FEED_SLICE_MS);
    clock.now += 1;
    expect(use.sliceMs()).toBe(BACKGROUND_SLICE_MS);
  });

  it('counts every call that waits: one answered leaves the other in use', () => {
    const { clock, use } = windowAt();
    const first = use.called();
    const second = use.called();
    first();
    clock.now = 10 * WINDOW_IN_USE_MS;
    expect(use.sliceMs()).toBe(FEED_SLICE_MS);
    second();
    clock.now = 20 * WINDOW_IN_USE_MS;
    expect(use.sliceMs()).toBe(BACKGROUND_SLICE_MS);
  });
});
