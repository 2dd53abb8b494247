import type { ApiHandlers } from '../../shared/api/contract';
import { addNote } from '../mutations';
import { listNotes } from '../mutations/note-list';
import { announceWork } from './after-write';
import type { ApiContext } from './context';

export const noteHandlers = {
  'note.list': ({ subjectType, subjectId }, context) => listNotes(context.store.sqlite, subjectType, subjectId),
  'note.add': (params, context) => {
    const mutation = addNote(context.store, context.services, { officer: context.officer.id, ...params });
    announceWork(context, 'note');
    return { noteId: mutation.payload.noteId };
  },
} satisfies Partial<ApiHandlers<ApiContext>>;
