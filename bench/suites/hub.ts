import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster } from '../../scripts/postgres.mjs';
import type { IntakeRecord } from '../../shared/intake/schema';
import { BACKGROUND_SLICE_MS } from '../../src-main/ingest/apply-feed-page';
import { percentile, runChild } from '../child';
import { dataset } from '../dataset';
import { readLines } from '../hub/lines';
import { startBenchHub, type BenchHub, type BenchOfficer } from '../hub/server';
import { machineDescription, type Metric, type RetentionResult, type SuiteResult } from '../report';

/**
 * Records posted to the hub and synced. 50k, not 100k: at 50k the intake, local import and first sync already
 * take 1.8–3.6 min together on the shared 2 cores; 100k would double that, past the ~3 min this step may take.
 */
const RECORDS = 50_000;
const PGLITE_RECORDS = 20_000;
const BATCH = 1000;
const POSTERS = 4;
const WORKSTATIONS = 200;
const WORKSTATION_PROCESSES = 2;
const LOAD_SECONDS = 30;

/** How 200 workstations and the portal load the hub while feed pages are timed. */
interface LoadModel {
  title: string;
  /** Workstations that read every region; the others read one of the ten regional police units each. */
  national: number;
  /** Each workstation pushes a batch of 1..maxMutationsPerPush mutations every pushEveryMs on average. */
  pushEveryMs: number;
  maxMutationsPerPush: number;
  /** The portal's steady intake meanwhile (records/s, in batches of intakeBatch). */
  intakeRate: number;
  intakeBatch: number;
}

/**
 * The load the target is about: stations as the police is organised (a national team, the rest regional, so
 * each receives its own unit's reports), officers who each change something every 15 s on average — steady
 * clicking, not a quiet day — and a portal posting 50 records/s, a surge far above the usual rate of online
 * reports.
 */
const WORKING_DAY: LoadModel = { title: 'a busy working day', national: 20, pushEveryMs: 15_000, maxMutationsPerPush: 3, intakeRate: 50, intakeBatch: 10 };
/** Beyond any real day, to show where the hub saturates: every station national, 10× the edits, 20× the intake. */
const STRESS: LoadModel = { title: 'stress', national: WORKSTATIONS, pushEveryMs: 2000, maxMutationsPerPush: 5, intakeRate: 1000, intakeBatch: 200 };

interface IntakeResult {
  read: number;
  imported: number;
  updated: number;
  ignored: number;
  rejected: number;
  requests: number;
  seconds: number;
  rate: number;
  batchP50Ms: number;
}
interface RateResult {
  records: number;
  seconds: number;
  rate: number;
}
interface ResponsiveResult {
  n: number;
  p50: number;
  p95: number;
  max: number;
  idleP50: number;
  syncSeconds: number;
  reports: number;
}

interface SyncResult {
  pulled: number;
  reports: number;
  /** Of those, the live (filed) ones: what the queue shows. */
  filed: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** The store's thread: its event loop busy (applying pages) and idle (waiting for the next), and its own CPU. */
  storeThreadBusySeconds: number;
  storeThreadIdleSeconds: number;
  storeThreadCpuSeconds: number;
  /** Wall time of the hub's feed answers and of preparing pages (summed; pages asked ahead overlap the apply). */
  feedSeconds: number;
  prepareSeconds: number;
  pages: number;
}

interface WorkstationsResult {
  pages: number;
  longPolls: number;
  entries: number;
  pushes: number;
  mutations: number;
  duplicates: number;
  errors: number;
  seconds: number;
  cpuSeconds: number;
  pageMs: number[];
  heldMs: number[];
  pushMs: number[];
}

const log = (message: string) => process.stderr.write(`hub: ${message}\n`);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

async function headCursor(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM feed');
    return result.rows[0]!.seq;
  } finally {
    await client.end();
  }
}

interface LoadRun {
  hub: BenchHub;
  hubUrl: string;
  source: string;
  reportIds: string[];
  dir: string;
}

/** A workstation's token and the officer signed in on it. */
interface Station {
  token: string;
  officer: BenchOfficer;
}

/** 200 workstations following the feed and pushing for LOAD_SECONDS while the portal posts, under one model. */
async function workstationLoad(run: LoadRun, model: LoadModel, stations: Station[], firstRecord: number): Promise<Metric[]> {
  log(`${WORKSTATIONS} workstations for ${LOAD_SECONDS} s, ${model.title}…`);
  const { hub } = run;
  const cursor = await headCursor(run.hubUrl);
  const hubCpuBefore = hub.cpuSeconds();
  const perProcess = Math.ceil(WORKSTATIONS / WORKSTATION_PROCESSES);
  const configs = Array.from({ length: WORKSTATION_PROCESSES }, (_, i) => {
    const path = join(run.dir, `workstations-${model.national}-${i}.json`);
    const config = {
      url: hub.url,
      stations: stations.slice(i * perProcess, (i + 1) * perProcess),
      cursor,
      seconds: LOAD_SECONDS,
      reportIds: run.reportIds,
      maxRequests: 5000,
      pushEveryMs: model.pushEveryMs,
      maxMutationsPerPush: model.maxMutationsPerPush,
    };
    writeFileSync(path, JSON.stringify(config));
    return path;
  });
  const intakeArgs = [String(firstRecord), String(firstRecord + LOAD_SECONDS * model.intakeRate), String(model.intakeBatch), '1', String(model.intakeRate), String(LOAD_SECONDS)];
  const loadIntake = runChild<IntakeResult>('./hub/intake-child.ts', [hub.url, hub.intake, run.source, ...intakeArgs]);
  const results = await Promise.all(configs.map((path) => runChild<WorkstationsResult>('./hub/workstations-child.ts', [path])));
  const during = await loadIntake;
  const hubCpu = hub.cpuSeconds() - hubCpuBefore;

  const sum = (pick: (r: WorkstationsResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const pageMs = sorted(results.flatMap((r) => r.pageMs));
  const heldMs = sorted(results.flatMap((r) => r.heldMs));
  const pushMs = sorted(results.flatMap((r) => r.pushMs));
  const scopes = model.national === WORKSTATIONS ? 'all national' : `${model.national} national, ${WORKSTATIONS - model.national} regional`;
  const prefix = `${WORKSTATIONS} workstations, ${model.title}`;
  return [
    {
      name: `${prefix}: feed requests`,
      value: (sum((r) => r.pages) + sum((r) => r.longPolls)) / seconds,
      unit: 'pages/s',
      note: `${scopes}; ${sum((r) => r.pages)} pages without waiting + ${sum((r) => r.longPolls)} long-polls over ${seconds.toFixed(0)} s; ${Math.round(sum((r) => r.entries) / seconds).toLocaleString('en')} entries/s delivered; ${sum((r) => r.errors)} errors; CPU over the load: hub process ${hubCpu.toFixed(0)} s, the ${WORKSTATION_PROCESSES} client processes ${sum((r) => r.cpuSeconds).toFixed(0)} s (2 cores: ${(2 * seconds).toFixed(0)} s in all)`,
    },
    {
      name: `${prefix}: mutations pushed`,
      value: sum((r) => r.mutations) / seconds,
      unit: 'mutations/s',
      note: `${sum((r) => r.pushes)} pushes of 1–${model.maxMutationsPerPush}, one every ${model.pushEveryMs / 1000} s per workstation on average; push p50 ${percentile(pushMs, 50).toFixed(0)} ms, p95 ${percentile(pushMs, 95).toFixed(0)} ms`,
    },
    { name: `${prefix}: feed page p50`, value: percentile(pageMs, 50), unit: 'ms', note: `pages asked without waiting, n=${pageMs.length}` },
    {
      name: `${prefix}: feed page p95`,
      value: percentile(pageMs, 95),
      unit: 'ms',
      ...(model === WORKING_DAY ? { target: { op: '<=' as const, value: 100 } } : {}),
      note: `long-polls (held until an entry arrived, ≤ 2 s): p50 ${percentile(heldMs, 50).toFixed(0)} ms, n=${heldMs.length}`,
    },
    {
      name: `${prefix}: intake meanwhile`,
      value: during.rate,
      unit: 'records/s',
      note: `paced at ${model.intakeRate} records/s in batches of ${model.intakeBatch}; batch p50 ${during.batchP50Ms.toFixed(0)} ms`,
    },
  ];
}

/**
 * The first sync of the hub's records into an empty store, alone (held against the local import of the same file)
 * and while browser mode's window asks queue.list every 50 ms.
 */
async function measureFirstSync(hub: BenchHub, dir: string, label: string, local: RateResult): Promise<Metric[]> {
  log(`first sync of ${label} into an empty store…`);
  const sync = await runChild<SyncResult>('./hub/sync-child.ts', [hub.url, hub.workstations[0]!, join(dir, 'synced.db')]);
  log(`the window's queue.list while browser mode makes its first sync of ${label}…`);
  const responsive = await runChild<ResponsiveResult>('./hub/responsive-child.ts', [hub.url, hub.workstations[0]!, String(sync.filed), hub.officers[0]!.id, hub.officers[0]!.credential]);
  return [
    {
      name: `first sync of ${label} records into an empty store`,
      value: sync.seconds,
      unit: 's',
      limit: { name: 'local `import` of the same file', value: local.seconds },
      note: `${sync.pulled.toLocaleString('en')} feed entries, ${sync.reports.toLocaleString('en')} reports; ${sync.cpuSeconds.toFixed(0)} s CPU; the store's thread busy ${sync.storeThreadBusySeconds.toFixed(1)} s (${sync.storeThreadCpuSeconds.toFixed(1)} s CPU), idle ${sync.storeThreadIdleSeconds.toFixed(1)} s; ${sync.pages} pages: hub answers ${sync.feedSeconds.toFixed(1)} s, preparing ${sync.prepareSeconds.toFixed(1)} s (summed); peak RSS ${sync.peakRssMiB} MiB; hub on PostgreSQL; transactions of ${BACKGROUND_SLICE_MS} ms, a workstation's while nobody waits on its window`,
    },
    { name: `first sync ÷ local import, ${label}`, value: sync.seconds / local.seconds, unit: '×', target: { op: '<=', value: 2 } },
    {
      name: `queue.list p95 while browser mode makes its first sync of ${label}`,
      value: responsive.p95,
      unit: 'ms',
      limit: { name: 'the same call once the store is idle (p50)', value: responsive.idleP50 },
      target: { op: '<=', value: 100 },
      note: `polled every 50 ms over HTTP, n=${responsive.n}, p50 ${responsive.p50.toFixed(1)} ms; the core syncs in its own thread; ${responsive.reports.toLocaleString('en')} reports in ${responsive.syncSeconds.toFixed(0)} s`,
    },
    {
      name: `queue.list max while browser mode makes its first sync of ${label}`,
      value: responsive.max,
      unit: 'ms',
      target: { op: '<=', value: 300 },
    },
  ];
}

/** The first RECORDS of the 100k data set, written to a file of their own in a fresh folder. */
async function recordsToPost() {
  const source = await dataset(100_000);
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-bench-hub-'));
  const label = `${RECORDS / 1000}k`;
  const file = join(dir, `reports-${label}.ndjson`);
  const lines = await readLines(source, 0, RECORDS);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const reportIds = [...new Set(lines.slice(0, 5000).map((line) => (JSON.parse(line) as IntakeRecord).reportId))];
  return { source, dir, label, file, reportIds };
}

/**
 * `--suite hub --only first-sync`: of the hub suite only the local import, the intake on PostgreSQL and the first
 * sync's rows (alone, and the window's queue.list meanwhile), which take a few minutes instead of the suite's ~15.
 */
export async function hubFirstSyncOnly(): Promise<SuiteResult> {
  const machine = machineDescription();
  const { dir, label, file } = await recordsToPost();
  log('starting PostgreSQL…');
  const cluster = await startPostgresCluster({ log });
  let hub: BenchHub | null = null;
  try {
    log(`local import of ${label}…`);
    const local = await runChild<RateResult>('./core/import-child.ts', [file, join(dir, 'imported.db')]);
    // One national workstation token: the first sync is all it serves.
    hub = await startBenchHub(['--database-url', await cluster.createDatabase('bench_hub'), '--workstations', '1']);
    log(`intake of ${label} on PostgreSQL…`);
    await runChild<IntakeResult>('./hub/intake-child.ts', [hub.url, hub.intake, file, '0', String(RECORDS), String(BATCH), String(POSTERS)]);
    const metrics = (await measureFirstSync(hub, dir, label, local)).map((metric) => ({ ...metric, note: `${metric.note ? `${metric.note}; ` : ''}measured alone (--only first-sync) ${new Date().toISOString()}` }));
    return { suite: 'hub', title: 'Intake hub on 127.0.0.1 (PostgreSQL and PGlite)', ranAt: new Date().toISOString(), machine, metrics };
  } finally {
    await hub?.stop().catch(() => undefined);
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue (hub): intake rate on PostgreSQL and PGlite against a bare INSERT and the local import, the first sync
 * of an empty store against a local import of the same file, and 200 workstations pulling and pushing against
 * one hub on PostgreSQL while intake continues, under a busy working day (the target) and under stress.
 * Everything on 127.0.0.1.
 */
export async function hubSuite(): Promise<SuiteResult> {
  const machine = machineDescription();
  const { source, dir, label, file, reportIds } = await recordsToPost();
  log('starting PostgreSQL…');
  const cluster = await startPostgresCluster({ log });
  const hubs: BenchHub[] = [];
  try {
    log(`local import of ${label} (the limit for intake and sync)…`);
    const local = await runChild<RateResult & { records: number }>('./core/import-child.ts', [file, join(dir, 'imported.db')]);
    log('bare PostgreSQL INSERT…');
    const raw = await runChild<RateResult>('./hub/pg-raw-child.ts', [await cluster.createDatabase('bench_raw'), file, String(RECORDS), String(BATCH), String(POSTERS)]);

    const hubUrl = await cluster.createDatabase('bench_hub');
    const hub = await startBenchHub(['--database-url', hubUrl, '--workstations', String(2 * WORKSTATIONS), '--national', String(WORKSTATIONS + WORKING_DAY.national)]);
    hubs.push(hub);
    log(`intake of ${label} on PostgreSQL…`);
    const hubCpuBeforeIntake = hub.cpuSeconds();
    const intake = await runChild<IntakeResult>('./hub/intake-child.ts', [hub.url, hub.intake, file, '0', String(RECORDS), String(BATCH), String(POSTERS)]);
    const hubCpuIntake = hub.cpuSeconds() - hubCpuBeforeIntake;
    const firstSync = await measureFirstSync(hub, dir, label, local);

    const load = { hub, hubUrl, source, reportIds, dir };
    // Token layout of the bench hub (serve-child.ts): the first WORKSTATIONS + WORKING_DAY.national read every
    // region, the rest one unit each; the working day takes its national ones and all regional ones.
    const stations = hub.workstations.map((token, i): Station => ({ token, officer: hub.officers[i]! }));
    const workingDay = await workstationLoad(load, WORKING_DAY, stations.slice(WORKSTATIONS), RECORDS);
    const stress = await workstationLoad(load, STRESS, stations.slice(0, WORKSTATIONS), RECORDS + LOAD_SECONDS * WORKING_DAY.intakeRate);
    await hub.stop();

    log(`retention run over the hub's ${label} and over the local import of the same file…`);
    const hubRetention = await runChild<RetentionResult & { walCleared: boolean }>('./hub/retention-child.ts', [hubUrl]);
    const localRetention = await runChild<RetentionResult>('./core/retention-child.ts', [join(dir, 'imported.db')]);

    log(`intake of ${PGLITE_RECORDS / 1000}k on PGlite…`);
    const lite = await startBenchHub(['--data', join(dir, 'pglite'), '--workstations', '0']);
    hubs.push(lite);
    const liteIntake = await runChild<IntakeResult>('./hub/intake-child.ts', [lite.url, lite.intake, file, '0', String(PGLITE_RECORDS), String(BATCH), String(POSTERS)]);
    await lite.stop();

    const metrics: Metric[] = [
      {
        name: `hub intake on PostgreSQL, ${label} records`,
        value: intake.rate,
        unit: 'records/s',
        limit: { name: 'bare multi-row INSERT into PostgreSQL', value: raw.rate },
        target: { op: '>=', value: 5000 },
        note: `${BATCH} records per request, ${POSTERS} posters; ${intake.imported.toLocaleString('en')} imported, ${intake.updated} updated, ${intake.ignored} ignored, ${intake.rejected} rejected; batch p50 ${intake.batchP50Ms.toFixed(0)} ms; hub process ${hubCpuIntake.toFixed(0)} s CPU over ${intake.seconds.toFixed(0)} s; PostgreSQL ${cluster.version}, fsync off`,
      },
      {
        name: `hub intake on PostgreSQL against the local import, ${label}`,
        value: intake.rate,
        unit: 'records/s',
        limit: { name: 'local `import` into SQLite', value: local.rate },
      },
      {
        name: `hub intake on PGlite, ${PGLITE_RECORDS / 1000}k records`,
        value: liteIntake.rate,
        unit: 'records/s',
        limit: { name: 'local `import` into SQLite', value: local.rate },
        note: `same posting as on PostgreSQL; ${liteIntake.rejected} rejected`,
      },
      ...firstSync,
      ...workingDay,
      ...stress,
      {
        name: `hub retention run on PostgreSQL, ${label} records`,
        value: hubRetention.seconds,
        unit: 's',
        limit: { name: 'the workstation’s retention run over the local import of the same file', value: localRetention.seconds },
        note: `issue 15 §3: ${hubRetention.purged.toLocaleString('en')} expired reports purged (${Math.round(hubRetention.rate).toLocaleString('en')}/s) with the mutations about them and their feed entries, ${hubRetention.kept.toLocaleString('en')} kept, then VACUUM FULL of the touched tables${hubRetention.walCleared ? ' and a WAL switch + checkpoint' : ''}; locally ${localRetention.purged.toLocaleString('en')} purged`,
      },
    ];
    return { suite: 'hub', title: 'Intake hub on 127.0.0.1 (PostgreSQL and PGlite)', ranAt: new Date().toISOString(), machine, metrics };
  } finally {
    for (const hub of hubs) await hub.stop().catch(() => undefined);
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
