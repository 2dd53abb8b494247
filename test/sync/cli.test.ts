import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli';
import { tempDir } from '../support/temp-store';
import { closedPort } from '../support/ports';

/** A loopback port nobody listens on. */

describe('puzzelstuk sync', () => {
  it('explains what is missing', async () => {
    const db = join(tempDir(), 'ws.db');
    const noHub = await runCliCaptured(['sync', '--db', db, '--token', 't', '--once']);
    expect(noHub.code).toBe(2);
    expect(noHub.stderr).toMatch(/--hub is required/);
    const noToken = await runCliCaptured(['sync', '--db', db, '--hub', 'http://127.0.0.1:1', '--once']);
    expect(noToken.stderr).toMatch(/--token is required/);
    const badScope = await runCliCaptured(['sync', '--db', db, '--hub', 'http://127.0.0.1:1', '--token', 't', '--scope', 'A,,B']);
    expect(badScope.code).toBe(2);
  });

  it('fails one round with a readable reason when the hub is away, and leaves the store as it was', async () => {
    const db = join(tempDir(), 'ws.db');
    const result = await runCliCaptured(['sync', '--db', db, '--hub', `http://127.0.0.1:${await closedPort()}`, '--once'], { PUZZELSTUK_HUB_TOKEN: 'pzh_x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the round did not finish: the hub refuses connections/);
    expect(result.stdout).toBe('');
  });
});
