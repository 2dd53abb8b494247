/**
 * The hub's address, tried as an attacker who gets an officer to point the workstation elsewhere, or sits on the
 * network between workstation and hub: the stored credential must never reach a changed address, a hub on
 * another machine is never spoken to over plain http, and a certificate the workstation cannot verify is
 * refused. The honest twins — the real hub with its credential, an https hub whose CA is configured — work.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { createHubFetch } from '../../src-main/app/hub-fetch';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { createSettingsFile } from '../../src-main/app/settings-file';
import { startWorkstation, type Workstation } from '../../src-main/app/workstation';
import type { CaseStore } from '../../src-main/db/open-store';
import { createHubClient } from '../../src-main/sync/hub-client';
import { readCursor, START_CURSOR } from '../../src-main/db/sync-cursor';
import { generateReports } from '../../src-generator';
import { hubAddressProblem } from '../../shared/hub/address';
import { systemClock } from '../../shared/platform/clock';
import { tempDir } from '../support/temp-store';
import { BACKENDS, startTestHub, type TestHub } from '../hub/harness';
import { retentionNeverDue } from '../support/retention-timers';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server that answers like an unavailable hub and keeps every Authorization header it was sent. */
function answerAndRecord(heard: string[]) {
  return (request: IncomingMessage, response: ServerResponse) => {
    heard.push(request.headers.authorization ?? '(none)');
    response.writeHead(request.url?.startsWith('/v1/whoami') ? 200 : 503, { 'content-type': 'application/json' });
    response.end(request.url?.startsWith('/v1/whoami') ? JSON.stringify({ token: 'tls-station', officer: null }) : '{"error":{"code":"UNAVAILABLE","message":"listening"}}');
  };
}

describe('the hub’s address', () => {
  let dir: string;
  let certificate: { key: string; cert: string; caFile: string };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-tls-'));
    const keyFile = join(dir, 'hub.key');
    const caFile = join(dir, 'hub.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', caFile, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    certificate = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(caFile, 'utf8'), caFile };
  });

  it('refuses a plain-http hub on another machine with a clear message, in the settings and at launch', async () => {
    const store = tempDir();
    const paths = appPathsIn(store);
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const caseStore = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({ store: caseStore, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue });
    try {
      const refused = await dispatch('settings.set', { hubUrl: 'http://hub.politie.example:8080', hubToken: 'pzh_secret' }, workstation.context);
      expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/only over https with a verified certificate.*https:\/\/hub\.politie\.example:8080/) as unknown } });
      expect(await dispatch('settings.get', {}, workstation.context)).toMatchObject({ ok: true, value: { hubUrl: null, hubTokenSet: false } });
      // The honest twins: https anywhere, plain http on this machine.
      expect(await dispatch('settings.set', { hubUrl: 'https://hub.politie.example' }, workstation.context)).toMatchObject({ ok: true });
      expect(await dispatch('settings.set', { hubUrl: 'http://127.0.0.1:9' }, workstation.context)).toMatchObject({ ok: true });
    } finally {
      await workstation.close();
      caseStore.close();
    }

    // A hub named at launch (environment, --hub) is held to the same rule before anything is sent.
    const sent: string[] = [];
    const spy: typeof fetch = (input) => {
      sent.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response('{}'));
    };
    const client = createHubClient({ hubUrl: 'http://10.20.30.40:8080', token: 'pzh_secret', fetch: spy });
    await expect(client.whoami()).rejects.toThrow(/cannot be used: a hub on another machine \(10\.20\.30\.40:8080\) is reached only over https/);
    expect(sent).toEqual([]);
  });

  it('refuses a hub whose certificate it cannot verify, and trusts one signed by the configured CA', async () => {
    const heard: string[] = [];
    const server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, answerAndRecord(heard));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hubUrl = `https://localhost:${(server.address() as AddressInfo).port}`;
    try {
      const unverified = createHubClient({ hubUrl, token: 'pzh_secret', fetch: createHubFetch(fetch, () => null) });
      await expect(unverified.whoami()).rejects.toThrow(/self-signed|SELF_SIGNED|certificate/i);
      expect(heard).toEqual([]);

      const withCa = createHubClient({ hubUrl, token: 'pzh_secret', fetch: createHubFetch(fetch, () => certificate.caFile) });
      expect(await withCa.whoami()).toMatchObject({ token: 'tls-station' });
      expect(heard).toEqual(['Bearer pzh_secret']);
    } finally {
      server.close();
    }
  });

  it('forgets the stored credential when the certificate authority changes, and keeps it when only the language does', async () => {
    const store = tempDir();
    const paths = appPathsIn(store);
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const caseStore = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({ store: caseStore, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue });
    const settingsFile = createSettingsFile(paths.settingsPath);
    try {
      const hubUrl = 'https://hub.politie.example';
      expect(await dispatch('settings.set', { hubUrl, hubToken: 'pzh_credential' }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: true } });
      settingsFile.write({ ...settingsFile.read(), officerId: 'j.devries' });
      // The honest twin: another language is no reason to give the credential again.
      expect(await dispatch('settings.set', { language: 'en' }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: true, language: 'en' } });
      expect(settingsFile.read().officerId).toBe('j.devries');

      // A new CA can let another server pass as the hub at the same address: the credential is not offered to it.
      expect(await dispatch('settings.set', { hubCaFile: certificate.caFile }, workstation.context)).toMatchObject({ ok: true, value: { hubUrl, hubTokenSet: false, hubCaFile: certificate.caFile } });
      expect(settingsFile.read().officerId).toBeNull();
      expect(readFileSync(paths.secretsPath, 'utf8')).not.toContain('pzh_credential');

      // Removing the CA again clears a credential given meanwhile too; a credential given with the change is kept.
      expect(await dispatch('settings.set', { hubToken: 'pzh_second' }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: true } });
      expect(await dispatch('settings.set', { hubCaFile: null }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: false, hubCaFile: null } });
      expect(await dispatch('settings.set', { hubCaFile: certificate.caFile, hubToken: 'pzh_third' }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: true } });
    } finally {
      await workstation.close();
      caseStore.close();
    }
  });

  it('refuses a certificate of the configured CA that names another host, and never sends the credential to it', async () => {
    // A certificate the force's CA issued to another of its servers must not let that server pass as the hub.
    const keyFile = join(dir, 'other.key');
    const certFile = join(dir, 'other.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=mail.politie.example', '-addext', 'subjectAltName=DNS:mail.politie.example'], { stdio: 'ignore' });
    const heard: string[] = [];
    const server = createHttpsServer({ key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') }, answerAndRecord(heard));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createHubClient({ hubUrl: `https://localhost:${(server.address() as AddressInfo).port}`, token: 'pzh_secret', fetch: createHubFetch(fetch, () => certFile) });
      await expect(client.whoami()).rejects.toThrow(/altnames|ALTNAME|does not match|certificate/i);
      expect(heard).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('takes no look-alike of this machine for loopback: plain http to it is refused', () => {
    for (const address of ['http://127.0.0.1.nip.io:8080', 'http://localhost.politie.example', 'http://127.0.0.1@hub.politie.example', 'http://[::ffff:a14:1e28]:8080', 'http://10.0.0.1']) {
      expect(hubAddressProblem(address), address).not.toBeNull();
    }
    for (const address of ['http://127.0.0.1:8740', 'http://localhost:8740', 'http://[::1]:8740', 'https://hub.politie.example']) {
      expect(hubAddressProblem(address), address).toBeNull();
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a CA file that holds no certificate, saying so', async () => {
    const store = tempDir();
    const paths = appPathsIn(store);
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const caseStore = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({ store: caseStore, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue });
    const notPem = join(store, 'not-a-ca.txt');
    writeFileSync(notPem, 'hello');
    try {
      expect(await dispatch('settings.set', { hubCaFile: notPem }, workstation.context)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/holds no certificate in PEM form/) as unknown } });
      expect(await dispatch('settings.set', { hubCaFile: certificate.caFile }, workstation.context)).toMatchObject({ ok: true, value: { hubCaFile: certificate.caFile } });
    } finally {
      await workstation.close();
      caseStore.close();
    }
  });
});

describe.each(BACKENDS)('the stored credential and a changed hub address (%s)', (backend) => {
  let hub: TestHub;
  let elsewhere: ReturnType<typeof createHttpServer>;
  const heardElsewhere: string[] = [];
  let caseStore: CaseStore;
  let workstation: Workstation;
  let secretsPath: string;
  let dataDir: string;

  beforeAll(async () => {
    hub = await startTestHub(backend, { recheckMs: 5000 });
    elsewhere = createHttpServer(answerAndRecord(heardElsewhere));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    dataDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-address-'));
    const paths = appPathsIn(dataDir);
    secretsPath = paths.secretsPath;
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    caseStore = openAppStore(paths, secrets, {}, systemClock, 'own');
    workstation = await startWorkstation({ store: caseStore, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue });
  });
  afterAll(async () => {
    await workstation?.close();
    caseStore?.close();
    elsewhere?.close();
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const state = async () => {
    const answer = await dispatch('sync.state', {}, workstation.context);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as { online: boolean; lastError: string | null };
  };

  it('syncs with its hub and credential, and never sends that credential to the address it is changed to', async () => {
    expect(await dispatch('settings.set', { hubUrl: hub.url, hubToken: hub.workstationToken }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: true } });
    for (let waited = 0; !(await state()).online; waited += 100) {
      if (waited > 30_000) throw new Error(`never online: ${(await state()).lastError}`);
      await sleep(100);
    }

    const moved = await dispatch('settings.set', { hubUrl: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}` }, workstation.context);
    expect(moved).toMatchObject({ ok: true, value: { hubTokenSet: false } });
    await sleep(1500);
    expect(heardElsewhere.filter((header) => header.includes(hub.workstationToken))).toEqual([]);
    expect(readFileSync(secretsPath, 'utf8')).not.toContain(hub.workstationToken);

    // Going back does not bring the credential back: it has to be given again.
    expect(await dispatch('settings.set', { hubUrl: hub.url }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: false } });
  });

  it('keeps a store that synced reports with its hub: another address is refused, and the credential stays unsent', async () => {
    expect(await dispatch('settings.set', { hubToken: hub.workstationToken }, workstation.context)).toMatchObject({ ok: true, value: { hubTokenSet: true } });
    const [record] = [...generateReports(1, { seed: 'bound-store' })];
    const posted = await fetch(`${hub.url}/v1/intake`, { method: 'POST', headers: { authorization: `Bearer ${hub.intakeToken}`, 'content-type': 'application/x-ndjson' }, body: `${JSON.stringify(record)}\n` });
    expect(posted.status).toBe(200);
    for (let waited = 0; readCursor(caseStore.sqlite) === START_CURSOR; waited += 100) {
      if (waited > 30_000) throw new Error(`never pulled: ${(await state()).lastError}`);
      await sleep(100);
    }

    // The attack: pointed at a hub of someone else's, whose "supervisor" could then read this store's reports.
    const elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    expect(await dispatch('settings.set', { hubUrl: elsewhereUrl }, workstation.context)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/stays with that hub/) as unknown } });
    const kept = await dispatch('settings.get', {}, workstation.context);
    expect(kept).toMatchObject({ ok: true, value: { hubUrl: hub.url, hubTokenSet: true } });
    await sleep(500);
    expect(heardElsewhere.filter((header) => header.includes(hub.workstationToken))).toEqual([]);
    // Its twin: what does not move the hub (the language) is still changed.
    expect(await dispatch('settings.set', { language: 'en' }, workstation.context)).toMatchObject({ ok: true, value: { language: 'en', hubTokenSet: true } });
  });
});
