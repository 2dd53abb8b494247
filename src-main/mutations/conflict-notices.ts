import type Database from 'better-sqlite3';
import type { JsonValue, SyncedEntity } from './registers';

/** "Your change was overridden": shown to the officer until dismissed. */
export interface ConflictNotice {
  id: number;
  /** This workstation's mutation that lost. */
  mutationId: string;
  entity: SyncedEntity;
  entityId: string;
  field: string;
  myValue: JsonValue;
  winningValue: JsonValue;
  winningMutationId: string;
  winningOfficer: string;
  winningAt: string;
  detectedAt: string;
}

interface NoticeRow {
  id: number;
  mutation_id: string;
  entity: SyncedEntity;
  entity_id: string;
  field: string;
  my_value: string;
  winning_value: string;
  winning_mutation_id: string;
  winning_officer: string;
  winning_at: string;
  detected_at: string;
}

const toNotice = (row: NoticeRow): ConflictNotice => ({
  id: row.id,
  mutationId: row.mutation_id,
  entity: row.entity,
  entityId: row.entity_id,
  field: row.field,
  myValue: JSON.parse(row.my_value) as JsonValue,
  winningValue: JSON.parse(row.winning_value) as JsonValue,
  winningMutationId: row.winning_mutation_id,
  winningOfficer: row.winning_officer,
  winningAt: row.winning_at,
  detectedAt: row.detected_at,
});

export function recordConflictNotice(sqlite: Database.Database, notice: Omit<ConflictNotice, 'id'>): void {
  sqlite
    .prepare(
      `INSERT INTO sync_conflicts (mutation_id, entity, entity_id, field, my_value, winning_value, winning_mutation_id, winning_officer, winning_at, detected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      notice.mutationId,
      notice.entity,
      notice.entityId,
      notice.field,
      JSON.stringify(notice.myValue),
      JSON.stringify(notice.winningValue),
      notice.winningMutationId,
      notice.winningOfficer,
      notice.winningAt,
      notice.detectedAt,
    );
}

/** Notices the officer has not dismissed yet, oldest first. */
export function listConflictNotices(sqlite: Database.Database): ConflictNotice[] {
  return sqlite.prepare<[], NoticeRow>('SELECT * FROM sync_conflicts WHERE dismissed_at IS NULL ORDER BY id').all().map(toNotice);
}

export function countConflictNotices(sqlite: Database.Database): number {
  return sqlite.prepare<[], number>('SELECT count(*) FROM sync_conflicts WHERE dismissed_at IS NULL').pluck().get() ?? 0;
}

/** The officer has seen it; it stays in the table as history. Returns false when there was no open notice. */
export function dismissConflictNotice(sqlite: Database.Database, id: number, at: string): boolean {
  return sqlite.prepare('UPDATE sync_conflicts SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(at, id).changes > 0;
}
