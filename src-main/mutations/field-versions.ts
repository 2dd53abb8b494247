import type Database from 'better-sqlite3';
import type { JsonValue, RegisterState, SyncedEntity } from './registers';

interface VersionRow {
  field: string;
  seq: number;
  mutation_id: string | null;
  officer: string | null;
  at: string | null;
  value: string;
}

function toState(row: VersionRow): RegisterState {
  return {
    value: JSON.parse(row.value) as JsonValue,
    origin: row.seq === 0 ? 'base' : 'hub',
    seq: row.seq,
    mutationId: row.mutation_id,
    officer: row.officer,
    at: row.at,
  };
}

/** The `field_versions` table: which write holds each register in the hub's order. */
export function createFieldVersions(sqlite: Database.Database) {
  const selectOne = sqlite.prepare<[string, string, string], VersionRow>(
    'SELECT field, seq, mutation_id, officer, at, value FROM field_versions WHERE entity = ? AND entity_id = ? AND field = ?',
  );
  const selectEntity = sqlite.prepare<[string, string], VersionRow>(
    'SELECT field, seq, mutation_id, officer, at, value FROM field_versions WHERE entity = ? AND entity_id = ?',
  );
  const upsert = sqlite.prepare<[string, string, string, number, string | null, string | null, string | null, string]>(
    `INSERT INTO field_versions (entity, entity_id, field, seq, mutation_id, officer, at, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET
       seq = excluded.seq, mutation_id = excluded.mutation_id, officer = excluded.officer, at = excluded.at, value = excluded.value`,
  );

  return {
    get(entity: SyncedEntity, entityId: string, field: string): RegisterState | undefined {
      const row = selectOne.get(entity, entityId, field);
      return row && toState(row);
    },
    ofEntity(entity: SyncedEntity, entityId: string): Map<string, RegisterState> {
      return new Map(selectEntity.all(entity, entityId).map((row) => [row.field, toState(row)]));
    },
    put(entity: SyncedEntity, entityId: string, field: string, state: Omit<RegisterState, 'origin'>): void {
      upsert.run(entity, entityId, field, state.seq, state.mutationId, state.officer, state.at, JSON.stringify(state.value));
    },
  };
}

export type FieldVersions = ReturnType<typeof createFieldVersions>;
