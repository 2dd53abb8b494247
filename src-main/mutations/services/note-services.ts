import { AppError } from '../../../shared/errors';
import type { Mutation, MutationPayloads } from '../../../shared/mutations/kinds';
import type { CaseStore } from '../../db/open-store';
import { recordMutation } from '../record-mutation';
import { requireCase, requireReport, requireText } from './guards';
import { buildMutation, newIdOf, type ServiceDeps } from './service-deps';

type NoteSubject = MutationPayloads['note.add']['subjectType'];

function requireSubject(store: CaseStore, subjectType: NoteSubject, subjectId: string): void {
  if (subjectType === 'report') requireReport(store.sqlite, subjectId);
  else if (subjectType === 'case') requireCase(store.sqlite, subjectId);
  else if (subjectType === 'action') {
    const found = store.sqlite.prepare('SELECT 1 FROM requests WHERE id = ?').get(subjectId);
    if (!found) throw new AppError('NOT_FOUND', `Action ${subjectId} does not exist.`);
  } else throw new AppError('BAD_INPUT', `A note belongs to a report, a case or an action, not "${String(subjectType)}".`);
}

/** Adds a note (append-only) to a report, case or action. */
export function addNote(
  store: CaseStore,
  deps: ServiceDeps,
  input: { officer: string; subjectType: NoteSubject; subjectId: string; body: string },
): Mutation<'note.add'> {
  const body = requireText(input.body, 'A note');
  requireSubject(store, input.subjectType, input.subjectId);
  const payload = { noteId: newIdOf(deps)(), subjectType: input.subjectType, subjectId: input.subjectId, body };
  return recordMutation(store, buildMutation(deps, input.officer, 'note.add', payload)) as Mutation<'note.add'>;
}
