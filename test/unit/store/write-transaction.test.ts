/**
 * Every write transaction on the store opens IMMEDIATE (src-main/db/write-transaction.ts): an officer's change that
 * meets another connection holding the writer's lock — the checkpoint thread's TRUNCATE, a CLI — waits for it and
 * succeeds. Opened DEFERRED, the change read first and then asked for the lock, which SQLite answers with
 * SQLITE_BUSY at once ("database is locked"), without waiting.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { writeTransaction } from '../../../src-main/db/write-transaction';
import { recordMutation } from '../../../src-main/mutations/record-mutation';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';

const HOLD_MS = 300;

/** Another connection, on a thread of its own, takes the writer's lock, holds it HOLD_MS and lets it go. */
async function holdWritersLock(path: string): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     const db = new Database(workerData.path);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();
     parentPort.postMessage('released');`,
    { eval: true, workerData: { path, holdMs: HOLD_MS } },
  );
  onTestFinished(async () => void (await worker.terminate()));
  const released = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: string) => {
      if (message === 'released') resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  });
  return { released };
}

function statusChange(reportId: string): AnyMutation {
  return { id: '22222222-2222-4222-8222-000000000001', kind: 'report.setWorkStatus', officer: 'agent.jansen', at: '2026-11-02T10:00:00Z', payload: { reportId, status: 'in_progress' } };
}

const outboxRows = (temp: ReturnType<typeof openTempStore>) => temp.store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get();

describe('a write transaction while another connection holds the writer’s lock', () => {
  it('an officer’s change (read, then written) waits for the lock and is recorded', async () => {
    const temp = openTempStore();
    const record = filedRecord();
    await temp.importRecords([record]);
    const holder = await holdWritersLock(temp.path);

    recordMutation(temp.store, statusChange(record.reportId));

    await holder.released;
    expect(temp.store.sqlite.prepare('SELECT work_status FROM reports WHERE report_id = ?').pluck().get(record.reportId)).toBe('in_progress');
    expect(outboxRows(temp)).toBe(1);
  }, 30_000);

  it('the same change opened DEFERRED, as before, fails at once with "database is locked"', async () => {
    const temp = openTempStore();
    const record = filedRecord();
    await temp.importRecords([record]);
    const holder = await holdWritersLock(temp.path);
    const { sqlite } = temp.store;

    const readThenWrite = sqlite.transaction(() => {
      const status = sqlite.prepare('SELECT work_status FROM reports WHERE report_id = ?').pluck().get(record.reportId);
      sqlite.prepare('UPDATE reports SET work_status = ? WHERE report_id = ?').run(status === 'in_progress' ? 'new' : 'in_progress', record.reportId);
    });
    expect(() => readThenWrite.deferred()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    await holder.released;
  }, 30_000);

  it('the twin: with no lock held the change is recorded at once', async () => {
    const temp = openTempStore();
    const record = filedRecord();
    await temp.importRecords([record]);
    recordMutation(temp.store, statusChange(record.reportId));
    expect(outboxRows(temp)).toBe(1);
  }, 30_000);

  it('nested inside another, it is a savepoint: its failure undoes only its own writes', () => {
    const temp = openTempStore();
    const { sqlite } = temp.store;
    sqlite.exec('CREATE TEMP TABLE planted (value TEXT)');
    const insert = (value: string) => sqlite.prepare('INSERT INTO planted (value) VALUES (?)').run(value);
    writeTransaction(sqlite, () => {
      insert('outer');
      expect(() =>
        writeTransaction(sqlite, () => {
          insert('inner');
          throw new Error('the inner change is refused');
        })(),
      ).toThrow('the inner change is refused');
      writeTransaction(sqlite, (value: string) => insert(value))('kept inner');
    })();
    expect(sqlite.prepare('SELECT value FROM planted ORDER BY rowid').pluck().all()).toEqual(['outer', 'kept inner']);
  });
});
