/**
 * Issue 15 §1, the Logboek over every workstation: the hub answers who consulted a report (and why) and what one
 * officer did in a period from all workstations' audit chains, newest first, a page at a time over one snapshot.
 * Tried as an attacker would: an officer's credential and a shared workstation token asking (refused), a regional
 * supervisor asking about another region's report (refused, and logged) or about an officer who also looked at
 * other regions' reports (those entries left out) — beside the honest twins: the privacy officer's answers across
 * both workstations, each question logged on the hub with who asked. On PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainEntry } from '../../shared/audit/chain';
import type { AuditEntriesResponse, HubErrorBody } from '../../shared/hub/protocol';
import { queryRows } from '../../src-hub/db/database';
import { auditQuestions } from '../../src-hub/db/schema';
import { silentLogger } from '../../shared/platform/logger';
import { runHubRetention } from '../../src-hub/retention/run';
import { addOfficer } from '../../src-hub/officers/registry';
import { filedRecord } from '../support/records';
import { closedPort } from '../support/ports';
import { openApiHarness, SUPERVISOR } from '../api/support/api-harness';
import { chainOf, signedPush, type LoggedEntry } from '../support/audit-push';
import { BACKENDS, hubClock, startTestHub, type TestHub } from '../hub/harness';

const ROTTERDAM = filedRecord({ region: 'Rotterdam' });
const DEN_HAAG = filedRecord({ region: 'Den Haag' });
const R = ROTTERDAM.reportId;
const D = DEN_HAAG.reportId;

type Logged = LoggedEntry;

const viewed = (at: string, actor: string, reportId: string, purpose: string): Logged => ({ at, actor, action: 'report.viewed', subjectType: 'report', subjectId: reportId, details: { purpose, revision: 1 } });

const STATION_A = randomUUID();
const STATION_B = randomUUID();
const LOGGED_A: Logged[] = [
  viewed('2026-11-02T08:00:00.000Z', 'agent.jansen', R, 'Beoordelen van de melding'),
  viewed('2026-11-02T08:05:00.000Z', 'agent.jansen', D, 'Onderzoek in een zaak'),
  { at: '2026-11-02T08:10:00.000Z', actor: 'agent.jansen', action: 'search.ran', subjectType: 'search', subjectId: 'kluisrekening', details: { purpose: 'Onderzoek in een zaak', results: 2 } },
];
const LOG_A = chainOf(LOGGED_A);
const LOG_B = chainOf([
  viewed('2026-11-02T09:00:00.000Z', 'agent.devries', R, 'Melder terugbellen'),
  { at: '2026-11-02T09:30:00.000Z', actor: 'agent.jansen', action: 'report.reporter_revealed', subjectType: 'report', subjectId: R, details: { purpose: 'Verzoek van de betrokkene (inzage)' } },
  { at: '2026-11-02T09:40:00.000Z', actor: 'agent.devries', action: 'link.decide', subjectType: 'link', subjectId: `${R}|${D}`, details: { decision: 'confirmed' } },
]);

/** What the answers are compared by: where each entry was logged, and its place there. */
const places = (answer: AuditEntriesResponse) => answer.entries.map((entry) => `${entry.workstationId === STATION_A ? 'A' : 'B'}${entry.seq}`);

describe.each(BACKENDS)('questions to every workstation’s audit log on the hub (%s)', (backend) => {
  let hub: TestHub;
  const credential: Record<string, string> = {};

  const ask = (who: string, query: string) => hub.request<AuditEntriesResponse & HubErrorBody>(`/v1/audit/entries?${query}`, { token: credential[who] ?? who });
  const lastQuestions = (count: number) => hub.database.db.select().from(auditQuestions).orderBy(desc(auditQuestions.id)).limit(count);

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await hub.postNdjson([ROTTERDAM, DEN_HAAG]);
    for (const [id, role, scope] of [
      ['privacy.officer', 'privacy', '*'],
      ['sup.rotterdam', 'supervisor', 'Rotterdam'],
      ['agent.jansen', 'officer', '*'],
    ] as const) {
      credential[id] = (await addOfficer(hub.database.db, hubClock(), { id, displayName: id, role, team: null, scope })).credential;
    }
    for (const [station, log] of [[STATION_A, LOG_A], [STATION_B, LOG_B]] as const) {
      const pushed = await hub.request('/v1/audit', { token: hub.workstationToken, contentType: 'application/json', body: JSON.stringify(signedPush(station, log)) });
      expect(pushed.status).toBe(200);
    }
  });
  afterAll(() => hub?.close());

  it('answers the privacy officer who consulted a report, and why, across both workstations — the question logged with who asked', async () => {
    const answer = await ask('privacy.officer', `report=${R}`);
    expect(answer.status).toBe(200);
    expect(places(answer.body)).toEqual(['B3', 'B2', 'B1', 'A1']);
    expect(answer.body).toMatchObject({ total: 4, next: null, held: null });
    expect(answer.body.entries[1]).toEqual({ workstationId: STATION_B, seq: 2, at: '2026-11-02T09:30:00.000Z', actor: 'agent.jansen', action: 'report.reporter_revealed', subjectType: 'report', subjectId: R, details: JSON.stringify({ purpose: 'Verzoek van de betrokkene (inzage)' }) });
    const [logged] = await lastQuestions(1);
    expect(logged).toMatchObject({ officerId: 'privacy.officer', scope: '*', reportId: R, aboutOfficer: null, continued: false, answered: 4, refusal: null });
  });

  it('answers what one officer did in a period, on both workstations', async () => {
    expect(places((await ask('privacy.officer', 'officer=agent.jansen&from=2026-11-02&to=2026-11-02')).body)).toEqual(['B2', 'A3', 'A2', 'A1']);
    expect((await ask('privacy.officer', 'officer=agent.jansen&from=2026-11-03')).body).toMatchObject({ entries: [], total: 0 });
    expect((await ask('privacy.officer', 'officer=agent.jansen&to=2026-11-01')).body).toMatchObject({ entries: [], total: 0 });
  });

  it('keeps the log of questions append-only: nobody edits or removes who asked what', async () => {
    expect((await lastQuestions(1)).length).toBe(1);
    for (const statement of [sql`DELETE FROM audit_questions`, sql`UPDATE audit_questions SET officer_id = 'someone.else'`, sql`TRUNCATE audit_questions`]) {
      await expect(hub.database.db.execute(statement)).rejects.toThrow();
    }
    expect((await lastQuestions(1)).length).toBe(1);
  });

  it('refuses an officer’s credential and a shared workstation token (the attack), before anything is read', async () => {
    for (const token of [credential['agent.jansen']!, hub.workstationToken]) {
      const refused = await ask(token, `report=${R}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/only a supervisor/);
      expect(JSON.stringify(refused.body)).not.toContain('Verzoek van de betrokkene');
    }
  });

  it('gives a regional supervisor only their region’s reports: another region’s report is refused (and logged), its entries left out of an officer’s', async () => {
    const refused = await ask('sup.rotterdam', `report=${D}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('is not a report of your regions (Rotterdam)');
    expect((await lastQuestions(1))[0]).toMatchObject({ officerId: 'sup.rotterdam', scope: 'Rotterdam', reportId: D, answered: null, refusal: expect.stringContaining('not a report of your regions') as unknown });

    // The link names a Den Haag report too: left out, as is the look at the Den Haag report — and the search, whose
    // words may be any region's victim's number or account (national supervisors and the privacy officer see it).
    expect(places((await ask('sup.rotterdam', `report=${R}`)).body)).toEqual(['B2', 'B1', 'A1']);
    const ofOfficer = await ask('sup.rotterdam', 'officer=agent.jansen');
    expect(places(ofOfficer.body)).toEqual(['B2', 'A1']);
    expect(ofOfficer.body.total).toBe(2);
    expect(JSON.stringify(ofOfficer.body)).not.toContain(D);
    expect(JSON.stringify(ofOfficer.body)).not.toContain('kluisrekening');
    expect(places((await ask('privacy.officer', 'officer=agent.jansen')).body)).toContain('A3');
  });

  it('says what is wrong with a malformed question, without echoing it', async () => {
    for (const [query, reason] of [
      ['', 'name a report or an officer'],
      ['report=<script>', 'must be a report id'],
      ['officer=agent.jansen&from=2026-11-05&to=2026-11-01', 'the period ends before it starts'],
      [`report=${R}&after=bm90LWEtY3Vyc29y`, 'must be the next of the page before'],
      [`report=${R}&limit=100000`, 'must be at most 1000'],
    ] as const) {
      const answer = await ask('privacy.officer', query);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain(reason);
      expect(answer.body.error.message).not.toContain('<script>');
    }
  });

  it('pages over one snapshot: what arrives after the first page is not in the next ones, and a new question sees it', async () => {
    const first = await ask('privacy.officer', `report=${R}&limit=2&workstation=${STATION_A}`);
    expect(places(first.body)).toEqual(['B3', 'B2']);
    expect(first.body).toMatchObject({ total: 4, held: 3 });
    expect(first.body.next).toEqual(expect.any(String));
    // Station A, offline since early morning, sends a look at the report it logged before all others.
    const late = chainOf([...LOGGED_A, viewed('2026-11-02T07:00:00.000Z', 'agent.jansen', R, 'Onderzoek in een zaak')]);
    const push = () => hub.request('/v1/audit', { token: hub.workstationToken, contentType: 'application/json', body: JSON.stringify(signedPush(STATION_A, late.slice(3))) });
    expect((await push()).status).toBe(200);
    const second = await ask('privacy.officer', `report=${R}&limit=2&asOf=${encodeURIComponent(first.body.asOf)}&after=${first.body.next!}`);
    expect(places(second.body)).toEqual(['B1', 'A1']);
    expect(second.body).toMatchObject({ total: null, next: null, held: null });
    expect((await lastQuestions(1))[0]).toMatchObject({ officerId: 'privacy.officer', reportId: R, continued: true, answered: 2 });
    const again = await ask('privacy.officer', `report=${R}&workstation=${STATION_A}`);
    expect(places(again.body)).toEqual(['B3', 'B2', 'B1', 'A1', 'A4']);
    expect(again.body).toMatchObject({ total: 5, held: 4 });
  });

  describe('asked at a workstation’s Logboek', () => {
    const atWorkstation = (token: string, hubUrl = hub.url) => openApiHarness({ officer: SUPERVISOR, records: [ROTTERDAM], hub: { hubUrl, token, scope: '*' } });

    it('shows every workstation’s entries with where each was logged, this one’s too (sent or not yet), and exports exactly them', async () => {
      const supervisor = await atWorkstation(credential['privacy.officer']!);
      await supervisor.value('report.get', { reportId: R, purpose: 'Interne controle' });
      const page = await supervisor.value('audit.logbook', { reportId: R });
      expect(page).toMatchObject({ source: 'hub', hubUnanswered: null, truncated: false, next: null, total: page.entries.length });
      expect(new Set(page.entries.map((entry) => entry.workstationId))).toEqual(new Set([STATION_A, STATION_B, page.workstationId]));
      expect(page.entries.find((entry) => entry.workstationId === page.workstationId)).toMatchObject({ actor: SUPERVISOR, action: 'report.viewed', purpose: 'Interne controle' });
      expect(page.entries.find((entry) => entry.workstationId === STATION_B && entry.id === 2)).toMatchObject({ actor: 'agent.jansen', purpose: 'Verzoek van de betrokkene (inzage)', details: { purpose: 'Verzoek van de betrokkene (inzage)' } });
      expect(page.query).toMatchObject({ reportId: R, asOf: expect.any(String) as unknown, held: expect.any(Number) as unknown, upToId: expect.any(Number) as unknown });
      expect((await lastQuestions(1))[0]).toMatchObject({ officerId: 'privacy.officer', reportId: R });

      const exported = await supervisor.value('audit.exportCsv', { ...page.query, purpose: 'Verzoek van de betrokkene (inzage)' });
      const lines = exported.csv.split('\r\n');
      expect(lines[0]).toBe('id,workstation,at,officer,action,subjectType,subjectId,purpose,details');
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).reverse().join(':'))).toEqual(page.entries.map((entry) => `${entry.workstationId}:${entry.id}`));
    });

    it('falls back to this workstation’s own log when the hub cannot be reached, and says so', async () => {
      const supervisor = await atWorkstation(credential['privacy.officer']!, `http://127.0.0.1:${await closedPort()}`);
      await supervisor.value('report.get', { reportId: R, purpose: 'Interne controle' });
      const page = await supervisor.value('audit.logbook', { reportId: R });
      // The report's arrival here, and the look at it: nothing of the other workstations.
      expect(page).toMatchObject({ source: 'local', hubUnanswered: { reason: 'offline' }, next: null, total: 2 });
      expect(page.entries.map((entry) => [entry.workstationId, entry.action, entry.purpose])).toEqual([
        [page.workstationId, 'report.viewed', 'Interne controle'],
        [page.workstationId, 'report.received', null],
      ]);
    });

    it('shows nothing, saying the hub refused, when the workstation’s token is not a supervisor’s (the attack twin): the refusal is not worked around with this workstation’s own log', async () => {
      const supervisor = await atWorkstation(credential['agent.jansen']!);
      const page = await supervisor.value('audit.logbook', { reportId: R });
      expect(page).toMatchObject({ source: 'local', hubUnanswered: { reason: 'refused', message: expect.stringContaining('only a supervisor') as unknown }, entries: [], total: 0 });
      expect(JSON.stringify(page)).not.toContain('Verzoek van de betrokkene');
      // Nor with a made-up next page of this workstation's own log.
      expect(await supervisor.call('audit.logbook', { reportId: R, after: 'local:999999' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });
});

/**
 * After retention purged a report from the hub its row, which said its region, is gone; the audit entries about it
 * stay. A regional supervisor still sees who consulted their region's purged report — the entries the hub held at the
 * purge and those a late workstation sends afterwards — and another region's supervisor still does not.
 */
describe.each(BACKENDS)('the Logboek of a report retention purged, asked by region (%s)', (backend) => {
  let hub: TestHub;
  const credential: Record<string, string> = {};
  const purged = filedRecord({ region: 'Rotterdam', receivedAt: '2026-04-01T10:00:00Z' });
  const kept = filedRecord({ region: 'Den Haag', receivedAt: '2026-11-01T10:00:00Z' });
  const early = randomUUID();
  const late = randomUUID();

  const ask = (who: string, query: string) => hub.request<AuditEntriesResponse & HubErrorBody>(`/v1/audit/entries?${query}`, { token: credential[who]! });
  const push = (station: string, entries: readonly ChainEntry[]) =>
    hub.request('/v1/audit', { token: hub.workstationToken, contentType: 'application/json', body: JSON.stringify(signedPush(station, entries)) });
  const stations = (answer: AuditEntriesResponse) => answer.entries.map((entry) => (entry.workstationId === early ? 'early' : 'late'));

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await hub.postNdjson([purged, kept]);
    for (const [id, role, scope] of [
      ['sup.rotterdam', 'supervisor', 'Rotterdam'],
      ['sup.denhaag', 'supervisor', 'Den Haag'],
    ] as const) {
      credential[id] = (await addOfficer(hub.database.db, hubClock(), { id, displayName: id, role, team: null, scope })).credential;
    }
    expect((await push(early, chainOf([viewed('2027-03-01T08:00:00.000Z', 'agent.jansen', purged.reportId, 'Beoordelen van de melding')]))).status).toBe(200);
    expect((await runHubRetention(hub.database, { asOf: '2027-04-02', at: new Date('2027-04-02T03:00:00Z'), logger: silentLogger })).outcome).toMatchObject({ purged: 1, kept: 1 });
    // A workstation that had not sent its log yet sends a look at the report from before the purge.
    expect((await push(late, chainOf([viewed('2027-03-15T08:00:00.000Z', 'agent.devries', purged.reportId, 'Melder terugbellen')]))).status).toBe(200);
  });
  afterAll(() => hub?.close());

  it('answers its region’s supervisor with the entries held at the purge and those sent after it', async () => {
    const answer = await ask('sup.rotterdam', `report=${purged.reportId}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(stations(answer.body)).toEqual(['late', 'early']);
    expect(stations((await ask('sup.rotterdam', 'officer=agent.devries')).body)).toEqual(['late']);
  });

  it('still refuses another region’s supervisor (the attack twin), and leaves the entries out of their other questions', async () => {
    const refused = await ask('sup.denhaag', `report=${purged.reportId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('is not a report of your regions (Den Haag)');
    expect((await ask('sup.denhaag', 'officer=agent.jansen')).body).toMatchObject({ entries: [], total: 0 });
  });

  it('keeps only the region of a report the audit log names, and nothing of the report itself', async () => {
    const rows = await queryRows<{ report_id: string; regions: string[] }>(hub.database.db, sql`SELECT report_id, regions FROM audit_report_regions`);
    expect(rows).toEqual([{ report_id: purged.reportId, regions: ['Rotterdam'] }]);
    const tombstones = await queryRows<{ report_key: string }>(hub.database.db, sql`SELECT report_key FROM purged_reports`);
    expect(JSON.stringify(tombstones)).not.toContain(purged.reportId);
  });
});

/**
 * An intake batch entry (src-main/audit/intake-entries.ts) names reports of every region (review L2): the privacy
 * officer and a national supervisor find it by any report it names and see it as hashed; a regional supervisor sees
 * when their region's reports arrived — the entry with its details narrowed to their regions' reports, by report and
 * by officer — and no other region's report id, whatever else a workstation put in the details; an entry naming only
 * other regions' reports is not theirs at all. A workstation's Logboek shows of it only the report asked about.
 */
describe.each(BACKENDS)('an intake batch entry, asked by report (%s)', (backend) => {
  let hub: TestHub;
  const credential: Record<string, string> = {};
  const ours = filedRecord({ region: 'Rotterdam' });
  const oursRevised = filedRecord({ region: 'Rotterdam' });
  const theirs = filedRecord({ region: 'Den Haag' });
  const theirsToo = filedRecord({ region: 'Den Haag' });
  const station = randomUUID();
  const intake = (at: string, details: Record<string, unknown>): Logged => ({ at, actor: 'system:import', action: 'reports.received', subjectType: 'reports', subjectId: 'intake', details });
  const batch = intake('2026-11-03T08:00:00.000Z', { received: [[ours.reportId, 1], [theirs.reportId, 1]], revised: [[oursRevised.reportId, 2, 1], [theirsToo.reportId, 2, 1]] });
  // What a workstation could write beside the lists (a hostile one, or a later format): another region's ids in places
  // the narrowing does not read.
  const crafted = intake('2026-11-03T09:00:00.000Z', { received: [[ours.reportId, 3, theirs.reportId]], withdrawn: [[theirsToo.reportId, 4]], note: theirs.reportId });
  const theirsOnly = intake('2026-11-03T10:00:00.000Z', { received: [[theirsToo.reportId, 5]] });
  const otherRegions = [theirs.reportId, theirsToo.reportId];

  const ask = (who: string, query: string) => hub.request<AuditEntriesResponse & HubErrorBody>(`/v1/audit/entries?${query}`, { token: credential[who]! });
  const detailsOf = (answer: AuditEntriesResponse) => answer.entries.map(({ seq, details }) => [seq, JSON.parse(details!) as unknown]);

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await hub.postNdjson([ours, oursRevised, theirs, theirsToo]);
    for (const [id, role, scope] of [
      ['privacy.officer', 'privacy', '*'],
      ['sup.national', 'supervisor', '*'],
      ['sup.rotterdam', 'supervisor', 'Rotterdam'],
    ] as const) {
      credential[id] = (await addOfficer(hub.database.db, hubClock(), { id, displayName: id, role, team: null, scope })).credential;
    }
    const pushed = await hub.request('/v1/audit', { token: hub.workstationToken, contentType: 'application/json', body: JSON.stringify(signedPush(station, chainOf([batch, crafted, theirsOnly]))) });
    expect(pushed.status).toBe(200);
  });
  afterAll(() => hub?.close());

  it('answers the privacy officer and a national supervisor about any report it names with the entry as hashed (the honest twin)', async () => {
    for (const who of ['privacy.officer', 'sup.national']) {
      // The crafted entry lists `theirs` nowhere a report is listed: it is found by `ours` and `theirsToo` only.
      for (const [reportId, entries] of [[ours.reportId, [crafted, batch]], [theirs.reportId, [batch]], [theirsToo.reportId, [theirsOnly, crafted, batch]]] as const) {
        const answer = await ask(who, `report=${reportId}`);
        expect(answer.body.entries.map(({ action, details }) => [action, details])).toEqual(entries.map((entry) => ['reports.received', JSON.stringify(entry.details)]));
      }
      expect(detailsOf((await ask(who, 'officer=system:import')).body)).toEqual([[3, theirsOnly.details], [2, crafted.details], [1, batch.details]]);
    }
  });

  it('answers a regional supervisor about their report with the entries narrowed to their region’s reports: no other region’s id (the attack)', async () => {
    const answer = await ask('sup.rotterdam', `report=${ours.reportId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(detailsOf(answer.body)).toEqual([
      [2, { received: [[ours.reportId, 3]] }],
      [1, { received: [[ours.reportId, 1]], revised: [[oursRevised.reportId, 2, 1]] }],
    ]);
    for (const reportId of otherRegions) expect(JSON.stringify(answer.body)).not.toContain(reportId);
    expect(detailsOf((await ask('sup.rotterdam', `report=${oursRevised.reportId}`)).body)).toEqual([[1, { received: [[ours.reportId, 1]], revised: [[oursRevised.reportId, 2, 1]] }]]);
  });

  it('leaves out of a regional supervisor’s answer by officer the entry naming only other regions’ reports, and narrows the others', async () => {
    const answer = await ask('sup.rotterdam', 'officer=system:import');
    expect(answer.body.total).toBe(2);
    expect(answer.body.entries.map((entry) => entry.seq)).toEqual([2, 1]);
    for (const reportId of otherRegions) expect(JSON.stringify(answer.body)).not.toContain(reportId);
    const refused = await ask('sup.rotterdam', `report=${theirs.reportId}`);
    expect(refused.status).toBe(403);
  });

  it('shows at a workstation’s Logboek only what it says of the report asked about', async () => {
    const supervisor = await openApiHarness({ officer: SUPERVISOR, records: [], hub: { hubUrl: hub.url, token: credential['privacy.officer']!, scope: '*' } });
    const page = await supervisor.value('audit.logbook', { reportId: ours.reportId });
    expect(page).toMatchObject({ source: 'hub' });
    // This workstation's own arrival of the report from the feed, and the other's batch entries. Compared in any
    // order: the own entry is listed first while unsent, by its time once this workstation's sync has pushed it.
    const shown = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(shown(page.entries.map(({ workstationId, action, subjectId, details }) => [workstationId, action, subjectId, details]))).toEqual(
      shown([
        [page.workstationId, 'report.received', ours.reportId, { revision: 1 }],
        [station, 'report.received', ours.reportId, { revision: 3 }],
        [station, 'report.received', ours.reportId, { revision: 1 }],
      ]),
    );
    for (const reportId of otherRegions) expect(JSON.stringify(page)).not.toContain(reportId);
  });
});
