/**
 * "Seen elsewhere" across the need-to-know boundary: a Midden-Nederland officer learns how many live reports in
 * other regions mention the IBAN in front of them, per region — and nothing else: no report id, no name, no text.
 * Every question is logged on the hub with the token and the officer. The honest twins: the counts are right for
 * each scope (withdrawn reports and the scope's own reports not counted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubErrorBody, SeenElsewhereResponse } from '../../shared/hub/protocol';
import type { IntakeRecord } from '../../shared/intake/schema';
import { systemClock } from '../../shared/platform/clock';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation, type Workstation } from '../../src-main/app/workstation';
import type { CaseStore } from '../../src-main/db/open-store';
import { queryRows } from '../../src-hub/db/database';
import { addOfficer } from '../../src-hub/officers/registry';
import { filedRecord, withdrawal } from '../support/records';
import { BACKENDS, hubClock, startTestHub, type TestHub } from '../hub/harness';
import { retentionNeverDue } from '../support/retention-timers';

const IBAN = 'NL91ABNA0417164300';
const MIDDEN = 'Midden-Nederland';

const paying = (region: string | undefined, name: string): IntakeRecord =>
  filedRecord({
    ...(region === undefined ? { region: undefined } : { region }),
    reporter: { type: 'person', name, phone: '06-22222222', email: `${name.toLowerCase().replace(/\W/g, '')}@example.org` },
    incident: { summary: 'Betaald voor een fiets', narrative: `Ik, ${name}, heb betaald naar NL91 ABNA 0417 1643 00 en niets ontvangen.` },
    payments: [{ amount: '250.00', currency: 'EUR', method: 'bank_transfer', beneficiaryAccount: 'NL91 ABNA 0417 1643 00' }],
  });

describe.each(BACKENDS)('seen elsewhere (%s)', (backend) => {
  let hub: TestHub;
  let middenToken: string;
  let rotterdamToken: string;
  const reports: IntakeRecord[] = [];
  const ask = (token: string, query = `type=iban&value=${IBAN}&officer=a.midden`) => hub.request<SeenElsewhereResponse & HubErrorBody>(`/v1/indicators/elsewhere?${query}`, { token });

  beforeAll(async () => {
    hub = await startTestHub(backend, { recheckMs: 5000 });
    middenToken = await hub.token('workstation', 'station-midden', MIDDEN);
    rotterdamToken = await hub.token('workstation', 'station-rotterdam', 'Rotterdam');
    reports.push(
      paying('Rotterdam', 'Jan Jansen'),
      paying('Rotterdam', 'Piet Pietersen'),
      paying('Den Haag', 'Klaas Klaassen'),
      paying(MIDDEN, 'Anna de Wit'),
      paying(undefined, 'Zonder Regio'),
    );
    const withdrawn = paying('Rotterdam', 'Ingetrokken Melder');
    await hub.postNdjson([...reports, withdrawn, withdrawal(withdrawn, 2)]);
  });
  afterAll(() => hub?.close());

  it('counts live reports outside the scope per region, and says nothing else about them', async () => {
    const answer = await ask(middenToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      type: 'iban',
      value: IBAN,
      total: 4,
      regions: [
        { region: 'Rotterdam', reports: 2 },
        { region: 'Den Haag', reports: 1 },
        { region: null, reports: 1 },
      ],
    });
    const text = JSON.stringify(answer.body);
    for (const report of reports) expect(text).not.toContain(report.reportId);
    for (const name of ['Jansen', 'Pietersen', 'Klaassen', 'Zonder', 'fiets', '06-22222222']) expect(text).not.toContain(name);
  });

  it('gives each scope the count outside it, and `*` nothing outside', async () => {
    expect((await ask(rotterdamToken)).body).toMatchObject({ total: 3, regions: [{ region: 'Den Haag', reports: 1 }, { region: MIDDEN, reports: 1 }, { region: null, reports: 1 }] });
    expect((await ask(hub.workstationToken)).body).toMatchObject({ total: 0, regions: [] });
    expect((await ask(middenToken, 'type=phone&value=%2B31612345678')).body).toMatchObject({ total: 0 });
  });

  it('logs every question with its token, the token’s officer and the officer the workstation named', async () => {
    const { credential } = await addOfficer(hub.database.db, hubClock(), { id: 'b.midden', displayName: 'Agent Midden', role: 'officer', team: null, scope: MIDDEN });
    expect((await ask(credential, `type=iban&value=${IBAN}&officer=b.midden`)).body).toMatchObject({ total: 4 });
    const logged = await queryRows<{ name: string; officer_id: string | null; asked_for: string | null; scope: string; type: string; value: string; answered: number }>(
      hub.database.db,
      sql`SELECT t.name, q.officer_id, q.asked_for, q.scope, q.type, q.value, q.answered FROM elsewhere_questions q JOIN hub_tokens t ON t.id = q.token_id ORDER BY q.id`,
    );
    expect(logged.at(0)).toEqual({ name: expect.stringMatching(/^station-midden/) as unknown, officer_id: null, asked_for: 'a.midden', scope: MIDDEN, type: 'iban', value: IBAN, answered: 4 });
    expect(logged.at(-1)).toEqual({ name: 'officer b.midden', officer_id: 'b.midden', asked_for: 'b.midden', scope: MIDDEN, type: 'iban', value: IBAN, answered: 4 });
  });

  it('refuses a malformed question and one without a token, and logs neither', async () => {
    const before = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM elsewhere_questions`);
    expect((await ask(middenToken, 'type=naam&value=Jansen')).status).toBe(400);
    expect((await ask(middenToken, 'type=iban')).status).toBe(400);
    expect((await hub.request(`/v1/indicators/elsewhere?type=iban&value=${IBAN}`, { token: null })).status).toBe(401);
    const after = await queryRows<{ n: number }>(hub.database.db, sql`SELECT count(*)::int AS n FROM elsewhere_questions`);
    expect(after).toEqual(before);
  });

  it('stops counting a report once it names the caller’s region in a later revision', async () => {
    const moving = reports[2]!;
    await hub.postNdjson([{ ...moving, revision: 2, region: MIDDEN }]);
    expect((await ask(middenToken)).body).toMatchObject({ total: 3, regions: [{ region: 'Rotterdam', reports: 2 }, { region: null, reports: 1 }] });
  });
});

describe.each(BACKENDS)('seen elsewhere at the workstation (%s)', (backend) => {
  let hub: TestHub;
  let dataDir: string;
  let caseStore: CaseStore;
  let workstation: Workstation;

  beforeAll(async () => {
    hub = await startTestHub(backend, { recheckMs: 5000 });
    await hub.postNdjson([paying('Rotterdam', 'Jan Jansen'), paying('Den Haag', 'Klaas Klaassen')]);
    dataDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-elsewhere-'));
    const paths = appPathsIn(dataDir);
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    caseStore = openAppStore(paths, secrets, {}, systemClock, 'own');
    workstation = await startWorkstation({ store: caseStore, paths, secrets, env: {}, logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, demo: false, timers: retentionNeverDue });
  });
  let hubClosed = false;
  afterAll(async () => {
    await workstation?.close();
    caseStore?.close();
    if (!hubClosed) await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks its hub with its token and says so when it cannot ask', async () => {
    const ask = () => dispatch('indicator.seenElsewhere', { type: 'iban', value: IBAN }, workstation.context);
    expect(await ask()).toMatchObject({ ok: true, value: { available: false, reason: 'no-hub' } });
    const token = await hub.token('workstation', 'station-midden-ws', MIDDEN);
    expect(await dispatch('settings.set', { hubUrl: hub.url, hubToken: token, scope: MIDDEN }, workstation.context)).toMatchObject({ ok: true });
    expect(await ask()).toEqual({ ok: true, value: { available: true, total: 2, regions: [{ region: 'Den Haag', reports: 1 }, { region: 'Rotterdam', reports: 1 }] } });

    // The store now holds the hub's reports and stays with it (another address is refused), so the hub goes away.
    await hub.close();
    hubClosed = true;
    expect(await ask()).toMatchObject({ ok: true, value: { available: false, reason: 'offline' } });
  });
});
