import { describe, expect, it } from 'vitest';
import { filedRecord } from '../support/records';
import { openApiHarness } from './support/api-harness';

describe('notes', () => {
  it('adds a note to a report and lists it as not yet synced', async () => {
    const report = filedRecord();
    const api = await openApiHarness({ records: [report] });
    const { noteId } = await api.value('note.add', { subjectType: 'report', subjectId: report.reportId, body: 'Slachtoffer teruggebeld.' });
    expect(api.events).toContainEqual({ event: 'work.changed', payload: { entities: ['note'] } });
    const notes = await api.value('note.list', { subjectType: 'report', subjectId: report.reportId });
    expect(notes).toEqual([
      { noteId, subjectType: 'report', subjectId: report.reportId, body: 'Slachtoffer teruggebeld.', author: api.context.officer.id, createdAt: expect.any(String) as string, synced: false },
    ]);
  });

  it('shows a note as synced once the hub acknowledged it', async () => {
    const report = filedRecord();
    const api = await openApiHarness({ records: [report] });
    await api.value('note.add', { subjectType: 'report', subjectId: report.reportId, body: 'Bekend bij de bank.' });
    api.store.sqlite.prepare("UPDATE outbox SET state = 'acked', hub_seq = 1 WHERE kind = 'note.add'").run();
    expect((await api.value('note.list', { subjectType: 'report', subjectId: report.reportId }))[0]!.synced).toBe(true);
  });

  it('refuses an empty note and a subject that does not exist', async () => {
    const report = filedRecord();
    const api = await openApiHarness({ records: [report] });
    expect(await api.call('note.add', { subjectType: 'report', subjectId: report.reportId, body: ' ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await api.call('note.add', { subjectType: 'report', subjectId: 'IA-2026-0000001', body: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
