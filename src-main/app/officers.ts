import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import type { CaseStore } from '../db/open-store';
import type { HubTarget } from './hub-target';
import type { StoredSettings } from './settings-file';
import type { OfficerView } from '../../shared/api/views';
import { copyOfficers, findOfficer } from '../db/officers';

/**
 * The demo's colleagues in the three demo teams: two supervisors (approval is four-eyes, so a request needs a
 * supervisor besides its author) and officers. The embedded hub registers them, so it enforces these roles.
 */
export const DEMO_OFFICERS: readonly OfficerView[] = [
  { id: 'l.vermeer', displayName: 'Inspecteur L. Vermeer', role: 'supervisor', team: 'Team Online Intake' },
  { id: 'r.dekker', displayName: 'Inspecteur R. Dekker', role: 'supervisor', team: 'Team Fraude' },
  { id: 's.bakker', displayName: 'Brigadier S. Bakker', role: 'officer', team: 'Team Fraude' },
  { id: 'j.devries', displayName: 'Hoofdagent J. de Vries', role: 'officer', team: 'Team Fraude' },
  { id: 'e.yilmaz', displayName: 'Hoofdagent E. Yılmaz', role: 'officer', team: 'Team Cybercrime' },
  { id: 'm.dijkstra', displayName: 'Brigadier M. Dijkstra', role: 'officer', team: 'Team Online Intake' },
];

export const DEMO_DEFAULT_OFFICER = 'l.vermeer';

/**
 * Names whom the demo signs in as (without it the demo supervisor). With a real hub it is ignored: there an
 * officer is who proved it to the hub, never who a setting or the environment says.
 */
export const OFFICER_ENV = 'PUZZELSTUK_OFFICER';

/** Puts the demo officers in the store as they are defined now (an older store may have them in other teams). */
export function seedDemoOfficers(sqlite: Database.Database): void {
  copyOfficers(sqlite, DEMO_OFFICERS.map((officer) => ({ ...officer, active: true })));
}

/** The officer this workstation works as; one not yet known here is added as an officer of no team. */
export function signIn(sqlite: Database.Database, id: string): OfficerView {
  const known = findOfficer(sqlite, id);
  if (known) return known;
  copyOfficers(sqlite, [{ id, displayName: id, role: 'officer', team: null, active: true }]);
  return findOfficer(sqlite, id) ?? { id, displayName: id, role: 'officer', team: null };
}

/**
 * Who is signed in when the workstation starts. The demo: `PUZZELSTUK_OFFICER`, the last demo officer, or the demo
 * supervisor. A real hub: nobody, until an officer signs in with their credential. A store with no hub at all has
 * nobody to prove anything to: it works as the named or the OS account (changes made there carry no proof and are
 * refused by any hub they might later reach unless that officer signs them in).
 */
export function startOfficerOf(store: CaseStore, settings: StoredSettings, target: HubTarget, env: Readonly<Record<string, string | undefined>>): string | null {
  if (target.kind === 'remote') return null;
  const named = env[OFFICER_ENV] || settings.officerId;
  if (target.kind === 'embedded') return signIn(store.sqlite, named || DEMO_DEFAULT_OFFICER).id;
  return signIn(store.sqlite, named || userInfo().username).id;
}
