/**
 * A report taken out of a case before its purge or withdrawal may still be quoted in that case's notes, title and
 * requests: the hub redacts every case that ever listed it, and so must the workstation (the case's membership
 * registers remember the report it took out). Being taken out of a case ends its hold, though: the report expires on
 * its own period, while its twin still in the case is held.
 */
import { describe, expect, it } from 'vitest';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { REDACTED } from '../../shared/requests/reporter-redaction';
import { WITHDRAWN_QUOTE } from '../../shared/retention/report-words';
import { createCase, removeReportsFromCase, updateCase } from '../../src-main/mutations/services/case-services';
import { addNote } from '../../src-main/mutations/services/note-services';
import { requireRequest } from '../../src-main/requests/request-record';
import { createRequest, editRequest } from '../../src-main/requests/request-services';
import { runRetention } from '../../src-main/retention/retention-run';
import { serviceDeps } from '../sync/support/mutation-fixtures';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { openTempStore } from '../support/temp-store';

const OFFICER = 'agent.tureluur';
const reporterName = 'Wilhelmina Tureluur';
const reporterPhone = '06-48213957';
const ibanSentence = `Ik betaalde vanaf mijn eigen rekening ${IBANS.muleD} aan de verkoper.`;
const suspectSentence = `De verkoper gaf rekening ${IBANS.muleB} op.`;
const ownIbanSpaced = IBANS.muleD.replace(/(.{4})(?!$)/g, '$1 ');
// The reporter's own account quoted on its own, outside a sentence of the story, beside the suspect's account.
const ownAccountNote = `Slachtoffer betaalde vanaf ${IBANS.muleD} (in de aangifte: ${ownIbanSpaced}) naar ${IBANS.muleB}.`;
const keptNote = 'Verkoper gebruikt steeds hetzelfde account, zie ook de andere melding.';
// Shares a common word ("verkoper") with the report, and nothing else.
const strangerNote = 'Deze verkoper levert nooit, let op bij vooruitbetalen.';

/**
 * A report, quoted by name, phone and a sentence with its account in a case's note, title and a request on the case,
 * its own account alone (spaced and unspaced) beside the suspect's in another note, then taken out of the case; a report still in the case (its twin, as old) and a case that never listed it.
 */
async function takenOutOfItsCase() {
  const temp = openTempStore();
  const { sqlite } = temp.store;
  const quoted = filedRecord({
    receivedAt: '2026-04-01T10:00:00Z',
    reporter: { type: 'person', name: reporterName, phone: reporterPhone },
    incident: { summary: 'Fiets niet geleverd', narrative: `${ibanSentence} ${suspectSentence} Daarna bleef het stil.` },
  });
  const stays = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
  const stranger = filedRecord({ receivedAt: '2027-05-01T10:00:00Z' });
  expect((await temp.importRecords([quoted, stays, stranger])).imported).toBe(3);
  const deps = serviceDeps();
  const { caseId } = createCase(temp.store, deps, { officer: OFFICER, title: 'Fietsfraude', reportIds: [quoted.reportId, stays.reportId] }).payload;
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'case', subjectId: caseId, body: `Melder ${reporterName}, tel. ${reporterPhone}, schreef: "${ibanSentence}"` });
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'case', subjectId: caseId, body: keptNote });
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'case', subjectId: caseId, body: ownAccountNote });
  updateCase(temp.store, deps, { officer: OFFICER, caseId, title: `Fietsfraude bij ${reporterName}` });
  // A request on the case that lists only the report that stays, quoting the other.
  const { actionId } = createRequest(temp.store, deps, {
    officer: OFFICER,
    kind: 'prevention_warning',
    indicatorType: null,
    indicatorValue: null,
    caseId,
    clusterReportId: null,
    title: `Waarschuwing na de melding van ${reporterName}`,
    addresseeId: null,
    reportIds: [stays.reportId],
    includePersonalData: false,
    legalBasis: 'Publieksvoorlichting',
    body: `Een melder schreef: "${ibanSentence}" Bel ${reporterPhone} niet.`,
  });
  const { caseId: strangerCase } = createCase(temp.store, deps, { officer: OFFICER, title: 'Verkoper zonder levering', reportIds: [stranger.reportId] }).payload;
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'case', subjectId: strangerCase, body: strangerNote });
  removeReportsFromCase(temp.store, deps, { officer: OFFICER, caseId, reportIds: [quoted.reportId] });
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  // The honest twin of the attack: before, the quotes stand in the files.
  expect(storeFilesHold(temp.path, 'Tureluur')).toBe(true);
  expect(storeFilesHold(temp.path, IBANS.muleD)).toBe(true);
  expect(storeFilesHold(temp.path, ownIbanSpaced)).toBe(true);

  const notesOn = (id: string) => sqlite.prepare<[string], string>("SELECT body FROM notes WHERE subject_type = 'case' AND subject_id = ? ORDER BY created_at, id").pluck().all(id);
  const titleOf = (id: string) => sqlite.prepare<[string], string>('SELECT title FROM cases WHERE id = ?').pluck().get(id);
  const request = () => requireRequest(sqlite, actionId);
  const outboxText = () => sqlite.prepare<[], string>('SELECT payload FROM outbox').pluck().all().join('\n');
  const registers = () => sqlite.prepare<[], string>("SELECT group_concat(value) FROM field_versions WHERE entity IN ('case', 'action', 'note')").pluck().get() ?? '';
  const leaks = () => [reporterName, 'Tureluur', '48213957', IBANS.muleD, ownIbanSpaced].filter((text) => `${notesOn(caseId).join()}${titleOf(caseId)}${JSON.stringify(request())}${outboxText()}${registers()}`.includes(text));
  return { ...temp, quoted, stays, caseId, strangerCase, actionId, notesOn, titleOf, request, leaks };
}

describe('a report taken out of a case before it goes', () => {
  it('is purged on its own period, its quotes leave the case it was taken out of (notes, title, request, registers, outbox, files), and other texts stay', async () => {
    const world = await takenOutOfItsCase();
    // Received on 1 April 2026: the daily task's year is over; the case is open, so its twin stays held.
    const outcome = runRetention(world.store.sqlite, { asOf: '2027-06-01', at: '2027-06-01T03:00:00Z', actor: 'system:retention' });
    expect(outcome).toMatchObject({ purged: 1, kept: 2, held: { openCase: 1 } });
    const ids = world.store.sqlite.prepare<[], string>('SELECT report_id FROM reports').pluck().all();
    expect(ids).not.toContain(world.quoted.reportId);
    expect(ids).toContain(world.stays.reportId);

    expect(world.leaks()).toEqual([]);
    const [quoting, kept, ownAccount] = world.notesOn(world.caseId);
    expect(quoting).toBe(`Melder ${REDACTED.name}, tel. ${REDACTED.phone}, schreef: "${PURGED_QUOTE}"`);
    expect(kept).toBe(keptNote);
    // The own account goes however it was quoted; the suspect's account beside it is evidence in the case and stays.
    expect(ownAccount).toBe(`Slachtoffer betaalde vanaf ${REDACTED.account} (in de aangifte: ${REDACTED.account}) naar ${IBANS.muleB}.`);
    expect(world.titleOf(world.caseId)).toBe(`Fietsfraude bij ${REDACTED.name}`);
    expect(world.request().title).toBe(`Waarschuwing na de melding van ${REDACTED.name}`);
    expect(world.request().payload.body).toBe(`Een melder schreef: "${PURGED_QUOTE}" Bel ${REDACTED.phone} niet.`);
    // The twin: a case that never listed it keeps its text, common words and all.
    expect(world.notesOn(world.strangerCase)).toEqual([strangerNote]);
    world.store.close();
    for (const text of ['Tureluur', IBANS.muleD, ownIbanSpaced]) expect(storeFilesHold(world.path, text)).toBe(false);
    expect(storeFilesHold(world.path, strangerNote)).toBe(true);
    expect(storeFilesHold(world.path, IBANS.muleB)).toBe(true);
  });

  it('makes its former case, and the request made on it, refuse an officer’s text within the late-quote window, as the hub does', async () => {
    const world = await takenOutOfItsCase();
    runRetention(world.store.sqlite, { asOf: '2027-06-01', at: '2027-06-01T03:00:00Z', actor: 'system:retention' });
    const late = serviceDeps('2027-06-01T09:00:00Z', 500);
    const noteOn = (caseId: string) => () => addNote(world.store, late, { officer: OFFICER, subjectType: 'case', subjectId: caseId, body: `Melder schreef: "${ibanSentence}"` });
    expect(noteOn(world.caseId)).toThrow(expect.objectContaining({ code: 'RETENTION_WINDOW' }));
    // A later edit of the request made on that case, which never listed the report, as the hub refuses it.
    const edit = () => editRequest(world.store, late, { officer: OFFICER, actionId: world.actionId, body: `Nogmaals: "${ibanSentence}"` });
    expect(edit).toThrow(expect.objectContaining({ code: 'RETENTION_WINDOW' }));
    // The twin: the case that never listed it takes the note.
    expect(noteOn(world.strangerCase)).not.toThrow();
  });

  it('loses its quotes in the case it was taken out of when it is withdrawn, and other texts stay', async () => {
    const world = await takenOutOfItsCase();
    await world.importRecords([withdrawal(world.quoted, 2)]);
    expect(world.leaks()).toEqual([]);
    const [quoting, kept, ownAccount] = world.notesOn(world.caseId);
    expect(quoting).toBe(`Melder ${REDACTED.name}, tel. ${REDACTED.phone}, schreef: "${WITHDRAWN_QUOTE}"`);
    expect(kept).toBe(keptNote);
    expect(ownAccount).toBe(`Slachtoffer betaalde vanaf ${REDACTED.account} (in de aangifte: ${REDACTED.account}) naar ${IBANS.muleB}.`);
    expect(world.request().payload.body).toBe(`Een melder schreef: "${WITHDRAWN_QUOTE}" Bel ${REDACTED.phone} niet.`);
    expect(world.notesOn(world.strangerCase)).toEqual([strangerNote]);
    world.store.close();
    for (const text of ['Tureluur', IBANS.muleD, ownIbanSpaced]) expect(storeFilesHold(world.path, text)).toBe(false);
    expect(storeFilesHold(world.path, IBANS.muleB)).toBe(true);
  });
});
