/**
 * A slice's budget counts its COMMIT (src-main/ingest/commit-aware-budget.ts): the entries get what the commits of
 * the slices before leave of it.
 */
import { describe, expect, it } from 'vitest';
import { createCommitAwareBudget } from '../../../src-main/ingest/commit-aware-budget';

describe('a slice budget that counts the commit', () => {
  it('gives the entries the whole budget until a slice has been seen', () => {
    expect(createCommitAwareBudget().forEntries(10)).toBe(10);
  });

  it('keeps back what the commits took: a commit as long as its entries leaves them half', () => {
    const budget = createCommitAwareBudget();
    budget.observe(10, 20);
    expect(budget.forEntries(10)).toBeCloseTo(5);
    // Each further slice moves it part of the way: cheaper commits give the entries more again, not all at once.
    budget.observe(10, 10);
    expect(budget.forEntries(10)).toBeGreaterThan(5);
    expect(budget.forEntries(10)).toBeLessThan(10);
    for (let slice = 0; slice < 50; slice++) budget.observe(10, 10);
    expect(budget.forEntries(10)).toBeCloseTo(10, 3);
  });

  it('a stalled commit (the disk, another program) shrinks the entries’ budget, never to nothing', () => {
    const budget = createCommitAwareBudget();
    budget.observe(5, 5000);
    expect(budget.forEntries(10)).toBeCloseTo(2);
  });

  it('a slice whose entries took almost no time says nothing about the commit', () => {
    const budget = createCommitAwareBudget();
    budget.observe(0.01, 30);
    expect(budget.forEntries(10)).toBe(10);
  });
});
