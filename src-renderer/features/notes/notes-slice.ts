import type { ApiErrorBody } from '../../../shared/api/result';
import type { NoteView } from '../../../shared/api/views';
import type { SliceCreator } from '../../state/slice';

export type NoteSubjectType = NoteView['subjectType'];

export const noteSubjectKey = (subjectType: NoteSubjectType, subjectId: string): string => `${subjectType}:${subjectId}`;

export interface NotesSlice {
  /** Notes per subject key (see noteSubjectKey), for the subjects on screen. */
  notes: Record<string, NoteView[]>;
  notesError: ApiErrorBody | null;
  loadNotes: (subjectType: NoteSubjectType, subjectId: string) => Promise<void>;
  refreshNotes: () => Promise<void>;
  addNote: (subjectType: NoteSubjectType, subjectId: string, body: string) => Promise<boolean>;
}

export const createNotesSlice: SliceCreator<NotesSlice> = (api) => (set, get) => {
  const fetchNotes = async (subjectType: NoteSubjectType, subjectId: string) => {
    const result = await api.call('note.list', { subjectType, subjectId });
    if (!result.ok) return set({ notesError: result.error });
    set({ notes: { ...get().notes, [noteSubjectKey(subjectType, subjectId)]: result.value }, notesError: null });
  };

  return {
    notes: {},
    notesError: null,
    loadNotes: fetchNotes,

    refreshNotes: async () => {
      const view = get().view;
      if (view.screen === 'report') await fetchNotes('report', view.reportId);
      if (view.screen === 'cases' && view.caseId) await fetchNotes('case', view.caseId);
      if ((view.screen === 'requests' || view.screen === 'approvals') && view.actionId) await fetchNotes('action', view.actionId);
    },

    addNote: async (subjectType, subjectId, body) => {
      const result = await api.call('note.add', { subjectType, subjectId, body });
      if (!result.ok) {
        get().notifyError('noteFailed', result.error);
        return false;
      }
      await fetchNotes(subjectType, subjectId);
      return true;
    },
  };
};
