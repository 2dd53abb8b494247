import { describe, expect, it } from 'vitest';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { WITHDRAWN_QUOTE } from '../../shared/retention/report-words';
import { createCase, updateCase } from '../../src-main/mutations/services/case-services';
import { addNote } from '../../src-main/mutations/services/note-services';
import { runRetention } from '../../src-main/retention/retention-run';
import { serviceDeps } from '../sync/support/mutation-fixtures';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord, withdrawal } from '../support/records';
import { openTempStore } from '../support/temp-store';

const OFFICER = 'agent.jansen';
const phrase = 'Ik woon aan de Pimpelmeesgracht elf en betaalde vooruit.';
const reporterName = 'Henriëtte Pimpelmees';
const keptNote = 'Verkoper gebruikt steeds hetzelfde IBAN, zie ook de andere melding.';

/** A report quoted in a note on its case; another note on the same case quotes nothing of it. */
async function quotedInCaseNote() {
  const temp = openTempStore();
  const quoted = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', reporter: { type: 'person', name: reporterName }, incident: { summary: 'Fiets niet geleverd', narrative: phrase } });
  const other = filedRecord({ receivedAt: '2031-06-01T10:00:00Z' });
  await temp.importRecords([quoted, other]);
  const deps = serviceDeps();
  const created = createCase(temp.store, deps, { officer: OFFICER, title: 'Fietsfraude', reportIds: [quoted.reportId, other.reportId] });
  const caseId = created.payload.caseId;
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'case', subjectId: caseId, body: `Melder ${reporterName} schreef: "${phrase}"` });
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'case', subjectId: caseId, body: keptNote });
  temp.store.sqlite.pragma('wal_checkpoint(PASSIVE)');
  // The honest twin: the quote is in the files before.
  expect(storeFilesHold(temp.path, 'Pimpelmeesgracht')).toBe(true);
  const caseNotes = () => temp.store.sqlite.prepare<[string], string>("SELECT body FROM notes WHERE subject_type = 'case' AND subject_id = ? ORDER BY created_at, id").pluck().all(caseId);
  const outboxText = () => temp.store.sqlite.prepare<[], string>('SELECT payload FROM outbox').pluck().all().join('\n');
  return { ...temp, quoted, caseId, deps, caseNotes, outboxText };
}

describe('notes on a case that quote one of its reports', () => {
  it('lose the quote when the report is withdrawn — in the notes, the outbox and the files — and other notes stay', async () => {
    const world = await quotedInCaseNote();
    await world.importRecords([withdrawal(world.quoted, 2)]);
    const [quoting, kept] = world.caseNotes();
    expect(quoting).toContain(WITHDRAWN_QUOTE);
    expect(quoting).not.toContain('Pimpelmees');
    expect(kept).toBe(keptNote);
    expect(world.outboxText()).not.toContain('Pimpelmees');
    expect(world.outboxText()).toContain(keptNote);
    for (const text of ['Pimpelmeesgracht', 'Pimpelmees']) expect(storeFilesHold(world.path, text)).toBe(false);
  });

  it('lose the quote when the report is purged after its closed case’s period, and other notes stay', async () => {
    const world = await quotedInCaseNote();
    updateCase(world.store, world.deps, { officer: OFFICER, caseId: world.caseId, status: 'closed', closeReason: 'Afgehandeld' });
    // Closed on 2 November 2026 (the services' clock): held five years, purged from 3 November 2031.
    expect(runRetention(world.store.sqlite, { asOf: '2031-11-10', at: '2031-11-10T03:00:00Z', actor: 'system:retention' })).toMatchObject({ purged: 1, kept: 1 });
    const [quoting, kept] = world.caseNotes();
    expect(quoting).toContain(PURGED_QUOTE);
    expect(quoting).not.toContain('Pimpelmees');
    expect(kept).toBe(keptNote);
    expect(world.outboxText()).not.toContain('Pimpelmees');
    for (const text of ['Pimpelmeesgracht', 'Pimpelmees']) expect(storeFilesHold(world.path, text)).toBe(false);
  });
});
