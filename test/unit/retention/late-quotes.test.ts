/**
 * A workstation that purged a report before the hub did still receives colleagues' changes from the feed: a note on
 * the closed case that held the report, written on a workstation that had not purged it yet, may quote it. The store
 * remembers the cases and requests that held its purged reports with the day (src-main/ingest/tombstones.ts) and
 * takes such a text with its words redacted, by the rule the hub refuses it with (shared/retention/late-quotes.ts);
 * texts on other cases, and texts written after the window, arrive whole. Its own officer's text for such a case is
 * refused at once with the day it is taken again (RETENTION_WINDOW), rather than vanishing at the hub's refusal.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RawFeedPage } from '../../../shared/hub/feed-page';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { PURGED_QUOTE } from '../../../shared/retention/holds';
import { createFeedPageApplier } from '../../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../../src-main/mutations/applier';
import { runRetention } from '../../../src-main/retention/retention-run';
import { handClock } from '../../support/hand-clock';
import { storeFilesHold } from '../../support/raw-bytes';
import { filedRecord } from '../../support/records';
import { openTempStore, type TempStore } from '../../support/temp-store';
import { foreignMutation, serviceDeps } from '../../sync/support/mutation-fixtures';
import { warningOnCase } from '../../support/warning-on-case';
import { addNote } from '../../../src-main/mutations/services/note-services';
import { AppError } from '../../../shared/errors';

const quote = 'Ik woon aan de Grutto-oever achtenveertig en betaalde vooruit.';
const liveWords = 'Tweede melder uit Kampen noemt dezelfde verkoper.';

/** A store whose closed case held a report its retention purged on 3 April 2031, beside a live case; the clock reads the feed. */
async function storeAfterPurge(ranAt = '2031-04-03T03:00:00Z') {
  const temp = openTempStore();
  const clock = handClock('2026-04-02T12:00:00Z');
  const expired = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: quote } });
  const live = filedRecord({ receivedAt: '2031-03-01T10:00:00Z' });
  expect((await temp.importRecords([expired, live])).imported).toBe(2);
  const applier = createMutationApplier(temp.store.sqlite, { clock });
  const pages = createFeedPageApplier(temp.store, { clock, applier });
  let seq = 100;
  const apply = async (mutations: AnyMutation[]) => {
    const entries = mutations.map((mutation) => ({ seq: String((seq += 1)), type: 'mutation' as const, mutation: mutation as unknown as Record<string, unknown> }));
    const page: RawFeedPage = { entries, cursor: String(seq), hasMore: false };
    return pages.apply(await pages.prepare(JSON.stringify(page)));
  };
  const closedCase = randomUUID();
  const liveCase = randomUUID();
  await apply([
    foreignMutation('case.create', { caseId: closedCase, title: 'Fietsfraude', owner: null, team: null, reportIds: [expired.reportId] }, 'agent.grutto', '2026-04-02T09:00:00Z'),
    foreignMutation('case.update', { caseId: closedCase, status: 'closed', closeReason: 'Afgehandeld' }, 'agent.grutto', '2026-04-02T10:00:00Z'),
    foreignMutation('case.create', { caseId: liveCase, title: 'Tabletfraude', owner: null, team: null, reportIds: [live.reportId] }, 'agent.grutto', '2031-03-02T09:00:00Z'),
  ]);
  expect(runRetention(temp.store.sqlite, { asOf: '2031-04-03', at: ranAt, actor: 'system:retention' })).toMatchObject({ purged: 1, kept: 1 });
  return { temp, clock, apply, closedCase, liveCase };
}

const noteOn = (caseId: string, body: string, at: string) =>
  foreignMutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body }, 'agent.kievit', at);

const notesOf = (temp: TempStore, caseId: string) => temp.store.sqlite.prepare<[string], string>('SELECT body FROM notes WHERE subject_id = ? ORDER BY created_at').pluck().all(caseId);

describe('a colleague’s late quote of a report this workstation purged before the hub', () => {
  it('arrives without its words — nowhere in the store file or its WAL — while the note on a live case arrives whole (the honest twin)', async () => {
    const { temp, clock, apply, closedCase, liveCase } = await storeAfterPurge();
    expect(temp.store.sqlite.prepare('SELECT subject, removed_on AS removedOn FROM removal_holders').all()).toEqual([{ subject: `case:${closedCase}`, removedOn: '2031-04-03' }]);
    clock.set('2031-04-03T10:00:00Z');
    const request = foreignMutation(
      'action.create',
      warningOnCase(closedCase, `Een melder schreef: "${quote}"`, 'Publiekswaarschuwing fietsfraude'),
      'agent.kievit',
      '2031-04-03T09:30:00Z',
    );
    const outcome = await apply([
      noteOn(closedCase, `Melder schreef: ${quote}`, '2031-04-03T09:00:00Z'),
      // Dated ahead, past the window: it counts from its arrival, as on the hub.
      noteOn(closedCase, `Nog eens: ${quote}`, '2031-04-09T09:00:00Z'),
      foreignMutation('case.update', { caseId: closedCase, status: 'in_progress', title: `Fietsfraude: ${quote}` }, 'agent.kievit', '2031-04-03T09:10:00Z'),
      request,
      noteOn(liveCase, liveWords, '2031-04-03T09:00:00Z'),
    ]);
    expect(outcome).toMatchObject({ mutations: 5, skipped: 0 });
    expect(notesOf(temp, closedCase)).toEqual([PURGED_QUOTE, PURGED_QUOTE]);
    expect(notesOf(temp, liveCase)).toEqual([liveWords]);
    // What carries no words stands: the case is reopened, the request exists.
    expect(temp.store.sqlite.prepare('SELECT status, title FROM cases WHERE id = ?').get(closedCase)).toEqual({ status: 'in_progress', title: PURGED_QUOTE });
    const stored = temp.store.sqlite
      .prepare<[string], { title: string; caseId: string; payload: string }>('SELECT title, case_id AS caseId, payload FROM requests WHERE id = ?')
      .get((request.payload as { actionId: string }).actionId)!;
    expect({ title: stored.title, caseId: stored.caseId }).toEqual({ title: PURGED_QUOTE, caseId: closedCase });
    expect(JSON.parse(stored.payload)).toMatchObject({ body: PURGED_QUOTE, legalBasis: PURGED_QUOTE });
    temp.store.close();
    expect(storeFilesHold(temp.path, 'Grutto-oever')).toBe(false);
    expect(storeFilesHold(temp.path, liveWords)).toBe(true);
  });

  it('takes a note written after the window on the same case whole (the honest twin)', async () => {
    const { temp, clock, apply, closedCase } = await storeAfterPurge();
    clock.set('2031-04-06T09:05:00Z');
    expect(await apply([noteOn(closedCase, 'Nieuwe aangifte over dezelfde verkoper; zaak heropend.', '2031-04-06T09:00:00Z')])).toMatchObject({ mutations: 1, skipped: 0 });
    expect(notesOf(temp, closedCase)).toEqual(['Nieuwe aangifte over dezelfde verkoper; zaak heropend.']);
  });

  it('refuses its own officer’s note on the case until two days after the purge, saying from which day, and takes the note on the live case (the twin)', async () => {
    const { temp, closedCase, liveCase } = await storeAfterPurge();
    const outboxNotes = () => temp.store.sqlite.prepare<[], number>("SELECT count(*) FROM outbox WHERE kind = 'note.add'").pluck().get();
    let writes = 0;
    const write = (caseId: string, at: string) => addNote(temp.store, serviceDeps(at, (writes += 1)), { officer: 'agent.scholekster', subjectType: 'case', subjectId: caseId, body: 'Melder belde opnieuw.' });
    let refusal: unknown;
    try {
      write(closedCase, '2031-04-04T23:59:00Z');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'RETENTION_WINDOW', details: { removedOn: '2031-04-03', from: '2031-04-05' } });
    expect((refusal as Error).message).toContain('taken again from 2031-04-05');
    expect(outboxNotes()).toBe(0);
    write(liveCase, '2031-04-04T23:59:00Z');
    write(closedCase, '2031-04-05T00:00:00Z');
    expect(outboxNotes()).toBe(2);
    expect(notesOf(temp, closedCase)).toEqual(['Melder belde opnieuw.']);
  });

  it('opens the window on the day a run with a past --as-of ran: its own note is refused for two days from then, a colleague’s blanked, and taken after (the twin)', async () => {
    const { temp, clock, apply, closedCase } = await storeAfterPurge('2031-05-10T03:00:00Z');
    expect(temp.store.sqlite.prepare('SELECT removed_on FROM removal_holders').pluck().all()).toEqual(['2031-05-10']);
    expect(() => addNote(temp.store, serviceDeps('2031-05-11T23:59:00Z', 1), { officer: 'agent.scholekster', subjectType: 'case', subjectId: closedCase, body: quote })).toThrow(
      expect.objectContaining({ code: 'RETENTION_WINDOW', details: { removedOn: '2031-05-10', from: '2031-05-12' } }),
    );
    clock.set('2031-05-11T10:00:00Z');
    await apply([noteOn(closedCase, `Melder schreef: ${quote}`, '2031-05-11T09:00:00Z')]);
    expect(notesOf(temp, closedCase)).toEqual([PURGED_QUOTE]);
    clock.set('2031-05-12T00:05:00Z');
    await apply([noteOn(closedCase, liveWords, '2031-05-12T00:00:00Z')]);
    addNote(temp.store, serviceDeps('2031-05-12T00:01:00Z', 2), { officer: 'agent.scholekster', subjectType: 'case', subjectId: closedCase, body: 'Melder belde opnieuw.' });
    expect(notesOf(temp, closedCase)).toEqual([PURGED_QUOTE, liveWords, 'Melder belde opnieuw.']);
  });
});
