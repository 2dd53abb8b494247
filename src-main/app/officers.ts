import type Database from 'better-sqlite3';
import type { OfficerView } from '../../shared/api/views';
import { findOfficer } from '../queries/officers';

/** The demo's colleagues: a supervisor (who may edit the benign list) and officers of two teams. */
export const DEMO_OFFICERS: readonly OfficerView[] = [
  { id: 'l.vermeer', displayName: 'Inspecteur L. Vermeer', role: 'supervisor', team: 'Digitale Opsporing Midden-Nederland' },
  { id: 's.bakker', displayName: 'Brigadier S. Bakker', role: 'officer', team: 'Digitale Opsporing Midden-Nederland' },
  { id: 'e.yilmaz', displayName: 'Hoofdagent E. Yılmaz', role: 'officer', team: 'Digitale Opsporing Midden-Nederland' },
  { id: 'm.dijkstra', displayName: 'Brigadier M. Dijkstra', role: 'officer', team: 'Cybercrime Rotterdam' },
];

export const DEMO_DEFAULT_OFFICER = 'l.vermeer';

/** Names whom the workstation signs in as; without it the demo supervisor, or (with a real hub) the OS account. */
export const OFFICER_ENV = 'PUZZELSTUK_OFFICER';

export function seedDemoOfficers(sqlite: Database.Database): void {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO officers (id, display_name, role, team, active) VALUES (?, ?, ?, ?, 1)');
  sqlite.transaction(() => {
    for (const officer of DEMO_OFFICERS) insert.run(officer.id, officer.displayName, officer.role, officer.team);
  })();
}

/** The officer this workstation works as; one not yet known here is added as an officer of no team. */
export function signIn(sqlite: Database.Database, id: string): OfficerView {
  const known = findOfficer(sqlite, id);
  if (known) return known;
  sqlite.prepare("INSERT OR IGNORE INTO officers (id, display_name, role, team, active) VALUES (?, ?, 'officer', NULL, 1)").run(id, id);
  return findOfficer(sqlite, id) ?? { id, displayName: id, role: 'officer', team: null };
}
