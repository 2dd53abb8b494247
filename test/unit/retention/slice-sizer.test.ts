import { describe, expect, it } from 'vitest';
import { sliceSizerByCount, sliceSizerByTime } from '../../../src-main/retention/slice-sizer';

describe('the size of a retention run’s next slice', () => {
  it('fits the budget by the last slice’s time per report', () => {
    const sizer = sliceSizerByTime(500);
    expect(sizer.next()).toBe(100);
    sizer.took(100, 200);
    expect(sizer.next()).toBe(250);
    // Reports that cost more (a large cluster to mend, a longer text): fewer in the next slice.
    sizer.took(250, 2_500);
    expect(sizer.next()).toBe(50);
    // However slow, a slice takes one report.
    sizer.took(50, 60_000);
    expect(sizer.next()).toBe(1);
  });

  it('grows at most fourfold after a cheap slice, and never past one transaction’s most', () => {
    const sizer = sliceSizerByTime(500);
    sizer.took(100, 1);
    expect(sizer.next()).toBe(400);
    for (let step = 0; step < 10; step++) sizer.took(sizer.next(), 0);
    expect(sizer.next()).toBe(20_000);
    // A slice of nothing (the run's end) says nothing.
    sizer.took(0, 0);
    expect(sizer.next()).toBe(20_000);
  });

  it('keeps a fixed count whatever a slice takes', () => {
    const sizer = sliceSizerByCount(5);
    sizer.took(5, 60_000);
    expect(sizer.next()).toBe(5);
  });
});
