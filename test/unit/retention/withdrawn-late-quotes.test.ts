/**
 * A withdrawal reaches this workstation from the feed; a colleague whose workstation had not pulled it yet wrote a
 * note quoting the reporter on the case that holds the report, and it arrives after the withdrawal (a hub that took it
 * before it refused such texts, or a feed page that carries both). The withdrawal remembered the report's cases and
 * requests as a purge does (src-main/ingest/report-writer.ts → src-main/db/removal-holders.ts), so the feed applier
 * takes the note with its words redacted, by the rule for purged reports (shared/retention/late-quotes.ts), marked as withdrawn. A note on
 * a case that never held the report arrives whole.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RawFeedEntry, RawFeedPage } from '../../../shared/hub/feed-page';
import type { IntakeRecord } from '../../../shared/intake/schema';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { WITHDRAWN_QUOTE } from '../../../shared/retention/report-words';
import { AppError } from '../../../shared/errors';
import { PURGED_HOLDER_REFUSAL } from '../../../src-hub/mutations/authority/purged-reports';
import { createFeedPageApplier } from '../../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../../src-main/mutations/applier';
import { addNote } from '../../../src-main/mutations/services/note-services';
import { handClock } from '../../support/hand-clock';
import { storeFilesHold } from '../../support/raw-bytes';
import { filedRecord, withdrawal } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { foreignMutation, serviceDeps } from '../../sync/support/mutation-fixtures';

const reporterPhone = '06-97531864';
const sentence = 'Ik woon aan de Tureluurlaan zevenendertig en betaalde vooruit.';
const otherWords = 'Tweede melder uit Zwolle noemt dezelfde verkoper.';

async function storeAfterWithdrawal() {
  const temp = openTempStore();
  const clock = handClock('2026-11-02T07:00:00Z');
  const quoted = filedRecord({ reporter: { type: 'person', name: 'T. Tureluur', phone: reporterPhone }, incident: { summary: 'Fiets niet geleverd', narrative: sentence } });
  const other = filedRecord();
  const applier = createMutationApplier(temp.store.sqlite, { clock });
  const pages = createFeedPageApplier(temp.store, { clock, applier });
  let seq = 100;
  const reportEntry = (record: IntakeRecord): RawFeedEntry => ({ seq: String((seq += 1)), type: 'report', reportId: record.reportId, revision: record.revision, record: JSON.stringify(record) });
  const mutationEntry = (mutation: AnyMutation): RawFeedEntry => ({ seq: String((seq += 1)), type: 'mutation', mutation: mutation as unknown as Record<string, unknown> });
  const apply = async (entries: RawFeedEntry[]) => {
    const page: RawFeedPage = { entries, cursor: String(seq), hasMore: false };
    return pages.apply(await pages.prepare(JSON.stringify(page)));
  };
  const heldCase = randomUUID();
  const otherCase = randomUUID();
  await apply([
    reportEntry(quoted),
    reportEntry(other),
    mutationEntry(foreignMutation('case.create', { caseId: heldCase, title: 'Fietsfraude', owner: null, team: null, reportIds: [quoted.reportId] }, 'agent.grutto', '2026-11-02T06:50:00Z')),
    mutationEntry(foreignMutation('case.create', { caseId: otherCase, title: 'Andere zaak', owner: null, team: null, reportIds: [other.reportId] }, 'agent.grutto', '2026-11-02T06:55:00Z')),
  ]);
  clock.set('2026-11-02T09:00:00Z');
  expect(await apply([reportEntry(withdrawal(quoted, 2, '2026-11-02T08:55:00Z'))])).toMatchObject({ reports: 1, skipped: 0 });
  return { temp, clock, apply, mutationEntry, heldCase, otherCase, quoted, other };
}

const notesOf = (sqlite: Database.Database, caseId: string) => sqlite.prepare<[string], string>('SELECT body FROM notes WHERE subject_id = ? ORDER BY created_at').pluck().all(caseId);

describe('a colleague’s note quoting a report withdrawn before it arrives', () => {
  it('arrives without its words — nowhere in the store file or its WAL — while a note on a case that never held the report arrives whole (the twin)', async () => {
    const { temp, clock, apply, mutationEntry, heldCase, otherCase, quoted } = await storeAfterWithdrawal();
    expect(temp.store.sqlite.prepare('SELECT subject, removed_on AS removedOn, cause FROM removal_holders ORDER BY subject').all()).toEqual([
      { subject: `case:${heldCase}`, removedOn: '2026-11-02', cause: 'withdrawn' },
      { subject: `report:${quoted.reportId}`, removedOn: '2026-11-02', cause: 'withdrawn' },
    ]);
    clock.set('2026-11-02T09:10:00Z');
    // Written on the colleague's workstation before it pulled the withdrawal.
    const outcome = await apply([
      mutationEntry(foreignMutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: heldCase, body: `Melder schreef: "${sentence}" Bel ${reporterPhone}.` }, 'agent.kievit', '2026-11-02T08:58:00Z')),
      mutationEntry(foreignMutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: otherCase, body: otherWords }, 'agent.kievit', '2026-11-02T08:58:00Z')),
    ]);
    expect(outcome).toMatchObject({ mutations: 2, skipped: 0 });
    // Marked as what happened to the report: withdrawn, not purged (shared/retention/late-quotes.ts, removedQuoteMark).
    expect(notesOf(temp.store.sqlite, heldCase)).toEqual([WITHDRAWN_QUOTE]);
    expect(notesOf(temp.store.sqlite, otherCase)).toEqual([otherWords]);
    temp.store.close();
    expect(storeFilesHold(temp.path, 'Tureluurlaan')).toBe(false);
    expect(storeFilesHold(temp.path, reporterPhone)).toBe(false);
    expect(storeFilesHold(temp.path, otherWords)).toBe(true);
  });

  it('refuses its own officer’s note on the held case within the window, saying why and from which day, and takes it on the other case (the twin)', async () => {
    const { temp, heldCase, otherCase } = await storeAfterWithdrawal();
    const write = (caseId: string, at: string) => addNote(temp.store, serviceDeps(at, 1), { officer: 'agent.scholekster', subjectType: 'case', subjectId: caseId, body: 'Melder belde opnieuw.' });
    let refusal: unknown;
    try {
      write(heldCase, '2026-11-02T09:30:00Z');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'RETENTION_WINDOW', details: { removedOn: '2026-11-02', from: '2026-11-04' } });
    expect((refusal as Error).message).toContain('withdrawn by its reporter');
    write(otherCase, '2026-11-02T09:30:00Z');
    expect(notesOf(temp.store.sqlite, otherCase)).toEqual(['Melder belde opnieuw.']);
    temp.store.close();
  });

  it('refuses its own officer’s note on the withdrawn report within the window, with the hub’s code and words, takes a note on a live report (the twin), and one after the window', async () => {
    const { temp, quoted, other } = await storeAfterWithdrawal();
    let ids = 0;
    const write = (reportId: string, at: string) => addNote(temp.store, serviceDeps(at, (ids += 1)), { officer: 'agent.scholekster', subjectType: 'report', subjectId: reportId, body: `Teruggebeld op ${reporterPhone}` });
    let refusal: unknown;
    try {
      write(quoted.reportId, '2026-11-02T09:30:00Z');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: PURGED_HOLDER_REFUSAL.code, details: { removedOn: '2026-11-02', from: '2026-11-04' } });
    // In the hub's words (src-hub/mutations/authority/withdrawn-notes.ts), with the day it is taken again.
    expect((refusal as Error).message).toBe(
      'The report was withdrawn by its reporter; a note on it written before the workstations received the withdrawal could quote it, so it is not taken. Notes on it are taken again from 2026-11-04.',
    );
    const notesOnReport = (reportId: string) => temp.store.sqlite.prepare<[string], string>("SELECT body FROM notes WHERE subject_type = 'report' AND subject_id = ?").pluck().all(reportId);
    expect(notesOnReport(quoted.reportId)).toEqual([]);
    write(other.reportId, '2026-11-02T09:30:00Z');
    expect(notesOnReport(other.reportId)).toEqual([`Teruggebeld op ${reporterPhone}`]);
    // After the window the hub takes it too.
    write(quoted.reportId, '2026-11-04T09:30:00Z');
    expect(notesOnReport(quoted.reportId)).toHaveLength(1);
    temp.store.close();
  });
});
