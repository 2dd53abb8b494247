#!/usr/bin/env node
// `npm start`: the demo — generated reports streaming into an embedded hub, in a folder of its own — in the
// desktop app when the Electron runtime is installed; otherwise in browser mode (`serve --demo`), with the address
// to open printed once it listens. An officer's own store is opened with `serve --db <path>` or the desktop app
// without --demo.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `require('electron')` gives the binary's path, or throws when its download never happened. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Where browser mode keeps the demo's store: beside the desktop app's user data, in a folder of its own. */
function browserModeDemoDir() {
  if (process.env.PUZZELSTUK_DATA_DIR) return process.env.PUZZELSTUK_DATA_DIR;
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'puzzelstuk', 'browser-mode-demo');
}

/** Passes Ctrl+C and termination on to the child once, then waits for it to finish its shutdown. */
function exitWith(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron) {
  run(process.execPath, ['scripts/build-main.mjs']);
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn']);
  exitWith(spawn(electron, ['.', '--demo'], { cwd: root, stdio: 'inherit' }));
} else {
  process.stderr.write(
    'Electron runtime niet gevonden — deze machine kan het niet downloaden; start in browsermodus. Installeer het met `npx electron --version` op een machine met internet.\n',
  );
  const store = join(browserModeDemoDir(), 'puzzelstuk.db');
  // Own process group, so a Ctrl+C in the terminal reaches the server once, through exitWith.
  const server = spawn(process.execPath, ['scripts/puzzelstuk.mjs', 'serve', '--demo', '--db', store], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: process.platform !== 'win32',
  });
  createInterface({ input: server.stdout }).once('line', (line) => {
    const { url } = JSON.parse(line);
    process.stdout.write(`Puzzelstuk-demo draait in browsermodus. Open in Chromium of Chrome:\n  ${url}\n(stoppen: Ctrl+C; gegevens in ${store})\n`);
  });
  exitWith(server);
}
