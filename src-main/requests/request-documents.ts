/** The documents of a request: the Dutch letter as PDF and the JSON export, both from the same detail. */
import type Database from 'better-sqlite3';
import type { RequestDetail, RequestExport } from '../../shared/api/request-views';
import { logConsultation } from '../audit/consultation';
import { findStoredOfficer } from '../db/officers';
import { requestDetail, type RequestViewer } from './request-detail';
import { requestFileName, approverOf, buildRequestExport } from './request-export';
import { dutchDay } from '../../shared/platform/dutch-days';
import { letterContent, type LetterPeople } from './letter/letter-content';
import { renderLetterPdf } from './letter/letter-pdf';
import { writeTransaction } from '../db/write-transaction';

/** A document leaves the workstation: always under a purpose (checked), which the audit log keeps. */
type Exporter = Omit<RequestViewer, 'purpose' | 'use'> & { purpose: string };

/** Names as the letter prints them; an officer who left (inactive) is still named. */
function officerName(sqlite: Database.Database, id: string): { name: string; team: string | null } {
  const officer = findStoredOfficer(sqlite, id);
  return officer ? { name: officer.displayName, team: officer.team } : { name: id, team: null };
}

/** The request's detail as the document shows it, and the export logged: who, which request and reports, why. */
function exportedDetail(sqlite: Database.Database, actionId: string, exporter: Exporter, use: 'request.letter' | 'request.export'): RequestDetail {
  return writeTransaction(sqlite, () => {
    const detail = requestDetail(sqlite, actionId, { ...exporter, use });
    logConsultation(sqlite, exporter.now.toISOString(), {
      actor: exporter.id,
      action: 'action.exported',
      subjectType: 'action',
      subjectId: actionId,
      purpose: exporter.purpose,
      details: { format: use === 'request.letter' ? 'pdf' : 'json', reportIds: detail.bundle.reports.map((report) => report.reportId), personalData: detail.includePersonalData },
    });
    return detail;
  })();
}

export async function requestLetter(sqlite: Database.Database, actionId: string, exporter: Exporter): Promise<{ fileName: string; contentBase64: string }> {
  const detail = exportedDetail(sqlite, actionId, exporter, 'request.letter');
  const author = officerName(sqlite, detail.createdBy);
  const approver = approverOf(detail);
  const people: LetterPeople = { authorName: author.name, authorUnit: author.team, approverName: approver === null ? null : officerName(sqlite, approver).name };
  const pdf = await renderLetterPdf(letterContent(detail, people, dutchDay(exporter.now)), { title: detail.title, createdAt: exporter.now });
  return { fileName: requestFileName(actionId, 'pdf'), contentBase64: pdf.toString('base64') };
}

export function requestExport(sqlite: Database.Database, actionId: string, exporter: Exporter): { fileName: string; document: RequestExport } {
  const detail = exportedDetail(sqlite, actionId, exporter, 'request.export');
  return { fileName: requestFileName(actionId, 'json'), document: buildRequestExport(detail, exporter.now.toISOString()) };
}
