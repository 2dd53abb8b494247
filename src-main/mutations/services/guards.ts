import type Database from 'better-sqlite3';
import type { TransitionActor } from '../../../shared/requests/lifecycle';
import { AppError } from '../../../shared/errors';
import { findOfficer } from '../../db/officers';
import { createReportExists, reportStatus } from '../../db/reports/lookup';
import { caseMembers, findCaseRecord } from '../case-members';

export function requireReport(sqlite: Database.Database, reportId: string): { status: string } {
  const status = reportStatus(sqlite, reportId);
  if (status === undefined) throw new AppError('NOT_FOUND', `Report ${reportId} is not in this store.`);
  return { status };
}

export function requireReports(sqlite: Database.Database, reportIds: readonly string[]): void {
  const exists = createReportExists(sqlite);
  const missing = reportIds.filter((reportId) => !exists(reportId));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `${missing.length === 1 ? 'Report' : 'Reports'} ${missing.join(', ')} not in this store.`);
}

export interface CaseFacts {
  status: string;
  members: Set<string>;
}

export function requireCase(sqlite: Database.Database, caseId: string): CaseFacts {
  const record = findCaseRecord(sqlite, caseId);
  if (!record) throw new AppError('NOT_FOUND', `Case ${caseId} does not exist.`);
  return { status: record.status, members: new Set(caseMembers(sqlite, caseId)) };
}

/** Trimmed text that must not be empty; `what` completes "… must not be empty". */
export function requireText(value: string | undefined, what: string): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw new AppError('BAD_INPUT', `${what} must not be empty.`);
  return trimmed;
}

/** Trimmed text, or null when empty or absent. */
export function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function requireOneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new AppError('BAD_INPUT', `${what} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

/** Unique ids, in the order given; at least one. */
export function requireIdList(ids: readonly string[], what: string): string[] {
  const unique = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
  if (unique.length === 0) throw new AppError('BAD_INPUT', `${what} must name at least one report.`);
  return unique;
}

/**
 * The officer as the guards see them, by this workstation's copy of the officers table (the hub checks again
 * with its own): the role comes from the table, never from the caller. Someone unknown or inactive here is an
 * officer without extra rights.
 */
export function actorOf(sqlite: Database.Database, officerId: string): TransitionActor {
  return { id: officerId, role: findOfficer(sqlite, officerId)?.role ?? 'officer' };
}

/** FORBIDDEN unless the officer is a supervisor; `what` completes "Only a supervisor can …". */
export function requireSupervisor(sqlite: Database.Database, officerId: string, what: string): void {
  if (actorOf(sqlite, officerId).role !== 'supervisor') throw new AppError('FORBIDDEN', `Only a supervisor can ${what}.`);
}
