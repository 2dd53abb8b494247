import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { HUB_API_PREFIX } from '../../shared/hub/protocol';
import { createReportGenerator, type ReportGenerator } from '../../src-generator';
import type { Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import { readPrivateFile, writePrivateFile } from './private-file';

export interface DemoFeedOptions {
  hubUrl: string;
  intakeToken: string;
  /** Where the feed remembers how far it got, so a restart continues the same stream instead of repeating it. */
  stateDir: string;
  clock: Clock;
  fetch: typeof fetch;
  logger: Logger;
  /** Reports posted on first start (a few thousand: enough to find clusters in). */
  initialBatch?: number;
  /** Then one report every this many ms (a few per minute). */
  intervalMs?: number;
}

const DEMO_SEED = 'puzzelstuk-demo';
const POST_CHUNK = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

const feedStateSchema = z.object({ startAt: z.iso.datetime(), posted: z.number().int().min(0) });
type FeedState = z.infer<typeof feedStateSchema>;

function loadState(path: string, clock: Clock): FeedState {
  const text = readPrivateFile(path);
  const parsed = text === null ? null : feedStateSchema.safeParse(JSON.parse(text));
  if (parsed?.success) return parsed.data;
  // The stream starts two days back, so the first batch reads as the last days' intake.
  return { startAt: new Date(clock.now().getTime() - 2 * DAY_MS).toISOString(), posted: 0 };
}

/**
 * Posts generated reports to the embedded hub as a portal would: an initial batch, then a few a minute. Demo
 * mode only; the workstation receives them through sync like real intake.
 */
export function startDemoFeed(options: DemoFeedOptions): { stop(): Promise<void> } {
  const statePath = join(options.stateDir, 'demo-feed.json');
  const initialBatch = options.initialBatch ?? 3000;
  const intervalMs = options.intervalMs ?? 20_000;
  const stopper = new AbortController();
  const state = loadState(statePath, options.clock);
  const generator: ReportGenerator = createReportGenerator({ seed: DEMO_SEED, startAt: new Date(state.startAt) });
  for (let skipped = 0; skipped < state.posted; skipped++) generator.next();

  // Records generated but not yet accepted by the hub: a failed post sends the same ones again.
  let unsent: string[] = [];

  async function post(count: number): Promise<void> {
    while (unsent.length < count) unsent.push(JSON.stringify(generator.next()));
    const lines = unsent;
    const response = await options.fetch(`${options.hubUrl}${HUB_API_PREFIX}/intake`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.intakeToken}`, 'content-type': 'application/x-ndjson' },
      body: `${lines.join('\n')}\n`,
      signal: stopper.signal,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the hub answered ${response.status}`);
    state.posted += lines.length;
    unsent = [];
    writePrivateFile(statePath, JSON.stringify(state));
  }

  async function run(): Promise<void> {
    while (!stopper.signal.aborted) {
      try {
        await post(state.posted < initialBatch ? Math.min(POST_CHUNK, initialBatch - state.posted) : 1);
        if (state.posted >= initialBatch) await sleep(intervalMs, undefined, { signal: stopper.signal });
      } catch (error) {
        if (stopper.signal.aborted) return;
        options.logger.warn('demo_feed.post_failed', { error: error instanceof Error ? error.message : 'unknown' });
        await sleep(intervalMs, undefined, { signal: stopper.signal }).catch(() => undefined);
      }
    }
  }

  const running = run();
  return {
    async stop() {
      stopper.abort();
      await running;
    },
  };
}
