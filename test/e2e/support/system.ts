/**
 * Starts the real system for a test, every part a process of its own on 127.0.0.1:
 *  - a hub: `hub serve --data <copy of the template> --port <p>` (embedded PGlite), with its intake and workstation
 *    tokens; records go in through POST /v1/intake, as the reporting portal sends them;
 *  - workstations: `serve --db <own store> --hub <url> --token <t>`, each printing the URL (with its launch token)
 *    that a browser page opens.
 * A Launcher owns what it started and stops all of it in stopAll() (the fixtures call it in teardown).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IntakeSummary } from '../../../shared/hub/protocol';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { test } from '@playwright/test';
import { callApi } from './api';
import { runCli, startServer, type ServerProcess } from './cli-process';
import { copyHubTemplate, hubTemplate, type WorkstationTokenName } from './hub-template';

export interface Hub {
  url: string;
  port: number;
  dataDir: string;
  intakeToken: string;
  /** Posts records as the portal does (NDJSON); throws unless every record was accepted. */
  post(records: readonly IntakeRecord[]): Promise<IntakeSummary>;
  stop(): Promise<void>;
  /** Starts `hub serve` again on the same data directory and the same port. */
  restart(): Promise<void>;
  running(): boolean;
}

export interface Workstation {
  /** The address `serve` printed, launch token included; changes with every (re)start. */
  url: string;
  origin: string;
  storePath: string;
  officer: string;
  stop(): Promise<void>;
  /** Stops `serve` and starts it again on the same store (a new port and launch token). */
  restart(): Promise<void>;
}

export interface WorkstationOptions {
  token?: WorkstationTokenName;
  /** The officer this workstation signs in as (with their credential, after each start). */
  officer?: string;
  /** False: nobody signs in; the page shows the sign-in screen (default true). */
  signIn?: boolean;
}

/** A hub that also accepts the ID tokens of an identity provider, with officers linked to their subject there. */
export interface HubOptions {
  oidc?: { issuer: string; clientId: string; subjects: Record<string, string> };
}

/** Notes a process's start-up time on the running test (shown in the HTML report). */
function noteStart(server: ServerProcess, what: string): void {
  try {
    test.info().annotations.push({ type: 'started', description: `${what} listening after ${(server.startedInMs / 1000).toFixed(1)} s` });
  } catch {
    // Outside a test or hook: nothing to note it on.
  }
}

export class Launcher {
  private readonly root = mkdtempSync(join(tmpdir(), 'puzzelstuk-e2e-'));
  private readonly stoppers: Array<() => Promise<void>> = [];
  private count = 0;

  /** @param logDir where each process's stderr (its JSON log) is written */
  constructor(private readonly logDir: string) {}

  private logFile(name: string): string {
    return join(this.logDir, `${name}.log`);
  }

  async hub(options: HubOptions = {}): Promise<Hub> {
    const template = hubTemplate();
    const dataDir = copyHubTemplate(mkdtempSync(join(this.root, 'hub-')));
    const logFile = this.logFile(`hub-${++this.count}`);
    const oidcArgs: string[] = [];
    if (options.oidc) {
      for (const [officer, subject] of Object.entries(options.oidc.subjects)) await runCli(['hub', 'officer', 'oidc-subject', '--data', dataDir, '--id', officer, '--subject', subject]);
      oidcArgs.push('--oidc-issuer', options.oidc.issuer, '--oidc-client-id', options.oidc.clientId);
    }
    const start = async (port: number) => {
      const started = await startServer(['hub', 'serve', '--data', dataDir, '--port', String(port), ...oidcArgs], { name: 'hub serve', logFile });
      noteStart(started, 'hub serve');
      return started;
    };
    let server: ServerProcess = await start(0);
    const url = server.url;
    const port = Number(new URL(url).port);
    this.stoppers.push(async () => void (await server.stop()));
    return {
      url,
      port,
      dataDir,
      intakeToken: template.intakeToken,
      running: () => server.running(),
      async post(records) {
        const response = await fetch(`${url}/v1/intake`, {
          method: 'POST',
          headers: { authorization: `Bearer ${template.intakeToken}`, 'content-type': 'application/x-ndjson' },
          body: records.map((record) => JSON.stringify(record)).join('\n') + '\n',
        });
        const summary = (await response.json()) as IntakeSummary;
        if (response.status !== 200 || summary.rejected.length > 0 || summary.imported + summary.updated !== records.length) {
          throw new Error(`the hub did not accept every record (HTTP ${response.status}): ${JSON.stringify(summary).slice(0, 1000)}`);
        }
        return summary;
      },
      async stop() {
        await server.stop();
      },
      async restart() {
        await server.stop();
        server = await start(port);
        if (server.url !== url) throw new Error(`the hub came back at ${server.url}, not ${url}`);
      },
    };
  }

  async workstation(hub: Hub, options: WorkstationOptions = {}): Promise<Workstation> {
    const tokenName = options.token ?? 'workstation-1';
    const token = hubTemplate().workstationTokens[tokenName];
    const officer = options.officer ?? 'e2e.agent';
    const dir = mkdtempSync(join(this.root, `${tokenName}-`));
    const storePath = join(dir, 'puzzelstuk.db');
    const logFile = this.logFile(`${tokenName}-${++this.count}`);
    const start = async () => {
      const started = await startServer(['serve', '--db', storePath, '--hub', hub.url, '--token', token], {
        name: `serve (${tokenName})`,
        logFile,
        // Outside the demo every store is encrypted; browser mode takes the key from the environment.
        env: { PUZZELSTUK_DB_KEY: `e2e-key-${tokenName}` },
      });
      noteStart(started, `serve (${tokenName})`);
      return started;
    };
    let server = await start();
    this.stoppers.push(async () => void (await server.stop()));
    // The officer signs in with their credential, as at a real hub: that enrolls their signing key, without which
    // the hub refuses their changes. The key stays in the store across restarts.
    const credential = hubTemplate().credentials[officer];
    if (!credential) throw new Error(`officer ${officer} is not in the hub template (test/e2e/support/hub-template.ts)`);
    // With a real hub nobody is signed in after a start: the officer signs in again, as they would at the screen.
    const signIn = () => (options.signIn === false ? Promise.resolve() : callApi(server.url, 'session.signIn', { officerId: officer, credential }));
    await signIn();
    const workstation: Workstation = {
      url: server.url,
      origin: new URL(server.url).origin,
      storePath,
      officer,
      async stop() {
        await server.stop();
      },
      async restart() {
        await server.stop();
        server = await start();
        await signIn();
        workstation.url = server.url;
        workstation.origin = new URL(server.url).origin;
      },
    };
    return workstation;
  }

  /** Stops every process this launcher started (workstations before hubs) and removes their data. */
  async stopAll(): Promise<void> {
    const stoppers = this.stoppers.splice(0).reverse();
    for (const stop of stoppers) await stop().catch(() => undefined);
    rmSync(this.root, { recursive: true, force: true });
  }
}
