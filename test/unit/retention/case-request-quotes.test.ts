/**
 * A request made on a case may quote the case's reports without listing them (shared/retention/late-quotes.ts), so a
 * purge redacts the purged report's words in it as in a request that lists the report — in the table, its sync
 * registers and the store file — while a request on another case keeps its words.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { RawFeedPage } from '../../../shared/hub/feed-page';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { PURGED_QUOTE } from '../../../shared/retention/holds';
import { createFeedPageApplier } from '../../../src-main/ingest/apply-feed-page';
import { createMutationApplier } from '../../../src-main/mutations/applier';
import { runRetention } from '../../../src-main/retention/retention-run';
import { handClock } from '../../support/hand-clock';
import { storeFilesHold } from '../../support/raw-bytes';
import { filedRecord } from '../../support/records';
import { openTempStore } from '../../support/temp-store';
import { warningOnCase } from '../../support/warning-on-case';
import { foreignMutation } from '../../sync/support/mutation-fixtures';

const quote = 'Ik woon aan de Kwartelhof zevenentwintig en betaalde vooruit.';
const liveQuote = 'Tweede melder uit Zwolle noemt dezelfde tabletverkoper.';

const requestOn = (caseId: string, body: string, at: string) =>
  foreignMutation(
    'action.create',
    warningOnCase(caseId, body),
    'agent.kwartel',
    at,
  );

it('redacts a purged report’s words in a request made on its case that does not list it, and keeps a request on a live case whole (the twin)', async () => {
  const temp = openTempStore();
  const clock = handClock('2031-03-03T12:00:00Z');
  const expired = filedRecord({ receivedAt: '2026-04-01T10:00:00Z', incident: { summary: 'Fiets niet geleverd', narrative: quote } });
  const live = filedRecord({ receivedAt: '2031-03-01T10:00:00Z', incident: { summary: 'Tablet niet geleverd', narrative: liveQuote } });
  expect((await temp.importRecords([expired, live])).imported).toBe(2);
  const pages = createFeedPageApplier(temp.store, { clock, applier: createMutationApplier(temp.store.sqlite, { clock }) });
  const closedCase = randomUUID();
  const liveCase = randomUUID();
  const onClosed = requestOn(closedCase, `Een melder schreef: "${quote}"`, '2026-04-02T09:30:00Z');
  const onLive = requestOn(liveCase, `Een melder schreef: "${liveQuote}"`, '2031-03-02T09:30:00Z');
  const mutations = [
    foreignMutation('case.create', { caseId: closedCase, title: 'Fietsfraude', owner: null, team: null, reportIds: [expired.reportId] }, 'agent.kwartel', '2026-04-02T09:00:00Z'),
    onClosed,
    foreignMutation('case.update', { caseId: closedCase, status: 'closed', closeReason: 'Afgehandeld' }, 'agent.kwartel', '2026-04-02T10:00:00Z'),
    foreignMutation('case.create', { caseId: liveCase, title: 'Tabletfraude', owner: null, team: null, reportIds: [live.reportId] }, 'agent.kwartel', '2031-03-02T09:00:00Z'),
    onLive,
  ];
  const page: RawFeedPage = { entries: mutations.map((mutation: AnyMutation, index) => ({ seq: String(index + 1), type: 'mutation' as const, mutation: mutation as unknown as Record<string, unknown> })), cursor: '5', hasMore: false };
  expect(await pages.apply(await pages.prepare(JSON.stringify(page)))).toMatchObject({ mutations: 5, skipped: 0 });

  expect(runRetention(temp.store.sqlite, { asOf: '2031-04-03', at: '2031-04-03T03:00:00Z', actor: 'system:retention' })).toMatchObject({ purged: 1, kept: 1 });
  const bodyOf = (request: AnyMutation) => {
    const row = temp.store.sqlite.prepare<[string], string>('SELECT payload FROM requests WHERE id = ?').pluck().get((request.payload as { actionId: string }).actionId)!;
    return (JSON.parse(row) as { body: string }).body;
  };
  expect(bodyOf(onClosed)).toContain(PURGED_QUOTE);
  expect(bodyOf(onClosed)).not.toContain('Kwartelhof');
  expect(bodyOf(onLive)).toBe(`Een melder schreef: "${liveQuote}"`);
  temp.store.close();
  expect(storeFilesHold(temp.path, 'Kwartelhof')).toBe(false);
  expect(storeFilesHold(temp.path, 'tabletverkoper')).toBe(true);
});
