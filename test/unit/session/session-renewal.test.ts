/**
 * Renewing a hub session on the workstation's own schedule: halfway to each end the hub gives, again every minute
 * while the hub cannot be reached — but never once the session has ended, and never after the officer left.
 */
import { describe, expect, it } from 'vitest';
import { createSessionRenewal } from '../../../src-main/app/session-renewal';
import { fakeTime } from './support/fake-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('session renewal', () => {
  it('renews halfway to each end the hub gives (the honest path)', async () => {
    const time = fakeTime('2026-12-05T10:00:00Z');
    const renewal = createSessionRenewal(time);
    const asked: string[] = [];
    renewal.keep('2026-12-05T11:00:00Z', () => {
      asked.push(time.clock.now().toISOString());
      return Promise.resolve(iso(time.clock.now().getTime() + 60 * 60_000));
    });
    expect(await time.step()).toBe(30 * 60_000);
    expect(await time.step()).toBe(30 * 60_000);
    expect(asked).toEqual(['2026-12-05T10:30:00.000Z', '2026-12-05T11:00:00.000Z']);
  });

  it('tries again every minute while the hub cannot be reached, and gives up once the session has ended', async () => {
    const time = fakeTime('2026-12-05T10:00:00Z');
    const renewal = createSessionRenewal(time);
    let tries = 0;
    renewal.keep('2026-12-05T10:04:00Z', () => {
      tries += 1;
      return Promise.reject(new Error('hub down'));
    });
    const waits: number[] = [];
    for (let moved = await time.step(); moved !== null; moved = await time.step()) waits.push(moved);
    expect(waits[0]).toBe(2 * 60_000);
    expect(waits.slice(1).every((ms) => ms <= 60_000)).toBe(true);
    expect(time.clock.now().getTime()).toBeLessThanOrEqual(Date.parse('2026-12-05T10:04:00Z'));
    expect(tries).toBe(waits.length);
  });

  it('renews nothing after stop, not even an answer already under way', async () => {
    const time = fakeTime('2026-12-05T10:00:00Z');
    const renewal = createSessionRenewal(time);
    let answer: (expiresAt: string) => void = () => undefined;
    let tries = 0;
    renewal.keep('2026-12-05T11:00:00Z', () => {
      tries += 1;
      return new Promise((resolve) => (answer = resolve));
    });
    await time.step();
    renewal.stop();
    answer('2026-12-05T12:00:00Z');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await time.step()).toBeNull();
    expect(tries).toBe(1);
  });
});
