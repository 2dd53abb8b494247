/**
 * Runs once before the browser suite. It makes sure of what the suite needs from the machine — never skipping:
 *  1. Chromium at /usr/bin/chromium (installed with apt-get when missing and running as root; otherwise the run
 *     fails saying how to install it);
 *  2. a renderer build in dist/renderer no older than its sources (built with Vite otherwise);
 *  3. a migrated hub data directory with tokens, which every test copies (see support/hub-template.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { prepareHubTemplate, TEMPLATE_ENV } from './support/hub-template';
import { CHROMIUM_PATH, PROJECT_ROOT } from './support/paths';
import { ensureRendererBuilt } from './support/renderer-build';

const log = (message: string) => process.stderr.write(`[e2e setup] ${message}\n`);

const INSTALL_HINT =
  `The browser tests drive Debian's Chromium at ${CHROMIUM_PATH} (Playwright's own browser download is not used). ` +
  'Install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), or run the tests as root ' +
  'so that they install it themselves.';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Names of running apt/dpkg processes (another install holds the dpkg lock; ours would fail or wait on it). */
function runningPackageManagers(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (/^(apt|apt-get|aptitude|dpkg|unattended-upgr)/.test(name)) found.push(`${name} (pid ${entry})`);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
}

async function ensureChromium(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (!isRoot() || !existsSync('/usr/bin/apt-get')) throw new Error(`Chromium is missing. ${INSTALL_HINT}`);
    // Wait a while for another apt/dpkg run to finish rather than racing it for the lock.
    const deadline = Date.now() + 120_000;
    let busy = runningPackageManagers();
    while (busy.length > 0 && Date.now() < deadline) {
      log(`waiting for ${busy.join(', ')} to finish before installing Chromium …`);
      await new Promise((done) => setTimeout(done, 5000));
      busy = runningPackageManagers();
    }
    if (busy.length > 0) throw new Error(`Chromium is missing, and another package manager is still running (${busy.join(', ')}). ${INSTALL_HINT}`);
    log('Chromium not found: installing the chromium package with apt-get …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      run('apt-get', ['update'], env);
      run('apt-get', ['install', '-y', 'chromium'], env);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n\n${INSTALL_HINT}`);
    }
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing. ${INSTALL_HINT}`);
  }
  const version = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || !/chromium/i.test(version.stdout)) {
    throw new Error(`${CHROMIUM_PATH} does not run (${version.error?.message ?? version.stderr.trim()}). ${INSTALL_HINT}`);
  }
  log(version.stdout.trim());
}

export default async function globalSetup(): Promise<void> {
  await ensureChromium();
  ensureRendererBuilt(log);
  const template = await prepareHubTemplate(log);
  // Workers inherit the environment of the runner after global setup.
  process.env[TEMPLATE_ENV] = JSON.stringify(template);
}
