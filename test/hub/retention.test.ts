import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { REDACTED } from '../../shared/requests/reporter-redaction';
import { PURGED_QUOTE } from '../../shared/retention/holds';
import { DEFAULT_RETENTION_PERIODS } from '../../shared/retention/periods';
import { RETENTION_INTERVAL_MS } from '../../shared/retention/daily-runs';
import { fixedClock } from '../../shared/platform/clock';
import { silentLogger, type LogFields, type Logger } from '../../shared/platform/logger';
import { queryRows } from '../../src-hub/db/database';
import { registerOfficers } from '../../src-hub/officers/registry';
import { writeHubRetentionPeriods } from '../../src-hub/retention/periods';
import { startHubDailyRetention } from '../../src-hub/retention/daily';
import { runHubRetention } from '../../src-hub/retention/run';
import { ManualTimers } from '../sync/support/manual-timers';
import { folderHolds } from '../support/raw-bytes';
import { filedRecord } from '../support/records';
import { runCliCaptured } from '../support/run-cli';
import { BACKENDS, databaseFiles, freshDatabase, hubClock, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.okapi';
const SUPERVISOR = 'sup.retentie';
const narrativePhrase = 'Okapistraat negenennegentig naast de bakkerij';
const notePhrase = 'Melder belde terug vanuit Zwanenburcht';
const reporterEmail = 'okapi.melder@example.org';
const reporterName = 'Quirine Okapi';
/** A case title that quotes nothing of the purged report, on the case that held it. */
const keptTitle = 'Tabletfraude via Marktplaats';
const at = '2026-04-02T09:00:00Z';

function mutation<K extends MutationKind>(kind: K, officer: string, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer, at, payload } as AnyMutation;
}

const transition = (officer: string, actionId: string, step: Pick<MutationPayloads['action.transition'], 'from' | 'to'> & Partial<MutationPayloads['action.transition']>) =>
  mutation('action.transition', officer, { actionId, reason: null, method: null, occurredAt: null, dueAt: null, reference: null, ...step });

/**
 * Reports received in April 2026 (the daily task keeps them a year) and the work on them: `expiring` is in no case
 * any more (added to one and taken out again) and is quoted by a prevention warning published on 3 April 2026 (which
 * keeps it five years from then); two reports are in an open case; `dayYounger` expires a day later.
 */
function scenario() {
  const expiring = filedRecord({
    receivedAt: '2026-04-01T10:00:00Z',
    reporter: { type: 'person', name: reporterName, email: reporterEmail, phone: '06-24681357' },
    incident: { summary: 'Fiets niet geleverd', narrative: `Ik woon aan de ${narrativePhrase} en betaalde vooruit.` },
  });
  const inCase = filedRecord({ receivedAt: '2026-04-01T11:00:00Z' });
  const dayYounger = filedRecord({ receivedAt: '2026-04-02T10:00:00Z' });
  const listedToo = filedRecord({ receivedAt: '2026-04-01T12:00:00Z' });
  const openCase = randomUUID();
  const otherCase = randomUUID();
  const warning = randomUUID();
  const mutations = [
    mutation('note.add', OFFICER, { noteId: randomUUID(), subjectType: 'report', subjectId: expiring.reportId, body: notePhrase }),
    mutation('report.setWorkStatus', OFFICER, { reportId: expiring.reportId, status: 'in_progress' }),
    mutation('link.decide', OFFICER, { reportA: expiring.reportId, reportB: dayYounger.reportId, decision: 'confirmed', reason: 'zelfde IBAN' }),
    mutation('case.create', OFFICER, { caseId: openCase, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [inCase.reportId, listedToo.reportId] }),
    mutation('case.create', OFFICER, { caseId: otherCase, title: 'Tabletfraude', owner: OFFICER, team: null, reportIds: [dayYounger.reportId] }),
    mutation('case.addReports', OFFICER, { caseId: otherCase, reportIds: [expiring.reportId] }),
    mutation('case.removeReports', OFFICER, { caseId: otherCase, reportIds: [expiring.reportId] }),
    // The case's title once quoted the reporter's name; then it was retitled without it.
    mutation('case.update', OFFICER, { caseId: otherCase, title: `Tabletfraude, melder ${reporterName}` }),
    mutation('case.update', OFFICER, { caseId: otherCase, title: keptTitle }),
    mutation('action.create', OFFICER, {
      actionId: warning,
      kind: 'prevention_warning',
      indicatorType: null,
      indicatorValue: null,
      caseId: null,
      clusterReportId: expiring.reportId,
      title: 'Publiekswaarschuwing fietsfraude',
      addresseeId: null,
      reportIds: [expiring.reportId, listedToo.reportId],
      includePersonalData: false,
      legalBasis: 'Publieksvoorlichting (art. 3 Politiewet 2012)',
      body: `Een melder schreef: "Ik woon aan de ${narrativePhrase} en betaalde vooruit." Mail ${reporterEmail} niet.`,
    }),
    transition(OFFICER, warning, { from: 'draft', to: 'awaiting_approval' }),
    transition(SUPERVISOR, warning, { from: 'awaiting_approval', to: 'approved' }),
    transition(SUPERVISOR, warning, { from: 'approved', to: 'executed', occurredAt: '2026-04-03', reference: 'politie.nl', reason: `Gepubliceerd; ${reporterName} ingelicht` }),
    // Notes on the case that held it and on the request that lists it, quoting it.
    mutation('note.add', OFFICER, { noteId: randomUUID(), subjectType: 'case', subjectId: otherCase, body: `Uit de melding: "Ik woon aan de ${narrativePhrase} en betaalde vooruit." Mail: ${reporterEmail}` }),
    mutation('note.add', OFFICER, { noteId: randomUUID(), subjectType: 'action', subjectId: warning, body: `Citaat: Ik woon aan de ${narrativePhrase} en betaalde vooruit.` }),
  ];
  return { records: [expiring, inCase, dayYounger, listedToo], mutations, expiring, inCase, dayYounger, listedToo, warning };
}

describe.each(BACKENDS)('hub retention run (%s)', (backend) => {
  let hub: TestHub;
  let files: string;
  const world = scenario();

  beforeAll(async () => {
    const database = await freshDatabase(backend);
    hub = await startTestHub(backend, { database });
    await registerOfficers(hub.database.db, hubClock(), [{ id: SUPERVISOR, displayName: 'Inspecteur R. Retentie', role: 'supervisor', team: null }]);
    expect((await hub.postNdjson(world.records)).imported).toBe(4);
    const pushed = await hub.push(world.mutations);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(pushed.body.acks).toHaveLength(world.mutations.length);
    files = await databaseFiles(hub, database);
  });
  afterAll(() => hub?.close());

  const run = (asOf: string) => runHubRetention(hub.database, { asOf, at: new Date(`${asOf}T03:00:00Z`), logger: silentLogger });
  const feedText = async () => JSON.stringify(await hub.readAll({ limit: 500 }));

  it('holds what a case or a request still keeps, on the day the daily task’s year is over', async () => {
    const { outcome } = await run('2027-04-01');
    expect(outcome).toEqual({ purged: 0, kept: 4, held: { openCase: 2, endedRequestWithinPeriod: 1 } });
    expect(await feedText()).toContain(narrativePhrase);
  });

  it('purges the report once the request that quoted it is five years over: nothing of it stays in the feed, the tables or the files', async () => {
    // The honest twin: before the run, the words are in the feed and in the database's files.
    await hub.database.db.execute(sql`CHECKPOINT`);
    expect(await feedText()).toContain(notePhrase);
    for (const text of [narrativePhrase, notePhrase, reporterName]) expect(folderHolds(files, text)).toBe(true);
    expect(await feedText()).toContain(`Tabletfraude, melder ${reporterName}`);

    const { outcome } = await run('2031-04-03');
    expect(outcome).toEqual({ purged: 1, kept: 3, held: { openCase: 3 } });

    const feed = await feedText();
    for (const text of [narrativePhrase, notePhrase, reporterEmail, reporterName, world.expiring.reportId, 'Okapistraat']) expect(feed).not.toContain(text);
    for (const kept of [world.inCase, world.dayYounger, world.listedToo]) expect(feed).toContain(kept.reportId);
    // The warning stays, without the purged report on its list and without its quote.
    const entries = await hub.readAll({ limit: 500 });
    const warning = entries.flatMap((entry) => (entry.type === 'mutation' && entry.mutation.kind === 'action.create' ? [entry.mutation.payload as { body: string }] : []))[0];
    expect(warning).toMatchObject({ reportIds: [world.listedToo.reportId], clusterReportId: null });
    expect(warning?.body).toContain(PURGED_QUOTE);
    // The notes on the case and the request that quoted it stay, without the quotes.
    const quotingNotes = entries.flatMap((entry) => (entry.type === 'mutation' && entry.mutation.kind === 'note.add' ? [entry.mutation.payload as { subjectType: string; body: string }] : []));
    expect(quotingNotes.map((note) => note.subjectType).sort()).toEqual(['action', 'case']);
    for (const note of quotingNotes) expect(note.body).toContain(PURGED_QUOTE);
    // So do the case's titles and the step's reason, without the reporter's name; a title quoting nothing stands.
    const payloadsOf = (kind: string) => entries.flatMap((entry) => (entry.type === 'mutation' && entry.mutation.kind === kind ? [entry.mutation.payload as Record<string, unknown>] : []));
    expect(payloadsOf('case.update').map((update) => update.title)).toEqual([`Tabletfraude, melder ${REDACTED.name}`, keptTitle]);
    expect(payloadsOf('action.transition').find((step) => step.to === 'executed')).toMatchObject({ reason: `Gepubliceerd; ${REDACTED.name} ingelicht`, reference: 'politie.nl' });
    expect(warning).toMatchObject({ title: 'Publiekswaarschuwing fietsfraude', legalBasis: 'Publieksvoorlichting (art. 3 Politiewet 2012)' });

    const [left] = await queryRows<{ rows: number }>(
      hub.database.db,
      sql`SELECT (SELECT count(*) FROM reports WHERE report_id = ${world.expiring.reportId})
            + (SELECT count(*) FROM report_revisions WHERE report_id = ${world.expiring.reportId})
            + (SELECT count(*) FROM report_indicators WHERE report_id = ${world.expiring.reportId})
            + (SELECT count(*) FROM subject_reports WHERE report_id = ${world.expiring.reportId})
            + (SELECT count(*) FROM mutations WHERE payload::text LIKE ${`%${world.expiring.reportId}%`})
            + (SELECT count(*) FROM feed WHERE report_id = ${world.expiring.reportId}) AS rows`,
    );
    expect(Number(left?.rows)).toBe(0);
    for (const text of [narrativePhrase, notePhrase, reporterName, 'Okapistraat', 'Zwanenburcht']) expect(folderHolds(files, text)).toBe(false);
  });

  it('leaves the feed append-only for everything but a retention run', async () => {
    const refusal = (query: Promise<unknown>) => query.then(() => 'done', (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message));
    expect(await refusal(hub.database.db.execute(sql`DELETE FROM feed WHERE seq = (SELECT min(seq) FROM feed)`))).toMatch(/the feed is append-only \(DELETE refused\)/);
    expect(await refusal(hub.database.db.execute(sql`UPDATE feed SET reannounce = true`))).toMatch(/the feed is append-only \(UPDATE refused\)/);
    // The purge's permission is for deleting only: an update under it is still refused.
    const updateAsPurge = hub.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('puzzelstuk.retention_purge', 'on', true)`);
      await tx.execute(sql`UPDATE feed SET reannounce = false`);
    });
    expect(await refusal(updateAsPurge)).toMatch(/UPDATE refused/);
  });

  it('purges nothing twice: a second run finds only what is held', async () => {
    expect((await run('2031-04-03')).outcome).toEqual({ purged: 0, kept: 3, held: { openCase: 3 } });
  });

  it('runs daily on the server: due a day after the last run, logged with counts only', async () => {
    const lines: Array<{ event: string; fields?: LogFields }> = [];
    const logger: Logger = { info: (event, fields) => lines.push({ event, fields }), warn: () => undefined, error: (event, fields) => lines.push({ event, fields }) };
    const timers = new ManualTimers();
    // The last run above counted from 3 April 2031 at 03:00; a day later it is due at once.
    const daily = startHubDailyRetention(hub.database, { clock: fixedClock(new Date('2031-04-04T09:00:00Z')), logger, timers });
    expect(await timers.fire(() => true)).toBe(0);
    // Once the run is over, the next is asked for a day later.
    while (timers.requested.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await daily.stop();
    expect(timers.requested).toEqual([0, RETENTION_INTERVAL_MS]);
    expect(lines).toEqual([{ event: 'retention.run', fields: { asOf: '2031-04-04', purged: 0, kept: 3, 'held.openCase': 3, compacted: true, walCleared: true } }]);
  });

  it('gives workstations the periods its administrator set, and no intake token may read them', async () => {
    const periods = (token: string) => hub.request<{ periods: unknown }>('/v1/retention/periods', { token });
    expect((await periods(hub.workstationToken)).body).toEqual({ periods: DEFAULT_RETENTION_PERIODS });
    await writeHubRetentionPeriods(hub.database.db, hubClock(), { dailyTaskYears: 2, caseYears: 6 });
    expect((await periods(hub.workstationToken)).body).toEqual({ periods: { dailyTaskYears: 2, caseYears: 6 } });
    expect((await periods(hub.intakeToken)).status).toBe(403);
    await expect(writeHubRetentionPeriods(hub.database.db, hubClock(), { dailyTaskYears: 6, caseYears: 2 })).rejects.toThrow(/caseYears ≥ dailyTaskYears/);
    await expect(writeHubRetentionPeriods(hub.database.db, hubClock(), { dailyTaskYears: 0, caseYears: 2 })).rejects.toThrow(/dailyTaskYears/);
    expect((await periods(hub.workstationToken)).body).toEqual({ periods: { dailyTaskYears: 2, caseYears: 6 } });
  });
});

describe('hub retention on the command line', () => {
  it('runs, printing the outcome as one JSON line, and refuses a date it cannot read', async () => {
    const database = await freshDatabase('pglite');
    try {
      const dataDir = 'dataDir' in database.options ? database.options.dataDir : '';
      const result = await runCliCaptured(['hub', 'retention', 'run', '--data', dataDir, '--as-of', '2031-04-03']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.lines).toEqual([{ purged: 0, kept: 0, held: {} }]);
      const refused = await runCliCaptured(['hub', 'retention', 'run', '--data', dataDir, '--as-of', '3 april']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--as-of must be a date as YYYY-MM-DD/);
    } finally {
      await database.dispose();
    }
  }, 120_000);

  it('shows the periods and sets them, refusing a case period shorter than the daily task’s', async () => {
    const database = await freshDatabase('pglite');
    try {
      const dataDir = 'dataDir' in database.options ? database.options.dataDir : '';
      const periods = (...flags: string[]) => runCliCaptured(['hub', 'retention', 'periods', '--data', dataDir, ...flags]);
      expect((await periods()).lines).toEqual([DEFAULT_RETENTION_PERIODS]);
      const refused = await periods('--daily-task-years', '6');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/caseYears ≥ dailyTaskYears/);
      expect((await periods('--daily-task-years', 'een')).stderr).toMatch(/--daily-task-years must be a whole number of years/);
      const set = await periods('--daily-task-years', '2');
      expect(set.code, set.stderr).toBe(0);
      expect(set.lines).toEqual([{ dailyTaskYears: 2, caseYears: 5 }]);
      expect((await periods()).lines).toEqual([{ dailyTaskYears: 2, caseYears: 5 }]);
    } finally {
      await database.dispose();
    }
  }, 120_000);
});
