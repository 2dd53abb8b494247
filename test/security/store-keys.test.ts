import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { appPathsIn } from '../../src-main/app/app-paths';
import { browserModeSecrets } from '../../src-main/app/key-sealed-secrets';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { isPlainSqliteFile, openStore } from '../../src-main/db/open-store';
import { rewriteTempPath } from '../../src-main/db/store-rewrite';
import { PROJECT_ROOT } from '../support/paths';
import { filedRecord } from '../support/records';
import { runCliCaptured } from '../support/run-cli';
import { openTempStore, tempDir } from '../support/temp-store';

const KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2';

/** The error `work` throws (failing the test when it throws none). */
function thrown(work: () => unknown): Error & { code?: string } {
  try {
    work();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a refusal, and nothing was thrown');
}

function expectRefusal(result: { code: number; stderr: string }, code: number, reason: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(reason);
}

/** Every file in the folder, searched byte for byte. */
const folderHolds = (dir: string, text: string) => readdirSync(dir).some((name) => readFileSync(join(dir, name)).includes(Buffer.from(text)));

/** A platform whose secrets cannot keep the store's key (browser mode, the CLI): the key comes from the environment. */
const withoutKeychain = (dir: string) => createFileSecretStore(join(dir, 'secrets.json'), { keepsStoreKey: false });

async function plainStoreWithReport(dir: string): Promise<string> {
  const path = join(dir, 'puzzelstuk.db');
  const { store, importRecords } = openTempStore({ path });
  await importRecords([filedRecord({ reportId: 'IA-2026-0000101', incident: { summary: 'Sleuteltest', narrative: 'Een verhaal dat versleuteld moet zijn' } })]);
  store.close();
  return path;
}

describe('the key of an own store', () => {
  it('comes from PUZZELSTUK_DB_KEY: the new store is encrypted and the key is written nowhere', () => {
    const dir = tempDir();
    const paths = appPathsIn(dir);
    const store = openAppStore(paths, withoutKeychain(dir), { PUZZELSTUK_DB_KEY: KEY }, systemClock, 'own');
    store.close();
    expect(isPlainSqliteFile(paths.storePath)).toBe(false);
    expect(folderHolds(dir, KEY)).toBe(false);
    // Its attack twin: without the key, the store cannot be read.
    expect(() => openStore({ path: paths.storePath })).toThrow(/it is encrypted/);
  });

  it('is required: a missing key is refused before any store is made, a wrong one does not unlock it', () => {
    const dir = tempDir();
    const paths = appPathsIn(dir);
    const missing = thrown(() => openAppStore(paths, withoutKeychain(dir), {}, systemClock, 'own'));
    expect(missing.code).toBe('STORE_KEY_MISSING');
    expect(missing.message).toMatch(/set PUZZELSTUK_DB_KEY/);
    expect(existsSync(paths.storePath)).toBe(false);
    openAppStore(paths, withoutKeychain(dir), { PUZZELSTUK_DB_KEY: KEY }, systemClock, 'own').close();
    expect(() => openAppStore(paths, withoutKeychain(dir), {}, systemClock, 'own')).toThrow(expect.objectContaining({ code: 'STORE_KEY_MISSING' }));
    expect(() => openAppStore(paths, withoutKeychain(dir), { PUZZELSTUK_DB_KEY: 'not the key' }, systemClock, 'own')).toThrow(/could not be unlocked/);
  });

  it('kept by a keychain: a new store gets a fresh random key there, and opens with it again', () => {
    const dir = tempDir();
    const paths = appPathsIn(dir);
    const keychain = createFileSecretStore(join(dir, 'keychain.json'), { keepsStoreKey: true });
    openAppStore(paths, keychain, {}, systemClock, 'own').close();
    expect(keychain.get('store-key')).toMatch(/^[0-9a-f]{64}$/);
    expect(isPlainSqliteFile(paths.storePath)).toBe(false);
    openAppStore(paths, keychain, {}, systemClock, 'own').close();
  });

  it('is refused for an unencrypted store, saying how to encrypt it — which then opens', async () => {
    const dir = tempDir();
    const path = await plainStoreWithReport(dir);
    const paths = appPathsIn(dir);
    const refusal = thrown(() => openAppStore(paths, withoutKeychain(dir), { PUZZELSTUK_DB_KEY: KEY }, systemClock, 'own'));
    expect(refusal).toMatchObject({ code: 'STORE_NOT_ENCRYPTED' });
    expect(refusal.message).toContain(`store encrypt --db ${path}`);
    const encrypted = await runCliCaptured(['store', 'encrypt', '--db', path], { PUZZELSTUK_DB_KEY: KEY });
    expect(encrypted).toMatchObject({ code: 0, lines: [{ store: path, encrypted: true }] });
    const store = openAppStore(paths, withoutKeychain(dir), { PUZZELSTUK_DB_KEY: KEY }, systemClock, 'own');
    expect(store.sqlite.prepare('SELECT summary FROM reports').pluck().get()).toBe('Sleuteltest');
    store.close();
    expect(folderHolds(dir, 'versleuteld moet zijn')).toBe(false);
  });

  it('left in plain text beside the store by an older Puzzelstuk is refused until given, then removed', () => {
    const dir = tempDir();
    const paths = appPathsIn(dir);
    const legacy = withoutKeychain(dir);
    openAppStore(paths, createFileSecretStore(join(dir, 'keychain.json'), { keepsStoreKey: true }), { PUZZELSTUK_DB_KEY: KEY }, systemClock, 'own').close();
    legacy.set('store-key', KEY);
    expect(() => openAppStore(paths, legacy, {}, systemClock, 'own')).toThrow(/lies unprotected beside it/);
    expect(() => openAppStore(paths, legacy, { PUZZELSTUK_DB_KEY: 'another' }, systemClock, 'own')).toThrow(/not the key kept beside/);
    openAppStore(paths, legacy, { PUZZELSTUK_DB_KEY: KEY }, systemClock, 'own').close();
    expect(legacy.get('store-key')).toBeNull();
    expect(folderHolds(dir, KEY)).toBe(false);
  });

  it('of the demo needs nothing from the officer: it is kept in the demo’s own folder', () => {
    const dir = tempDir();
    const paths = appPathsIn(dir);
    const demoSecrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    openAppStore(paths, demoSecrets, {}, systemClock, 'demo').close();
    expect(isPlainSqliteFile(paths.storePath)).toBe(false);
    expect(demoSecrets.get('store-key')).not.toBeNull();
    openAppStore(paths, demoSecrets, {}, systemClock, 'demo').close();
  });
});

describe('browser mode’s secrets outside the demo', () => {
  it('need PUZZELSTUK_DB_KEY, and are sealed with it: the file holds neither the token nor the key', () => {
    const dir = tempDir();
    expect(() => browserModeSecrets(dir, {})).toThrow(expect.objectContaining({ code: 'STORE_KEY_MISSING' }));
    const secrets = browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: KEY });
    expect(secrets.keepsStoreKey).toBe(false);
    secrets.set('hub-token', 'pzh_the-hub-token');
    expect(browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: KEY }).get('hub-token')).toBe('pzh_the-hub-token');
    expect(readdirSync(dir)).toEqual(['secrets.sealed.json']);
    expect(folderHolds(dir, 'pzh_the-hub-token')).toBe(false);
    expect(folderHolds(dir, KEY)).toBe(false);
    // Another key opens nothing.
    expect(() => browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: 'another key' }).get('hub-token')).toThrow(/do not open/);
  });

  it('each get an IV of their own under the key a run derives once, and open in any later run', async () => {
    const dir = tempDir();
    const secrets = browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: KEY });
    secrets.set('hub-token', 'pzh_the-hub-token');
    // Time for the run's key to come from the thread pool, so that the next seal uses that one: a later run derives
    // it again on its own thread, and must get the same.
    await new Promise((resolve) => setTimeout(resolve, 500));
    secrets.set('pending-session-ends', '[]');
    const sealed = JSON.parse(readFileSync(join(dir, 'secrets.sealed.json'), 'utf8')) as Record<string, string>;
    const [tokenIv, endsIv] = [sealed['hub-token']!, sealed['pending-session-ends']!].map((text) => text.split(':')[2]);
    expect(tokenIv).not.toBe(endsIv);
    const later = browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: KEY });
    expect(later.get('hub-token')).toBe('pzh_the-hub-token');
    expect(later.get('pending-session-ends')).toBe('[]');
    later.set('hub-token', 'pzs_a-session');
    expect(browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: KEY }).get('hub-token')).toBe('pzs_a-session');
    expect(() => browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: 'another key' }).get('pending-session-ends')).toThrow(/do not open/);
  });

  it('take over an older plain secrets.json — only with its own key — and remove it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ 'store-key': KEY, 'hub-token': 'pzh_old' }), { mode: 0o600 });
    expect(() => browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: 'another key' })).toThrow(/holds this store's key in plain text/);
    expect(existsSync(join(dir, 'secrets.json'))).toBe(true);
    const secrets = browserModeSecrets(dir, { PUZZELSTUK_DB_KEY: KEY });
    expect(secrets.get('hub-token')).toBe('pzh_old');
    expect(secrets.get('store-key')).toBeNull();
    expect(readdirSync(dir)).toEqual(['secrets.sealed.json']);
    expect(folderHolds(dir, KEY)).toBe(false);
  });
});

describe('the CLI and the store’s key', () => {
  it('warns on stderr when it creates an unencrypted store, and not when it has a key', async () => {
    const dir = tempDir();
    const lines = `${JSON.stringify(filedRecord())}\n`;
    writeFileSync(join(dir, 'one.ndjson'), lines);
    const plain = await runCliCaptured(['import', '--quiet', '--db', join(dir, 'plain.db'), join(dir, 'one.ndjson')]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/created .*plain\.db unencrypted .*store encrypt/);
    const keyed = await runCliCaptured(['import', '--quiet', '--db', join(dir, 'keyed.db'), join(dir, 'one.ndjson')], { PUZZELSTUK_DB_KEY: KEY });
    expect(keyed.code).toBe(0);
    expect(keyed.stderr).not.toMatch(/unencrypted/);
    expect(isPlainSqliteFile(join(dir, 'keyed.db'))).toBe(false);
  });

  it('store rekey changes the key: the old one no longer opens it, the new one does; encrypt and rekey refuse the wrong kind of store', async () => {
    const dir = tempDir();
    const path = await plainStoreWithReport(dir);
    expectRefusal(await runCliCaptured(['store', 'rekey', '--db', path], { PUZZELSTUK_DB_KEY: KEY, PUZZELSTUK_DB_NEW_KEY: 'new' }), 1, /not encrypted; encrypt it/);
    expectRefusal(await runCliCaptured(['store', 'encrypt', '--db', path]), 2, /set PUZZELSTUK_DB_KEY/);
    expect((await runCliCaptured(['store', 'encrypt', '--db', path], { PUZZELSTUK_DB_KEY: KEY })).code).toBe(0);
    expectRefusal(await runCliCaptured(['store', 'encrypt', '--db', path], { PUZZELSTUK_DB_KEY: KEY }), 1, /already encrypted/);
    expectRefusal(await runCliCaptured(['store', 'rekey', '--db', path], { PUZZELSTUK_DB_KEY: 'wrong', PUZZELSTUK_DB_NEW_KEY: 'new' }), 1, /key is wrong/);
    expect((await runCliCaptured(['store', 'rekey', '--db', path], { PUZZELSTUK_DB_KEY: KEY, PUZZELSTUK_DB_NEW_KEY: 'the new key' })).code).toBe(0);
    expect(() => openStore({ path, key: KEY })).toThrow(/key is wrong/);
    const store = openStore({ path, key: 'the new key' });
    expect(store.sqlite.prepare('SELECT summary FROM reports').pluck().get()).toBe('Sleuteltest');
    store.close();
  });
});

describe('store encrypt under a crash', () => {
  /** A store large enough that the rewrite takes a while (padding in a table of its own), with a report to find again. */
  async function largePlainStore(dir: string): Promise<string> {
    const path = await plainStoreWithReport(dir);
    const store = openStore({ path });
    store.sqlite.exec('CREATE TABLE padding (blob BLOB)');
    const insert = store.sqlite.prepare('INSERT INTO padding VALUES (randomblob(1048576))');
    store.sqlite.transaction(() => {
      for (let index = 0; index < 96; index++) insert.run();
    })();
    store.close();
    return path;
  }

  /** What a crash left: the old store, plain and whole, or the new one, encrypted and whole. */
  function storeAfterCrash(path: string): 'plain' | 'encrypted' {
    const plain = isPlainSqliteFile(path);
    const store = openStore({ path, key: plain ? undefined : KEY });
    try {
      expect(store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(store.sqlite.prepare('SELECT summary FROM reports').pluck().get()).toBe('Sleuteltest');
      expect(store.sqlite.prepare('SELECT count(*) FROM padding').pluck().get()).toBe(96);
    } finally {
      store.close();
    }
    return plain ? 'plain' : 'encrypted';
  }

  it('leaves a usable store when killed mid-way, at any moment of the rewrite; running it again finishes the job', async () => {
    const dir = tempDir();
    const path = await largePlainStore(dir);
    const outcomes: string[] = [];
    // Killed (SIGKILL: no clean-up runs) at moments after the rewrite began: its temporary copy exists.
    for (const delayMs of [0, 20, 60, 150, 300, 600]) {
      if (!isPlainSqliteFile(path)) break;
      const child = spawn(process.execPath, ['scripts/puzzelstuk.mjs', 'store', 'encrypt', '--db', path], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, PUZZELSTUK_DB_KEY: KEY },
        stdio: 'ignore',
      });
      const spawnedAt = Date.now();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let running = true;
      void exited.then(() => (running = false));
      // A copy this run is writing (one a killed run left behind is older, and this run removes it first).
      const copyBegun = () => existsSync(rewriteTempPath(path)) && statSync(rewriteTempPath(path)).mtimeMs >= spawnedAt;
      while (running && !copyBegun()) await new Promise((resolve) => setTimeout(resolve, 2));
      if (running) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        child.kill('SIGKILL');
        outcomes.push(`killed at +${delayMs} ms: ${existsSync(rewriteTempPath(path)) ? 'mid-way' : 'after the rename'}`);
      }
      await exited;
      storeAfterCrash(path);
    }
    // At least one kill landed while the copy was being made or keyed, not after the rename.
    expect(outcomes.some((outcome) => outcome.endsWith('mid-way'))).toBe(true);
    if (isPlainSqliteFile(path)) expect((await runCliCaptured(['store', 'encrypt', '--db', path], { PUZZELSTUK_DB_KEY: KEY })).code).toBe(0);
    expect(storeAfterCrash(path)).toBe('encrypted');
    expect(existsSync(rewriteTempPath(path))).toBe(false);
  }, 120_000);
});
