// Child: many simulated workstations as plain HTTP clients of one hub (no stores). Each follows the feed from
// the given cursor as the sync engine does: pages of 500 asked without waiting while the hub has more, then a
// long-poll (here at most 2 s, so that pushes keep their rhythm). Every long-poll that delivers is followed by one
// page read without waiting, whose latency is the hub's page-read time under load (the sync engine long-polls
// again at once; this is the one extra, measured, read). Each also pushes a small batch of mutations
// (1..maxMutationsPerPush) every pushEveryMs on average, signed by its officer's key as a workstation signs them
// (pushed under the station token). Bounded by time and by a request count per workstation.
//   workstations-child.ts <config.json>   {url, stations[{token, officer}], cursor, seconds, reportIds[], maxRequests, pushEveryMs, maxMutationsPerPush}
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { FeedPage, PushRequest, PushResponse } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { signMutation } from '../../src-main/mutations/officer-signing';
import type { BenchOfficer } from './server';

interface Config {
  url: string;
  stations: { token: string; officer: BenchOfficer }[];
  cursor: string;
  seconds: number;
  reportIds: string[];
  maxRequests: number;
  pushEveryMs: number;
  maxMutationsPerPush: number;
}
const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Config;
const deadline = performance.now() + config.seconds * 1000;
const PAGE = 500;
const LONG_POLL_S = 2;

/** Latencies (ms): pages asked without waiting, long-polls (held until something arrived), pushes. */
const pageMs: number[] = [];
const heldMs: number[] = [];
const pushMs: number[] = [];
const totals = { pages: 0, longPolls: 0, entries: 0, pushes: 0, mutations: 0, duplicates: 0, errors: 0 };
// Plain node:http with kept-alive connections, not fetch: these clients share the hub's two cores, and fetch
// costs several times the CPU per request.
const agent = new Agent({ keepAlive: true });
function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${config.url}${path}`, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

function mutation(officer: BenchOfficer): AnyMutation {
  const reportId = pick(config.reportIds);
  const base = { id: randomUUID(), officer: officer.id, at: new Date().toISOString() };
  const unsigned: AnyMutation =
    Math.random() < 0.5
      ? { ...base, kind: 'report.setWorkStatus', payload: { reportId, status: pick(['new', 'in_progress', 'closed'] as const) } }
      : { ...base, kind: 'note.add', payload: { noteId: randomUUID(), subjectType: 'report', subjectId: reportId, body: 'Gebeld met melder, bevestigt de IBAN.' } };
  return signMutation(unsigned, officer);
}

async function workstation({ token, officer }: Config['stations'][number], index: number): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  let cursor = config.cursor;
  let caughtUp = true;
  let nextPush = performance.now() + Math.random() * config.pushEveryMs;
  await sleep(Math.random() * 1000);
  for (let requests = 0; requests < config.maxRequests && performance.now() < deadline; requests++) {
    try {
      if (performance.now() >= nextPush) {
        nextPush += config.pushEveryMs * (0.5 + Math.random());
        const body: PushRequest = { mutations: Array.from({ length: 1 + Math.floor(Math.random() * config.maxMutationsPerPush) }, () => mutation(officer)) };
        const started = performance.now();
        const response = await call('POST', '/v1/mutations', { ...headers, 'content-type': 'application/json' }, JSON.stringify(body));
        if (response.status !== 200) throw new Error(`push answered ${response.status}: ${response.text.slice(0, 200)}`);
        const acks = (JSON.parse(response.text) as PushResponse).acks;
        pushMs.push(performance.now() - started);
        totals.pushes += 1;
        totals.mutations += acks.length;
        totals.duplicates += acks.filter((ack) => ack.duplicate).length;
      }
      const left = Math.floor((deadline - performance.now()) / 1000);
      const wait: number = caughtUp ? Math.max(0, Math.min(LONG_POLL_S, left)) : 0;
      const started = performance.now();
      const response = await call('GET', `/v1/feed?after=${cursor}&limit=${PAGE}&wait=${wait}`, headers);
      if (response.status !== 200) throw new Error(`feed answered ${response.status}: ${response.text.slice(0, 200)}`);
      const page = JSON.parse(response.text) as FeedPage;
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
await Promise.all(config.stations.map(workstation));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ ...totals, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, pageMs, heldMs, pushMs }));
