import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { createOutbox } from '../../src-main/mutations/outbox';
import { recordMutation } from '../../src-main/mutations/record-mutation';
import { writeCursor } from '../../src-main/db/sync-cursor';
import { filedRecord } from '../support/records';
import { openTempStore } from '../support/temp-store';

const officer = 'agent.jansen';

function statusChange(reportId: string, id = '22222222-2222-4222-8222-000000000001'): AnyMutation {
  return { id, kind: 'report.setWorkStatus', officer, at: '2026-11-02T10:00:00Z', payload: { reportId, status: 'in_progress' } };
}

describe('recordMutation (the local write path)', () => {
  it('shows the change, queues it in the outbox and audits it naming the officer, in one go', async () => {
    const temp = openTempStore();
    const { store } = temp;
    const record = filedRecord();
    await temp.importRecords([record]);
    recordMutation(store, statusChange(record.reportId));

    expect(store.sqlite.prepare('SELECT work_status FROM reports WHERE report_id = ?').pluck().get(record.reportId)).toBe('in_progress');
    expect(store.sqlite.prepare('SELECT mutation_id, officer, kind, state, position FROM outbox').all()).toEqual([
      { mutation_id: '22222222-2222-4222-8222-000000000001', officer, kind: 'report.setWorkStatus', state: 'pending', position: 1 },
    ]);
    const audit = store.sqlite.prepare("SELECT actor, action, subject_id, details FROM audit_log WHERE action = 'report.setWorkStatus'").get();
    expect(audit).toMatchObject({ actor: officer, subject_id: record.reportId });
    expect(JSON.parse((audit as { details: string }).details)).toEqual({ mutationId: '22222222-2222-4222-8222-000000000001', status: 'in_progress' });
  });

  it('records how far the store had pulled the hub’s feed when the change was made (its basis)', async () => {
    const temp = openTempStore();
    const record = filedRecord();
    await temp.importRecords([record]);
    expect(recordMutation(temp.store, statusChange(record.reportId)).basis).toBe('0');
    writeCursor(temp.store.sqlite, '42');
    const later = recordMutation(temp.store, statusChange(record.reportId, '22222222-2222-4222-8222-000000000002'));
    expect(later.basis).toBe('42');
    // It travels with the mutation to the hub.
    expect(createOutbox(temp.store.sqlite).pending().map((mutation) => mutation.basis)).toEqual(['0', '42']);
  });

  it('refuses an invalid mutation with BAD_INPUT and writes nothing', async () => {
    const temp = openTempStore();
    const { store } = temp;
    const record = filedRecord();
    await temp.importRecords([record]);
    const bad = { ...statusChange(record.reportId), payload: { reportId: record.reportId, status: 'done' } } as unknown as AnyMutation;
    expect(() => recordMutation(store, bad)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(store.sqlite.prepare('SELECT work_status FROM reports').pluck().get()).toBe('new');
  });

  it('refuses the same mutation id twice with CONFLICT', async () => {
    const temp = openTempStore();
    const { store } = temp;
    const record = filedRecord();
    await temp.importRecords([record]);
    recordMutation(store, statusChange(record.reportId));
    let error: unknown;
    try {
      recordMutation(store, statusChange(record.reportId));
    } catch (caught) {
      error = caught;
    }
    expect(isAppError(error) && error.code).toBe('CONFLICT');
    expect(store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });

  it('rolls the whole change back when applying it fails', async () => {
    const temp = openTempStore();
    const { store } = temp;
    const record = filedRecord();
    await temp.importRecords([record]);
    store.sqlite.exec("CREATE TRIGGER fail_notes BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;");
    const note: AnyMutation = {
      id: '22222222-2222-4222-8222-000000000009',
      kind: 'note.add',
      officer,
      at: '2026-11-02T10:00:00Z',
      payload: { noteId: '33333333-3333-4333-8333-000000000001', subjectType: 'report', subjectId: record.reportId, body: 'Gebeld, geen gehoor.' },
    };
    expect(() => recordMutation(store, note)).toThrow(/disk trouble/);
    for (const table of ['outbox', 'notes', 'field_versions']) expect(store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    expect(store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'note.add'").pluck().get()).toBe(0);
  });
});
