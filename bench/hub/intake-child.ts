// Child: posts records [from, to) of an NDJSON file to a hub's POST /v1/intake in NDJSON batches.
//   intake-child.ts <url> <token> <file> <from> <to> <batch> <posters> [<records/s> <seconds>]
// Without a pace: `posters` concurrent posters send every batch as fast as the hub takes them (parsing the file
// is outside the timed part). With a pace (records/s) and a time limit: one poster keeps that rate until the
// records or the time run out — the steady portal load under which workstations are measured.
import type { IntakeSummary } from '../../shared/hub/protocol';
import { readLines } from './lines';

const [url, token, file, fromArg, toArg, batchArg, postersArg, paceArg, secondsArg] = process.argv.slice(2) as [string, string, string, string, string, string, string, string?, string?];
const lines = await readLines(file, Number(fromArg), Number(toArg));
const batchSize = Number(batchArg);
const batches: string[] = [];
for (let i = 0; i < lines.length; i += batchSize) batches.push(`${lines.slice(i, i + batchSize).join('\n')}\n`);
const pace = paceArg ? Number(paceArg) : 0;
const deadline = performance.now() + Number(secondsArg ?? 3600) * 1000;

const totals = { read: 0, imported: 0, updated: 0, ignored: 0, rejected: 0, requests: 0 };
const latencies: number[] = [];
async function post(body: string): Promise<void> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/intake`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body });
  if (!response.ok) throw new Error(`intake answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const summary = (await response.json()) as IntakeSummary;
  latencies.push(performance.now() - started);
  totals.read += summary.read;
  totals.imported += summary.imported;
  totals.updated += summary.updated;
  totals.ignored += summary.ignored;
  totals.rejected += summary.rejected.length;
  totals.requests += 1;
}

let next = 0;
const started = performance.now();
if (pace > 0) {
  const interval = (batchSize / pace) * 1000;
  while (next < batches.length && performance.now() < deadline) {
    const due = started + next * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await post(batches[next++]!);
  }
} else {
  const poster = async () => {
    while (next < batches.length && performance.now() < deadline) await post(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Number(postersArg) }, poster));
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({ ...totals, seconds, rate: totals.read / seconds, batchP50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0 }));
