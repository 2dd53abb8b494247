/**
 * A report taken out of a request's list (a colleague's `action.setReports` from the feed) may still be quoted in
 * that request's texts and notes: the hub redacts every request that ever listed it (its `subject_reports`), and so
 * must the workstation (request_listed_reports, src-main/mutations/request-listings.ts). Being taken out ends the
 * request's hold, though: the report expires on its own period, while the one still listed is held.
 */
import { describe, expect, it } from 'vitest';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { REDACTED } from '../../shared/requests/reporter-redaction';
import { WITHDRAWN_QUOTE } from '../../shared/retention/report-words';
import { applierFor } from '../../src-main/mutations/applier-cache';
import { addNote } from '../../src-main/mutations/services/note-services';
import { requireRequest } from '../../src-main/requests/request-record';
import { createRequest, editRequest } from '../../src-main/requests/request-services';
import { runRetention } from '../../src-main/retention/retention-run';
import { foreignMutation, serviceDeps } from '../sync/support/mutation-fixtures';
import { storeFilesHold } from '../support/raw-bytes';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { openTempStore } from '../support/temp-store';

const OFFICER = 'agent.kluut';
const reporterName = 'Jozefien Kluut';
const reporterPhone = '06-41529384';
const sentence = `Ik maakte het geld over naar ${IBANS.muleC} voor een wasmachine die nooit kwam.`;
const strangerBody = 'Verzoek tot blokkade: de verkoper levert nooit en vraagt steeds vooruitbetaling.';

const requestInput = (reportIds: string[], title: string, body: string) => ({
  officer: OFFICER,
  kind: 'bank_block' as const,
  indicatorType: 'iban' as const,
  indicatorValue: IBANS.muleC,
  caseId: null,
  clusterReportId: null,
  title,
  addresseeId: null,
  reportIds,
  includePersonalData: false,
  legalBasis: 'art. 126nd Sv',
  body,
});

/**
 * A request listing two reports, quoting one of them (name, phone, a sentence) in its title, text and a note, then a
 * colleague's list change from the feed that takes that report out; an unrelated request with common words.
 */
async function takenOutOfItsRequest() {
  const temp = openTempStore();
  const { sqlite } = temp.store;
  const quoted = filedRecord({
    receivedAt: '2026-04-01T10:00:00Z',
    reporter: { type: 'person', name: reporterName, phone: reporterPhone },
    incident: { summary: 'Wasmachine niet geleverd', narrative: `${sentence} Daarna bleef het stil.` },
  });
  const stays = filedRecord({ receivedAt: '2026-04-01T10:00:00Z' });
  const stranger = filedRecord({ receivedAt: '2027-05-01T10:00:00Z' });
  expect((await temp.importRecords([quoted, stays, stranger])).imported).toBe(3);
  const deps = serviceDeps();
  const { actionId } = createRequest(
    temp.store,
    deps,
    requestInput([quoted.reportId, stays.reportId], `Blokkade na de melding van ${reporterName}`, `Melder schreef: "${sentence}" Bereikbaar op ${reporterPhone}.`),
  );
  addNote(temp.store, deps, { officer: OFFICER, subjectType: 'action', subjectId: actionId, body: `Gebeld met ${reporterName} (${reporterPhone}).` });
  const { actionId: strangerId } = createRequest(temp.store, deps, requestInput([stranger.reportId], 'Blokkade verkoper', strangerBody));
  // The hub took this workstation's changes, then a colleague's list change without the quoted report.
  const applier = applierFor(sqlite);
  let seq = 0;
  for (const mine of applier.outbox.pending()) applier.applyFromHub(mine, (seq += 1));
  applier.applyFromHub(foreignMutation('action.setReports', { actionId, reportIds: [stays.reportId] }, 'agent.tapuit', '2026-11-02T09:30:00Z'), (seq += 1));
  sqlite.pragma('wal_checkpoint(PASSIVE)');

  const request = (id = actionId) => requireRequest(sqlite, id);
  expect(request().payload.reportIds).toEqual([stays.reportId]);
  // The honest twin of the attack: before, the quotes stand in the request and the files.
  expect(request().payload.body).toContain(sentence);
  expect(storeFilesHold(temp.path, 'Kluut')).toBe(true);

  const notesOn = (id: string) => sqlite.prepare<[string], string>("SELECT body FROM notes WHERE subject_type = 'action' AND subject_id = ?").pluck().all(id);
  const registers = () => sqlite.prepare<[], string>("SELECT group_concat(value) FROM field_versions WHERE entity IN ('action', 'note')").pluck().get() ?? '';
  const outboxText = () => sqlite.prepare<[], string>('SELECT payload FROM outbox').pluck().all().join('\n');
  const leaks = () =>
    [reporterName, 'Kluut', '41529384', 'wasmachine die nooit kwam'].filter((text) =>
      `${JSON.stringify(request())}${notesOn(actionId).join()}${registers()}${outboxText()}`.includes(text),
    );
  return { ...temp, quoted, stays, actionId, strangerId, request, notesOn, leaks };
}

describe('a report taken out of a request before it goes', () => {
  it('is purged on its own period, its quotes leave the request that listed it (title, text, note, registers, outbox, files), and an unrelated request keeps its text', async () => {
    const world = await takenOutOfItsRequest();
    const outcome = runRetention(world.store.sqlite, { asOf: '2027-06-01', at: '2027-06-01T03:00:00Z', actor: 'system:retention' });
    expect(outcome).toMatchObject({ purged: 1, kept: 2, held: { openRequest: 1 } });

    expect(world.leaks()).toEqual([]);
    expect(world.request().title).toBe(`Blokkade na de melding van ${REDACTED.name}`);
    expect(world.request().payload.body).toBe(`Melder schreef: "${PURGED_QUOTE}" Bereikbaar op ${REDACTED.phone}.`);
    expect(world.notesOn(world.actionId)).toEqual([`Gebeld met ${REDACTED.name} (${REDACTED.phone}).`]);
    // The report that stays is still listed; the purged one's id is not kept as a past listing either.
    expect(world.request().payload.reportIds).toEqual([world.stays.reportId]);
    expect(world.store.sqlite.prepare('SELECT count(*) FROM request_listed_reports WHERE report_id = ?').pluck().get(world.quoted.reportId)).toBe(0);
    // The twin: a request that never listed it keeps its text, common words and all.
    expect(world.request(world.strangerId).payload.body).toBe(strangerBody);
    world.store.close();
    for (const text of ['Kluut', '41529384', 'wasmachine die nooit kwam']) expect(storeFilesHold(world.path, text)).toBe(false);
    expect(storeFilesHold(world.path, strangerBody)).toBe(true);
  });

  it('makes that request refuse an officer’s late edit within the late-quote window, as for a former case, and the unrelated one takes it', async () => {
    const world = await takenOutOfItsRequest();
    runRetention(world.store.sqlite, { asOf: '2027-06-01', at: '2027-06-01T03:00:00Z', actor: 'system:retention' });
    const late = serviceDeps('2027-06-01T09:00:00Z', 500);
    const edit = (actionId: string) => () => editRequest(world.store, late, { officer: OFFICER, actionId, body: `Nogmaals: "${sentence}"` });
    expect(edit(world.actionId)).toThrow(expect.objectContaining({ code: 'RETENTION_WINDOW' }));
    expect(edit(world.actionId)).toThrow('This request held a report removed under the retention period on 2027-06-01; texts for it are taken again from 2027-06-03.');
    expect(edit(world.strangerId)).not.toThrow();
  });

  it('loses its quotes in the request it was taken out of when it is withdrawn, with the withdrawal’s mark, and the unrelated request keeps its text', async () => {
    const world = await takenOutOfItsRequest();
    await world.importRecords([withdrawal(world.quoted, 2)]);
    expect(world.leaks()).toEqual([]);
    expect(world.request().payload.body).toBe(`Melder schreef: "${WITHDRAWN_QUOTE}" Bereikbaar op ${REDACTED.phone}.`);
    expect(world.notesOn(world.actionId)).toEqual([`Gebeld met ${REDACTED.name} (${REDACTED.phone}).`]);
    expect(world.request(world.strangerId).payload.body).toBe(strangerBody);
    world.store.close();
    for (const text of ['Kluut', '41529384', 'wasmachine die nooit kwam']) expect(storeFilesHold(world.path, text)).toBe(false);
    expect(storeFilesHold(world.path, strangerBody)).toBe(true);
  });
});
