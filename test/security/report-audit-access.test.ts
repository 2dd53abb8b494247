/**
 * A report's audit trail says which officers consulted a victim's report and why: tried as an officer curious
 * about a colleague's work (or a victim they know), it is refused, called straight at the API, and nothing of the
 * trail is answered. The honest twins: a supervisor, and the privacy officer the hub registered with that role,
 * read it under a purpose, and the reading is itself logged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { connect } from '../../src-hub/db/connect';
import { addOfficer } from '../../src-hub/officers/registry';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation } from '../../src-main/app/workstation';
import { readCursor, START_CURSOR } from '../../src-main/db/sync-cursor';
import { filedRecord } from '../support/records';
import { openApiHarness, OFFICER, SUPERVISOR } from '../api/support/api-harness';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const PURPOSE = 'Intern onderzoek naar raadplegingen';

const auditCount = (api: Awaited<ReturnType<typeof openApiHarness>>) => api.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('a report’s audit trail', () => {
  it('is refused to an officer, with or without a purpose, and the refusal logs nothing', async () => {
    const record = filedRecord();
    const harness = await openApiHarness({ records: [record] });
    const officer = harness.as(OFFICER);
    await officer.value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    const before = auditCount(officer);
    const refused = await officer.call('report.audit', { reportId: record.reportId, purpose: PURPOSE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only a supervisor or the privacy officer can read a report’s audit trail (who consulted it, and why).' } });
    expect(JSON.stringify(refused)).not.toContain(OFFICER);
    expect(auditCount(officer)).toBe(before);
    // Nor does the Logboek answer it the other way round.
    expect(await officer.call('audit.logbook', { reportId: record.reportId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is read by a supervisor only under a purpose, and each reading is logged with it', async () => {
    const record = filedRecord();
    const harness = await openApiHarness({ records: [record] });
    await harness.as(OFFICER).value('report.get', { reportId: record.reportId, purpose: 'Beoordelen van de melding' });
    const supervisor = harness.as(SUPERVISOR);

    for (const params of [{ reportId: record.reportId }, { reportId: record.reportId, purpose: '  ' }]) {
      expect(await supervisor.call('report.audit', params as { reportId: string; purpose: string }), JSON.stringify(params)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }

    const trail = await supervisor.value('report.audit', { reportId: record.reportId, purpose: PURPOSE });
    expect(trail.map((entry) => entry.action)).toEqual(['report.received', 'report.viewed']);
    // The next reading shows the first one: who read the trail, and why, is in it.
    const again = await supervisor.value('report.audit', { reportId: record.reportId, purpose: PURPOSE });
    expect(again.slice(2).map((entry) => [entry.action, entry.actor, entry.details])).toEqual([['report.audit_read', SUPERVISOR, { purpose: PURPOSE }]]);
    const logged = supervisor.store.sqlite.prepare("SELECT actor, subject_id AS subjectId, details FROM audit_log WHERE action = 'report.audit_read'").all();
    expect(logged).toEqual([
      { actor: SUPERVISOR, subjectId: record.reportId, details: JSON.stringify({ purpose: PURPOSE }) },
      { actor: SUPERVISOR, subjectId: record.reportId, details: JSON.stringify({ purpose: PURPOSE }) },
    ]);
  });
});

describe('the privacy officer', () => {
  let hubDir: string;
  let hub: SyncHub;
  let credential: string;
  const record = filedRecord();
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-privacy-officer-'));
    hub = await startSyncHub(hubDir);
    await hub.stop();
    const database = await connect({ dataDir: join(hubDir, 'hub') });
    try {
      ({ credential } = await addOfficer(database.db, systemClock, { id: 'p.smit', displayName: 'Privacyfunctionaris P. Smit', role: 'privacy', team: null }));
    } finally {
      await database.close();
    }
    await hub.restart();
    await hub.post([record]);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('signs in with the role the hub gave, reads a report’s audit trail and the Logboek, and has no supervisor’s rights', async () => {
    const paths = appPathsIn(mkdtempSync(join(hubDir, 'station-')));
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, launch: { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! } });
    const call = (method: string, params: unknown = {}) => dispatch(method, params, workstation.context);
    try {
      for (let waited = 0; readCursor(store.sqlite) === START_CURSOR || store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get() === 0; waited += 100) {
        if (waited > 30_000) throw new Error('the report never arrived');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await call('session.signIn', { officerId: 'p.smit', credential })).toMatchObject({ ok: true, value: { officer: { id: 'p.smit', role: 'privacy' } } });
      expect(await call('report.audit', { reportId: record.reportId, purpose: PURPOSE })).toMatchObject({ ok: true });
      expect(await call('audit.logbook', { reportId: record.reportId })).toMatchObject({ ok: true, value: { entries: expect.arrayContaining([expect.objectContaining({ action: 'report.audit_read', actor: 'p.smit' })]) as unknown } });
      // A supervisor's rights stay a supervisor's.
      expect(await call('audit.setPurposes', { purposes: ['Nieuwsgierigheid'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call('settings.set', { idleLockMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/is not a supervisor/) as unknown } });
    } finally {
      await workstation.close();
      store.close();
    }
  }, 120_000);
});
