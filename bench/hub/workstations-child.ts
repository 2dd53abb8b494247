// Child: many simulated workstations as plain HTTP clients of one hub (no stores). Each follows the feed from
// the given cursor as the sync engine does: pages of 500 asked without waiting while the hub has more, then a
// long-poll (here at most 2 s, so that pushes keep their rhythm). Every long-poll that delivers is followed by one
// page read without waiting, whose latency is the hub's page-read time under load (the sync engine long-polls
// again at once; this is the one extra, measured, read). Each also pushes a small batch of mutations (1–5)
// every ~2 s. Bounded by time and by a request count per workstation.
//   workstations-child.ts <config.json>   {url, tokens[], cursor, seconds, reportIds[], maxRequests}
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FeedPage, PushRequest, PushResponse } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';

interface Config {
  url: string;
  tokens: string[];
  cursor: string;
  seconds: number;
  reportIds: string[];
  maxRequests: number;
}
const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Config;
const deadline = performance.now() + config.seconds * 1000;
const PAGE = 500;
const LONG_POLL_S = 2;
const PUSH_EVERY_MS = 2000;

/** Latencies (ms): pages asked without waiting, long-polls (held until something arrived), pushes. */
const pageMs: number[] = [];
const heldMs: number[] = [];
const pushMs: number[] = [];
const totals = { pages: 0, longPolls: 0, entries: 0, pushes: 0, mutations: 0, duplicates: 0, errors: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

function mutation(officer: string): AnyMutation {
  const reportId = pick(config.reportIds);
  const base = { id: randomUUID(), officer, at: new Date().toISOString() };
  return Math.random() < 0.5
    ? { ...base, kind: 'report.setWorkStatus', payload: { reportId, status: pick(['new', 'in_progress', 'closed'] as const) } }
    : { ...base, kind: 'note.add', payload: { noteId: randomUUID(), subjectType: 'report', subjectId: reportId, body: 'Gebeld met melder, bevestigt de IBAN.' } };
}

async function workstation(token: string, index: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const officer = `bench.officer.${process.pid}.${index}`;
  let cursor = config.cursor;
  let caughtUp = true;
  let nextPush = performance.now() + Math.random() * PUSH_EVERY_MS;
  await sleep(Math.random() * 1000);
  for (let requests = 0; requests < config.maxRequests && performance.now() < deadline; requests++) {
    try {
      if (performance.now() >= nextPush) {
        nextPush += PUSH_EVERY_MS * (0.5 + Math.random());
        const body: PushRequest = { mutations: Array.from({ length: 1 + Math.floor(Math.random() * 5) }, () => mutation(officer)) };
        const started = performance.now();
        const response = await fetch(`${config.url}/v1/mutations`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (!response.ok) throw new Error(`push answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
        const acks = ((await response.json()) as PushResponse).acks;
        pushMs.push(performance.now() - started);
        totals.pushes += 1;
        totals.mutations += acks.length;
        totals.duplicates += acks.filter((ack) => ack.duplicate).length;
      }
      const left = Math.floor((deadline - performance.now()) / 1000);
      const wait: number = caughtUp ? Math.max(0, Math.min(LONG_POLL_S, left)) : 0;
      const started = performance.now();
      const response = await fetch(`${config.url}/v1/feed?after=${cursor}&limit=${PAGE}&wait=${wait}`, { headers });
      if (!response.ok) throw new Error(`feed answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      const page = (await response.json()) as FeedPage;
      (wait === 0 ? pageMs : heldMs).push(performance.now() - started);
      if (wait === 0) totals.pages += 1;
      else totals.longPolls += 1;
      totals.entries += page.entries.length;
      cursor = page.cursor;
      caughtUp = wait > 0 ? page.entries.length === 0 : !page.hasMore;
    } catch (error) {
      totals.errors += 1;
      if (totals.errors <= 3) process.stderr.write(`workstation ${index}: ${(error as Error).message}\n`);
      await sleep(500);
    }
  }
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(config.tokens.map(workstation));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ ...totals, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, pageMs, heldMs, pushMs }));
