import type Database from 'better-sqlite3';
import type { OfficerView } from '../../shared/api/views';
import type { HubOfficer } from '../../shared/hub/protocol';
import { writeTransaction } from './write-transaction';

/**
 * The `officers` table, the hub's registry copied here (sync/officer-refresh.ts): every read and write of it
 * stands in this module (src-main/README.md, "Who owns which table").
 */
export type StoredOfficer = OfficerView & { active: 0 | 1 };

/** Writes officers as the hub lists them; returns how many rows changed. */
export function copyOfficers(sqlite: Database.Database, officers: readonly HubOfficer[]): number {
  const upsert = sqlite.prepare<[string, string, string, string | null, number]>(
    `INSERT INTO officers (id, display_name, role, team, active) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, team = excluded.team, active = excluded.active
     WHERE officers.display_name IS NOT excluded.display_name OR officers.role IS NOT excluded.role
        OR officers.team IS NOT excluded.team OR officers.active IS NOT excluded.active`,
  );
  return writeTransaction(sqlite, () => officers.reduce((changed, officer) => changed + upsert.run(officer.id, officer.displayName, officer.role, officer.team, officer.active ? 1 : 0).changes, 0))();
}

/** Active officers, by name: whom reports can be assigned to. */
export function listOfficers(sqlite: Database.Database): OfficerView[] {
  return sqlite
    .prepare<[], OfficerView>('SELECT id, display_name AS displayName, role, team FROM officers WHERE active = 1 ORDER BY display_name, id')
    .all();
}

export function findOfficer(sqlite: Database.Database, id: string): OfficerView | undefined {
  return sqlite.prepare<[string], OfficerView>('SELECT id, display_name AS displayName, role, team FROM officers WHERE id = ? AND active = 1').get(id);
}

/** An officer as stored, also one who left (inactive). */
export function findStoredOfficer(sqlite: Database.Database, id: string): StoredOfficer | undefined {
  return sqlite.prepare<[string], StoredOfficer>('SELECT id, display_name AS displayName, role, team, active FROM officers WHERE id = ?').get(id);
}

/** Every stored officer's team (null: none), also of those who left. */
export function officerTeams(sqlite: Database.Database): Map<string, string | null> {
  const rows = sqlite.prepare<[], { id: string; team: string | null }>('SELECT id, team FROM officers').all();
  return new Map(rows.map((row) => [row.id, row.team]));
}

/** The team of one officer, prepared once for callers that ask per report (undefined: not stored). */
export function createTeamOfOfficer(sqlite: Database.Database): (id: string) => string | null | undefined {
  const teamOf = sqlite.prepare<[string], string | null>('SELECT team FROM officers WHERE id = ?').pluck();
  return (id) => teamOf.get(id);
}

/** The active members of a team, prepared once. */
export function createActiveTeamMembers(sqlite: Database.Database): (team: string) => string[] {
  const members = sqlite.prepare<[string], string>('SELECT id FROM officers WHERE team = ? AND active = 1').pluck();
  return (team) => members.all(team);
}
