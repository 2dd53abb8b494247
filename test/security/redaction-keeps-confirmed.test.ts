/**
 * A withdrawal or purge redacts the texts of every request that ever listed the report — in the request's row (what
 * the officer sees, their pending changes included) and in its registers (what the hub confirmed). Each is redacted
 * itself: the officer's unconfirmed edit must not become the confirmed value, or a refusal by the hub would roll the
 * request back to the refused text (the review's M2).
 */
import { describe, expect, it } from 'vitest';
import { WITHDRAWN_QUOTE } from '../../shared/retention/report-words';
import { applierFor } from '../../src-main/mutations/applier-cache';
import { requireRequest } from '../../src-main/requests/request-record';
import { createRequest, editRequest } from '../../src-main/requests/request-services';
import { foreignMutation, serviceDeps } from '../sync/support/mutation-fixtures';
import { filedRecord, IBANS, withdrawal } from '../support/records';
import { openTempStore } from '../support/temp-store';

const OFFICER = 'agent.kluut';
const sentence = `Ik maakte het geld over naar ${IBANS.muleC} voor een wasmachine die nooit kwam.`;
const confirmedBody = `Tekst zoals de hub hem heeft. Melder schreef: "${sentence}"`;
const refusedBody = 'Mijn bewerking, die de hub zal weigeren.';

async function requestWithPendingEdit() {
  const { store, importRecords } = openTempStore();
  const quoted = filedRecord({ receivedAt: '2026-10-01T10:00:00Z', incident: { summary: 'Wasmachine niet geleverd', narrative: sentence } });
  const stays = filedRecord({ receivedAt: '2026-10-01T10:00:00Z' });
  await importRecords([quoted, stays]);
  const deps = serviceDeps();
  const { actionId } = createRequest(store, deps, {
    officer: OFFICER,
    kind: 'bank_block',
    indicatorType: 'iban',
    indicatorValue: IBANS.muleC,
    caseId: null,
    clusterReportId: null,
    title: 'Blokkade',
    addresseeId: null,
    reportIds: [quoted.reportId, stays.reportId],
    includePersonalData: false,
    legalBasis: 'art. 126nd Sv',
    body: confirmedBody,
  });
  const applier = applierFor(store.sqlite);
  let seq = 0;
  for (const mine of applier.outbox.pending()) applier.applyFromHub(mine, (seq += 1));
  // A colleague takes the quoted report out of the list; the request still quotes it.
  applier.applyFromHub(foreignMutation('action.setReports', { actionId, reportIds: [stays.reportId] }, 'agent.tapuit', '2026-11-02T09:30:00Z'), (seq += 1));
  editRequest(store, deps, { officer: OFFICER, actionId, body: refusedBody });
  const [edit] = applier.outbox.pending();
  return { store, importRecords, applier, actionId, quoted, edit: edit! };
}

describe('redacting a request that has a pending edit', () => {
  it('keeps the hub’s confirmed text, redacted: a refusal afterwards rolls back to it, not to the refused edit', async () => {
    const { store, importRecords, applier, actionId, quoted, edit } = await requestWithPendingEdit();
    await importRecords([withdrawal(quoted, 2, '2026-11-02T10:00:00Z')]);
    expect(requireRequest(store.sqlite, actionId).payload.body).toBe(refusedBody);

    applier.rollBack(edit, 'FORBIDDEN: refused by the hub');
    const body = requireRequest(store.sqlite, actionId).payload.body;
    expect(body).not.toBe(refusedBody);
    expect(body).toContain('Tekst zoals de hub hem heeft.');
    expect(body).toContain(WITHDRAWN_QUOTE);
    expect(body).not.toContain('wasmachine');
  });

  it('the twin: without the withdrawal the refusal rolls back to the confirmed text as it was', async () => {
    const { store, applier, actionId, edit } = await requestWithPendingEdit();
    applier.rollBack(edit, 'FORBIDDEN: refused by the hub');
    expect(requireRequest(store.sqlite, actionId).payload.body).toBe(confirmedBody);
  });
});
