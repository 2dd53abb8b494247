import type Database from 'better-sqlite3';
import type { OfficerView } from '../../shared/api/views';

/** Active officers, by name: whom reports can be assigned to. */
export function listOfficers(sqlite: Database.Database): OfficerView[] {
  return sqlite
    .prepare<[], OfficerView>('SELECT id, display_name AS displayName, role, team FROM officers WHERE active = 1 ORDER BY display_name, id')
    .all();
}

export function findOfficer(sqlite: Database.Database, id: string): OfficerView | undefined {
  return sqlite.prepare<[string], OfficerView>('SELECT id, display_name AS displayName, role, team FROM officers WHERE id = ? AND active = 1').get(id);
}
