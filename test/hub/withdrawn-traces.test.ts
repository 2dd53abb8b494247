import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation, MutationKind, MutationPayloads } from '../../shared/mutations/kinds';
import { REDACTED } from '../../shared/requests/reporter-redaction';
import { WITHDRAWN_NOTE, WITHDRAWN_QUOTE } from '../../shared/retention/report-words';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { BACKENDS, startTestHub, type TestHub } from './harness';

const OFFICER = 'agent.kievit';
const sentence = 'Ik woon aan de Kwartelkade achtentwintig en betaalde vooruit.';
const reporterPhone = '06-13572468';
const untouched = 'Verkoper gebruikt steeds hetzelfde IBAN, zie ook de andere melding.';
// The reporter's own account, named in the story, quoted on its own beside the suspect's (evidence: it stays).
const ownAccountNote = `Betaald vanaf ${IBANS.muleC.toLowerCase()} naar ${IBANS.muleA}.`;

function mutation<K extends MutationKind>(kind: K, payload: MutationPayloads[K]): AnyMutation {
  return { id: randomUUID(), kind, officer: OFFICER, at: '2026-11-01T09:00:00Z', payload } as AnyMutation;
}

/**
 * A report quoted in officers' work on the hub — a note on it, a note on its case, a request's text, a note on the
 * request — is withdrawn: every quote goes, on the hub itself, before any workstation syncs from the start.
 */
describe.each(BACKENDS)('a withdrawal on the hub takes the quotes of the report with it (%s)', (backend) => {
  let hub: TestHub;
  const quoted = filedRecord({ reporter: { type: 'person', name: 'K. Kwartel', phone: reporterPhone }, incident: { summary: 'Fiets niet geleverd', narrative: `${sentence} Betaald vanaf mijn eigen rekening ${IBANS.muleC}.` } });
  const other = filedRecord();
  const caseId = randomUUID();
  const otherCase = randomUUID();
  const actionId = randomUUID();

  beforeAll(async () => {
    hub = await startTestHub(backend);
    expect((await hub.postNdjson([quoted, other])).imported).toBe(2);
    const pushed = await hub.push([
      mutation('note.add', { noteId: randomUUID(), subjectType: 'report', subjectId: quoted.reportId, body: `Teruggebeld op ${reporterPhone}` }),
      mutation('case.create', { caseId, title: 'Fietsfraude', owner: OFFICER, team: null, reportIds: [quoted.reportId, other.reportId] }),
      mutation('case.create', { caseId: otherCase, title: 'Andere zaak', owner: OFFICER, team: null, reportIds: [other.reportId] }),
      mutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: `Melder schreef: "${sentence}" Bel ${reporterPhone}.` }),
      mutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: untouched }),
      mutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: caseId, body: ownAccountNote }),
      mutation('case.update', { caseId, title: `Fietsfraude: "${sentence}" (bel ${reporterPhone})` }),
      mutation('case.update', { caseId: otherCase, title: 'Andere zaak via Marktplaats' }),
      mutation('note.add', { noteId: randomUUID(), subjectType: 'case', subjectId: otherCase, body: `Niet over die melding: ${untouched}` }),
      mutation('action.create', {
        actionId,
        kind: 'prevention_warning',
        indicatorType: null,
        indicatorValue: null,
        caseId: null,
        clusterReportId: null,
        title: 'Publiekswaarschuwing fietsfraude',
        addresseeId: null,
        reportIds: [quoted.reportId],
        includePersonalData: false,
        legalBasis: 'Publieksvoorlichting (art. 3 Politiewet 2012)',
        body: `Een melder schreef: "${sentence}"`,
      }),
      mutation('note.add', { noteId: randomUUID(), subjectType: 'action', subjectId: actionId, body: `Citaat klopt: ${sentence}` }),
    ]);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  });
  afterAll(() => hub?.close());

  const texts = async () =>
    (await hub.readAll({ limit: 500 })).flatMap((entry) => {
      if (entry.type !== 'mutation') return [];
      const { mutation: change } = entry;
      // As signed: its payload is read as the note or request it is.
      const payload = change.payload as { subjectType?: string; subjectId?: string; body: string };
      if (change.kind === 'note.add') return [{ on: `${payload.subjectType}:${payload.subjectId}`, body: payload.body }];
      if (change.kind === 'action.create') return [{ on: 'request', body: payload.body }];
      if (change.kind === 'case.update') return [{ on: 'case title', body: (change.payload as { title: string }).title }];
      return [];
    });

  it('quotes it before the withdrawal (the honest twin)', async () => {
    const all = JSON.stringify(await texts());
    expect(all).toContain('Kwartelkade');
    expect(all).toContain(reporterPhone);
    expect(all).toContain(ownAccountNote);
  });

  it('redacts the notes on it, the request’s text and the notes on its case and request, and leaves the rest', async () => {
    expect((await hub.postNdjson([withdrawal(quoted, 2)])).updated).toBe(1);
    const after = await texts();
    expect(JSON.stringify(after)).not.toContain('Kwartelkade');
    expect(JSON.stringify(after)).not.toContain(reporterPhone);
    expect(JSON.stringify(after).toUpperCase()).not.toContain(IBANS.muleC);
    expect(after.filter((text) => text.body.includes(IBANS.muleA)).map((text) => text.body)).toEqual([`Betaald vanaf ${REDACTED.account} naar ${IBANS.muleA}.`]);
    expect(after.find((text) => text.on === `report:${quoted.reportId}`)?.body).toBe(WITHDRAWN_NOTE);
    for (const on of [`case:${caseId}`, 'request', `action:${actionId}`, 'case title']) {
      expect(after.filter((text) => text.on === on).some((text) => text.body.includes(WITHDRAWN_QUOTE)), on).toBe(true);
    }
    expect(after.filter((text) => text.body.includes(untouched)).map((text) => text.body)).toEqual([untouched, `Niet over die melding: ${untouched}`]);
    expect(after.filter((text) => text.on === 'case title').map((text) => text.body)).toEqual([`Fietsfraude: "${WITHDRAWN_QUOTE}" (bel ${REDACTED.phone})`, 'Andere zaak via Marktplaats']);
  });
});
