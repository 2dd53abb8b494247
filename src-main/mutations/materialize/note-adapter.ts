import type Database from 'better-sqlite3';
import { CREATED_FIELD } from '../registers';
import { NOTHING, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

interface NoteValue {
  subjectType: string;
  subjectId: string;
  body: string;
}

/** Notes are append-only: written once by their creation, removed only when the hub refused that creation. */
export function createNoteAdapter(sqlite: Database.Database): EntityAdapter {
  const select = sqlite.prepare<[string], { subject_type: string; subject_id: string; body: string; author: string; created_at: string }>(
    'SELECT subject_type, subject_id, body, author, created_at FROM notes WHERE id = ?',
  );
  const upsert = sqlite.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO notes (id, subject_type, subject_id, body, author, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET subject_type = excluded.subject_type, subject_id = excluded.subject_id, body = excluded.body,
       author = excluded.author, created_at = excluded.created_at`,
  );
  const remove = sqlite.prepare<[string]>('DELETE FROM notes WHERE id = ?');

  return {
    read(noteId) {
      const row = select.get(noteId);
      if (!row) return NOTHING;
      return { value: { subjectType: row.subject_type, subjectId: row.subject_id, body: row.body }, officer: row.author, at: row.created_at };
    },
    write(noteId, fields) {
      const state = fields.get(CREATED_FIELD);
      if (!state) return;
      const note = state.value as NoteValue | null;
      if (note === null) remove.run(noteId);
      else upsert.run(noteId, note.subjectType, note.subjectId, note.body, state.officer ?? UNKNOWN_AUTHOR, state.at ?? '');
    },
  };
}
