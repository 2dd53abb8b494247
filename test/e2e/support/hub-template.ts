/**
 * Initializing an embedded (PGlite) hub database costs many seconds of CPU. The global setup therefore makes one
 * with the real CLI — `hub token` creates, migrates and fills it, `hub officer add` registers the officers — and
 * caches it in node_modules/.cache, keyed by the PGlite version, the hub's migrations and the officers; each test
 * starts `hub serve` on a copy of it.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from './cli-process';
import { PROJECT_ROOT } from './paths';

/** The environment variable through which the global setup hands the template to the test workers. */
export const TEMPLATE_ENV = 'PUZZELSTUK_E2E_HUB_TEMPLATE';

/**
 * Officers in the template's registry (the hub takes roles from it): a supervisor and an officer of the demo.
 * Tests sign workstations in as them; a workstation copies the registry, so the supervisor's screens show.
 */
export const TEMPLATE_OFFICERS = [
  { id: 'l.vermeer', name: 'Inspecteur L. Vermeer', role: 'supervisor', team: 'Team Online Intake' },
  { id: 's.bakker', name: 'Brigadier S. Bakker', role: 'officer', team: 'Team Fraude' },
] as const;

/**
 * The other officers tests sign workstations in as; the hub refuses changes of officers it does not know. Their
 * display name is their id, as tests look for it on screen. e2e.hostile is a supervisor: hostile text must stay
 * text on the screens only supervisors see too (a report's audit trail).
 */
const TEST_OFFICERS = ['e2e.agent', 'e2e.bakker', 'e2e.hostile', 'e2e.vermeer', 'e2e.yilmaz'].map((id) => ({ id, name: id, role: id === 'e2e.hostile' ? 'supervisor' : 'officer', team: 'Team Fraude' }));

const TEMPLATE_RETENTION_PERIODS = ['--daily-task-years', '30', '--case-years', '30'];

/** Names of the workstation tokens in the template; a test uses one per workstation. */
export const WORKSTATION_TOKEN_NAMES = ['workstation-1', 'workstation-2'] as const;
export type WorkstationTokenName = (typeof WORKSTATION_TOKEN_NAMES)[number];

export interface HubTemplate {
  /** A hub data directory (`--data`) to copy; never served itself. */
  dataDir: string;
  intakeToken: string;
  workstationTokens: Record<WorkstationTokenName, string>;
  /** Each registered officer's credential, as `hub officer add` printed it. */
  credentials: Record<string, string>;
}

function cacheKey(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  hash.update(`officers ${JSON.stringify([...TEMPLATE_OFFICERS, ...TEST_OFFICERS])}\n`);
  hash.update(`retention ${TEMPLATE_RETENTION_PERIODS.join(' ')}\n`);
  const migrations = resolve(PROJECT_ROOT, 'src-hub/migrations');
  const files = readdirSync(migrations, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const path = join(migrations, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(`${file}\n`).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

const credentialOf = (stdout: string): string => {
  const { credential } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { credential?: string };
  if (!credential?.startsWith('pzh_')) throw new Error(`hub officer add printed no credential: ${stdout.slice(0, 200)}`);
  return credential;
};

const tokenOf = (stdout: string): string => {
  const { token } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { token?: string };
  if (!token?.startsWith('pzh_')) throw new Error(`hub token printed no token: ${stdout.slice(0, 200)}`);
  return token;
};

export async function prepareHubTemplate(log: (message: string) => void): Promise<HubTemplate> {
  const cacheRoot = resolve(PROJECT_ROOT, 'node_modules/.cache/puzzelstuk-e2e');
  const cached = join(cacheRoot, `hub-${cacheKey()}`);
  const manifest = join(cached, 'template.json');
  if (existsSync(manifest)) {
    log(`hub template: ${cached}`);
    return JSON.parse(readFileSync(manifest, 'utf8')) as HubTemplate;
  }

  log('making the hub template (initializing PGlite, once per PGlite version and hub migrations) …');
  const started = Date.now();
  mkdirSync(cacheRoot, { recursive: true });
  const building = mkdtempSync(join(cacheRoot, 'building-'));
  try {
    const dataDir = join(building, 'data');
    const token = async (role: 'intake' | 'workstation', name: string) =>
      tokenOf(await runCli(['hub', 'token', '--data', dataDir, '--role', role, '--name', name], { timeoutMs: 300_000 }));
    const intakeToken = await token('intake', 'portal');
    const workstationTokens = {} as Record<WorkstationTokenName, string>;
    for (const name of WORKSTATION_TOKEN_NAMES) workstationTokens[name] = await token('workstation', name);
    const credentials: Record<string, string> = {};
    for (const officer of [...TEMPLATE_OFFICERS, ...TEST_OFFICERS]) {
      const added = await runCli(['hub', 'officer', 'add', '--data', dataDir, '--id', officer.id, '--name', officer.name, '--role', officer.role, '--team', officer.team], { timeoutMs: 300_000 });
      credentials[officer.id] = credentialOf(added);
    }
    // The tests' records carry fixed dates (2026): kept thirty years, so that no retention run at `hub serve`'s start
    // purges them whatever today's date; workstations copy these periods at sync (retention is tested apart).
    await runCli(['hub', 'retention', 'periods', '--data', dataDir, ...TEMPLATE_RETENTION_PERIODS], { timeoutMs: 300_000 });
    rmSync(join(dataDir, 'hub.lock'), { force: true });
    const template: HubTemplate = { dataDir: join(cached, 'data'), intakeToken, workstationTokens, credentials };
    writeFileSync(join(building, 'template.json'), `${JSON.stringify(template, null, 2)}\n`);
    renameSync(building, cached);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    // Another run may have made it meanwhile.
    if (!existsSync(manifest)) throw error;
  }
  log(`hub template made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(manifest, 'utf8')) as HubTemplate;
}

/** The template handed over by the global setup. */
export function hubTemplate(): HubTemplate {
  const value = process.env[TEMPLATE_ENV];
  if (!value) throw new Error(`${TEMPLATE_ENV} is not set: run the browser tests with \`npx playwright test\` (its global setup prepares the hub)`);
  return JSON.parse(value) as HubTemplate;
}

/** A fresh hub data directory in `dir`, copied from the template. */
export function copyHubTemplate(dir: string): string {
  const dataDir = join(dir, 'hub-data');
  cpSync(hubTemplate().dataDir, dataDir, { recursive: true });
  return dataDir;
}
