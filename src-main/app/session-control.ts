/**
 * Who works at this workstation. In the demo (the embedded hub) any known, active officer signs in without a
 * credential. With a real hub the officer gives their credential: the hub checks it, and it becomes the token
 * this workstation syncs with, so the hub holds every change to the officer who made it. The officer signed in
 * last is remembered in the settings and signed in again at the next start.
 */
import type { ApiParams } from '../../shared/api/contract';
import type { OfficerView } from '../../shared/api/views';
import { AppError } from '../../shared/errors';
import type { SessionControl } from '../api/context';
import type { CaseStore } from '../db/open-store';
import type { Clock } from '../../shared/platform/clock';
import { createHubClient, enrollOfficer } from '../sync';
import { copyOfficers } from '../sync/officer-refresh';
import { checkCredential } from './credential-check';
import { hubTargetOf, type LaunchHub } from './hub-target';
import type { SecretStore } from './secrets';
import type { SettingsFile } from './settings-file';

export interface SessionDeps {
  store: CaseStore;
  clock: Clock;
  settingsFile: SettingsFile;
  secrets: SecretStore;
  launch: LaunchHub;
  fetch: typeof fetch;
  /** Connects sync again (with the token now in the secrets). */
  reconnect: () => Promise<void>;
  /** Who is signed in at start: the demo's officer; with a real hub nobody until an officer signs in. */
  officerId: string | null;
}

type StoredOfficer = OfficerView & { active: 0 | 1 };

export function createSessionControl(deps: SessionDeps): SessionControl & { current(): OfficerView | null } {
  const { sqlite } = deps.store;
  const stored = (id: string) =>
    sqlite.prepare<[string], StoredOfficer>('SELECT id, display_name AS displayName, role, team, active FROM officers WHERE id = ?').get(id);
  let currentId = deps.officerId;

  function requireActiveHere(id: string): void {
    const officer = stored(id);
    if (!officer) throw new AppError('NOT_FOUND', `No officer "${id}" is known here.`);
    if (officer.active === 0) throw new AppError('FORBIDDEN', `Officer "${id}" has been deactivated.`);
  }

  /**
   * Another officer's unsent changes go under this officer's credential only when signed by their own key; an
   * unsigned one (made before signing existed) would be refused and lost.
   */
  function refuseWhileOthersPending(id: string): void {
    const pending = sqlite.prepare<[string], number>("SELECT count(*) FROM outbox WHERE state = 'pending' AND officer <> ? AND proof IS NULL").pluck().get(id) ?? 0;
    if (pending > 0) {
      throw new AppError('CONFLICT', `${pending} change${pending === 1 ? '' : 's'} by another officer ha${pending === 1 ? 's' : 've'} not reached the hub yet; sign in once sync has sent them.`);
    }
  }

  function viewOf(id: string): OfficerView {
    const officer = stored(id);
    return officer ? { id: officer.id, displayName: officer.displayName, role: officer.role, team: officer.team } : { id, displayName: id, role: 'officer', team: null };
  }

  function current(): OfficerView | null {
    return currentId === null ? null : viewOf(currentId);
  }

  return {
    current,

    async signIn({ officerId, credential }: ApiParams<'session.signIn'>): Promise<OfficerView> {
      const id = officerId.trim();
      const target = hubTargetOf(deps.settingsFile.read(), deps.secrets, deps.launch);
      if (target.kind !== 'remote') {
        // The demo's officers, or offline the officers this store already knows from its hub.
        requireActiveHere(id);
      } else {
        const checked = await checkCredential({ hubUrl: target.hubUrl, fetch: deps.fetch }, id, credential);
        refuseWhileOthersPending(id);
        copyOfficers(sqlite, [checked.officer]);
        // Their changes here are signed from now on, so they stay theirs whoever is signed in when they are pushed.
        await enrollOfficer(deps.store, createHubClient({ hubUrl: target.hubUrl, token: checked.token, fetch: deps.fetch }), id, deps.clock);
        deps.secrets.set('hub-token', checked.token);
      }
      currentId = id;
      deps.settingsFile.write({ ...deps.settingsFile.read(), officerId: id });
      if (target.kind === 'remote') await deps.reconnect();
      return viewOf(id);
    },
  };
}

/** The officer every officer-bound call acts as; while nobody is signed in such a call is refused, whoever asks. */
export function requireSignedIn(session: Pick<SessionControl, 'current'>): OfficerView {
  const officer = session.current();
  if (!officer) throw new AppError('UNAUTHENTICATED', 'Nobody is signed in on this workstation: sign in with your officer id and credential first.');
  return officer;
}
