/**
 * Every number of the overview opens a list of exactly that many (issue 16): the list each number opens
 * (shared/overview/number-lists.ts, as the screen opens it) is asked of the queue or the requests list through
 * the API, on a generated store with teams, officers, closures, a campaign and a request history.
 */
import { composeIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import type { RequestQuery } from '../../shared/api/request-views';
import type { QueueFilters } from '../../shared/api/views';
import type { IntakeRecord } from '../../shared/intake/schema';
import type { Category } from '../../shared/intake/vocabulary';
import { isIndicatorType } from '../../shared/indicators/types';
import { dutchDay } from '../../shared/platform/dutch-days';
import { backlogLists, ledgerList, reportsAfterBlockList, risingLists, weeklyLists, type LedgerColumn } from '../../shared/overview/number-lists';
import { AGE_BUCKETS, type Overview } from '../../shared/overview/types';
import { acceptedDraft } from '../support/request-params';
import { filedRecord, IBANS } from '../support/records';
import { AS_OF, quietRecords } from '../unit/overview/support';
import { openApiHarness, OFFICER, SUPERVISOR, type ApiHarness } from './support/api-harness';

const newBankIban = (index: number) => composeIBAN({ countryCode: 'NL', bban: `FVLB${String(310_000_000 + index).padStart(10, '0')}` }) ?? '';

/** This week: a new bank, number range, TLD and a look-alike of ING, twelve reports strong. */
const campaign = (): IntakeRecord[] =>
  Array.from({ length: 12 }, (_, index) =>
    filedRecord({
      receivedAt: `2026-11-${14 + (index % 7)}T09:00:00Z`,
      category: 'phishing',
      suspect: { bankAccounts: [newBankIban(index)], phoneNumbers: [`+31 84 ${String(4_200_000 + index)}`], websites: [`https://ing-veilig${index % 2 === 0 ? '' : '-app'}.zip/inloggen`, 'https://www.ing-veilig.nl/login'] },
    }),
  );

/** The harness's clock: every closure below is made then. */
const CLOSED_ON = '2026-11-02';
const CLOSED = { from: 60, to: 130 };

async function seeded(records = [...quietRecords(500, 13, 90), ...campaign()]) {
  const supervisor = (await openApiHarness({ records })).as(SUPERVISOR);
  const ids = records.map((record) => record.reportId);
  await supervisor.value('report.reroute', { reportIds: ids.slice(0, 150), team: 'Team Fraude', priority: 'normal', assignee: null, reason: 'Fraude' });
  await supervisor.value('report.reroute', { reportIds: ids.slice(150, 300), team: 'Team Cybercrime', priority: 'normal', assignee: null, reason: 'Cyber' });
  await supervisor.value('report.assign', { reportIds: ids.slice(0, 40), assignee: OFFICER });
  await supervisor.value('report.assign', { reportIds: ids.slice(140, 170), assignee: SUPERVISOR });
  await supervisor.value('report.setWorkStatus', { reportIds: ids.slice(20, 90), status: 'in_progress' });
  await supervisor.value('report.setWorkStatus', { reportIds: ids.slice(CLOSED.from, CLOSED.to), status: 'closed' });
  return supervisor;
}

/** Each number of the backlog with the list it opens. */
function backlogChecks(overview: Overview): Array<[string, number, QueueFilters]> {
  const { backlog } = overview;
  const split = (name: string, counts: Record<string, { open: number; overdue: number }>, list: (key: string, overdue: boolean) => QueueFilters) =>
    Object.entries(counts).flatMap(([key, count]): Array<[string, number, QueueFilters]> => [
      [`${name} ${key}`, count.open, list(key, false)],
      [`${name} ${key} overdue`, count.overdue, list(key, true)],
    ]);
  return [
    ['open', backlog.open, backlogLists.open(overview)],
    ['overdue', backlog.overdue, backlogLists.open(overview, true)],
    ...AGE_BUCKETS.map((bucket): [string, number, QueueFilters] => [`age ${bucket}`, backlog.byAge[bucket], backlogLists.age(overview, bucket)]),
    ...split('team', backlog.byTeam, (team, overdue) => backlogLists.team(overview, team, overdue)),
    ...split('officer', backlog.byOfficer, (officer, overdue) => backlogLists.officer(overview, officer, overdue)),
    ...split('region', backlog.byRegion, (region, overdue) => backlogLists.region(overview, region, overdue)),
    ...split('category', backlog.byCategory, (category, overdue) => backlogLists.category(overview, category as Category, overdue)),
  ];
}

const queueCount = async (api: ApiHarness, filters: QueueFilters) => (await api.value('queue.list', { filters, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 1 })).total;

describe('every number of the overview opens its list', () => {
  it('the backlog, throughput, trends, spikes, rising methods and harm: each list has exactly as many reports as the number says', async () => {
    const records = [...quietRecords(500, 13, 90), ...campaign()];
    const api = await seeded(records);
    const overview: Overview = await api.value('overview.get', { asOf: AS_OF });
    const { backlog } = overview;
    const checks: Array<[string, number, QueueFilters]> = [
      ...backlogChecks(overview),
      ...overview.weekly.flatMap((week): Array<[string, number, QueueFilters]> => [
        [`received ${week.week}`, week.received, weeklyLists.received(overview, week)],
        [`closed ${week.week}`, week.closed, weeklyLists.closed(overview, week)],
        [`open at the end of ${week.week}`, week.openAtEnd, weeklyLists.openAtEnd(overview, week)],
      ]),
      ...overview.categoryTrends.map((trend): [string, number, QueueFilters] => [`trend ${trend.category}`, trend.received, weeklyLists.trend(overview, trend.category as Category)]),
      ...overview.spikes.map((spike): [string, number, QueueFilters] => [`spike ${spike.value}`, spike.recent, risingLists.spike(overview, spike)]),
      ...overview.risingTerms.map((term): [string, number, QueueFilters] => [`term ${term.term}`, term.thisWeek, risingLists.term(overview, term.term)]),
      ...overview.risingShapes.map((shape): [string, number, QueueFilters] => [`shape ${shape.shape}`, shape.thisWeek, risingLists.shape(overview, shape)]),
      ...overview.freshBrandDomains.map((entry): [string, number, QueueFilters] => [`brand domain ${entry.domain}`, entry.reports, risingLists.indicator(overview, 'domain', entry.domain)]),
      ...overview.harm.flatMap((entry): Array<[string, number, QueueFilters]> => (isIndicatorType(entry.type) ? [[`harm ${entry.value}`, entry.victims, risingLists.indicator(overview, entry.type, entry.value)]] : [])),
    ];
    // The store has every kind of number, and not only zeros.
    expect(backlog.overdue).toBeGreaterThan(0);
    expect(Object.keys(backlog.byTeam)).toEqual(expect.arrayContaining(['Team Fraude', 'Team Cybercrime', '']));
    expect(Object.keys(backlog.byOfficer)).toEqual(expect.arrayContaining([OFFICER, SUPERVISOR]));
    expect(overview.weekly.some((week) => week.closed > 0)).toBe(true);

    // The backlog at each week's end, counted from the records: received by then, less those closed by then (a
    // closure made on CLOSED_ON of a report received later counts from its receipt).
    const closedIds = new Set(records.slice(CLOSED.from, CLOSED.to).map((record) => record.reportId));
    expect(records.slice(CLOSED.from, CLOSED.to).some((record) => record.receivedAt.slice(0, 10) > CLOSED_ON)).toBe(true);
    for (const week of overview.weekly) {
      const receivedBy = records.filter((record) => record.receivedAt.slice(0, 10) <= week.to);
      const open = receivedBy.filter((record) => !(closedIds.has(record.reportId) && week.to >= CLOSED_ON));
      expect(week.openAtEnd, `open at the end of ${week.week}`).toBe(open.length);
    }
    expect(overview.spikes.length).toBeGreaterThan(0);
    expect(overview.risingShapes.length).toBeGreaterThan(0);
    expect(overview.freshBrandDomains.map((entry) => entry.domain)).toContain('ing-veilig.nl');
    expect(overview.harm.length).toBeGreaterThan(0);

    const mismatches: string[] = [];
    for (const [name, number, filters] of checks) {
      const listed = await queueCount(api, filters);
      if (listed !== number) mismatches.push(`${name}: the overview says ${number}, the list has ${listed}`);
    }
    expect(mismatches).toEqual([]);

    // The weekly loss is the sum of the losses of the reports its list holds.
    for (const week of overview.weekly.filter((entry) => entry.loss > 0)) {
      const page = await api.value('queue.list', { filters: weeklyLists.loss(overview, week), sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 500 });
      expect(page.total).toBeLessThanOrEqual(500);
      expect(page.rows.reduce((sum, row) => sum + row.lossCents, 0)).toBe(week.loss);
    }
  });

  it('the backlog as of a past day counts, and lists, what was open then: reports closed since and received late in a Dutch evening', async () => {
    // 22:30 UTC on 14 October is 15 October in the Netherlands: that day's backlog, not the 14th's.
    const lateEvening = Array.from({ length: 3 }, () => filedRecord({ receivedAt: '2026-10-14T22:30:00Z', category: 'phishing' }));
    const records = [...quietRecords(500, 13, 90), ...lateEvening];
    const api = await seeded(records);
    const closedIds = new Set(records.slice(CLOSED.from, CLOSED.to).map((record) => record.reportId));
    for (const asOf of ['2026-10-14', '2026-10-28']) {
      const overview: Overview = await api.value('overview.get', { asOf });
      // Independently: received by the end of the Dutch day, and not closed by then (the closures were made on CLOSED_ON).
      const open = records.filter((record) => dutchDay(record.receivedAt) <= asOf && !(closedIds.has(record.reportId) && asOf >= CLOSED_ON));
      expect(overview.backlog.open, `open as of ${asOf}`).toBe(open.length);
      const mismatches: string[] = [];
      for (const [name, number, filters] of backlogChecks(overview)) {
        const listed = await queueCount(api, filters);
        if (listed !== number) mismatches.push(`${asOf} ${name}: the overview says ${number}, the list has ${listed}`);
      }
      expect(mismatches).toEqual([]);
    }
    // Reports closed since were part of the backlog before the closures (what today's open list would leave out).
    expect(records.slice(CLOSED.from, CLOSED.to).some((record) => dutchDay(record.receivedAt) <= '2026-10-28')).toBe(true);
    // The late-evening reports are the 15th's newest, not the 14th's.
    const newest = async (asOf: string) => {
      const overview: Overview = await api.value('overview.get', { asOf });
      const page = await api.value('queue.list', { filters: backlogLists.age(overview, '0-2d'), sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 200 });
      expect(page.total).toBeLessThanOrEqual(200);
      return page.rows.map((row) => row.reportId);
    };
    const late = lateEvening.map((record) => record.reportId);
    const fourteenth = await newest('2026-10-14');
    for (const reportId of late) expect(fourteenth).not.toContain(reportId);
    expect(await newest('2026-10-15')).toEqual(expect.arrayContaining(late));
  });

  it('an officer’s overview of their own team opens lists of that team only', async () => {
    const api = await seeded();
    const officer = api.as(OFFICER);
    const own: Overview = await officer.value('overview.get', { asOf: AS_OF });
    expect(own.team).toBe('Team Fraude');
    expect(await queueCount(officer, backlogLists.open(own))).toBe(own.backlog.open);
    for (const [category, count] of Object.entries(own.backlog.byCategory)) expect(await queueCount(officer, backlogLists.category(own, category as Category))).toBe(count.open);
    const all: Overview = await api.value('overview.get', { asOf: AS_OF });
    expect(own.backlog.open).toBeLessThan(all.backlog.open);
  });

  it('the requests sent and executed per week and each number of the disruption ledger open the requests list with exactly those requests', async () => {
    // A second ING account, blocked in one batched letter with muleB; then reports naming them on the day of the
    // block (not after it), after it (one names both: one report), and after the as-of day.
    const ingB = composeIBAN({ countryCode: 'NL', bban: 'INGB0007654321' }) ?? '';
    const named = (receivedAt: string, bankAccounts: string[]) => filedRecord({ receivedAt, suspect: { bankAccounts } });
    const afterTheBlock = [
      named('2026-10-23T15:00:00Z', [IBANS.muleB]),
      named('2026-10-26T10:00:00Z', [IBANS.muleB]),
      named('2026-10-29T10:00:00Z', [IBANS.muleB, ingB]),
      named('2026-10-31T10:00:00Z', [ingB]),
      named('2026-11-05T10:00:00Z', [ingB]),
    ];
    const records = [
      ...[IBANS.muleA, IBANS.muleB, IBANS.muleC, IBANS.muleD].flatMap((iban) => Array.from({ length: 3 }, (_, index) => named(`2026-10-1${index}T10:00:00Z`, [iban]))),
      named('2026-10-12T10:00:00Z', [ingB]),
      ...afterTheBlock,
    ];
    const officer = (await openApiHarness({ records })).as(OFFICER);
    const supervisor = officer.as(SUPERVISOR);
    const request = async (iban: string, steps: Array<(actionId: string) => Promise<unknown>>, batch: string[] = []) => {
      const batched = batch.length === 0 ? {} : { batch: batch.map((value) => ({ type: 'iban' as const, value })) };
      const { actionId } = await officer.value('request.create', acceptedDraft(await officer.value('request.draft', { indicatorType: 'iban', indicatorValue: iban, ...batched })));
      for (const step of steps) await step(actionId);
    };
    const sent = (sentOn: string, dueAt: string) => [
      (actionId: string) => officer.value('request.transition', { actionId, from: 'draft', to: 'awaiting_approval' }),
      (actionId: string) => supervisor.value('request.transition', { actionId, from: 'awaiting_approval', to: 'approved' }),
      (actionId: string) => officer.value('request.transition', { actionId, from: 'approved', to: 'sent', method: 'email', occurredAt: sentOn, dueAt }),
    ];
    await request(IBANS.muleA, []);
    await request(IBANS.muleB, [...sent('2026-10-20', '2026-11-03'), (actionId) => officer.value('request.transition', { actionId, from: 'sent', to: 'executed', occurredAt: '2026-10-23' })], [ingB]);
    await request(IBANS.muleC, sent('2026-10-25', '2026-10-30'));
    await request(IBANS.muleD, [...sent('2026-10-28', '2026-11-11'), (actionId) => officer.value('request.transition', { actionId, from: 'sent', to: 'refused', occurredAt: '2026-10-30', reason: 'Geen grondslag' })]);

    // As of the workstation's day (the harness's clock), as the screen shows it.
    const overview: Overview = await supervisor.value('overview.get', { asOf: '2026-11-02' });
    const count = async (query: RequestQuery) => (await supervisor.value('request.list', query)).length;
    expect(overview.disruption.length).toBe(3);
    for (const entry of overview.disruption) {
      for (const column of ['sent', 'executed', 'refused', 'overdue'] as LedgerColumn[]) expect(await count(ledgerList(overview, entry.addresseeId, column)), `${entry.addresseeId} ${column}`).toBe(entry[column]);
    }
    expect(overview.disruption.reduce((sum, entry) => sum + entry.executed + entry.refused + entry.overdue, 0)).toBe(3);

    // The effect: reports naming either blocked account received on a day after the block, up to the as-of day, each once.
    const blocked = [IBANS.muleB, ingB];
    const stillComing = records.filter((record) => record.receivedAt.slice(0, 10) > '2026-10-23' && record.receivedAt.slice(0, 10) <= '2026-11-02' && record.suspect?.bankAccounts?.some((iban) => blocked.includes(iban)));
    expect(stillComing).toHaveLength(3);
    for (const entry of overview.disruption) {
      const expected = entry.executed > 0 ? stillComing.length : 0;
      expect(entry.reportsAfterBlock, `${entry.addresseeId} after the block`).toBe(expected);
      expect(await queueCount(supervisor, reportsAfterBlockList(overview, entry.addresseeId)), `${entry.addresseeId} after the block, listed`).toBe(expected);
    }
    for (const week of overview.weekly) {
      expect(await count(weeklyLists.requestsSent(week)), `sent ${week.week}`).toBe(week.requestsSent);
      expect(await count(weeklyLists.requestsExecuted(week)), `executed ${week.week}`).toBe(week.requestsExecuted);
    }
    expect(overview.weekly.reduce((sum, week) => sum + week.requestsSent, 0)).toBe(3);
  });
});
