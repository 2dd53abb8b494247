import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RawFeedPage } from '../../shared/hub/feed-page';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { REDACTED } from '../../shared/requests/reporter-redaction';
import { WITHDRAWN_QUOTE } from '../../shared/retention/report-words';
import { createCase, updateCase } from '../../src-main/mutations/services/case-services';
import { addNote } from '../../src-main/mutations/services/note-services';
import { createFeedPageApplier } from '../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../src-main/mutations/applier';
import { requireRequest } from '../../src-main/requests/request-record';
import { createRequest, transitionRequest } from '../../src-main/requests/request-services';
import { runRetention } from '../../src-main/retention/retention-run';
import { foreignMutation, serviceDeps } from '../sync/support/mutation-fixtures';
import { handClock } from '../support/hand-clock';
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
  it('lose the quote when the report is withdrawn — in the notes, the case’s title, the outbox and the files — and other notes stay', async () => {
    const world = await quotedInCaseNote();
    updateCase(world.store, world.deps, { officer: OFFICER, caseId: world.caseId, title: `Fietsfraude bij ${reporterName}` });
    await world.importRecords([withdrawal(world.quoted, 2)]);
    expect(world.store.sqlite.prepare('SELECT title FROM cases WHERE id = ?').pluck().get(world.caseId)).toBe(`Fietsfraude bij ${REDACTED.name}`);
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

/** Applies a colleague's changes as the feed brings them, so they stand in the sync registers. */
function feedOf(world: Awaited<ReturnType<typeof quotedInCaseNote>>) {
  const clock = handClock('2026-11-02T12:00:00Z');
  const pages = createFeedPageApplier(world.store, { clock, applier: createMutationApplier(world.store.sqlite, { clock }) });
  let seq = 100;
  return async (mutations: AnyMutation[]) => {
    const entries = mutations.map((mutation) => ({ seq: String((seq += 1)), type: 'mutation' as const, mutation: mutation as unknown as Record<string, unknown> }));
    const page: RawFeedPage = { entries, cursor: String(seq), hasMore: false };
    return pages.apply(await pages.prepare(JSON.stringify(page)));
  };
}

describe('the other texts of the cases and requests that held a purged report', () => {
  it('lose its quotes — a case’s title and close reason, a request’s title, legal basis and step reason — in the tables, registers, outbox and files; a title quoting nothing stays', async () => {
    const world = await quotedInCaseNote();
    const { sqlite } = world.store;
    const keptTitle = 'Fietsfraude via Marktplaats';
    // A colleague's case, from the feed: its texts stand in the sync registers too.
    const quotingCase = randomUUID();
    await feedOf(world)([
      foreignMutation('case.create', { caseId: quotingCase, title: `Fietsfraude bij ${reporterName}`, owner: null, team: null, reportIds: [world.quoted.reportId] }, 'agent.grutto', '2026-11-02T08:00:00Z'),
      foreignMutation('case.update', { caseId: quotingCase, status: 'closed', closeReason: `Afgehandeld: "${phrase}"` }, 'agent.grutto', '2026-11-02T08:30:00Z'),
    ]);
    // This officer's request on it, still in the outbox.
    const { actionId } = createRequest(world.store, world.deps, {
      officer: OFFICER,
      kind: 'prevention_warning',
      indicatorType: null,
      indicatorValue: null,
      caseId: quotingCase,
      clusterReportId: null,
      title: `Waarschuwing na de melding van ${reporterName}`,
      addresseeId: null,
      reportIds: [world.quoted.reportId],
      includePersonalData: false,
      legalBasis: `Publieksvoorlichting; melder ${reporterName} stemde in`,
      body: 'Let op bij fietsen die vooruit betaald moeten worden.',
    });
    transitionRequest(world.store, world.deps, { officer: OFFICER, actionId, from: 'draft', to: 'withdrawn', reason: `${reporterName} belde: niet meer nodig` });
    updateCase(world.store, world.deps, { officer: OFFICER, caseId: world.caseId, title: keptTitle, status: 'closed', closeReason: 'Afgehandeld' });
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    const registers = () => sqlite.prepare<[], string>("SELECT group_concat(value) FROM field_versions WHERE entity IN ('case', 'action')").pluck().get();
    // The honest twin: before the run, the registers and the outbox hold the reporter's name in those texts.
    expect(registers()).toContain('Pimpelmees');
    expect(world.outboxText()).toContain(`melder ${reporterName} stemde in`);

    expect(runRetention(sqlite, { asOf: '2031-11-10', at: '2031-11-10T03:00:00Z', actor: 'system:retention' })).toMatchObject({ purged: 1, kept: 1 });

    const caseTexts = (caseId: string) => sqlite.prepare<[string], { title: string; closeReason: string }>('SELECT title, close_reason AS closeReason FROM cases WHERE id = ?').get(caseId);
    expect(caseTexts(quotingCase)).toEqual({ title: `Fietsfraude bij ${REDACTED.name}`, closeReason: `Afgehandeld: "${PURGED_QUOTE}"` });
    const request = requireRequest(sqlite, actionId);
    expect(request.title).toBe(`Waarschuwing na de melding van ${REDACTED.name}`);
    expect(request.payload.legalBasis).toBe(`Publieksvoorlichting; melder ${REDACTED.name} stemde in`);
    expect(request.payload.steps.withdrawn?.reason).toBe(`${REDACTED.name} belde: niet meer nodig`);
    // The attack's twin: texts that quote nothing of it stand as they were written.
    expect(caseTexts(world.caseId)).toEqual({ title: keptTitle, closeReason: 'Afgehandeld' });
    expect(request.payload.body).toBe('Let op bij fietsen die vooruit betaald moeten worden.');
    expect(registers()).not.toContain('Pimpelmees');
    expect(registers()).toContain(PURGED_QUOTE);
    expect(registers()).toContain(REDACTED.name);
    expect(world.outboxText()).not.toContain('Pimpelmees');
    expect(world.outboxText()).toContain(keptTitle);
    for (const text of ['Pimpelmeesgracht', 'Pimpelmees']) expect(storeFilesHold(world.path, text)).toBe(false);
  });
});
