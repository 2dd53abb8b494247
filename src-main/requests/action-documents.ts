/** The documents of a request: the Dutch letter as PDF and the JSON export, both from the same detail. */
import type Database from 'better-sqlite3';
import type { ActionExport } from '../../shared/api/action-views';
import { actionDetail, type ActionViewer } from './action-detail';
import { actionFileName, approverOf, buildActionExport } from './action-export';
import { dutchDay } from './dutch-format';
import { letterContent, type LetterPeople } from './letter/letter-content';
import { renderLetterPdf } from './letter/letter-pdf';

type Viewer = Omit<ActionViewer, 'purpose'>;

/** Names as the letter prints them; an officer who left (inactive) is still named. */
function officerName(sqlite: Database.Database, id: string): { name: string; team: string | null } {
  const row = sqlite.prepare<[string], { name: string; team: string | null }>('SELECT display_name AS name, team FROM officers WHERE id = ?').get(id);
  return row ?? { name: id, team: null };
}

export async function actionLetter(sqlite: Database.Database, actionId: string, viewer: Viewer): Promise<{ fileName: string; contentBase64: string }> {
  const detail = actionDetail(sqlite, actionId, { ...viewer, purpose: 'action.letter' });
  const author = officerName(sqlite, detail.createdBy);
  const approver = approverOf(detail);
  const people: LetterPeople = { authorName: author.name, authorUnit: author.team, approverName: approver === null ? null : officerName(sqlite, approver).name };
  const pdf = await renderLetterPdf(letterContent(detail, people, dutchDay(viewer.now)), { title: detail.title, createdAt: viewer.now });
  return { fileName: actionFileName(actionId, 'pdf'), contentBase64: pdf.toString('base64') };
}

export function actionExport(sqlite: Database.Database, actionId: string, viewer: Viewer): { fileName: string; document: ActionExport } {
  const detail = actionDetail(sqlite, actionId, { ...viewer, purpose: 'action.export' });
  return { fileName: actionFileName(actionId, 'json'), document: buildActionExport(detail, viewer.now.toISOString()) };
}
