#!/usr/bin/env node
// A throwaway PostgreSQL cluster for the hub's tests (and for trying the hub by hand):
//   node scripts/postgres.mjs        starts one, prints {"url": "postgres://…"} and stops it on Ctrl-C.
// Finds the PostgreSQL 15 server binaries (or the newest installed), installs them with apt-get when they are
// missing and we are root, and otherwise fails saying how to get them. Never skips: the hub suite must run
// against a real server.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const PREFERRED_VERSION = '15';
const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl, postgres) are needed for the hub tests. ' +
  'Install them with `sudo apt-get update && sudo apt-get install -y postgresql` (Debian/Ubuntu; PostgreSQL 15 or newer), ' +
  'or run the tests as root so that they install it themselves, ' +
  'or point PUZZELSTUK_TEST_POSTGRES_URL at a PostgreSQL server whose user may create databases.';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function binariesIn(dir) {
  const names = { initdb: join(dir, 'initdb'), pgCtl: join(dir, 'pg_ctl'), postgres: join(dir, 'postgres') };
  return Object.values(names).every((path) => existsSync(path)) ? names : null;
}

/** The server binaries: /usr/lib/postgresql/15/bin, else the newest /usr/lib/postgresql/N/bin, else beside pg_ctl on PATH. */
export function findPostgresBinaries() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && Number(name) >= 15)
        .sort((a, b) => (a === PREFERRED_VERSION ? -1 : b === PREFERRED_VERSION ? 1 : Number(b) - Number(a)))
    : [];
  for (const version of versions) {
    const found = binariesIn(join(root, version, 'bin'));
    if (found) return { ...found, version };
  }
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const pgCtl = join(dir, 'pg_ctl');
    if (!existsSync(pgCtl)) continue;
    // /usr/local/bin/pg_ctl may be a link into /usr/lib/postgresql/N/bin: the other binaries lie beside its target.
    const found = binariesIn(dirname(realpathSync(pgCtl))) ?? binariesIn(dir);
    if (found) return { ...found, version: 'unknown' };
  }
  return null;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return result.stdout ?? '';
}

/** Finds the binaries, installing them via apt-get when missing and running as root; throws how-to otherwise. */
export function ensurePostgresBinaries({ log = (message) => process.stderr.write(`${message}\n`) } = {}) {
  const found = findPostgresBinaries();
  if (found) return found;
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) throw new Error(INSTALL_HINT);
  log('PostgreSQL server binaries not found: installing the postgresql package with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { env });
  } catch (error) {
    throw new Error(`${error.message}\n\n${INSTALL_HINT}`);
  }
  const installed = findPostgresBinaries();
  if (!installed) throw new Error(`apt-get installed postgresql, but its server binaries are still not found.\n${INSTALL_HINT}`);
  return installed;
}

function postgresUser() {
  const uid = Number(run('id', ['-u', 'postgres']).trim());
  const gid = Number(run('id', ['-g', 'postgres']).trim());
  return { uid, gid };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster in a fresh temporary directory, listening on 127.0.0.1 only, with durability switched off
 * (it is thrown away). As root, initdb and the server run as the `postgres` OS user (PostgreSQL refuses root).
 * Returns its admin URL, `createDatabase(name)` and `stop()` (which also removes the directory).
 */
export async function startPostgresCluster({ log = (message) => process.stderr.write(`${message}\n`) } = {}) {
  const binaries = ensurePostgresBinaries({ log });
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-pg-'));
  const data = join(dir, 'data');
  const sockets = join(dir, 'sockets');
  mkdirSync(sockets);
  let owner = {};
  if (isRoot()) {
    let user;
    try {
      user = postgresUser();
    } catch {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`running as root, but there is no "postgres" OS user to run the server as.\n${INSTALL_HINT}`);
    }
    chownSync(dir, user.uid, user.gid);
    chownSync(sockets, user.uid, user.gid);
    owner = { uid: user.uid, gid: user.gid, env: { ...process.env, HOME: dir } };
  }
  const asOwner = (command, args) => run(command, args, { cwd: dir, ...owner });
  let started = false;
  try {
    asOwner(binaries.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const serverOptions = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-k ${sockets}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    asOwner(binaries.pgCtl, ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions]);
    started = true;
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    return {
      adminUrl,
      port,
      version: binaries.version,
      urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
      createDatabase: (name) => createDatabase(adminUrl, name),
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          asOwner(binaries.pgCtl, ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (started) {
      try {
        asOwner(binaries.pgCtl, ['stop', '-D', data, '-m', 'immediate']);
      } catch {
        // already down
      }
    }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a PostgreSQL test cluster: ${error.message}`);
  }
}

/** Creates a database on the server of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl, name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database, ending its sessions first. */
export async function dropDatabase(adminUrl, name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cluster = await startPostgresCluster();
  process.stdout.write(`${JSON.stringify({ url: cluster.adminUrl })}\n`);
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const stop = () => {
    clearInterval(keepAlive);
    void cluster.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
