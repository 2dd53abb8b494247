/**
 * Issue 14 §1: a change whose officer was deactivated meanwhile is refused by the hub and shown to a supervisor,
 * never dropped silently — asked through the workstation's API (`sync.refusedChanges`), against a running hub
 * (PGlite and PostgreSQL). The attack: an officer, not a supervisor, asks (refused by the workstation, and by the
 * hub when the workstation's token is not a supervisor's); the honest twin: a supervisor sees the change.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMutation } from '../../shared/mutations/kinds';
import { addOfficer, deactivateOfficer } from '../../src-hub/officers/registry';
import { openApiHarness, OFFICER, SUPERVISOR } from '../api/support/api-harness';
import { BACKENDS, hubClock, startTestHub, type TestHub } from '../hub/harness';

const LEAVER = 'agent.weg';

const offlineNote = (): AnyMutation => ({
  id: randomUUID(),
  kind: 'note.add',
  officer: LEAVER,
  at: '2026-11-02T09:00:00Z',
  payload: { noteId: randomUUID(), subjectType: 'report', subjectId: 'IA-2026-0000001', body: 'Melder gebeld.' },
});

describe.each(BACKENDS)('changes refused by the hub, seen by a supervisor at a workstation (%s)', (backend) => {
  let hub: TestHub;
  let refused: AnyMutation;
  const credentials: Record<string, string> = {};

  beforeAll(async () => {
    hub = await startTestHub(backend);
    for (const [id, role] of [[SUPERVISOR, 'supervisor'], [OFFICER, 'officer']] as const) {
      credentials[id] = (await addOfficer(hub.database.db, hubClock(), { id, displayName: id, role, team: 'Team Fraude' })).credential;
    }
    // The leaver's key is registered by an earlier change; the change made offline arrives after deactivation.
    expect((await hub.push([offlineNote()])).status).toBe(200);
    await deactivateOfficer(hub.database.db, LEAVER);
    refused = offlineNote();
    expect((await hub.push([refused])).status).toBe(403);
  });
  afterAll(() => hub?.close());

  it('shows a supervisor the refused change, with its officer and the hub’s reason', async () => {
    const supervisor = await openApiHarness({ officer: SUPERVISOR, hub: { hubUrl: hub.url, token: credentials[SUPERVISOR]!, scope: '*' } });
    const answer = await supervisor.value('sync.refusedChanges', {});
    expect(answer.reachable).toBe(true);
    expect(answer.refused).toEqual([
      expect.objectContaining({ mutationId: refused.id, kind: 'note.add', officer: LEAVER, pushedBy: 'workstation-all', reason: expect.stringContaining('deactivated') as unknown }),
    ]);
  });

  it('refuses an officer at the workstation, before the hub is asked', async () => {
    const officer = await openApiHarness({ officer: OFFICER, hub: { hubUrl: hub.url, token: credentials[SUPERVISOR]!, scope: '*' } });
    const answer = await officer.call('sync.refusedChanges', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(answer)).not.toContain(refused.id);
  });

  it('lists nothing when the hub refuses the workstation’s token (an officer’s credential, or a shared token)', async () => {
    for (const token of [credentials[OFFICER]!, hub.workstationToken]) {
      const supervisor = await openApiHarness({ officer: SUPERVISOR, hub: { hubUrl: hub.url, token, scope: '*' } });
      expect(await supervisor.value('sync.refusedChanges', {})).toEqual({ reachable: false, refused: [] });
    }
  });
});
