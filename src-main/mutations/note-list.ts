import type Database from 'better-sqlite3';
import type { NoteView } from '../../shared/api/views';

/** Notes on one subject, oldest first; `synced` is false while the note waits in the outbox for the hub. */
export function listNotes(sqlite: Database.Database, subjectType: NoteView['subjectType'], subjectId: string): NoteView[] {
  return sqlite
    .prepare<[string, string], Omit<NoteView, 'synced'> & { pending: number }>(
      `SELECT n.id AS noteId, n.subject_type AS subjectType, n.subject_id AS subjectId, n.body, n.author, n.created_at AS createdAt,
         EXISTS (SELECT 1 FROM outbox o WHERE o.state = 'pending' AND o.kind = 'note.add' AND json_extract(o.payload, '$.noteId') = n.id) AS pending
       FROM notes n WHERE n.subject_type = ? AND n.subject_id = ? ORDER BY n.created_at, n.id`,
    )
    .all(subjectType, subjectId)
    .map(({ pending, ...note }) => ({ ...note, synced: pending === 0 }));
}
