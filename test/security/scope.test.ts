/**
 * Need-to-know in the feed, tried as an attacker on a regional workstation would: a Midden-Nederland token or
 * officer reads the feed and must never receive work on a Rotterdam report (a note quoting a victim, an
 * assignment, a case, a request's other reports), also after a report moves into view with a later revision;
 * the honest twins — Rotterdam's own workstation, a `*` workstation, and what every scope must receive — still do.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../shared/hub/protocol';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { addOfficer } from '../../src-hub/officers/registry';
import { filedRecord } from '../support/records';
import { BACKENDS, hubClock, startTestHub, type TestHub } from '../hub/harness';

const ROTTERDAM = 'Rotterdam';
const MIDDEN = 'Midden-Nederland';

function mutation<K extends MutationKind>(kind: K, payload: MutationPayloads[K], officer = 'agent.de.vries'): AnyMutation {
  return { id: randomUUID(), kind, officer, at: '2026-11-01T10:00:00Z', payload } as AnyMutation;
}

const note = (subjectType: 'report' | 'case' | 'action', subjectId: string, body: string) => mutation('note.add', { noteId: randomUUID(), subjectType, subjectId, body });
const createCase = (caseId: string, reportIds: string[]) => mutation('case.create', { caseId, title: 'Fietsenzaak', owner: null, team: null, reportIds });
const createRequest = (actionId: string, reportIds: string[], clusterReportId: string | null = null) =>
  mutation('action.create', {
    actionId,
    kind: 'bank_block',
    indicatorType: 'iban',
    indicatorValue: 'NL91ABNA0417164300',
    caseId: null,
    clusterReportId,
    title: 'Blokkeringsverzoek',
    addresseeId: null,
    reportIds,
    includePersonalData: false,
    legalBasis: 'art. 126nd Sv',
    body: 'Verzoek tot blokkering.',
  });

const mutationsOf = (entries: readonly FeedEntry[]) => entries.flatMap((entry) => (entry.type === 'mutation' ? [entry.mutation] : []));
const idsOf = (entries: readonly FeedEntry[]) => mutationsOf(entries).map((m) => m.id);
const payloadOf = (entries: readonly FeedEntry[], id: string) => mutationsOf(entries).find((m) => m.id === id)?.payload as Record<string, unknown> | undefined;

describe.each(BACKENDS)('need-to-know in the feed (%s)', (backend) => {
  let hub: TestHub;
  let rotterdamToken: string;
  let middenToken: string;
  const push = async (...mutations: AnyMutation[]) => {
    const result = await hub.push(mutations);
    expect(result.status).toBe(200);
  };
  const readAs = (token: string) => hub.readAll({ token, limit: 1000 });

  beforeAll(async () => {
    hub = await startTestHub(backend, { recheckMs: 5000 });
    rotterdamToken = await hub.token('workstation', 'station-rotterdam', ROTTERDAM);
    middenToken = await hub.token('workstation', 'station-midden', MIDDEN);
  });
  afterAll(() => hub?.close());

  it('keeps work on a Rotterdam report from a Midden-Nederland token, and gives it to Rotterdam and to *', async () => {
    const rotterdam = filedRecord({ region: ROTTERDAM });
    const midden = filedRecord({ region: MIDDEN });
    await hub.postNdjson([rotterdam, midden]);
    const victimNote = note('report', rotterdam.reportId, 'Slachtoffer J. Jansen, 06-12345678, belt terug.');
    const assign = mutation('report.assign', { reportId: rotterdam.reportId, assignee: 'agent.de.vries' });
    const status = mutation('report.setWorkStatus', { reportId: rotterdam.reportId, status: 'in_progress' });
    const caseId = randomUUID();
    const rotterdamCase = createCase(caseId, [rotterdam.reportId]);
    const caseNote = note('case', caseId, 'Verdachte rijdt een blauwe auto.');
    const middenNote = note('report', midden.reportId, 'Melder teruggebeld.');
    await push(victimNote, assign, status, rotterdamCase, caseNote, middenNote);

    const middenFeed = await readAs(middenToken);
    const rotterdamWork = [victimNote, assign, status, rotterdamCase, caseNote].map((m) => m.id);
    expect(idsOf(middenFeed).filter((id) => rotterdamWork.includes(id))).toEqual([]);
    expect(JSON.stringify(middenFeed)).not.toContain('06-12345678');
    expect(idsOf(middenFeed)).toContain(middenNote.id);

    expect(idsOf(await readAs(rotterdamToken))).toEqual(expect.arrayContaining(rotterdamWork));
    expect(idsOf(await readAs(rotterdamToken))).not.toContain(middenNote.id);
    expect(idsOf(await readAs(hub.workstationToken))).toEqual(expect.arrayContaining([...rotterdamWork, middenNote.id]));
    // Asking the hub for a wider scope than the token's is refused.
    expect((await hub.request(`/v1/feed?scope=${encodeURIComponent(ROTTERDAM)}`, { token: middenToken })).status).toBe(403);
  });

  it('gives every scope the directory, routing rules and benign list', async () => {
    const supervisorWork = [
      mutation('directory.remove', { entryId: 'bank-voorbeeld' }),
      mutation('routing.remove', { ruleId: 'regel-voorbeeld' }),
      mutation('benign.remove', { type: 'phone', value: '+31881234567' }),
    ];
    await addOfficer(hub.database.db, hubClock(), { id: 'sup.scope', displayName: 'Inspecteur Scope', role: 'supervisor', team: null });
    await push(...supervisorWork.map((m) => ({ ...m, officer: 'sup.scope' })));
    for (const token of [middenToken, rotterdamToken, hub.workstationToken]) {
      expect(idsOf(await readAs(token))).toEqual(expect.arrayContaining(supervisorWork.map((m) => m.id)));
    }
  });

  it('gives a request that spans regions to each region without the reports it does not hold', async () => {
    const rotterdam = filedRecord({ region: ROTTERDAM });
    const midden = filedRecord({ region: MIDDEN });
    await hub.postNdjson([rotterdam, midden]);
    const actionId = randomUUID();
    const request = createRequest(actionId, [rotterdam.reportId, midden.reportId], rotterdam.reportId);
    const onlyRotterdam = createRequest(randomUUID(), [rotterdam.reportId]);
    await push(request, onlyRotterdam);

    const middenFeed = await readAs(middenToken);
    expect(payloadOf(middenFeed, request.id)).toMatchObject({ reportIds: [midden.reportId], clusterReportId: null, indicatorValue: 'NL91ABNA0417164300' });
    expect(JSON.stringify(middenFeed)).not.toContain(rotterdam.reportId);
    expect(idsOf(middenFeed)).not.toContain(onlyRotterdam.id);
    expect(payloadOf(await readAs(rotterdamToken), request.id)).toMatchObject({ reportIds: [rotterdam.reportId], clusterReportId: rotterdam.reportId });
    expect(payloadOf(await readAs(hub.workstationToken), request.id)).toMatchObject({ reportIds: [rotterdam.reportId, midden.reportId] });
  });

  it('announces a report’s earlier work to the region it names in a later revision, once and in order', async () => {
    const moving = filedRecord({ region: ROTTERDAM });
    await hub.postNdjson([moving]);
    const caseId = randomUUID();
    const earlier = [note('report', moving.reportId, 'Eerste contact.'), createCase(caseId, [moving.reportId]), note('case', caseId, 'Zaak gestart.')];
    await push(...earlier);
    expect(idsOf(await readAs(middenToken)).filter((id) => earlier.some((m) => m.id === id))).toEqual([]);

    await hub.postNdjson([{ ...moving, revision: 2, region: MIDDEN }]);
    const later = note('report', moving.reportId, 'Nu bij Midden-Nederland.');
    await push(later);
    const middenFeed = await readAs(middenToken);
    const reached = idsOf(middenFeed).filter((id) => [...earlier, later].some((m) => m.id === id));
    expect(reached).toEqual([...earlier, later].map((m) => m.id));
    // The report's revisions come before the work on it.
    const firstRevision = middenFeed.findIndex((entry) => entry.type === 'report' && entry.reportId === moving.reportId);
    const firstWork = middenFeed.findIndex((entry) => entry.type === 'mutation' && entry.mutation.id === earlier[0]!.id);
    expect(firstRevision).toBeGreaterThanOrEqual(0);
    expect(firstRevision).toBeLessThan(firstWork);
    // `*` received the work once, when it was pushed.
    const everything = idsOf(await readAs(hub.workstationToken));
    expect(everything.filter((id) => id === earlier[0]!.id)).toHaveLength(1);
  });

  it('announces a case’s history to a region when the case takes in a report of it', async () => {
    const rotterdam = filedRecord({ region: ROTTERDAM });
    const midden = filedRecord({ region: MIDDEN });
    await hub.postNdjson([rotterdam, midden]);
    const caseId = randomUUID();
    const created = createCase(caseId, [rotterdam.reportId]);
    const caseNote = note('case', caseId, 'Verdachte bekend bij de bank.');
    await push(created, caseNote);
    expect(idsOf(await readAs(middenToken))).not.toContain(created.id);

    const added = mutation('case.addReports', { caseId, reportIds: [midden.reportId] });
    await push(added);
    const middenFeed = await readAs(middenToken);
    expect(idsOf(middenFeed).filter((id) => [created.id, caseNote.id, added.id].includes(id))).toEqual([created.id, caseNote.id, added.id]);
    expect(payloadOf(middenFeed, created.id)).toMatchObject({ reportIds: [] });
    expect(JSON.stringify(middenFeed)).not.toContain(rotterdam.reportId);
  });

  it('reads with a scoped officer’s credential only the officer’s scope', async () => {
    const rotterdam = filedRecord({ region: ROTTERDAM });
    const midden = filedRecord({ region: MIDDEN });
    await hub.postNdjson([rotterdam, midden]);
    const { credential } = await addOfficer(hub.database.db, hubClock(), { id: 'a.midden', displayName: 'Agent Midden', role: 'officer', team: null, scope: MIDDEN });
    const { credential: national } = await addOfficer(hub.database.db, hubClock(), { id: 'a.landelijk', displayName: 'Agent Landelijk', role: 'officer', team: null });
    const rotterdamNote = note('report', rotterdam.reportId, 'Alleen voor Rotterdam.');
    await push(rotterdamNote);

    const officerFeed = await readAs(credential);
    expect(officerFeed.some((entry) => entry.type === 'report' && entry.reportId === midden.reportId)).toBe(true);
    expect(officerFeed.some((entry) => entry.type === 'report' && entry.reportId === rotterdam.reportId)).toBe(false);
    expect(idsOf(officerFeed)).not.toContain(rotterdamNote.id);
    expect((await hub.request('/v1/feed?scope=*', { token: credential })).status).toBe(403);
    expect(idsOf(await readAs(national))).toContain(rotterdamNote.id);
  });
});
